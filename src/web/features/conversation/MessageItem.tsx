/** One message: author, time, text; the writer's own messages can be edited (15 minutes) and deleted. */
import { useMutation } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
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
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const item = useRef<HTMLLIElement>(null);
  // Where focus goes back to when an edit or a delete question ends (the app's own focus, not the page's).
  const [returnTo, setReturnTo] = useState<'edit' | 'delete' | undefined>();
  useEffect(() => {
    if (mode !== 'view' || !returnTo) return;
    (returnTo === 'edit' ? (editButton.current ?? item.current) : deleteButton.current)?.focus();
    setReturnTo(undefined);
  }, [mode, returnTo]);
  const back = (from: 'edit' | 'delete') => {
    setReturnTo(from);
    setMode('view');
  };
  const escapeTo = (from: 'edit' | 'delete') => (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    back(from);
  };
  // The Edit button goes when the 15 minutes are up, even if nothing else changes on the page.
  const editableFor = EDIT_WINDOW_MS - (Date.now() - new Date(message.createdAt).getTime());
  const [expired, setExpired] = useState(editableFor <= 0);
  useEffect(() => {
    const left = EDIT_WINDOW_MS - (Date.now() - new Date(message.createdAt).getTime());
    if (!mine || left <= 0) return;
    const timer = setTimeout(() => setExpired(true), left);
    return () => clearTimeout(timer);
  }, [mine, message.createdAt]);
  const params = { conversationId: message.conversationId, messageId: message.id };
  const edit = useMutation({
    mutationFn: () => call('editMessage', { params, body: { text: draft } }),
    onSuccess: (m) => {
      store.update(m);
      back('edit');
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
  const canEdit = mine && !deleted && !expired && editableFor > 0;
  return (
    <li
      className={`message${mine ? ' message-mine' : ''}`}
      data-seq={message.seq}
      data-id={message.id}
      tabIndex={-1}
      ref={item}
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
          onKeyDown={escapeTo('edit')}
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
            autoFocus
          />
          <FormError error={edit.error} />
          <div className="actions">
            <Button type="submit" busy={edit.isPending}>
              {copy.conversation.save}
            </Button>
            <Button variant="quiet" onPress={() => back('edit')}>
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
        <div
          className="actions"
          role="group"
          aria-label={copy.conversation.deleteAsk}
          onKeyDown={escapeTo('delete')}
        >
          <span>{copy.conversation.deleteAsk}</span>
          <Button variant="quiet" onPress={() => remove.mutate()} busy={remove.isPending}>
            {copy.conversation.deleteYes}
          </Button>
          {/* The safe choice has focus first. */}
          <Button variant="plain" onPress={() => back('delete')} autoFocus>
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
              ref={editButton}
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
            ref={deleteButton}
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
