/**
 * Writing a message: the draft with the coach beside it. Enter sends (Shift+Enter for a new line), except on a
 * touch screen, whose keyboard has no Shift+Enter: there Enter starts a new line and Send sends. The coach
 * never blocks sending, and changes to the draft happen only when the person chooses one.
 */
import { type KeyboardEvent, useRef, useState } from 'react';
import type { Finding } from '../../../nlp/index.ts';
import { Button } from '../../components/Button.tsx';
import { copy } from '../../copy.ts';
import { CoachPanel } from '../coach/CoachPanel.tsx';
import { DraftField } from '../coach/DraftField.tsx';
import { useCoach } from '../coach/useCoach.ts';
import { useCoachEnabled } from '../settings/coach-setting.ts';
import { tooLongReason } from './message-length.ts';

interface Props {
  onSend: (text: string) => void;
  onTyping: () => void;
  /** The other person's latest message, which helps the coach recognise a reflection. */
  context: string | undefined;
  disabled?: boolean;
}

/** A touch screen as the main pointer (a phone or tablet): its on-screen keyboard has no Shift+Enter. */
const touchFirst = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;

export function Composer({ onSend, onTyping, context, disabled = false }: Props) {
  const [touch] = useState(touchFirst);
  const [draft, setDraft] = useState('');
  const [enabled] = useCoachEnabled();
  const coach = useCoach(draft, context, enabled);
  const input = useRef<HTMLTextAreaElement>(null);
  const cursor = useRef(0);
  const [note, setNote] = useState('');
  const [undo, setUndo] = useState<string | undefined>(undefined);
  const [tooLong, setTooLong] = useState('');

  const current = coach.result?.text === draft;
  const findings = current ? (coach.result?.analysis.findings ?? []) : [];

  const change = (value: string) => {
    coach.keystroke();
    setDraft(value);
    if (value) onTyping();
  };

  const place = (text: string, caret: number, message: string) => {
    setUndo(draft);
    setDraft(text);
    setNote(message);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(caret, caret);
      cursor.current = caret;
    });
  };

  const replace = (f: Finding, alt: string) => {
    if (draft.slice(f.start, f.end) !== f.excerpt) return;
    place(
      draft.slice(0, f.start) + alt + draft.slice(f.end),
      f.start + alt.length,
      copy.coach.replaced,
    );
  };

  const insert = (alt: string) => {
    const at = Math.min(cursor.current, draft.length);
    const before = draft.slice(0, at);
    const spacer = before && !/\s$/.test(before) ? ' ' : '';
    place(
      before + spacer + alt + draft.slice(at),
      at + spacer.length + alt.length,
      copy.coach.inserted,
    );
  };

  const send = () => {
    const text = draft;
    if (!text.trim() || disabled) return;
    const tooLongNow = tooLongReason(text);
    if (tooLongNow) {
      // The server would refuse it (and a frame over 64 KiB would cost the connection): say so here.
      setTooLong(tooLongNow);
      input.current?.focus();
      return;
    }
    setTooLong('');
    onSend(text);
    setDraft('');
    setUndo(undefined);
    setNote('');
    input.current?.focus();
  };

  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !touch && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  return (
    <div className="composer-area">
      <form
        className="composer"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <label className="field-label" htmlFor="composer">
          {copy.conversation.composer}
        </label>
        <p id="composer-hint" className="field-hint">
          {touch ? copy.conversation.composerHintTouch : copy.conversation.composerHint}
        </p>
        <div className="composer-row">
          <DraftField
            id="composer"
            value={draft}
            onChange={change}
            onKeyDown={keyDown}
            onCursor={(at) => (cursor.current = at)}
            findings={findings}
            describedBy={tooLong ? 'composer-hint composer-error' : 'composer-hint'}
            inputRef={input}
          />
          <Button type="submit" isDisabled={disabled}>
            {copy.conversation.send}
          </Button>
        </div>
        {tooLong ? (
          <p id="composer-error" className="field-error" role="alert">
            {tooLong}
          </p>
        ) : null}
      </form>
      <CoachPanel
        result={enabled ? coach.result : undefined}
        ready={coach.ready}
        failed={coach.failed}
        current={current}
        onReplace={replace}
        onInsert={insert}
        note={note}
        label={coach.label}
        onUndo={
          undo !== undefined
            ? () => {
                setDraft(undo);
                setUndo(undefined);
                setNote('');
                input.current?.focus();
              }
            : undefined
        }
      />
    </div>
  );
}
