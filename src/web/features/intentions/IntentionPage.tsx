/** One intention: what and why (editable by everyone it belongs to), steps, check-ins and its history. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { IntentionDetail } from '../../../contract/intentions.ts';
import { useMe } from '../../api/account.ts';
import { call } from '../../api/http.ts';
import { Link } from '../../shell/router.tsx';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { namesOf, useConversation } from '../together/api.ts';
import { t } from '../together/copy.ts';
import { TitleField } from '../together/TitleField.tsx';
import '../together/four-tasks.css';
import { CheckIns, History } from './CheckInsAndHistory.tsx';
import { copyI } from './copy.ts';
import { Steps } from './Steps.tsx';

type Status = IntentionDetail['intention']['status'];

function EditForm({
  detail,
  onSave,
  error,
  pending,
}: {
  detail: IntentionDetail;
  onSave: (v: { title: string; why: string; status: Status }) => void;
  error: unknown;
  pending: boolean;
}) {
  const [title, setTitle] = useState(detail.intention.title);
  const [why, setWhy] = useState(detail.intention.why);
  const [status, setStatus] = useState<Status>(detail.intention.status);
  const [tried, setTried] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (title.trim()) onSave({ title, why, status });
    else titleInput.current?.focus();
  };
  return (
    <form className="form card" onSubmit={submit} aria-labelledby="ft-edit" noValidate>
      <h2 id="ft-edit">{copyI.edit}</h2>
      <FormError error={error} />
      <TitleField
        label={copyI.what}
        value={title}
        onChange={setTitle}
        missing={tried && !title.trim()}
        message={copyI.whatMissing}
        inputRef={titleInput}
      />
      <label className="field">
        <span className="field-label">{copyI.why}</span>
        <textarea
          className="field-input"
          rows={3}
          value={why}
          onChange={(e) => setWhy(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">{copyI.status}</span>
        <select
          className="ft-select"
          value={status}
          onChange={(e) => setStatus(e.target.value as Status)}
        >
          <option value="open">{copyI.open}</option>
          <option value="reached">{copyI.reached}</option>
          <option value="set_aside">{copyI.set_aside}</option>
        </select>
      </label>
      <Button type="submit" busy={pending}>
        {copyI.save}
      </Button>
    </form>
  );
}

export function IntentionPage({ intentionId }: { intentionId: string }) {
  const client = useQueryClient();
  const me = useMe().data?.user;
  const key = ['four-tasks', 'intention', intentionId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => call('getIntention', { params: { intentionId } }),
  });
  const conversationId = q.data?.intention.conversationId ?? '';
  const conv = useConversation(conversationId);
  const names = namesOf(conversationId ? conv.data : undefined);
  const nameOf = (id: string) => (id === me?.id ? me.displayName : names(id));
  const done = (d: IntentionDetail) => {
    client.setQueryData(key, d);
    void client.invalidateQueries({ queryKey: ['four-tasks', 'intentions'] });
  };
  const update = useMutation({
    mutationFn: (body: { title?: string; why?: string; status?: Status }) =>
      call('updateIntention', { params: { intentionId }, body }),
    onSuccess: done,
  });
  const addStep = useMutation({
    mutationFn: (text: string) =>
      call('addIntentionStep', { params: { intentionId }, body: { text } }),
    onSuccess: done,
  });
  const step = useMutation({
    mutationFn: (v: { stepId: string; patch: { taken?: boolean; done?: boolean } }) =>
      call('updateIntentionStep', { params: { intentionId, stepId: v.stepId }, body: v.patch }),
    onSuccess: done,
  });
  const checkIn = useMutation({
    mutationFn: (note: string) =>
      call('checkInOnIntention', { params: { intentionId }, body: { note } }),
    onSuccess: done,
  });
  const d = q.data;
  return (
    <Page title={d ? d.intention.title : copyI.title} wide>
      <p>
        <Link
          href={
            d?.intention.kind === 'shared' && conversationId
              ? `/together/${conversationId}/intentions`
              : '/intentions'
          }
        >
          {copyI.back}
        </Link>{' '}
        · <Link href="/together">{t.back}</Link>
      </p>
      <FormError error={q.error ?? addStep.error ?? step.error ?? checkIn.error} />
      {q.isPending ? <p>{t.loading}</p> : null}
      {d ? (
        <div className="ft-grid">
          <section className="card" aria-labelledby="ft-why">
            <h2 id="ft-why">{copyI.why}</h2>
            <p className="pre-line">{d.intention.why || '—'}</p>
            <p>
              <span className="tag">{copyI[d.intention.status]}</span>
              <span className="tag">{copyI[d.intention.kind]}</span>
            </p>
            {!d.canEdit ? <p className="muted">{copyI.readOnly}</p> : null}
          </section>
          <Steps
            detail={d}
            me={me?.id}
            nameOf={nameOf}
            actions={{
              add: (text) => addStep.mutateAsync(text),
              update: (stepId, patch) => step.mutate({ stepId, patch }),
              pending: addStep.isPending,
            }}
          />
          <CheckIns
            detail={d}
            nameOf={nameOf}
            onAdd={(note) => checkIn.mutateAsync(note)}
            pending={checkIn.isPending}
          />
          {d.canEdit ? (
            <EditForm
              key={d.intention.updatedAt}
              detail={d}
              onSave={(v) => update.mutate(v)}
              error={update.error}
              pending={update.isPending}
            />
          ) : null}
          <History detail={d} nameOf={nameOf} />
        </div>
      ) : null}
    </Page>
  );
}
