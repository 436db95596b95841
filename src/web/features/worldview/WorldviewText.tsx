/** A worldview page as its readers see it: the person's words and any prompts they chose to answer. */
import type { WorldviewPageView } from '../../../contract/worldview.ts';
import { WORLDVIEW_PROMPTS } from '../../../contract/worldview.ts';

export function WorldviewText({ page }: { page: WorldviewPageView }) {
  return (
    <div className="stack">
      {page.body ? <p className="pre-line">{page.body}</p> : null}
      {WORLDVIEW_PROMPTS.filter((p) => page.answers[p.key]).map((p) => (
        <div key={p.key}>
          <p className="field-label">{p.text}</p>
          <p className="pre-line">{page.answers[p.key]}</p>
        </div>
      ))}
    </div>
  );
}
