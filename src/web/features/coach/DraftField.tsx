/**
 * The draft textarea with the coach's findings highlighted in place: a mirror of the text sits behind the
 * transparent textarea and marks the same character ranges. The mirror is hidden from assistive tech; the
 * findings are listed in words beside it.
 */
import { type KeyboardEvent, type ReactNode, type RefObject, useRef } from 'react';
import type { Finding } from '../../../nlp/index.ts';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
  onCursor?: (at: number) => void;
  findings: Finding[];
  describedBy?: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

function marked(text: string, findings: Finding[]): ReactNode[] {
  const spans = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ReactNode[] = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    if (f.start > at) out.push(text.slice(at, f.start));
    out.push(
      <mark key={`${f.start}-${f.category}`} className={`mark-${f.side}`}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  out.push(text.slice(at));
  // A trailing newline needs a character after it to take up space in the mirror.
  out.push('\u200b');
  return out;
}

export function DraftField({
  id,
  value,
  onChange,
  onKeyDown,
  onCursor,
  findings,
  describedBy,
  inputRef,
}: Props) {
  const mirror = useRef<HTMLDivElement>(null);
  const rows = Math.min(8, Math.max(2, value.split('\n').length));
  return (
    <div className="draft">
      <div className="draft-mirror field-input" ref={mirror} aria-hidden="true">
        {marked(value, findings)}
      </div>
      <textarea
        id={id}
        ref={inputRef}
        className="draft-input field-input"
        value={value}
        rows={rows}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onSelect={(e) => onCursor?.(e.currentTarget.selectionStart)}
        onScroll={(e) => {
          if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
        }}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      />
    </div>
  );
}
