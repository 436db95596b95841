/** The four-tasks pages' own words, prompts and readings carry no fear-side language, as the coach reads them. */
import { describe, expect, it } from 'vitest';
import { WORLDVIEW_PROMPTS } from '../../../contract/worldview.ts';
import { analyze } from '../../../nlp/index.ts';
import { copyE } from '../export/copy.ts';
import { copyN } from '../insights/copy.ts';
import { computeInsights } from '../insights/compute.ts';
import { readInsights, readMyCoach } from '../insights/reading.ts';
import { SignalCache } from '../insights/signals.ts';
import { copyI } from '../intentions/copy.ts';
import { copyR, PROMPTS } from '../reflections/prompts.ts';
import { copyW } from '../worldview/copy.ts';
import { t } from './copy.ts';
import { fearSideFindings } from '../../copy-check.ts';

function strings(node: unknown, path: string[] = []): Array<[string, string]> {
  if (typeof node === 'string') return [[path.join('.'), node.replace(/\{\w+\}/g, 'Sam')]];
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

/** Every reading the insights can produce, from small made-up histories that reach each branch. */
function allReadings(): string[] {
  const cache = new SignalCache(analyze);
  const week = (n: number) => new Date(Date.UTC(2026, 5, 1 + 7 * n)).toISOString();
  const msg = (i: number, authorId: string, text: string, w: number) => ({
    id: `r-${i}`,
    authorId,
    text,
    createdAt: week(w),
    editedAt: null,
    deletedAt: null,
  });
  const histories = [
    [],
    [
      msg(1, 'a', 'ok', 0),
      msg(2, 'b', 'ok', 1),
      msg(3, 'a', 'what happened? what was that like for you?', 2),
      msg(4, 'b', 'how do you make sense of it?', 3),
    ],
    [
      msg(5, 'a', 'we could try it together, let us see', 0),
      msg(6, 'a', 'a very long message with many many words in it indeed', 1),
    ],
    [msg(7, 'a', 'you should call your doctor', 0), msg(8, 'b', 'dont worry about it', 1)],
  ];
  return histories.flatMap((h) => {
    const ins = computeInsights(h, ['a', 'b'], 'a', cache);
    return [...readInsights(ins), readMyCoach(ins.myCoach)];
  });
}

const ALL: Array<[string, string]> = [
  ...strings({ t, copyR, PROMPTS, copyI, copyW, copyN, copyE }),
  ...WORLDVIEW_PROMPTS.map((p): [string, string] => [`worldview.${p.key}`, p.text]),
  ...allReadings().map((r, i): [string, string] => [`reading.${i}`, r]),
];

describe('four-tasks words', () => {
  it('are all read', () => {
    expect(ALL.length).toBeGreaterThan(120);
  });

  it('carry no fear-side language', () => {
    expect(fearSideFindings(ALL)).toEqual([]);
  });
});
