/** The hub for the four tasks: each relationship and circle with its reflections, intentions, insights and pages. */
import { Link } from '../../shell/router.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { conversationTitle, useConversation, useConversations, useMyId } from './api.ts';
import { t } from './copy.ts';
import './four-tasks.css';

function ConversationLinks({ id }: { id: string }) {
  const detail = useConversation(id);
  const me = useMyId();
  const title = conversationTitle(detail.data, me);
  const base = `/together/${id}`;
  return (
    <li className="card">
      {/* The tag sits beside the heading, not in it, so the heading's name is the title alone. */}
      <div className="ft-title-row">
        <h3 className="row-title">{title}</h3>
        {detail.data?.kind === 'circle' ? <span className="tag">{t.hub.circle}</span> : null}
      </div>
      <ul className="ft-links" aria-label={title}>
        <li>
          <Link href={`${base}/reflections`}>{t.hub.reflect}</Link>
        </li>
        <li>
          <Link href={`${base}/intentions`}>{t.hub.intentions}</Link>
        </li>
        <li>
          <Link href={`${base}/insights`}>{t.hub.insights}</Link>
        </li>
        <li>
          <Link href={`${base}/worldview`}>{t.hub.pages}</Link>
        </li>
      </ul>
    </li>
  );
}

export function TogetherPage() {
  const list = useConversations();
  const conversations = list.data?.conversations ?? [];
  return (
    <Page title={t.hub.title} wide>
      <p className="lead">{t.hub.lead}</p>
      <section aria-labelledby="ft-conv" className="stack">
        <h2 id="ft-conv">{t.hub.conversations}</h2>
        <FormError error={list.error} />
        {list.isPending ? <p>{t.loading}</p> : null}
        {list.isSuccess && conversations.length === 0 ? (
          <p className="muted">{t.hub.none}</p>
        ) : null}
        <ul className="list">
          {conversations.map((c) => (
            <ConversationLinks key={c.id} id={c.id} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="ft-yours" className="card">
        <h2 id="ft-yours">{t.hub.yours}</h2>
        <ul className="ft-links">
          <li>
            <Link href="/worldview">{t.hub.myPage}</Link>
          </li>
          <li>
            <Link href="/intentions">{t.hub.myIntentions}</Link>
          </li>
          <li>
            <Link href="/export">{t.hub.export}</Link>
          </li>
        </ul>
      </section>
    </Page>
  );
}
