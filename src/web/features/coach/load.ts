/** Loads the analyzer from src/nlp on first use, as its own chunk, so the first page load stays small. */
import type * as Nlp from '../../../nlp/index.ts';

type Coach = typeof Nlp;

let loading: Promise<Coach> | undefined;

export function loadCoach(): Promise<Coach> {
  loading ??= import('../../../nlp/index.ts').catch((error: unknown) => {
    // Let a later attempt try again (e.g. after a network blip while fetching the chunk).
    loading = undefined;
    throw error;
  });
  return loading;
}
