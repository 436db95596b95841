/** A 1–5 choice as a group of radio buttons with a legend, so it reads well with a keyboard and a screen reader. */
export function RatingField({
  legend,
  hint,
  name,
  value,
  onChange,
}: {
  legend: string;
  hint: string;
  name: string;
  value: number | null;
  onChange: (n: number) => void;
}) {
  return (
    <fieldset className="ft-rating">
      <legend className="field-label">{legend}</legend>
      <p className="field-hint">{hint}</p>
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
