/** Once reflections are revealed, each task's ratings next to each other: a starting point for talking, not a score. */
import type { RoundView } from '../../../contract/reflections.ts';
import { t } from '../together/copy.ts';
import { copyR, TASKS } from './prompts.ts';

export function SideBySide({
  round,
  nameOf,
}: {
  round: RoundView;
  nameOf: (id: string) => string;
}) {
  const others = round.others.flatMap((o) =>
    o.reflection ? [{ name: nameOf(o.authorId), r: o.reflection }] : [],
  );
  if (!round.mine) return null;
  const mine = round.mine;
  return (
    <table className="ft-table">
      <caption>{copyR.sideBySide}</caption>
      <thead>
        <tr>
          <th scope="col">{copyR.task}</th>
          <th scope="col">{copyR.me}</th>
          {others.map((o) => (
            <th key={o.r.id} scope="col">
              {o.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {TASKS.map((task) => (
          <tr key={task}>
            <th scope="row">{t.tasks[task]}</th>
            <td>{mine.ratings[task]}</td>
            {others.map((o) => (
              <td key={o.r.id}>{o.r.ratings[task]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
