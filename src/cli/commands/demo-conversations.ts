/** Demo content for `mutual demo`: two relationships and a circle with a few invented, hope-based messages. */
import type { AppContext } from '../../app/compose.ts';
import { pairKey } from '../../core/connection.service.ts';
import type { User } from '../../core/model.ts';
import { newId } from '../../lib/ids.ts';
import type { DemoSeeder } from './demo.ts';

/** The circle every demo person is in. */
export const DEMO_CIRCLE_NAME = 'Tuesday evening circle';

// Written for the demo; these are not anyone's real words. Index 0..3: Robin, Kai, Marisol, Theo.
type Line = [author: number, text: string];

const ROBIN_AND_KAI: Line[] = [
  [0, 'Hi Kai, I’m glad we connected. What would you like our conversations to be about?'],
  [
    1,
    'Hi Robin! Maybe the things we are each trying out lately. I started walking in the mornings.',
  ],
  [0, 'I’d love that. What has the walking been like for you so far?'],
  [1, 'Quieter in my head than I expected. What is something you’re trying?'],
];

const MARISOL_AND_THEO: Line[] = [
  [
    3,
    'Marisol, I noticed I got tense in the circle yesterday. Could we talk about what happened between us?',
  ],
  [2, 'Yes, and thank you for naming it. I felt it too. What was it like on your side?'],
  [3, 'I think I heard your question as advice. I’d like to understand what you meant by it.'],
];

const CIRCLE: Line[] = [
  [2, 'Welcome, everyone. What would we like to create together in this circle?'],
  [1, 'Somewhere we can say how the week really went, and stay curious about it together.'],
  [3, 'For me: trying one small new thing each week, and telling you how it went.'],
  [0, 'I like that. Let’s each bring one thing next Tuesday.'],
];

async function relationship(ctx: AppContext, orgId: string, a: User, b: User): Promise<string> {
  const { store } = ctx.db;
  const existing = await store.conversations.findByPairKey(orgId, pairKey(a.id, b.id));
  if (existing) {
    const both = await Promise.all(
      [a, b].map((p) => store.conversationMembers.findActive(existing.id, p.id)),
    );
    if (both.every(Boolean)) return existing.id;
  }
  const { invitation } = await ctx.connections.inviteToRelationship(a.id, { orgId, userId: b.id });
  return (await ctx.connections.accept(b.id, invitation.id)).id;
}

async function circle(ctx: AppContext, orgId: string, people: User[]): Promise<string> {
  const [first, ...rest] = people;
  if (!first) throw new Error('the demo needs people');
  const mine = await ctx.messaging.listConversations(first.id);
  const found = mine.find(
    (c) => c.kind === 'circle' && c.orgId === orgId && c.name === DEMO_CIRCLE_NAME,
  );
  const id =
    found?.id ??
    (await ctx.connections.createCircle(first.id, { orgId, name: DEMO_CIRCLE_NAME })).id;
  for (const p of rest) {
    if (await ctx.db.store.conversationMembers.findActive(id, p.id)) continue;
    const { invitation } = await ctx.connections.inviteToCircle(first.id, id, { userId: p.id });
    await ctx.connections.accept(p.id, invitation.id);
  }
  return id;
}

/** Writes the lines into a conversation that has none yet, so running the demo again adds nothing twice. */
async function converse(
  ctx: AppContext,
  conversationId: string,
  people: User[],
  lines: Line[],
): Promise<void> {
  const conversation = await ctx.db.store.conversations.findById(conversationId);
  if (!conversation || conversation.lastSeq > 0) return;
  for (const [author, text] of lines) {
    const person = people[author];
    if (person) await ctx.messaging.post(person.id, { conversationId, id: newId(), text });
  }
}

/** Connects Robin and Kai, Marisol and Theo, and all four in a circle. */
export const seedDemoConversations: DemoSeeder = async (ctx, orgId, people) => {
  const [robin, kai, marisol, theo] = people;
  if (!robin || !kai || !marisol || !theo) return [];
  await converse(ctx, await relationship(ctx, orgId, robin, kai), people, ROBIN_AND_KAI);
  await converse(ctx, await relationship(ctx, orgId, theo, marisol), people, MARISOL_AND_THEO);
  await converse(ctx, await circle(ctx, orgId, [marisol, robin, kai, theo]), people, CIRCLE);
  return [
    `${robin.displayName} and ${kai.displayName} are in a relationship, as are ${marisol.displayName} and ${theo.displayName}; all four are in "${DEMO_CIRCLE_NAME}".`,
  ];
};
