/**
 * Short hope-based readings of the insights, in our own words. They describe what is growing between the
 * people, never grade anyone, and never single out one person's shortcomings.
 */
import type { CoachWeek, Insights, WeekRow } from './compute.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Totals over the last `n` weeks and the `n` before them. */
function recentVsBefore(weeks: WeekRow[], pick: (w: WeekRow) => number, n = 2): [number, number] {
  const recent = weeks.slice(-n);
  const before = weeks.slice(-2 * n, -n);
  return [sum(recent.map(pick)), sum(before.map(pick))];
}

/** Readings about the relationship, for everyone in it. */
export function readInsights(insights: Insights): string[] {
  const { weeks, people } = insights;
  if (weeks.length === 0)
    return ['Once you have talked for a while, what is growing between you will show here.'];
  const out: string[] = [];

  const [qNow, qBefore] = recentVsBefore(weeks, (w) =>
    sum(Object.values(w.byPerson).map((p) => p.curious)),
  );
  const askers = people.filter(
    (p) => sum(weeks.slice(-2).map((w) => w.byPerson[p]?.curious ?? 0)) > 0,
  ).length;
  if (qNow > qBefore && askers >= Math.min(2, people.length))
    out.push(
      people.length > 2
        ? 'You’ve all been asking more questions lately.'
        : 'You’ve both been asking more questions lately.',
    );
  else if (qNow > qBefore) out.push('There have been more curious questions between you lately.');
  else if (qNow > 0) out.push('Curious questions keep showing up in how you talk together.');
  else
    out.push(
      'A question like “what was that like for you?” can open up a conversation, whenever it feels right.',
    );

  const recent = weeks.slice(-4);
  const words = people.map((p) => sum(recent.map((w) => w.byPerson[p]?.words ?? 0)));
  const total = sum(words);
  if (total > 0 && people.length > 1) {
    const top = Math.max(...words) / total;
    if (top <= 1 / people.length + 0.2)
      out.push('Your voices have been fairly balanced lately: each of you has had room.');
    else
      out.push(
        'Lately more of the words have come from one voice. You might wonder together how that feels for each of you.',
      );
  }

  const [weNow, weBefore] = recentVsBefore(weeks, (w) => w.we);
  if (weNow > weBefore) out.push('More “we” and “us” has been showing up between you.');
  else if (weNow > 0) out.push('“We” and “us” are part of how you talk together.');
  return out;
}

/** A reading of the viewer's own coach trend, for them alone. */
export function readMyCoach(weeks: CoachWeek[]): string {
  const recent = weeks.slice(-2);
  const before = weeks.slice(-4, -2);
  const share = (ws: CoachWeek[]) => {
    const hope = sum(ws.map((w) => w.hope));
    const all = hope + sum(ws.map((w) => w.fear));
    return all ? hope / all : null;
  };
  const now = share(recent);
  const then = share(before);
  if (now === null)
    return 'When you have written a little more, your own trend will show here, just for you.';
  if (then !== null && now > then + 0.05)
    return 'More of what you wrote lately leans toward hope: curiosity, sharing, “we”.';
  if (now >= 0.5)
    return 'Most of what the coach noticed in your recent messages leans toward hope.';
  return 'The coach noticed some fear-side language lately. That happens; what would you like to try next time?';
}
