/** An intention's next steps: anyone who can edit may add one, take one on, or mark one done. */
import { useState, type FormEvent } from 'react';
import type { IntentionDetail } from '../../../contract/intentions.ts';
import { Button } from '../../components/Button.tsx';
import { fill } from '../together/copy.ts';
import { copyI } from './copy.ts';

export interface StepActions {
  add(text: string): Promise<unknown>;
  update(stepId: string, patch: { taken?: boolean; done?: boolean }): void;
  pending: boolean;
}

export function Steps({
  detail,
  me,
  nameOf,
  actions,
}: {
  detail: IntentionDetail;
  me: string | undefined;
  nameOf: (id: string) => string;
  actions: StepActions;
}) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.add(text).then(() => setText(''));
  };
  return (
    <section aria-labelledby="ft-steps" className="card stack">
      <h2 id="ft-steps">{copyI.steps}</h2>
      {detail.steps.length === 0 ? <p className="muted">{copyI.noSteps}</p> : null}
      <ul className="ft-steps">
        {detail.steps.map((s) => (
          <li key={s.id}>
            <span className={s.doneAt ? 'ft-done' : undefined}>{s.text}</span>
            {s.takenBy ? (
              <span className="muted"> · {fill(copyI.takenBy, { name: nameOf(s.takenBy) })}</span>
            ) : null}
            {s.doneBy ? (
              <span className="muted"> · {fill(copyI.doneBy, { name: nameOf(s.doneBy) })}</span>
            ) : null}
            {detail.canEdit ? (
              <span className="actions">
                {s.takenBy === me ? (
                  <Button
                    variant="plain"
                    onPress={() => actions.update(s.id, { taken: false })}
                    aria-label={`${copyI.letGo}: ${s.text}`}
                  >
                    {copyI.letGo}
                  </Button>
                ) : (
                  <Button
                    variant="plain"
                    onPress={() => actions.update(s.id, { taken: true })}
                    aria-label={`${copyI.takeOn}: ${s.text}`}
                  >
                    {copyI.takeOn}
                  </Button>
                )}
                <Button
                  variant="plain"
                  onPress={() => actions.update(s.id, { done: !s.doneAt })}
                  aria-label={`${s.doneAt ? copyI.reopen : copyI.done}: ${s.text}`}
                >
                  {s.doneAt ? copyI.reopen : copyI.done}
                </Button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {detail.canEdit ? (
        <form className="form" onSubmit={submit} aria-label={copyI.addStep}>
          <label className="field">
            <span className="field-label">{copyI.stepText}</span>
            <input
              className="field-input"
              value={text}
              onChange={(e) => setText(e.target.value)}
              required
            />
          </label>
          <Button type="submit" busy={actions.pending}>
            {copyI.addStep}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
