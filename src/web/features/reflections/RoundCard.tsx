/** One round: what it is about, my reflection (or the form to write it), and what the others chose to share. */
import { useEffect, useRef, useState } from 'react';
import type { RoundView } from '../../../contract/reflections.ts';
import { Button } from '../../components/Button.tsx';
import { fill } from '../together/copy.ts';
import { copyR } from './prompts.ts';
import { ReflectionForm } from './ReflectionForm.tsx';
import { ReflectionText } from './ReflectionText.tsx';
import { SideBySide } from './SideBySide.tsx';

export function RoundCard({
  round,
  practice,
  nameOf,
}: {
  round: RoundView;
  practice: boolean;
  nameOf: (id: string) => string;
}) {
  const [editing, setEditing] = useState(false);
  // When the form closes (saved or set aside), focus goes to the round's heading, not to the page.
  const heading = useRef<HTMLHeadingElement>(null);
  const [closed, setClosed] = useState(false);
  useEffect(() => {
    if (!closed || editing) return;
    heading.current?.focus();
    setClosed(false);
  }, [closed, editing]);
  const period =
    round.periodStart || round.periodEnd
      ? ` (${round.periodStart ?? '…'} – ${round.periodEnd ?? '…'})`
      : '';
  const headingId = `round-${round.id}`;
  return (
    <li className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {round.title}
        {period}
      </h3>
      <p className="muted">{fill(copyR.startedBy, { name: nameOf(round.startedBy) })}</p>
      {round.mine && !editing ? (
        <>
          <ReflectionText reflection={round.mine} heading={copyR.mine} />
          <p className="muted">{fill(copyR.visibleAs, { who: copyR[round.mine.visibility] })}</p>
          <Button variant="quiet" onPress={() => setEditing(true)}>
            {copyR.edit}
          </Button>
        </>
      ) : editing || round.mine ? null : (
        <Button onPress={() => setEditing(true)}>{copyR.write}</Button>
      )}
      {editing ? (
        <ReflectionForm
          roundId={round.id}
          practice={practice}
          existing={round.mine}
          onDone={() => {
            setEditing(false);
            setClosed(true);
          }}
        />
      ) : null}
      {round.mine && round.others.some((o) => o.reflection) ? (
        <SideBySide round={round} nameOf={nameOf} />
      ) : null}
      {round.others.map((o) =>
        o.reflection ? (
          <ReflectionText
            key={o.authorId}
            reflection={o.reflection}
            heading={fill(copyR.theirs, { name: nameOf(o.authorId) })}
          />
        ) : (
          <p key={o.authorId} className="notice notice-info">
            {fill(copyR.waiting, { name: nameOf(o.authorId) })}
          </p>
        ),
      )}
    </li>
  );
}
