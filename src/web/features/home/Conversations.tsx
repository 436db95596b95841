/** The person's relationships and circles with unread counts and last activity, and invitations waiting for them. */
import {
  conversationTitle,
  useConnectionInvitations,
  useConversations,
  usePeopleNames,
} from '../../api/conversations.ts';
import { FormError } from '../../components/FormError.tsx';
import { copy, fill, when } from '../../copy.ts';
import { Link } from '../../shell/router.tsx';
import { Invitations } from './Invitations.tsx';

type Conversation = NonNullable<
  ReturnType<typeof useConversations>['data']
>['conversations'][number];

function Row({ c, me, names }: { c: Conversation; me: string; names: Record<string, string> }) {
  const title = conversationTitle(c, me, names);
  return (
    <li className="card conversation-row">
      <Link href={`/c/${c.id}`} className="row-link">
        <span className="visually-hidden">{copy.home.openPrefix} </span>
        <span className="row-title">{title}</span>{' '}
        {c.unread ? (
          <span className="badge">{fill(copy.home.unread, { count: c.unread })}</span>
        ) : null}
      </Link>
      <p className="muted small">
        {c.kind === 'circle'
          ? `${fill(copy.circle.members, { count: c.memberIds.length })} · `
          : ''}
        {c.lastActivityAt
          ? fill(copy.home.lastActivity, { when: when(c.lastActivityAt) })
          : copy.home.quiet}
      </p>
    </li>
  );
}

export function Conversations({ me, orgIds }: { me: string; orgIds: string[] }) {
  const list = useConversations();
  const names = usePeopleNames(orgIds);
  const all = list.data?.conversations ?? [];
  const relationships = all.filter((c) => c.kind === 'relationship');
  const circles = all.filter((c) => c.kind === 'circle');
  // Someone waiting for an answer comes first; otherwise the (empty) list sits after the conversations.
  const waiting = (useConnectionInvitations().data?.received.length ?? 0) > 0;
  return (
    <>
      {waiting ? <Invitations /> : null}
      <section className="card" aria-labelledby="rel-title">
        <h2 id="rel-title">{copy.home.relationships}</h2>
        <FormError error={list.error} />
        {relationships.length ? (
          <ul className="list">
            {relationships.map((c) => (
              <Row key={c.id} c={c} me={me} names={names} />
            ))}
          </ul>
        ) : (
          <p className="muted">{list.isPending ? copy.app.loading : copy.home.noRelationships}</p>
        )}
      </section>
      <section className="card" aria-labelledby="circles-title">
        <h2 id="circles-title">{copy.home.circles}</h2>
        {circles.length ? (
          <ul className="list">
            {circles.map((c) => (
              <Row key={c.id} c={c} me={me} names={names} />
            ))}
          </ul>
        ) : (
          <p className="muted">{copy.home.noCircles}</p>
        )}
      </section>
      {waiting ? null : <Invitations />}
    </>
  );
}
