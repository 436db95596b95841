/** An organization's support resources as a list of cards: name, how to reach it, and its note. */
import type { ResponseFor } from '../../api/http.ts';

type Resource = ResponseFor<'listSupportResources'>['organizations'][number]['resources'][number];

export function ResourceList({ resources }: { resources: Resource[] }) {
  return (
    <ul className="list">
      {resources.map((r, i) => (
        <li key={i} className="card">
          <p className="row-title">{r.label}</p>
          <p className="pre-line">{r.contact}</p>
          {r.note ? <p className="muted pre-line">{r.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}
