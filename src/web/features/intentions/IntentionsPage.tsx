/** Shared intentions in one relationship or circle, and personal ones shared with it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/http.ts';
import { Link, navigate } from '../../shell/router.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { conversationTitle, useConversation, useMyId } from '../together/api.ts';
import { t } from '../together/copy.ts';
import '../together/four-tasks.css';
import { copyI } from './copy.ts';
import { CreateIntention, type NewIntention } from './CreateIntention.tsx';
import { IntentionList } from './IntentionList.tsx';

export function IntentionsPage({ conversationId }: { conversationId: string }) {
  const me = useMyId();
  const client = useQueryClient();
  const detail = useConversation(conversationId);
  const list = useQuery({
    queryKey: ['four-tasks', 'intentions', conversationId],
    queryFn: () => call('listConversationIntentions', { params: { conversationId } }),
  });
  const create = useMutation({
    mutationFn: (v: NewIntention) =>
      call('createSharedIntention', { params: { conversationId }, body: v }),
    onSuccess: async (d) => {
      await client.invalidateQueries({ queryKey: ['four-tasks', 'intentions'] });
      navigate(`/intentions/${d.intention.id}`);
    },
  });
  return (
    <Page title={`${copyI.title}: ${conversationTitle(detail.data, me)}`} wide>
      <p>
        <Link href="/together">{t.back}</Link>
      </p>
      <p className="lead">{copyI.lead}</p>
      <CreateIntention
        personal={false}
        error={create.error}
        pending={create.isPending}
        onCreate={(v) => create.mutateAsync(v)}
      />
      <section aria-labelledby="ft-list" className="stack">
        <h2 id="ft-list">{copyI.list}</h2>
        <FormError error={list.error} />
        {list.isPending ? (
          <p>{t.loading}</p>
        ) : (
          <IntentionList intentions={list.data?.intentions ?? []} label={copyI.list} />
        )}
      </section>
    </Page>
  );
}
