import pino from 'pino';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../contract/ws.ts';
import type { Audience, Message, MessagingApi } from '../../core/conversation.model.ts';
import { DomainError } from '../../core/errors.ts';
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

const audienceOf = (members: string[], blocked = new Map<string, Set<string>>()): Audience => ({
  members,
  blocked,
});

/**
 * A store holding `messages` of one circle whose members are now `members`: like the real one, it
 * refuses a read by anyone else (not_found) and reads the members after the messages.
 */
function storeHolding(state: {
  messages: Message[];
  members: string[];
  /** People whose leave commits between a read's membership check and its members read. */
  leaving?: string[];
  /** Whom each member blocked. */
  blocked?: Map<string, Set<string>>;
}): MessagingApi {
  const check = (userId: string) => {
    if (!state.members.includes(userId)) throw new DomainError('not_found', 'not a member');
  };
  return {
    since: async (userId: string, _c: string, afterSeq: number) => {
      check(userId);
      return state.messages.filter((m) => m.seq > afterSeq);
    },
    sinceForAll: async (userId: string, _c: string, afterSeq: number) => {
      check(userId);
      return {
        messages: state.messages.filter((m) => m.seq > afterSeq).map((m) => ({ ...m })),
        audience: audienceOf(
          state.members.filter((id) => !state.leaving?.includes(id)),
          state.blocked,
        ),
      };
    },
    before: async () => [],
    changedSince: async (userId: string, _c: string, upToSeq: number, since: Date) => {
      check(userId);
      const after = (d: Date | null) => d !== null && d >= since;
      return state.messages.filter(
        (m) => m.seq <= upToSeq && (after(m.editedAt) || after(m.deletedAt)),
      );
    },
    lastSeqs: async (ids: readonly string[], activeSince?: Date) => {
      const last = state.messages.at(-1);
      const active = !activeSince || (last !== undefined && last.createdAt >= activeSince);
      return new Map(ids.includes('circle') && active ? [['circle', last?.seq ?? 0]] : []);
    },
  } as unknown as MessagingApi;
}

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
    await hub.subscribe(s.conn, 'circle', { lastStored: 0, lastSeq: 0 });
  }
  await settle();
  return sockets as [(typeof sockets)[number], (typeof sockets)[number]];
}

describe('Hub', () => {
  it('catches a socket up from the store when a hint never came, and reports how many conversations were behind', async () => {
    const state = { messages: [message(1)], members: ['ann', 'bob', 'cy'] };
    const hub = new Hub(() => storeHolding(state), pino({ level: 'silent' }), new ManualClock());
    const [bob, cy] = await subscribed(hub, 'bob', 'cy');
    const seqs = (frames: ServerFrame[]) =>
      frames.flatMap((f) => (f.type === 'message' ? [f.message.seq] : []));
    expect(seqs(bob.frames)).toEqual([1]);
    // Stored through another node, whose hints were lost on the way: nothing tells these sockets.
    state.messages.push(message(2), message(3));
    await settle();
    expect(seqs(bob.frames)).toEqual([1]);
    expect(await hub.catchUpWithStore(0)).toBe(1);
    await settle();
    for (const s of [bob, cy]) expect(seqs(s.frames)).toEqual([1, 2, 3]);
    // Nothing behind any more: the next check sends nothing.
    expect(await hub.catchUpWithStore(0)).toBe(0);
    await settle();
    expect(seqs(bob.frames)).toEqual([1, 2, 3]);
    // A hint that lands within the grace after the read is no missed hint: delivered once, not counted.
    state.messages.push(message(4));
    const check = hub.catchUpWithStore(50);
    await settle();
    hub.hint('circle', 4);
    expect(await check).toBe(0);
    await settle();
    for (const s of [bob, cy]) expect(seqs(s.frames)).toEqual([1, 2, 3, 4]);
  });

  it('after the bus comes back, re-sends what was edited or deleted since its link dropped, and what was posted', async () => {
    const state = { messages: [message(1), message(2)], members: ['ann', 'bob', 'cy'] };
    const hub = new Hub(() => storeHolding(state), pino({ level: 'silent' }), new ManualClock());
    const [bob, cy] = await subscribed(hub, 'bob', 'cy');
    const lostAt = new Date('2026-01-01T12:00:00Z');
    // Through another node while this one's link was down: an edit, a delete and a post, no hint heard.
    state.messages = [
      { ...message(1), text: 'note 1, edited', editedAt: new Date('2026-01-01T12:00:05Z') },
      { ...message(2), text: '', deletedAt: new Date('2026-01-01T12:00:06Z') },
      { ...message(3), createdAt: new Date('2026-01-01T12:00:07Z') },
    ];
    const seen = (frames: ServerFrame[]) =>
      frames.flatMap((f) =>
        f.type === 'message' || f.type === 'message.updated'
          ? [[f.type, f.message.seq, f.message.text]]
          : [],
      );
    // A socket that follows the circle without subscribing to it hears that something was posted.
    const dee = socketFor('dee', 3);
    hub.add(dee.conn);
    hub.follow(dee.conn, ['circle']);
    // Without a time, only what was posted: the socket's copies of 1 and 2 stay as they were.
    hub.resyncAll();
    await settle();
    expect(seen(bob.frames).slice(2)).toEqual([['message', 3, 'note 3']]);
    expect(dee.frames).toEqual([]);
    hub.resyncAll(lostAt);
    await settle();
    for (const s of [bob, cy])
      expect(seen(s.frames).slice(3)).toEqual([
        ['message.updated', 1, 'note 1, edited'],
        ['message.updated', 2, ''],
      ]);
    expect(dee.frames).toEqual([
      { type: 'conversation.activity', conversationId: 'circle', seq: 3 },
    ]);
    // Nothing posted since a later break: nothing to tell.
    state.messages.push({ ...message(4), createdAt: new Date('2026-01-01T12:00:07Z') });
    hub.resyncAll(new Date('2026-01-01T13:00:00Z'));
    await settle();
    expect(dee.frames).toHaveLength(1);
  });

  it('drops, instead of feeding, a socket whose person was not in the audience of a message posted here', async () => {
    const state = { messages: [] as Message[], members: ['ann', 'bob', 'cy'] };
    const hub = new Hub(() => storeHolding(state), pino({ level: 'silent' }), new ManualClock());
    const [bob, cy] = await subscribed(hub, 'bob', 'cy');
    // Cy left a moment before this was stored; the event saying so has not reached this node yet.
    state.members = ['ann', 'bob'];
    state.messages = [message(1)];
    hub.remember(message(1), audienceOf(['ann', 'bob']));
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
    state.messages.push(message(2));
    hub.remember(message(2));
    hub.hint('circle', 2);
    await settle();
    expect(bob.frames.filter((f) => f.type === 'message')).toHaveLength(2);
  });

  it('drops a socket whose person is not among the members read with messages from the store', async () => {
    // Another node stored the message; cy left through a third node, whose event has not arrived here.
    const state = {
      messages: [] as Message[],
      members: ['ann', 'bob', 'cy', 'dee'],
      leaving: [] as string[],
    };
    const hub = new Hub(() => storeHolding(state), pino({ level: 'silent' }), new ManualClock());
    const [bob, cy] = await subscribed(hub, 'bob', 'cy');
    state.messages = [message(1)];
    state.members = ['ann', 'bob', 'dee'];
    hub.hint('circle', 1);
    await settle();
    const seqs = (frames: ServerFrame[]) =>
      frames.flatMap((f) => (f.type === 'message' ? [f.message.seq] : []));
    expect(seqs(bob.frames)).toEqual([1]);
    expect(seqs(cy.frames)).toEqual([]);
    expect(cy.frames.at(-1)).toMatchObject({ type: 'unsubscribed', reason: 'access_lost' });
    // A socket catching up from the store is checked the same way, even when its person leaves between
    // the read's membership check and its members read.
    const dee = socketFor('dee', 3);
    hub.add(dee.conn);
    state.leaving = ['dee'];
    await hub.subscribe(dee.conn, 'circle', { lastStored: 1, lastSeq: 0 });
    await settle();
    expect(seqs(dee.frames)).toEqual([]);
    expect(dee.frames.at(-1)).toMatchObject({ type: 'unsubscribed', reason: 'access_lost' });
  });

  it('gives a message to someone who joined as it was stored, though its audience was read before', async () => {
    const state = { messages: [] as Message[], members: ['ann', 'bob', 'eve'] };
    const hub = new Hub(() => storeHolding(state), pino({ level: 'silent' }), new ManualClock());
    const [bob, eve] = await subscribed(hub, 'bob', 'eve');
    // Posted here; the post read the members just before Eve's joining was stored.
    state.messages = [message(1)];
    hub.remember(message(1), audienceOf(['ann', 'bob']));
    hub.hint('circle', 1);
    await settle();
    for (const s of [bob, eve])
      expect(s.frames.flatMap((f) => (f.type === 'message' ? [f.message.seq] : []))).toEqual([1]);
    expect(eve.conn.subs.has('circle')).toBe(true);
    expect(eve.frames.some((f) => f.type === 'unsubscribed')).toBe(false);
  });

  it('hides the author from a socket whose person blocked them as the store says, before any event', async () => {
    // Bob blocked Ann through another node; this node has not heard, so his socket's own list is empty.
    const blocked = new Map([['bob', new Set(['ann'])]]);
    const state = { messages: [] as Message[], members: ['ann', 'bob', 'cy'], blocked };
    const hub = new Hub(() => storeHolding(state), pino({ level: 'silent' }), new ManualClock());
    const [bob, cy] = await subscribed(hub, 'bob', 'cy');
    const texts = (frames: ServerFrame[]) =>
      frames.flatMap((f) => (f.type === 'message' ? [[f.message.seq, f.message.text]] : []));
    // Posted here: the post read the audience.
    state.messages = [message(1)];
    hub.remember(message(1), audienceOf(state.members, blocked));
    hub.hint('circle', 1);
    // Posted on another node: read from the store with its audience.
    state.messages.push(message(2));
    hub.hint('circle', 2);
    await settle();
    expect(texts(bob.frames)).toEqual([
      [1, ''],
      [2, ''],
    ]);
    expect(bob.frames.every((f) => f.type !== 'message' || f.message.hidden === true)).toBe(true);
    expect(texts(cy.frames)).toEqual([
      [1, 'note 1'],
      [2, 'note 2'],
    ]);
    // An edit, re-read for the sockets that have the message, is hidden the same way.
    state.messages[0] = { ...message(1), text: 'note 1, edited', editedAt: new Date() };
    hub.updated('circle', 1);
    await settle();
    const updated = (frames: ServerFrame[]) =>
      frames.flatMap((f) => (f.type === 'message.updated' ? [f.message.text] : []));
    expect(updated(bob.frames)).toEqual(['']);
    expect(updated(cy.frames)).toEqual(['note 1, edited']);
    // A socket catching up from the store gets them hidden too.
    const late = socketFor('bob', 9);
    hub.add(late.conn);
    await hub.subscribe(late.conn, 'circle', { lastStored: 2, lastSeq: 0 });
    await settle();
    expect(texts(late.frames)).toEqual([
      [1, ''],
      [2, ''],
    ]);
  });
});
