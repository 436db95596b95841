import pino from 'pino';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../contract/ws.ts';
import type { Message, MessagingApi } from '../../core/conversation.model.ts';
import { ManualClock } from '../../lib/clock.ts';
import { Connection } from './connection.ts';
import { Hub } from './hub.ts';
import { fullBucket } from './rate.ts';

/** A socket that records what it is sent. */
function socketFor(userId: string, id: number): { conn: Connection; frames: ServerFrame[] } {
  const frames: ServerFrame[] = [];
  const ws = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    send: (text: string) => void frames.push(JSON.parse(text) as ServerFrame),
    close: () => undefined,
  } as unknown as WebSocket;
  const conn = new Connection(
    id,
    ws,
    userId,
    `session-${id}`,
    Infinity,
    fullBucket({ perSecond: 1, burst: 1 }, 0),
  );
  return { conn, frames };
}

// The store holds nothing older: every socket starts at seq 0 and is then fed from the node's cache.
const store = {
  since: async () => [],
  sinceForAll: async () => ({ messages: [] }),
  before: async () => [],
  changedSince: async () => [],
} as unknown as MessagingApi;

/** A store holding `messages` of a circle whose members are now `audience`. */
const storeHolding = (state: { messages: Message[]; audience: string[] }) =>
  ({
    ...store,
    sinceForAll: async (_userId: string, _conversationId: string, afterSeq: number) => ({
      messages: state.messages.filter((m) => m.seq > afterSeq),
      audience: state.audience,
    }),
  }) as unknown as MessagingApi;

const message = (seq: number): Message => ({
  id: `018f0000-0000-7000-8000-00000000000${seq}`,
  conversationId: 'circle',
  seq,
  authorId: 'ann',
  text: `note ${seq}`,
  createdAt: new Date('2026-01-01T10:00:00Z'),
  editedAt: null,
  deletedAt: null,
});

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A socket for each person, subscribed to the circle from seq 0. */
async function subscribed(hub: Hub, ...userIds: [string, string]) {
  const sockets = userIds.map((userId, i) => socketFor(userId, i + 1));
  for (const s of sockets) {
    hub.add(s.conn);
    await hub.subscribe(s.conn, 'circle', 0);
  }
  await settle();
  return sockets as [(typeof sockets)[number], (typeof sockets)[number]];
}

describe('Hub', () => {
  it('drops, instead of feeding, a socket whose person was not in the audience of a message posted here', async () => {
    const hub = new Hub(() => store, pino({ level: 'silent' }), new ManualClock());
    const [bob, cy] = await subscribed(hub, 'bob', 'cy');
    // Cy left a moment before this was stored; the event saying so has not reached this node yet.
    hub.remember(message(1), ['ann', 'bob']);
    hub.hint('circle', 1);
    await settle();
    expect(
      bob.frames
        .filter((f) => f.type === 'message')
        .map((f) => f.type === 'message' && f.message.seq),
    ).toEqual([1]);
    expect(cy.frames.some((f) => f.type === 'message')).toBe(false);
    expect(cy.frames.at(-1)).toEqual({
      type: 'unsubscribed',
      conversationId: 'circle',
      reason: 'access_lost',
    });
    expect(cy.conn.subs.has('circle')).toBe(false);
    // A message without an audience (a relationship's) goes to every subscriber.
    hub.remember(message(2));
    hub.hint('circle', 2);
    await settle();
    expect(bob.frames.filter((f) => f.type === 'message')).toHaveLength(2);
  });

  it('drops a socket whose person is not among the members read with messages from the store', async () => {
    // Another node stored the message; cy left through a third node, whose event has not arrived here.
    const state = { messages: [] as Message[], audience: ['ann', 'bob', 'cy', 'dee'] };
    const hub = new Hub(() => storeHolding(state), pino({ level: 'silent' }), new ManualClock());
    const [bob, cy] = await subscribed(hub, 'bob', 'cy');
    state.messages = [message(1)];
    state.audience = ['ann', 'bob', 'dee'];
    hub.hint('circle', 1);
    await settle();
    const seqs = (frames: ServerFrame[]) =>
      frames.flatMap((f) => (f.type === 'message' ? [f.message.seq] : []));
    expect(seqs(bob.frames)).toEqual([1]);
    expect(seqs(cy.frames)).toEqual([]);
    expect(cy.frames.at(-1)).toMatchObject({ type: 'unsubscribed', reason: 'access_lost' });
    // A socket catching up from the store is checked the same way.
    const dee = socketFor('dee', 3);
    hub.add(dee.conn);
    state.audience = ['ann', 'bob'];
    await hub.subscribe(dee.conn, 'circle', 0);
    await settle();
    expect(seqs(dee.frames)).toEqual([]);
    expect(dee.frames.at(-1)).toMatchObject({ type: 'unsubscribed', reason: 'access_lost' });
  });
});
