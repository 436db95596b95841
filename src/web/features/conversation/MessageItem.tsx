/** One message: author, time, text; the writer's own messages can be edited (15 minutes) and deleted. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { WireMessage } from '../../../contract/ws.ts';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { copy } from '../../copy.ts';
import type { ConversationStore } from './store.ts';

const EDIT_WINDOW_MS = 15 * 60_000;
const time = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

export function MessageItem({
  message,
  mine,
  author,
  store,
  seen,
  active,
}: {
  message: WireMessage;
  mine: boolean;
  author: string;
  store: ConversationStore;
  seen: boolean;
  /** Only the message the person moved to (arrow keys) keeps its buttons in the Tab order. */
  active: boolean;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [draft, setDraft] = useState(message.text);
  const params = { conversationId: message.conversationId, messageId: message.id };
  const edit = useMutation({
    mutationFn: () => call('editMessage', { params, body: { text: draft } }),
    onSuccess: (m) => {
      store.update(m);
      setMode('view');
    },
  });
  const remove = useMutation({
    mutationFn: () => call('deleteMessage', { params }),
    onSuccess: (m) => {
      store.update(m);
      setMode('view');
    },
  });
  const deleted = Boolean(message.deletedAt);
  const canEdit =
    mine && !deleted && Date.now() - new Date(message.createdAt).getTime() < EDIT_WINDOW_MS;
  return (
    <li
      className={`message${mine ? ' message-mine' : ''}`}
      data-seq={message.seq}
      data-id={message.id}
      tabIndex={-1}
    >
      <p className="message-meta">
        <span className="message-author">
          {mine ? copy.conversation.you : message.hidden ? copy.conversation.someone : author}
        </span>{' '}
        <time dateTime={message.createdAt}>{time(message.createdAt)}</time>
        {message.editedAt && !deleted ? (
          <span className="muted"> · {copy.conversation.edited}</span>
        ) : null}
      </p>
      {mode === 'edit' ? (
        <form
          className="message-edit"
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate();
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
            {copy.conversation.editLabel}
          </label>
          <textarea
            id={`edit-${message.id}`}
            className="field-input"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={3}
          />
          <FormError error={edit.error} />
          <div className="actions">
            <Button type="submit" busy={edit.isPending}>
              {copy.conversation.save}
            </Button>
            <Button variant="quiet" onPress={() => setMode('view')}>
              {copy.conversation.cancel}
            </Button>
          </div>
        </form>
      ) : (
        <p className={`message-text${deleted || message.hidden ? ' muted' : ''}`}>
          {deleted
            ? copy.conversation.deleted
            : message.hidden
              ? copy.conversation.hidden
              : message.text}
        </p>
      )}
      {mode === 'delete' ? (
        <div className="actions" role="group" aria-label={copy.conversation.deleteAsk}>
          <span>{copy.conversation.deleteAsk}</span>
          <Button variant="quiet" onPress={() => remove.mutate()} busy={remove.isPending}>
            {copy.conversation.deleteYes}
          </Button>
          <Button variant="plain" onPress={() => setMode('view')}>
            {copy.conversation.keep}
          </Button>
          <FormError error={remove.error} />
        </div>
      ) : null}
      {mine && !deleted && mode === 'view' ? (
        <div className="message-actions">
          {canEdit ? (
            <button
              type="button"
              className="btn btn-plain"
              tabIndex={active ? 0 : -1}
              onClick={() => {
                setDraft(message.text);
                setMode('edit');
              }}
            >
              {copy.conversation.edit}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-plain"
            tabIndex={active ? 0 : -1}
            onClick={() => setMode('delete')}
          >
            {copy.conversation.delete}
          </button>
          {seen ? <span className="muted">{copy.conversation.seen}</span> : null}
        </div>
      ) : null}
    </li>
  );
}
