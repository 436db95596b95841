/** The person's own intentions: private unless they choose a relationship or circle to share one with. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/http.ts';
import { Link, navigate } from '../../shell/router.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { ConversationSelect } from '../together/ConversationSelect.tsx';
import { t } from '../together/copy.ts';
import '../together/four-tasks.css';
import { copyI } from './copy.ts';
import { CreateIntention, type NewIntention } from './CreateIntention.tsx';
import { IntentionList } from './IntentionList.tsx';

export function PersonalIntentionsPage() {
  const client = useQueryClient();
  const [sharedWith, setSharedWith] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['four-tasks', 'intentions', 'mine'],
    queryFn: () => call('listPersonalIntentions'),
  });
  const create = useMutation({
    mutationFn: (v: NewIntention) =>
      call('createPersonalIntention', { body: { ...v, sharedWith } }),
    onSuccess: async (d) => {
      await client.invalidateQueries({ queryKey: ['four-tasks', 'intentions'] });
      navigate(`/intentions/${d.intention.id}`);
    },
  });
  return (
    <Page title={copyI.personalTitle} wide>
      <p>
        <Link href="/together">{t.back}</Link>
      </p>
      <p className="lead">{copyI.personalLead}</p>
      <CreateIntention
        personal
        error={create.error}
        pending={create.isPending}
        onCreate={(v) => create.mutateAsync(v)}
        extra={
          <ConversationSelect
            label={copyI.shareWith}
            none={copyI.nobody}
            value={sharedWith}
            onChange={setSharedWith}
          />
        }
      />
      <section aria-labelledby="ft-list" className="stack">
        <h2 id="ft-list">{copyI.personalTitle}</h2>
        <FormError error={list.error} />
        {list.isPending ? (
          <p>{t.loading}</p>
        ) : (
          <IntentionList intentions={list.data?.intentions ?? []} label={copyI.personalTitle} />
        )}
      </section>
    </Page>
  );
}
