/**
 * Relationship insights computed in the browser from messages the person can already read: balance of voice
 * (share of words per person per week), curious questions by each person, shared "we" language, and the
 * viewer's own coach trend (hope- and fear-side findings in what they sent), which only they ever see.
 */
import type { InsightMessage, SignalCache } from './signals.ts';

/** One person's numbers in one week. */
export interface PersonWeek {
  words: number;
  /** 0..1 of that week's words; 0 when nobody wrote. */
  share: number;
  curious: number;
  we: number;
}

/** One week, starting on Monday (UTC), `YYYY-MM-DD`. */
export interface WeekRow {
  week: string;
  byPerson: Record<string, PersonWeek>;
  /** All "we" findings that week, everyone together. */
  we: number;
}

/** The viewer's own coach trend for one week. */
export interface CoachWeek {
  week: string;
  hope: number;
  fear: number;
}

export interface Insights {
  people: string[];
  weeks: WeekRow[];
  /** Only the viewer's own messages. */
  myCoach: CoachWeek[];
  messageCount: number;
}

const DAY = 86_400_000;

/** Day number of the Monday starting the UTC week of `iso` (1970-01-01 was a Thursday). */
function weekStart(iso: string): number {
  const day = Math.floor(Date.parse(iso) / DAY);
  return day - ((day + 3) % 7);
}

const dayKey = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** Builds the weekly series. Weeks without messages between the first and last are kept, as zeros. */
export function computeInsights(
  messages: readonly InsightMessage[],
  people: readonly string[],
  me: string,
  cache: SignalCache,
): Insights {
  const everyone = [...people];
  const index = new Map(everyone.map((p, i) => [p, i]));
  const weeks = new Map<
    number,
    { words: number[]; curious: number[]; we: number[]; hope: number; fear: number }
  >();
  const blank = () => ({
    words: new Array<number>(everyone.length).fill(0),
    curious: new Array<number>(everyone.length).fill(0),
    we: new Array<number>(everyone.length).fill(0),
    hope: 0,
    fear: 0,
  });
  let first = Infinity;
  let last = -Infinity;
  for (const m of messages) {
    if (m.deletedAt) continue;
    let i = index.get(m.authorId);
    if (i === undefined) {
      // Someone who has since left: their words still count in the weeks they wrote.
      i = everyone.length;
      everyone.push(m.authorId);
      index.set(m.authorId, i);
      for (const w of weeks.values()) {
        w.words.push(0);
        w.curious.push(0);
        w.we.push(0);
      }
    }
    const start = weekStart(m.createdAt);
    if (start < first) first = start;
    if (start > last) last = start;
    let w = weeks.get(start);
    if (!w) {
      w = blank();
      weeks.set(start, w);
    }
    const s = cache.get(m);
    w.words[i] = (w.words[i] ?? 0) + s.words;
    w.curious[i] = (w.curious[i] ?? 0) + s.curious;
    w.we[i] = (w.we[i] ?? 0) + s.we;
    if (m.authorId === me) {
      w.hope += s.hope;
      w.fear += s.fear;
    }
  }
  const rows: WeekRow[] = [];
  const myCoach: CoachWeek[] = [];
  for (let day = first; day <= last; day += 7) {
    const w = weeks.get(day) ?? blank();
    const total = w.words.reduce((a, b) => a + b, 0);
    const byPerson: Record<string, PersonWeek> = {};
    everyone.forEach((p, i) => {
      const words = w.words[i] ?? 0;
      byPerson[p] = {
        words,
        share: total ? words / total : 0,
        curious: w.curious[i] ?? 0,
        we: w.we[i] ?? 0,
      };
    });
    const week = dayKey(day);
    rows.push({ week, byPerson, we: w.we.reduce((a, b) => a + b, 0) });
    myCoach.push({ week, hope: w.hope, fear: w.fear });
  }
  return { people: everyone, weeks: rows, myCoach, messageCount: messages.length };
}
