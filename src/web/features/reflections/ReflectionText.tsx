/** A written reflection, read-only: each task's rating and note, and what the person wants to try next. */
import type { ReflectionView } from '../../../contract/reflections.ts';
import { fill, t } from '../together/copy.ts';
import { copyR, TASKS } from './prompts.ts';

export function ReflectionText({
  reflection,
  heading,
}: {
  reflection: ReflectionView;
  heading: string;
}) {
  return (
    <article className="stack" aria-label={heading}>
      <h4>{heading}</h4>
      <dl>
        {TASKS.map((task) => (
          <div key={task}>
            <dt>
              {t.tasks[task]}: {fill(copyR.of5, { n: reflection.ratings[task] })}
            </dt>
            <dd className="pre-line">{reflection.notes[task] || '—'}</dd>
          </div>
        ))}
      </dl>
      {reflection.tryNext ? (
        <p>
          <strong>{copyR.nextTime}</strong> {reflection.tryNext}
        </p>
      ) : null}
    </article>
  );
}
