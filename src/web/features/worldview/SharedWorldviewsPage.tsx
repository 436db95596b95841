/** The worldview pages people in one relationship or circle chose to share with it. */
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/http.ts';
import { Link } from '../../shell/router.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { conversationTitle, useConversation, useMyId } from '../together/api.ts';
import { fill, t } from '../together/copy.ts';
import '../together/four-tasks.css';
import { copyW } from './copy.ts';
import { WorldviewText } from './WorldviewText.tsx';

export function SharedWorldviewsPage({ conversationId }: { conversationId: string }) {
  const me = useMyId();
  const detail = useConversation(conversationId);
  const q = useQuery({
    queryKey: ['four-tasks', 'worldview', 'shared', conversationId],
    queryFn: () => call('listSharedWorldviews', { params: { conversationId } }),
  });
  return (
    <Page title={`${copyW.sharedTitle}: ${conversationTitle(detail.data, me)}`} wide>
      <p>
        <Link href="/together">{t.back}</Link> · <Link href="/worldview">{copyW.title}</Link>
      </p>
      <p className="lead">{copyW.sharedLead}</p>
      <FormError error={q.error} />
      {q.isPending ? <p>{t.loading}</p> : null}
      {q.data?.pages.length === 0 ? <p className="muted">{copyW.noneShared}</p> : null}
      <ul className="list">
        {q.data?.pages.map((p) => (
          <li key={p.userId} className="card">
            <h2>{fill(copyW.pageOf, { name: p.displayName })}</h2>
            <WorldviewText page={p} />
          </li>
        ))}
      </ul>
    </Page>
  );
}
