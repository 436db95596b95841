/** The person's relationships and circles with unread counts and last activity (filled in once the conversations API lands). */
import { copy } from '../../copy.ts';

export function Conversations(_props: { me: string }) {
  return (
    <>
      <section className="card" aria-labelledby="rel-title">
        <h2 id="rel-title">{copy.home.relationships}</h2>
        <p className="muted">{copy.home.noRelationships}</p>
      </section>
      <section className="card" aria-labelledby="circles-title">
        <h2 id="circles-title">{copy.home.circles}</h2>
        <p className="muted">{copy.home.noCircles}</p>
      </section>
      <section className="card" aria-labelledby="waiting-title">
        <h2 id="waiting-title">{copy.home.waiting}</h2>
        <p className="muted">{copy.home.noWaiting}</p>
      </section>
    </>
  );
}
