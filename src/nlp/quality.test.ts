/**
 * Quality gate: per-category precision, recall and F1 on the held-out test split must not fall below
 * the baseline recorded in fixtures/baseline.json (the rules were tuned on the dev split only).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from './categories.ts';
import type { FixtureMessage } from './fixtures/compose.ts';
import { evaluate, type CategoryMetrics } from './fixtures/evaluate.ts';
import { analyze } from './index.ts';
import type { Category } from './types.ts';

function loadSplit(split: string): FixtureMessage[] {
  return readFileSync(new URL(`fixtures/${split}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureMessage);
}

const baseline = JSON.parse(
  readFileSync(new URL('fixtures/baseline.json', import.meta.url), 'utf8'),
) as {
  split: string;
  metrics: Record<Category, Pick<CategoryMetrics, 'precision' | 'recall' | 'f1'>>;
};

describe('coach quality on the test split', () => {
  const messages = loadSplit('test');
  const { metrics } = evaluate(messages, analyze);

  it('has a corpus of at least 800 messages across both splits', () => {
    expect(messages.length + loadSplit('dev').length).toBeGreaterThanOrEqual(800);
  });

  it.each(CATEGORY_KEYS)('%s stays at or above its recorded baseline', (key) => {
    const now = metrics[key];
    const base = baseline.metrics[key];
    expect(now.precision).toBeGreaterThanOrEqual(base.precision - 1e-9);
    expect(now.recall).toBeGreaterThanOrEqual(base.recall - 1e-9);
    expect(now.f1).toBeGreaterThanOrEqual(base.f1 - 1e-9);
  });
});
