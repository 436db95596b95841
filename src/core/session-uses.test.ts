import { describe, expect, it } from 'vitest';
import { ManualLater } from '../../test/support/manual-later.ts';
import type { Store } from './ports.ts';
import { SessionUses } from './session-uses.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

/** A store whose only part is `sessions.touch`, which records each call and can be made to fail. */
function fakeStore() {
  const calls: Array<{ ids: string[]; at: Date }> = [];
  let failing = false;
  let hold: Promise<void> | undefined;
  const store = {
    sessions: {
      touch: async (ids: readonly string[], when: Date) => {
        await hold;
        if (failing) throw new Error('the store is away');
        calls.push({ ids: [...ids].sort(), at: when });
      },
    },
  } as unknown as Store;
  return {
    store,
    calls,
    fail: (on: boolean) => {
      failing = on;
    },
    holdUntil: (p: Promise<void> | undefined) => {
      hold = p;
    },
  };
}

function setup() {
  const timers = new ManualLater();
  const fake = fakeStore();
  const errors: unknown[] = [];
  const uses = new SessionUses({
    store: fake.store,
    later: timers.later,
    everyMs: 10_000,
    onError: (e) => errors.push(e),
  });
  return { timers, fake, errors, uses };
}

describe('SessionUses', () => {
  it('writes the uses noted since the last batch together, once its timer fires, at the latest one', async () => {
    const { timers, fake, uses } = setup();
    uses.note('a', at(1));
    uses.note('b', at(3));
    uses.note('a', at(2));
    uses.note('b', at(1)); // earlier than b's use already noted: kept at 3
    expect(timers.jobs.map((j) => j.ms)).toEqual([10_000]); // one timer for the batch
    expect(fake.calls).toEqual([]);
    expect(uses.seen('a')).toEqual(at(2));
    expect(uses.seen('b')).toEqual(at(3));
    expect(uses.seen('c')).toBeUndefined();
    await timers.runAll();
    expect(fake.calls).toEqual([{ ids: ['a', 'b'], at: at(3) }]);
    expect(uses.seen('a')).toBeUndefined();
    // Nothing pending: no timer, and a flush writes nothing.
    expect(timers.jobs).toEqual([]);
    await uses.flush();
    expect(fake.calls).toHaveLength(1);
  });

  it('still shows a batch while it is being written, and puts uses noted meanwhile in the next one', async () => {
    const { timers, fake, uses } = setup();
    let release!: () => void;
    fake.holdUntil(new Promise<void>((r) => (release = r)));
    uses.note('a', at(1));
    const first = timers.runAll();
    await Promise.resolve();
    expect(uses.seen('a')).toEqual(at(1));
    uses.note('b', at(2));
    // A flush while the first batch is on its way waits for it, then writes b.
    const flushed = uses.flush();
    release();
    await Promise.all([first, flushed]);
    expect(fake.calls).toEqual([
      { ids: ['a'], at: at(1) },
      { ids: ['b'], at: at(2) },
    ]);
    expect(uses.seen('a')).toBeUndefined();
    expect(uses.seen('b')).toBeUndefined();
  });

  it('keeps a batch the store refused and writes it with the next, keeping a later use of the same session', async () => {
    const { timers, fake, errors, uses } = setup();
    uses.note('a', at(1));
    uses.note('b', at(1));
    fake.fail(true);
    await timers.runAll();
    expect(errors).toHaveLength(1);
    expect(fake.calls).toEqual([]);
    expect(uses.seen('a')).toEqual(at(1));
    expect(timers.jobs).toHaveLength(1); // tried again later
    uses.note('a', at(5));
    fake.fail(false);
    await timers.runAll();
    expect(fake.calls).toEqual([{ ids: ['a', 'b'], at: at(5) }]);
  });

  it('writes what is pending when closed, and takes no uses afterwards', async () => {
    const { timers, fake, uses } = setup();
    uses.note('a', at(1));
    await uses.close();
    expect(fake.calls).toEqual([{ ids: ['a'], at: at(1) }]);
    expect(timers.jobs).toEqual([]); // the batch's timer was cancelled
    uses.note('b', at(2));
    expect(uses.seen('b')).toBeUndefined();
    expect(timers.jobs).toEqual([]);
  });
});
