/** Starting an intention, with the coach's toward-framed alternatives when it is written as stop or avoid. */
import { useDeferredValue, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useAnalyze } from '../together/coach.ts';
import { TitleField } from '../together/TitleField.tsx';
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
  const [tried, setTried] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const deferred = useDeferredValue(title);
  const alternatives = useMemo(
    () => (deferred.trim() ? towardAlternatives(deferred, analyze ? analyze(deferred) : null) : []),
    [deferred, analyze],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!title.trim()) {
      titleInput.current?.focus();
      return;
    }
    void onCreate({ title, why }).then(() => {
      setTitle('');
      setWhy('');
      setTried(false);
    });
  };
  return (
    <form className="form card" onSubmit={submit} aria-labelledby="ft-create" noValidate>
      <h2 id="ft-create">{copyI.create}</h2>
      <FormError error={error} />
      <TitleField
        label={personal ? copyI.whatPersonal : copyI.what}
        value={title}
        onChange={setTitle}
        missing={tried && !title.trim()}
        message={copyI.whatMissing}
        inputRef={titleInput}
      />
      {alternatives.length ? (
        <div className="ft-coach" aria-live="polite">
          <p className="ft-coach-title">{copyI.towardTitle}</p>
          <p>{copyI.towardLead}</p>
          <ul>
            {alternatives.map((a) => (
              <li key={a}>
                “{a}”{' '}
                <Button
                  variant="plain"
                  aria-label={`${copyI.use}: ${a}`}
                  onPress={() => setTitle(a.replace(/\?$/, ''))}
                >
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
