/**
 * The coach beside the composer (below it on a phone, as a compact strip that expands): each finding with its
 * reason and, for fear-side ones, alternatives the person may choose to replace the words or add at the cursor.
 * One switch turns the coach off; it never stops sending.
 */
import { useEffect, useState } from 'react';
import type { Finding } from '../../../nlp/index.ts';
import { Button } from '../../components/Button.tsx';
import { Toggle } from '../../components/Toggle.tsx';
import { copy, fill } from '../../copy.ts';
import { useCoachEnabled } from '../settings/coach-setting.ts';
import type { CoachResult } from './useCoach.ts';

const WIDE = '(min-width: 56rem)';

function useWide(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(WIDE).matches);
  useEffect(() => {
    const mq = window.matchMedia(WIDE);
    const on = () => setWide(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return wide;
}

interface Props {
  result: CoachResult | undefined;
  ready: boolean;
  failed?: boolean;
  /** Whether the findings still match the draft (offsets are valid). */
  current: boolean;
  onReplace: (finding: Finding, alternative: string) => void;
  onInsert: (alternative: string) => void;
  note: string;
  onUndo?: (() => void) | undefined;
  label: (category: Finding['category']) => string;
}

function FindingItem({
  f,
  canReplace,
  onReplace,
  onInsert,
  label,
}: {
  f: Finding;
  canReplace: boolean;
  onReplace: Props['onReplace'];
  onInsert: Props['onInsert'];
  label: Props['label'];
}) {
  return (
    <li className={`finding finding-${f.side}`}>
      <p className="finding-head">
        <span className="finding-label">{label(f.category)}</span> <q>{f.excerpt}</q>
      </p>
      <p className="finding-why">{f.why}</p>
      {f.alternatives.length ? (
        <>
          <p className="finding-alt-title">{copy.coach.alternatives}</p>
          <ul className="alternatives">
            {f.alternatives.map((alt) => (
              <li key={alt}>
                <p className="alternative-text">{alt}</p>
                <div className="actions">
                  {canReplace ? (
                    <Button variant="quiet" className="btn-small" onPress={() => onReplace(f, alt)}>
                      {copy.coach.replace}
                    </Button>
                  ) : null}
                  <Button variant="plain" className="btn-small" onPress={() => onInsert(alt)}>
                    {copy.coach.insert}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

export function CoachPanel({
  result,
  ready,
  failed = false,
  current,
  onReplace,
  onInsert,
  note,
  onUndo,
  label,
}: Props) {
  const [enabled, setEnabled] = useCoachEnabled();
  const wide = useWide();
  const [open, setOpen] = useState<boolean | undefined>(undefined);
  const expanded = open ?? wide;
  const findings = result?.analysis.findings ?? [];
  const fear = findings.filter((f) => f.side === 'fear');
  const hope = findings.filter((f) => f.side === 'hope');
  const summary = !enabled
    ? copy.coach.off
    : findings.length
      ? fill(copy.coach.summary, { fear: fear.length, hope: hope.length })
      : copy.coach.summaryNone;
  return (
    <section className="coach" aria-label={copy.coach.region} data-testid="coach">
      <div className="coach-bar">
        <Button
          variant="plain"
          className="coach-summary"
          aria-expanded={expanded}
          aria-controls="coach-details"
          onPress={() => setOpen(!expanded)}
        >
          <span className="coach-title">{copy.coach.title}</span>{' '}
          <span className="coach-count">{summary}</span>
        </Button>
        <Toggle isSelected={enabled} onChange={setEnabled}>
          {copy.coach.toggle}
        </Toggle>
      </div>
      <div role="status" className="coach-note">
        {note ? (
          <p>
            {note}{' '}
            {onUndo ? (
              <Button variant="plain" className="btn-small" onPress={onUndo}>
                {copy.coach.undo}
              </Button>
            ) : null}
          </p>
        ) : null}
      </div>
      {expanded ? (
        <div id="coach-details" className="coach-details">
          {!enabled ? null : failed ? (
            <p className="muted">{copy.coach.unavailable}</p>
          ) : !ready ? (
            <p className="muted">{copy.coach.loading}</p>
          ) : result?.analysis.language === 'unsupported' ? (
            <p className="muted">{copy.coach.unsupported}</p>
          ) : !result ? (
            <p className="muted">{copy.coach.quiet}</p>
          ) : (
            <>
              <h2 className="coach-heading">{copy.coach.fearHeading}</h2>
              {fear.length ? (
                <ul className="findings">
                  {fear.map((f) => (
                    <FindingItem
                      key={`${f.start}-${f.category}`}
                      f={f}
                      canReplace={current}
                      onReplace={onReplace}
                      onInsert={onInsert}
                      label={label}
                    />
                  ))}
                </ul>
              ) : (
                <p className="muted">{copy.coach.noneFear}</p>
              )}
              {hope.length ? (
                <>
                  <h2 className="coach-heading">{copy.coach.hopeHeading}</h2>
                  <ul className="findings">
                    {hope.map((f) => (
                      <FindingItem
                        key={`${f.start}-${f.category}`}
                        f={f}
                        canReplace={false}
                        onReplace={onReplace}
                        onInsert={onInsert}
                        label={label}
                      />
                    ))}
                  </ul>
                </>
              ) : null}
              <p className="muted small">{copy.coach.privacy}</p>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
