/** Runs the coach over the product's own words: used by the tests that keep UI copy hope-based (IPS.md §2.7). */
import { analyze } from '../nlp/index.ts';

/** Each fear-side finding in `entries` ([key, text]) as one readable line; empty when all is well. */
export function fearSideFindings(entries: Array<[string, string]>): string[] {
  return entries.flatMap(([key, text]) =>
    analyze(text)
      .findings.filter((f) => f.side === 'fear')
      .map((f) => `${key}: "${f.excerpt}" (${f.category}) in "${text}"`),
  );
}
