/** Check-ins over time, and the full history of who changed what and when. */
import { useState, type FormEvent } from 'react';
import type { IntentionDetail } from '../../../contract/intentions.ts';
import { Button } from '../../components/Button.tsx';
import { CoachNotes } from '../together/CoachNotes.tsx';
import { copyI } from './copy.ts';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function CheckIns({
  detail,
  nameOf,
  onAdd,
  pending,
}: {
  detail: IntentionDetail;
  nameOf: (id: string) => string;
  onAdd: (note: string) => Promise<unknown>;
  pending: boolean;
}) {
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onAdd(note).then(() => setNote(''));
  };
  return (
    <section aria-labelledby="ft-checkins" className="card stack">
      <h2 id="ft-checkins">{copyI.checkIns}</h2>
      {detail.checkIns.length === 0 ? <p className="muted">{copyI.noCheckIns}</p> : null}
      <ul>
        {detail.checkIns.map((c) => (
          <li key={c.id}>
            <strong>{nameOf(c.authorId)}</strong>{' '}
            <time dateTime={c.createdAt}>{when(c.createdAt)}</time>: {c.note}
          </li>
        ))}
      </ul>
      {detail.canEdit ? (
        <form className="form" onSubmit={submit} aria-label={copyI.addCheckIn}>
          <label className="field">
            <span className="field-label">{copyI.checkIn}</span>
            <textarea
              className="field-input"
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              required
            />
          </label>
          <CoachNotes text={note} />
          <Button type="submit" busy={pending}>
            {copyI.addCheckIn}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

export function History({
  detail,
  nameOf,
}: {
  detail: IntentionDetail;
  nameOf: (id: string) => string;
}) {
  return (
    <section aria-labelledby="ft-history" className="card">
      <h2 id="ft-history">{copyI.history}</h2>
      <ol>
        {detail.history.map((h) => {
          const what = Object.entries(h.detail)
            .map(([k, v]) => `${k}: “${v ?? ''}”`)
            .join(', ');
          return (
            <li key={h.id}>
              <time dateTime={h.at}>{when(h.at)}</time> · {nameOf(h.actorId)}{' '}
              {copyI.actions[h.action] ?? h.action}
              {what ? ` (${what})` : ''}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
