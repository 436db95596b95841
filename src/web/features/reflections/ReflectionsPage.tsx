/** Co-reflection in one relationship or circle: start a round, write one's own reflection, read what others share. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { call } from '../../api/http.ts';
import { Link } from '../../shell/router.tsx';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { Toggle } from '../../components/Toggle.tsx';
import { conversationTitle, namesOf, useConversation, useMyId } from '../together/api.ts';
import { t } from '../together/copy.ts';
import { TitleField } from '../together/TitleField.tsx';
import '../together/four-tasks.css';
import { copyR } from './prompts.ts';
import { RoundCard } from './RoundCard.tsx';

function StartRound({ conversationId }: { conversationId: string }) {
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [tried, setTried] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const start = useMutation({
    mutationFn: () =>
      call('startReflectionRound', {
        params: { conversationId },
        body: { title, periodStart: from || null, periodEnd: to || null },
      }),
    onSuccess: async () => {
      setTitle('');
      setFrom('');
      setTo('');
      setTried(false);
      await client.invalidateQueries({ queryKey: ['four-tasks', 'rounds'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (title.trim()) start.mutate();
    else titleInput.current?.focus();
  };
  return (
    <form className="form card" onSubmit={submit} aria-labelledby="ft-start" noValidate>
      <h2 id="ft-start">{copyR.start}</h2>
      <FormError error={start.error} />
      <TitleField
        label={copyR.startTitle}
        hint={copyR.startHint}
        value={title}
        onChange={setTitle}
        missing={tried && !title.trim()}
        message={copyR.startTitleMissing}
        inputRef={titleInput}
      />
      <div className="ft-dates">
        <label className="field">
          <span className="field-label">{copyR.from}</span>
          <input
            className="field-input"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{copyR.to}</span>
          <input
            className="field-input"
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
      </div>
      <Button type="submit" busy={start.isPending}>
        {copyR.startButton}
      </Button>
    </form>
  );
}

export function ReflectionsPage({ conversationId }: { conversationId: string }) {
  const me = useMyId();
  const client = useQueryClient();
  const detail = useConversation(conversationId);
  const rounds = useQuery({
    queryKey: ['four-tasks', 'rounds', conversationId],
    queryFn: () => call('listReflectionRounds', { params: { conversationId } }),
  });
  const practice = useMutation({
    mutationFn: (isPractice: boolean) =>
      call('setPracticeCircle', { params: { conversationId }, body: { isPractice } }),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: ['four-tasks', 'rounds', conversationId] }),
  });
  const isPractice = rounds.data?.practice ?? false;
  const nameOf = namesOf(detail.data);
  return (
    <Page title={`${copyR.title}: ${conversationTitle(detail.data, me)}`} wide>
      <p>
        <Link href="/together">{t.back}</Link>
      </p>
      <p className="lead">{isPractice ? copyR.practiceLead : copyR.lead}</p>
      {detail.data?.kind === 'circle' ? (
        <Toggle isSelected={isPractice} onChange={(on) => practice.mutate(on)}>
          {copyR.practiceToggle}
        </Toggle>
      ) : null}
      <FormError error={rounds.error ?? practice.error} />
      <StartRound conversationId={conversationId} />
      <section aria-labelledby="ft-rounds" className="stack">
        <h2 id="ft-rounds">{copyR.rounds}</h2>
        {rounds.isPending ? <p>{t.loading}</p> : null}
        {rounds.data?.rounds.length === 0 ? <p className="muted">{copyR.none}</p> : null}
        <ul className="list">
          {rounds.data?.rounds.map((r) => (
            <RoundCard key={r.id} round={r} practice={isPractice} nameOf={nameOf} />
          ))}
        </ul>
      </section>
    </Page>
  );
}
