/** The person's own worldview page: their words, optional prompts, and who may read it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { WORLDVIEW_PROMPTS, type MyWorldview } from '../../../contract/worldview.ts';
import { call } from '../../api/http.ts';
import { Link } from '../../shell/router.tsx';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { t } from '../together/copy.ts';
import '../together/four-tasks.css';
import { copyW } from './copy.ts';
import { Readers } from './Readers.tsx';

const KEY = ['four-tasks', 'worldview', 'mine'];

function Editor({ data }: { data: MyWorldview }) {
  const client = useQueryClient();
  const [body, setBody] = useState(data.page.body);
  const [answers, setAnswers] = useState<Record<string, string>>(data.page.answers);
  const save = useMutation({
    mutationFn: () => call('saveMyWorldview', { body: { body, answers } }),
    onSuccess: (d) => client.setQueryData(KEY, d),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="form card" onSubmit={submit} aria-label={copyW.title}>
      <FormError error={save.error} />
      <label className="field">
        <span className="field-label">{copyW.body}</span>
        <textarea
          className="field-input"
          rows={8}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <fieldset className="ft-rating">
        <legend className="field-label">{copyW.prompts}</legend>
        {WORLDVIEW_PROMPTS.map((p) => (
          <label key={p.key} className="field">
            <span>{p.text}</span>
            <textarea
              className="field-input"
              rows={2}
              value={answers[p.key] ?? ''}
              onChange={(e) => setAnswers((a) => ({ ...a, [p.key]: e.target.value }))}
            />
          </label>
        ))}
      </fieldset>
      <Button type="submit" busy={save.isPending}>
        {save.isPending ? t.saving : copyW.save}
      </Button>
      {save.isSuccess ? <Notice tone="success">{t.saved}</Notice> : null}
    </form>
  );
}

export function MyWorldviewPage() {
  const q = useQuery({ queryKey: KEY, queryFn: () => call('getMyWorldview') });
  return (
    <Page title={copyW.title} wide>
      <p>
        <Link href="/together">{t.back}</Link>
      </p>
      <p className="lead">{copyW.lead}</p>
      <FormError error={q.error} />
      {q.data ? (
        <div className="ft-grid">
          <Editor data={q.data} />
          <Readers granted={q.data.readers.map((r) => r.conversationId)} />
        </div>
      ) : (
        <p>{t.loading}</p>
      )}
    </Page>
  );
}
