/** The chaos checker's own rules, on a store and views made up here: each fault is counted where it belongs. */
import { describe, expect, it } from 'vitest';
import type { Message, MessagingApi } from '../../src/core/conversation.model.ts';
import type { ClientReport } from './chaos-client.ts';
import { checkChaos } from './checker.ts';

const circle = 'circle-1';
const stored: Message[] = [1, 2, 3, 4, 5].map((seq) => ({
  id: `m${seq}`,
  conversationId: circle,
  seq,
  authorId: 'ann',
  text: `chaos t ann #${seq}`,
  createdAt: new Date('2026-02-01T09:00:00Z'),
  editedAt: null,
  deletedAt: null,
}));
const api = {
  since: async (_u: string, _c: string, after: number) => stored.filter((m) => m.seq > after),
} as unknown as MessagingApi;
const members = new Map([[circle, ['ann', 'bo', 'cy']]]);
const report = (userId: string, view: string[]): ClientReport => ({
  userId,
  views: new Map([[circle, view]]),
  acked: [],
  unacked: 0,
  leaked: 0,
  gaps: 0,
  repeats: 0,
});
const all = stored.map((m) => m.id);

describe('checkChaos', () => {
  it('lets someone who left miss what came after, but counts what reached them after they left', async () => {
    const leaves = { left: new Map([['cy', new Map([[circle, 3]])]]), readerOf: () => 'ann' };
    // Cy left when the circle was at seq 3 and saw up to 2: nothing is owed, nothing leaked.
    const fine = await checkChaos(
      api,
      members,
      [report('ann', all), report('bo', all), report('cy', ['m1', 'm2'])],
      't',
      leaves,
    );
    expect(fine).toMatchObject({ lost: 0, leaked: 0, out_of_order: 0, duplicated: 0 });
    // Cy also got seq 4 and 5, stored after the leave: two leaks.
    const leaked = await checkChaos(api, members, [report('cy', all)], 't', leaves);
    expect(leaked.leaked).toBe(2);
    // Without the leave, the same short view is two messages lost.
    const problems: string[] = [];
    const lost = await checkChaos(
      api,
      members,
      [report('cy', ['m1', 'm2', 'm3'])],
      't',
      undefined,
      problems,
    );
    expect(lost).toMatchObject({ lost: 2, leaked: 0 });
    // And says which view fell short, so a failing run can be read.
    expect(problems).toEqual([expect.stringMatching(/^lost: .*cy.* has 3 of 5 messages$/)]);
  });
});
