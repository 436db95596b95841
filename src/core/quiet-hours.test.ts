import { describe, expect, it } from 'vitest';
import type { DomainError } from './errors.ts';
import { checkQuietHours, isQuietAt, localTime, msUntilQuietEnds } from './quiet-hours.ts';

describe('quiet hours', () => {
  const at = (iso: string) => new Date(iso);

  it('reads local time in the person’s own time zone', () => {
    expect(localTime(at('2026-06-01T20:30:00Z'), 'UTC')).toBe('20:30');
    expect(localTime(at('2026-06-01T20:30:00Z'), 'Europe/Berlin')).toBe('22:30');
    expect(localTime(at('2026-01-01T00:05:00Z'), 'America/New_York')).toBe('19:05');
  });

  it.each([
    ['2026-06-01T21:59:00Z', false],
    ['2026-06-01T22:00:00Z', true],
    ['2026-06-01T23:30:00Z', true],
    ['2026-06-02T03:00:00Z', true],
    ['2026-06-02T06:59:00Z', true],
    ['2026-06-02T07:00:00Z', false],
    ['2026-06-02T12:00:00Z', false],
  ])('a window crossing midnight (22:00–07:00 UTC) at %s is quiet: %s', (iso, quiet) => {
    expect(isQuietAt({ quietStart: '22:00', quietEnd: '07:00', timeZone: 'UTC' }, at(iso))).toBe(
      quiet,
    );
  });

  it('a same-day window, and none at all', () => {
    const lunch = { quietStart: '12:00', quietEnd: '13:00', timeZone: 'Asia/Tokyo' };
    expect(isQuietAt(lunch, at('2026-06-01T03:30:00Z'))).toBe(true);
    expect(isQuietAt(lunch, at('2026-06-01T04:00:00Z'))).toBe(false);
    expect(
      isQuietAt({ quietStart: null, quietEnd: null, timeZone: 'UTC' }, at('2026-06-01T03:30:00Z')),
    ).toBe(false);
  });

  it('says how long until quiet hours end, to the minute they end', () => {
    const night = { quietStart: '22:00', quietEnd: '07:00', timeZone: 'Europe/Berlin' };
    const ms = (iso: string) => msUntilQuietEnds(night, at(iso));
    // 23:30:20 in Berlin (UTC+2 in June): 7 h 29 min 40 s until 07:00 there.
    expect(ms('2026-06-01T21:30:20Z')).toBe(((7 * 60 + 29) * 60 + 40) * 1000);
    expect(new Date(at('2026-06-01T21:30:20Z').getTime() + ms('2026-06-01T21:30:20Z')!)).toEqual(
      at('2026-06-02T05:00:00Z'),
    );
    // 06:59:59 local: one second left. Outside the window: nothing to wait for.
    expect(ms('2026-06-02T04:59:59Z')).toBe(1000);
    expect(ms('2026-06-02T05:00:00Z')).toBeUndefined();
    expect(ms('2026-06-02T12:00:00Z')).toBeUndefined();
    expect(
      msUntilQuietEnds(
        { quietStart: null, quietEnd: null, timeZone: 'UTC' },
        at('2026-06-02T00:00:00Z'),
      ),
    ).toBeUndefined();
  });

  it('names the field that is wrong', () => {
    const fieldOf = (input: Parameters<typeof checkQuietHours>[0]) => {
      try {
        checkQuietHours(input);
        return undefined;
      } catch (error) {
        return Object.keys((error as DomainError).fields ?? {})[0];
      }
    };
    expect(fieldOf({ quietStart: '22:00', quietEnd: null, timeZone: 'UTC' })).toBe('quietEnd');
    expect(fieldOf({ quietStart: '7:00', quietEnd: '08:00', timeZone: 'UTC' })).toBe('quietStart');
    expect(fieldOf({ quietStart: '08:00', quietEnd: '08:00', timeZone: 'UTC' })).toBe('quietEnd');
    expect(fieldOf({ quietStart: null, quietEnd: null, timeZone: 'Nowhere/Special' })).toBe(
      'timeZone',
    );
    expect(
      fieldOf({ quietStart: '22:00', quietEnd: '07:00', timeZone: 'Europe/Lisbon' }),
    ).toBeUndefined();
  });
});
