/** The conversation view: header with who is here, the calm link banner, limits, the live history and the composer. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useMe } from '../../api/account.ts';
import { conversationKey } from '../../api/conversations.ts';
import { ApiError, call } from '../../api/http.ts';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { copy, fill } from '../../copy.ts';
import { Link } from '../../shell/router.tsx';
import { LinkBanner } from './LinkBanner.tsx';
import { onIncoming, useLinkStatus, useLive, useOutbox } from './live-context.tsx';
import { MyLimits, TheirLimits } from './LimitsPanel.tsx';
import { MessageList, PAGE_SIZE } from './MessageList.tsx';
import { CircleInvite } from './CircleInvite.tsx';
import { CircleOpenness } from './CircleOpenness.tsx';
import { Composer } from './Composer.tsx';
import { LeaveOrBlock } from './LeaveOrBlock.tsx';

export function ConversationPage({ conversationId }: { conversationId: string }) {
  const me = useMe().data?.user.id ?? '';
  const live = useLive();
  const detail = useQuery({
    queryKey: conversationKey(conversationId),
    queryFn: () => call('getConversation', { params: { conversationId } }),
    retry: false,
  });
  const store = useMemo(() => live?.store(conversationId), [live, conversationId]);
  const state = useSyncExternalStore(store?.subscribe ?? (() => () => undefined), () =>
    store?.get(),
  );
  const [announcement, setAnnouncement] = useState('');
  const names = useMemo(
    () =>
      Object.fromEntries(
        [...(detail.data?.formerMembers ?? []), ...(detail.data?.members ?? [])].map((m) => [
          m.userId,
          m.displayName,
        ]),
      ),
    [detail.data],
  );
  // Every hook runs before the early return below, so a page that turns into "not available" keeps them.
  const linkOpen = useLinkStatus() === 'open';

  // First page over HTTP, then live from the newest seq on.
  useEffect(() => {
    if (!live || !store) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void call('listMessages', { params: { conversationId }, query: { limit: PAGE_SIZE } })
      .then((page) => {
        if (cancelled) return;
        store.addPage(page.messages, false, PAGE_SIZE);
        stop = live.watch(conversationId);
      })
      .catch(() => {
        if (!cancelled) stop = live.watch(conversationId);
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [live, store, conversationId]);

  // A message that could not be sent is said aloud too, once, not only shown beside it.
  const outbox = useOutbox(conversationId);
  const toldFailed = useRef(new Set<string>());
  useEffect(() => {
    const failed = outbox.find((e) => e.failed && !toldFailed.current.has(e.id));
    if (!failed?.failed) return;
    toldFailed.current.add(failed.id);
    setAnnouncement(fill(copy.conversation.notSent, { reason: failed.failed }));
  }, [outbox]);

  useEffect(
    () =>
      onIncoming((c, author, text) => {
        if (c === conversationId)
          setAnnouncement(
            fill(copy.conversation.newFrom, {
              name: names[author] ?? copy.conversation.someone,
              text: text.slice(0, 200),
            }),
          );
      }),
    [conversationId, names],
  );

  if (detail.error) {
    return (
      <Page title={copy.conversation.notFound}>
        {detail.error instanceof ApiError && detail.error.isMissing ? null : (
          <FormError error={detail.error} />
        )}
        <Link href="/">{copy.conversation.back}</Link>
      </Page>
    );
  }
  const d = detail.data;
  const others = (d?.members ?? []).filter((m) => m.userId !== me);
  const title = !d
    ? copy.app.loading
    : d.kind === 'circle'
      ? (d.name ?? '')
      : fill(copy.conversation.titleWith, {
          // Someone who left a relationship keeps their name on it.
          name:
            (others.length ? others : d.formerMembers.filter((m) => m.userId !== me))
              .map((o) => o.displayName)
              .join(', ') || copy.conversation.someone,
        });
  const typing = (state?.typing ?? []).map((id) => names[id] ?? copy.conversation.someone);
  const online = new Set(linkOpen ? (state?.online ?? []) : []);
  const lastFromOthers = [...(state?.messages ?? [])]
    .reverse()
    .find((m) => m.authorId !== me && !m.deletedAt && !m.hidden);
  const readBy = Math.max(0, ...others.map((o) => state?.reads[o.userId] ?? o.readUpTo ?? 0));

  return (
    <Page title={title} wide>
      <div className="conversation">
        <p className="conversation-sub">
          <Link href="/">{copy.conversation.back}</Link>
          {others.map((o) => (
            <span key={o.userId} className="member-chip">
              {o.displayName}
              {o.pronouns ? ` (${o.pronouns})` : ''}
              {online.has(o.userId) ? (
                <span className="presence"> · {copy.conversation.online}</span>
              ) : null}
            </span>
          ))}
        </p>
        <LinkBanner />
        <TheirLimits conversationId={conversationId} me={me} />
        {store ? (
          <MessageList
            conversationId={conversationId}
            store={store}
            me={me}
            names={names}
            readBy={readBy}
            canPost={d ? d.canPost : true}
          />
        ) : null}
        <p className="typing" aria-live="off">
          {typing.length ? fill(copy.conversation.typing, { name: typing.join(', ') }) : '\u00a0'}
        </p>
        <div aria-live="polite" className="visually-hidden" data-testid="announcer">
          {announcement}
        </div>
        {d && !d.canPost ? <p className="notice">{copy.conversation.cannotPost}</p> : null}
        <Composer
          onSend={(text) => live?.send(conversationId, text)}
          onTyping={() => live?.typing(conversationId)}
          context={lastFromOthers?.text}
          disabled={d ? !d.canPost : false}
        />
        {d?.kind === 'circle' ? (
          <CircleOpenness conversationId={conversationId} open={d.membersCanInvite} />
        ) : null}
        {d?.kind === 'circle' && d.membersCanInvite ? (
          <CircleInvite
            conversationId={conversationId}
            orgId={d.orgId}
            memberIds={d.members.map((m) => m.userId)}
          />
        ) : null}
        <details className="card my-limits">
          <summary>{copy.limits.mine}</summary>
          <MyLimits conversationId={conversationId} me={me} />
        </details>
        {d ? (
          <details className="card">
            <summary>{copy.leaving.title}</summary>
            <LeaveOrBlock conversationId={conversationId} kind={d.kind} others={others} />
          </details>
        ) : null}
      </div>
    </Page>
  );
}
