/**
 * Runs the coach over the draft after a short pause in typing. Everything stays in this tab: the draft and
 * the findings are never sent anywhere. Records "last keystroke → findings painted" as a performance
 * measure named `coach-latency` (read by test/bench/coach-latency.bench.ts).
 */
import { useEffect, useRef, useState } from 'react';
import type { Analysis } from '../../../nlp/index.ts';
import { loadCoach } from './load.ts';

/** The pause after the last keystroke before the coach reads the draft. */
export const COACH_PAUSE_MS = 60;

export interface CoachResult {
  /** The exact text analysed: highlights only apply while the draft still equals it. */
  text: string;
  analysis: Analysis;
}

export function useCoach(text: string, context: string | undefined, enabled: boolean) {
  const [coach, setCoach] = useState<Awaited<ReturnType<typeof loadCoach>> | undefined>(undefined);
  const [result, setResult] = useState<CoachResult | undefined>(undefined);
  const lastKeyAt = useRef(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!enabled || coach) return;
    let live = true;
    loadCoach().then(
      (m) => live && setCoach(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [enabled, coach]);

  useEffect(() => {
    if (!enabled || !coach) return;
    if (!text.trim()) {
      setResult(undefined);
      return;
    }
    const timer = setTimeout(
      () => setResult({ text, analysis: coach.analyze(text, context ? { context } : {}) }),
      COACH_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [text, context, enabled, coach]);

  useEffect(() => {
    if (!result || !lastKeyAt.current) return;
    const start = lastKeyAt.current;
    lastKeyAt.current = 0;
    // The next frame is when the findings are on screen.
    requestAnimationFrame(() => {
      try {
        performance.measure('coach-latency', { start, end: performance.now() });
      } catch {
        // Older browsers without measure options: the figure is only for the benchmark.
      }
    });
  }, [result]);

  return {
    ready: Boolean(coach),
    failed,
    label: (category: string): string =>
      coach?.CATEGORIES.find((c) => c.key === category)?.label ?? category,
    result: result && enabled ? result : undefined,
    /** Call on every keystroke so latency is measured from the last one. */
    keystroke: () => {
      lastKeyAt.current = performance.now();
    },
  };
}
