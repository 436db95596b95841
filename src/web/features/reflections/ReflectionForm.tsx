/** Writing one's own reflection: a rating and a note per task, what to try next, and who may read it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type {
  FourTaskKey,
  ReflectionView,
  ReflectionVisibility,
} from '../../../contract/reflections.ts';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { CoachNotes } from '../together/CoachNotes.tsx';
import { t } from '../together/copy.ts';
import { copyR, PROMPTS, TASKS } from './prompts.ts';
import { RatingField } from './RatingField.tsx';

const empty = { connection: '', worldview: '', mutuality: '', movingToward: '' };

export function ReflectionForm({
  roundId,
  practice,
  existing,
  onDone,
}: {
  roundId: string;
  practice: boolean;
  existing: ReflectionView | null;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const [ratings, setRatings] = useState<Record<FourTaskKey, number | null>>(
    existing?.ratings ?? { connection: null, worldview: null, mutuality: null, movingToward: null },
  );
  const [notes, setNotes] = useState<Record<FourTaskKey, string>>(existing?.notes ?? empty);
  const [tryNext, setTryNext] = useState(existing?.tryNext ?? '');
  const [visibility, setVisibility] = useState<ReflectionVisibility>(
    existing?.visibility ?? 'together',
  );
  // After a save without all four numbers, each group still lacking one is marked and points to the message.
  const [tried, setTried] = useState(false);
  const missingId = useId();
  // The button that opened the form is gone: focus starts on the form's first choice.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);
  const save = useMutation({
    mutationFn: () =>
      call('writeReflection', {
        params: { roundId },
        body: {
          ratings: ratings as Record<FourTaskKey, number>,
          notes,
          tryNext: tryNext.trim() || null,
          visibility,
        },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['four-tasks', 'rounds'] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const first = TASKS.find((k) => ratings[k] === null);
    if (first === undefined) save.mutate();
    else form.current?.querySelector<HTMLElement>(`input[name="${roundId}-${first}"]`)?.focus();
  };
  const missing = tried && TASKS.some((k) => ratings[k] === null);
  const prompts = PROMPTS[practice ? 'practice' : 'together'];
  return (
    <form className="form" ref={form} onSubmit={submit} aria-label={copyR.write} noValidate>
      <FormError error={save.error} />
      {missing ? (
        <p id={missingId} className="notice notice-error" role="alert">
          {copyR.missing}
        </p>
      ) : null}
      {TASKS.map((task) => (
        <div key={task} className="ft-task stack">
          <h4>{t.tasks[task]}</h4>
          <p className="muted">{prompts[task]}</p>
          <RatingField
            legend={`${t.tasks[task]}: ${practice ? copyR.ratingPractice : copyR.rating}`}
            hint={copyR.ratingScale}
            name={`${roundId}-${task}`}
            value={ratings[task]}
            onChange={(n) => setRatings((r) => ({ ...r, [task]: n }))}
            errorId={missing && ratings[task] === null ? missingId : undefined}
          />
          <label className="field">
            <span className="field-label">{`${t.tasks[task]}: ${copyR.note}`}</span>
            <textarea
              className="field-input"
              rows={3}
              value={notes[task]}
              onChange={(e) => setNotes((n) => ({ ...n, [task]: e.target.value }))}
            />
          </label>
          <CoachNotes text={notes[task]} />
        </div>
      ))}
      <label className="field">
        <span className="field-label">{copyR.tryNext}</span>
        <textarea
          className="field-input"
          rows={2}
          value={tryNext}
          onChange={(e) => setTryNext(e.target.value)}
        />
      </label>
      <CoachNotes text={tryNext} />
      <fieldset className="ft-rating">
        <legend className="field-label">{copyR.who}</legend>
        <div className="stack">
          {(['private', 'together', 'shared'] as const).map((v) => (
            <label key={v} className="ft-radio-row">
              <span>
                <input
                  type="radio"
                  name={`${roundId}-who`}
                  checked={visibility === v}
                  onChange={() => setVisibility(v)}
                />{' '}
                {copyR[v]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" busy={save.isPending}>
        {save.isPending ? t.saving : copyR.save}
      </Button>
    </form>
  );
}
