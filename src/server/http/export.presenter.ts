/** A person's export as JSON (the contract shape) and as a plain printable HTML page. */
import type { PersonalExport as ExportWire } from '../../contract/export.ts';
import type { PersonalExport } from '../../core/export.service.ts';
import { presentIntention, presentReflection } from './four-tasks.presenters.ts';

/** The export in its wire shape. */
export function presentExport(e: PersonalExport, now: Date): ExportWire {
  return {
    format: 'mutual-export-v1',
    exportedAt: now.toISOString(),
    person: { id: e.user.id, displayName: e.user.displayName, pronouns: e.user.pronouns },
    reflections: e.reflections.map(({ reflection, round }) => ({
      ...presentReflection(reflection),
      about: round?.title ?? null,
    })),
    intentions: e.intentions.map(presentIntention),
    steps: e.steps.map((s) => ({
      id: s.id,
      intentionId: s.intentionId,
      text: s.text,
      createdAt: s.createdAt.toISOString(),
    })),
    checkIns: e.checkIns.map((c) => ({
      id: c.id,
      intentionId: c.intentionId,
      note: c.note,
      createdAt: c.createdAt.toISOString(),
    })),
    worldview: e.worldview && {
      body: e.worldview.body,
      answers: e.worldview.answers,
      updatedAt: e.worldview.updatedAt.toISOString(),
    },
    messages: e.messages.map((m) => ({
      id: m.id,
      conversationId: m.conversationId,
      text: m.text,
      createdAt: m.createdAt.toISOString(),
      editedAt: m.editedAt?.toISOString() ?? null,
    })),
  };
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const TASK_LABELS: Record<string, string> = {
  connection: 'Connection',
  worldview: 'Worldview',
  mutuality: 'Mutuality',
  movingToward: 'Moving toward',
};

const para = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

function reflectionsHtml(x: ExportWire): string {
  if (x.reflections.length === 0) return '<p>No reflections yet.</p>';
  return x.reflections
    .map((r) => {
      const rows = Object.entries(TASK_LABELS)
        .map(([key, label]) => {
          const k = key as keyof typeof r.ratings;
          return `<tr><th scope="row">${label}</th><td>${r.ratings[k]} of 5</td><td>${escape(r.notes[k])}</td></tr>`;
        })
        .join('');
      return `<article><h3>${escape(r.about ?? 'Reflection')} <small>(${r.createdAt.slice(0, 10)})</small></h3>
<table><thead><tr><th scope="col">Task</th><th scope="col">How present</th><th scope="col">Note</th></tr></thead><tbody>${rows}</tbody></table>
${r.tryNext ? `<p><strong>What I want to try next time:</strong> ${escape(r.tryNext)}</p>` : ''}</article>`;
    })
    .join('');
}

function intentionsHtml(x: ExportWire): string {
  if (x.intentions.length === 0 && x.steps.length === 0) return '<p>No intentions yet.</p>';
  const started = x.intentions
    .map(
      (i) =>
        `<article><h3>${escape(i.title)}</h3>${i.why ? para(i.why) : ''}<p>Status: ${i.status.replace('_', ' ')}</p></article>`,
    )
    .join('');
  const steps = x.steps.length
    ? `<h3>Steps I added</h3><ul>${x.steps.map((s) => `<li>${escape(s.text)}</li>`).join('')}</ul>`
    : '';
  const checkIns = x.checkIns.length
    ? `<h3>My check-ins</h3><ul>${x.checkIns.map((c) => `<li>${c.createdAt.slice(0, 10)}: ${escape(c.note)}</li>`).join('')}</ul>`
    : '';
  return started + steps + checkIns;
}

/** A self-contained page without scripts or styles (the server's CSP allows neither inline); prints cleanly. */
export function renderExportHtml(x: ExportWire): string {
  const worldview = x.worldview
    ? para(x.worldview.body) +
      Object.values(x.worldview.answers)
        .map((a) => para(a))
        .join('')
    : '<p>No worldview page yet.</p>';
  const messages = x.messages.length
    ? `<ol>${x.messages.map((m) => `<li><time datetime="${m.createdAt}">${m.createdAt.slice(0, 16).replace('T', ' ')}</time> ${escape(m.text)}</li>`).join('')}</ol>`
    : '<p>No messages yet.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Everything ${escape(x.person.displayName)} wrote in Mutual</title></head>
<body><main>
<h1>Everything ${escape(x.person.displayName)} wrote in Mutual</h1>
<p>Exported ${x.exportedAt.slice(0, 10)}. Only your own words are here; nobody else's.</p>
<section><h2>Reflections</h2>${reflectionsHtml(x)}</section>
<section><h2>Intentions</h2>${intentionsHtml(x)}</section>
<section><h2>Worldview page</h2>${worldview}</section>
<section><h2>Messages</h2>${messages}</section>
</main></body></html>`;
}
