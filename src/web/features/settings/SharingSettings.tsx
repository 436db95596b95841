/** Presence and read-marker sharing, and limits per relationship (wired to the conversations API once it lands). */
import { copy } from '../../copy.ts';

export function SharingSettings() {
  return (
    <>
      <section className="card" aria-labelledby="sharing-title">
        <h2 id="sharing-title">{copy.settings.privacy}</h2>
        <p className="muted">{copy.settings.sharingLater}</p>
      </section>
      <section className="card" aria-labelledby="limits-title">
        <h2 id="limits-title">{copy.settings.limits}</h2>
        <p className="muted">{copy.settings.limitsIntro}</p>
      </section>
    </>
  );
}
