/** A list of intentions linking to each one's page. */
import type { IntentionView } from '../../../contract/intentions.ts';
import { Link } from '../../shell/router.tsx';
import { copyI } from './copy.ts';

export function IntentionList({
  intentions,
  label,
}: {
  intentions: IntentionView[];
  label: string;
}) {
  if (intentions.length === 0) return <p className="muted">{copyI.none}</p>;
  return (
    <ul className="list" aria-label={label}>
      {intentions.map((i) => (
        <li key={i.id} className="card">
          <Link href={`/intentions/${i.id}`}>{i.title}</Link>
          <span className="tag">{copyI[i.status]}</span>
          {i.kind === 'personal' ? <span className="tag">{copyI.personal}</span> : null}
        </li>
      ))}
    </ul>
  );
}
