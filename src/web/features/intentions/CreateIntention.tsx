/** Starting an intention, with the coach's toward-framed alternatives when it is written as stop or avoid. */
import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useAnalyze } from '../together/coach.ts';
import { copyI } from './copy.ts';
import { towardAlternatives } from './toward.ts';

export interface NewIntention {
  title: string;
  why: string;
}

export function CreateIntention({
  personal,
  error,
  pending,
  onCreate,
  extra,
}: {
  personal: boolean;
  error: unknown;
  pending: boolean;
  onCreate: (value: NewIntention) => Promise<unknown>;
  extra?: React.ReactNode;
}) {
  const analyze = useAnalyze();
  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const deferred = useDeferredValue(title);
  const alternatives = useMemo(
    () => (deferred.trim() ? towardAlternatives(deferred, analyze ? analyze(deferred) : null) : []),
    [deferred, analyze],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onCreate({ title, why }).then(() => {
      setTitle('');
      setWhy('');
    });
  };
  return (
    <form className="form card" onSubmit={submit} aria-labelledby="ft-create">
      <h2 id="ft-create">{copyI.create}</h2>
      <FormError error={error} />
      <label className="field">
        <span className="field-label">{personal ? copyI.whatPersonal : copyI.what}</span>
        <input
          className="field-input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
        />
      </label>
      {alternatives.length ? (
        <div className="ft-coach" aria-live="polite">
          <p className="ft-coach-title">{copyI.towardTitle}</p>
          <p>{copyI.towardLead}</p>
          <ul>
            {alternatives.map((a) => (
              <li key={a}>
                “{a}”{' '}
                <Button variant="plain" onPress={() => setTitle(a.replace(/\?$/, ''))}>
                  {copyI.use}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <label className="field">
        <span className="field-label">{copyI.why}</span>
        <textarea
          className="field-input"
          rows={3}
          value={why}
          onChange={(e) => setWhy(e.target.value)}
        />
      </label>
      {extra}
      <Button type="submit" busy={pending}>
        {copyI.start}
      </Button>
    </form>
  );
}
