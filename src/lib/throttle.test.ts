import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttled } from './throttle.ts';

describe('throttled', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first call at once and folds a burst into one more run after the interval', () => {
    const runs: number[] = [];
    const call = throttled(() => runs.push(Date.now()), 1000);
    const start = Date.now();
    call();
    expect(runs).toEqual([start]);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(50);
      call();
    }
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual([start, start + 1000]);
    // Quiet for longer than the interval: the next call runs at once again.
    vi.advanceTimersByTime(5000);
    call();
    expect(runs).toEqual([start, start + 1000, start + 6500]);
  });

  it('never runs a call that was waiting when cancelled', () => {
    let runs = 0;
    const call = throttled(() => (runs += 1), 1000);
    call();
    call();
    call.cancel();
    vi.advanceTimersByTime(5000);
    expect(runs).toBe(1);
  });
});
