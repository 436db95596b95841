/** The coach on this device, loaded lazily, for drafts of reflections and intentions. It never leaves the browser. */
import { useEffect, useState } from 'react';
import type { Analysis } from '../../../nlp/types.ts';
import { useCoachEnabled } from '../settings/coach-setting.ts';

type Analyze = (text: string) => Analysis;
let loaded: Promise<Analyze> | null = null;

/** Loads the coach once (its own chunk). */
export function loadAnalyze(): Promise<Analyze> {
  loaded ??= import('../../../nlp/index.ts').then((m) => m.analyze);
  return loaded;
}

/** `analyze` once loaded and while the person has the coach switched on; otherwise null. */
export function useAnalyze(): Analyze | null {
  const [on] = useCoachEnabled();
  const [fn, setFn] = useState<Analyze | null>(null);
  useEffect(() => {
    if (!on) return;
    let live = true;
    void loadAnalyze().then((a) => live && setFn(() => a));
    return () => {
      live = false;
    };
  }, [on]);
  return on ? fn : null;
}
