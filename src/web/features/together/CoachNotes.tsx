/** What the coach noticed in a draft, shown to the writer alone. It suggests; the person decides. */
import { useDeferredValue, useMemo } from 'react';
import { t } from './copy.ts';
import { useAnalyze } from './coach.ts';

export function CoachNotes({ text }: { text: string }) {
  const analyze = useAnalyze();
  const deferred = useDeferredValue(text);
  const findings = useMemo(
    () => (analyze && deferred.trim() ? analyze(deferred).findings : []),
    [analyze, deferred],
  );
  if (findings.length === 0) return null;
  return (
    <div className="ft-coach" aria-live="polite">
      <p className="ft-coach-title">{t.coach.heading}</p>
      <ul>
        {findings.slice(0, 4).map((f) => (
          <li key={`${f.start}-${f.category}`}>
            <strong>{f.side === 'hope' ? t.coach.hope : t.coach.fear}:</strong> “{f.excerpt}”.{' '}
            {f.why}
            {f.alternatives.length ? (
              <>
                {' '}
                Perhaps:{' '}
                {f.alternatives
                  .slice(0, 2)
                  .map((a) => `“${a}”`)
                  .join(' or ')}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
