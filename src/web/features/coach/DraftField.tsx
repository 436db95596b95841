/**
 * The draft textarea with the coach's findings highlighted in place: a mirror of the text sits behind the
 * transparent textarea and marks the same character ranges. The mirror is hidden from assistive tech; the
 * findings are listed in words beside it.
 */
import { type KeyboardEvent, type ReactNode, type RefObject, useLayoutEffect, useRef } from 'react';
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

/** The most lines the box grows to. */
const MAX_ROWS = 8;

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
  // The box grows with the draft, wrapped lines included, up to eight lines; then it scrolls.
  useLayoutEffect(() => {
    const el = inputRef.current;
    if (!el) return;
    el.style.height = '';
    const style = getComputedStyle(el);
    const lineHeight = parseFloat(style.lineHeight) || 24;
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const border = el.offsetHeight - el.clientHeight;
    const wanted = Math.min(el.scrollHeight, lineHeight * MAX_ROWS + padding);
    if (wanted + border > el.offsetHeight) el.style.height = `${wanted + border}px`;
  }, [value, inputRef]);
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
        rows={2}
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
