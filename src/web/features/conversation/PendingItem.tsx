/** A message in the outbox: shown at once (local echo), visibly pending until the server acknowledges it. */
import { Button } from '../../components/Button.tsx';
import { copy, fill } from '../../copy.ts';
import type { OutboxEntry } from './outbox.ts';

export function PendingItem({
  entry,
  online,
  onRetry,
  onDiscard,
}: {
  entry: OutboxEntry;
  online: boolean;
  /** Absent when sending again cannot work (the conversation takes no messages now). */
  onRetry: (() => void) | undefined;
  onDiscard: () => void;
}) {
  return (
    <li className="message message-mine message-pending" data-pending-id={entry.id}>
      <p className="message-meta">
        <span className="message-author">{copy.conversation.you}</span>{' '}
        <span className="pending-status">
          {entry.failed
            ? fill(copy.conversation.notSent, { reason: entry.failed })
            : online
              ? copy.conversation.sending
              : copy.conversation.waiting}
        </span>
      </p>
      <p className="message-text">{entry.text}</p>
      {entry.failed ? (
        <div className="message-actions">
          {onRetry ? (
            <Button variant="plain" onPress={onRetry}>
              {copy.conversation.retry}
            </Button>
          ) : null}
          <Button variant="plain" onPress={onDiscard}>
            {copy.conversation.discard}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
