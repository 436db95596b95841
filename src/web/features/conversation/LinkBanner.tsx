/** A calm line while the live link is offline, reconnecting or ended; nothing when all is well. */
import { copy } from '../../copy.ts';
import { useLinkStatus } from './live-context.tsx';

export function LinkBanner() {
  const status = useLinkStatus();
  const text =
    status === 'offline'
      ? copy.conversation.offline
      : status === 'reconnecting'
        ? copy.conversation.reconnecting
        : status === 'ended'
          ? copy.conversation.ended
          : null;
  return (
    <div role="status" className="link-banner-slot">
      {text ? (
        <p className="link-banner" data-status={status}>
          {text}
        </p>
      ) : null}
    </div>
  );
}
