/**
 * A 1–5 choice as a group of radio buttons with a legend, so it reads well with a keyboard and a screen reader.
 * The scale hint describes the group; while a number is missing, so does the form's message (`errorId`).
 */
import { useId } from 'react';

export function RatingField({
  legend,
  hint,
  name,
  value,
  onChange,
  errorId,
}: {
  legend: string;
  hint: string;
  name: string;
  value: number | null;
  onChange: (n: number) => void;
  /** The id of the message saying a number is needed; given only while this group lacks one. */
  errorId?: string | undefined;
}) {
  const hintId = useId();
  return (
    <fieldset
      className="ft-rating"
      aria-describedby={errorId ? `${hintId} ${errorId}` : hintId}
      aria-invalid={errorId ? true : undefined}
    >
      <legend className="field-label">{legend}</legend>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      <div className="ft-rating-options">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
            />
            <span>{n}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
