/** Quiet hours: a person's local 'HH:MM' window (which may cross midnight) and whether a moment falls in it. */
import { invalidField } from './errors.ts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True for a valid IANA time zone name known to this runtime. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** Checks a quiet-hours window; both ends are set together or not at all. */
export function checkQuietHours(input: {
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string;
}): void {
  if ((input.quietStart === null) !== (input.quietEnd === null)) {
    const field = input.quietStart === null ? 'quietStart' : 'quietEnd';
    throw invalidField(
      field,
      'Please set both when quiet hours start and when they end, or neither.',
    );
  }
  if (input.quietStart !== null && !HHMM.test(input.quietStart)) {
    throw invalidField('quietStart', 'Please use a 24-hour time like 21:30.');
  }
  if (input.quietEnd !== null && !HHMM.test(input.quietEnd)) {
    throw invalidField('quietEnd', 'Please use a 24-hour time like 07:00.');
  }
  if (input.quietStart !== null && input.quietStart === input.quietEnd) {
    throw invalidField('quietEnd', 'Quiet hours need to end at a different time than they start.');
  }
  if (!isTimeZone(input.timeZone))
    throw invalidField('timeZone', 'Please choose a time zone such as Europe/Berlin.');
}

/** The local time at `at` in `timeZone`, as 'HH:MM'. */
export function localTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${hour}:${minute}`;
}

/** True when `at` falls inside [start, end) local time; a window like 22:00–07:00 crosses midnight. */
export function isQuietAt(
  limits: { quietStart: string | null; quietEnd: string | null; timeZone: string },
  at: Date,
): boolean {
  const { quietStart: start, quietEnd: end } = limits;
  if (start === null || end === null || !isTimeZone(limits.timeZone)) return false;
  const now = localTime(at, limits.timeZone);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * How long until the quiet hours that `at` falls in end (to the minute they end), or undefined when `at` is
 * not in quiet hours. Counted in local minutes: on the night a clock moves, the answer can be an hour off,
 * and whoever waits asks again then.
 */
export function msUntilQuietEnds(
  limits: { quietStart: string | null; quietEnd: string | null; timeZone: string },
  at: Date,
): number | undefined {
  if (!isQuietAt(limits, at) || limits.quietEnd === null) return undefined;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const left =
    (minutes(limits.quietEnd) - minutes(localTime(at, limits.timeZone)) + 24 * 60) % (24 * 60);
  return left * 60_000 - (at.getTime() % 60_000);
}
