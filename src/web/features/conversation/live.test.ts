/**
 * The web app's live link with a server played by the test (test/support/web-fakes.ts): what it sends again,
 * what it gives up on and says so, where it resumes from, and what two tabs share.
 */
import {
  FakeSocket,
  resetFakes,
  sentFrames,
  storage,
  USER,
} from '../../../../test/support/web-fakes.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WireMessage } from '../../../contract/ws.ts';
import { Live } from './live.ts';
import { Outbox } from './outbox.ts';
import { ConversationStore } from './store.ts';

const C1 = '01900000-0000-7000-8000-0000000000c1';
const ID1 = '01900000-0000-7000-8000-00000000a001';
const ID2 = '01900000-0000-7000-8000-00000000a002';
const OUTBOX = `mutual.outbox.${USER}`;
const at = () => new Date().toISOString();
const msg = (seq: number): WireMessage => ({
  id: `01900000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
  conversationId: C1,
  seq,
  authorId: '01900000-0000-7000-8000-0000000000b0',
  text: `note ${seq}`,
  createdAt: '2026-01-01T10:00:00.000Z',
  editedAt: null,
  deletedAt: null,
});
const page = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => msg(from + i));
const waiting = (id: string) => ({
  id,
  conversationId: C1,
  text: 'written offline',
  createdAt: at(),
});

/** A server that accepts everything. */
const accepts = (s: FakeSocket, f: Record<string, unknown>) => {
  if (f.type === 'subscribe')
    s.serverSend({
      type: 'subscribed',
      conversationId: f.conversationId,
      seq: 0,
      at: at(),
      ref: f.ref,
    });
  if (f.type === 'send')
    s.serverSend({
      type: 'ack',
      id: f.id,
      conversationId: f.conversationId,
      seq: 1,
      duplicate: false,
    });
};
const refuse = (f: Record<string, unknown>, code: string, retryAfterMs?: number) => ({
  type: 'error',
  code,
  message: code === 'not_found' ? 'No such conversation.' : 'Not now.',
  frame: f.type,
  conversationId: f.conversationId,
  ...(f.id ? { id: f.id } : {}),
  ...(retryAfterMs ? { retryAfterMs } : {}),
  ref: f.ref,
});

async function started(): Promise<Live> {
  const live = new Live(USER);
  live.start();
  await vi.advanceTimersByTimeAsync(1);
  return live;
}

beforeEach(() => {
  resetFakes();
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Live', () => {
  for (const code of ['rate_limited', 'internal'])
    it(`subscribes again after a subscribe refused with ${code}, then sends what waited`, async () => {
      storage.setItem(OUTBOX, JSON.stringify([waiting(ID1)]));
      let first = true;
      FakeSocket.onClientFrame = (s, f) => {
        if (f.type === 'subscribe' && first) {
          first = false;
          return s.serverSend(refuse(f, code, 300));
        }
        accepts(s, f);
      };
      const live = await started();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(sentFrames().filter((f) => f.type === 'subscribe')).toHaveLength(2);
      expect(
        sentFrames()
          .filter((f) => f.type === 'send')
          .map((f) => f.id),
      ).toEqual([ID1]);
      expect(live.outbox.all()).toEqual([]);
      live.stop();
    });

  it('says a message was not sent when its conversation cannot be reached, instead of keeping it waiting', async () => {
    storage.setItem(OUTBOX, JSON.stringify([waiting(ID1)]));
    FakeSocket.onClientFrame = (s, f) => {
      if (f.type === 'subscribe') s.serverSend(refuse(f, 'not_found'));
    };
    const live = await started();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sentFrames().some((f) => f.type === 'send')).toBe(false);
    expect(live.outbox.all().map((e) => e.failed)).toEqual(['No such conversation.']);
    live.stop();
  });

  it('says so too when access is lost while a message waits', async () => {
    FakeSocket.onClientFrame = (s, f) => {
      if (f.type === 'subscribe')
        s.serverSend({
          type: 'unsubscribed',
          conversationId: f.conversationId,
          reason: 'access_lost',
        });
    };
    const live = await started();
    live.send(C1, 'written just before leaving on another device');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(live.outbox.all().map((e) => e.failed)).toEqual([
      'you are no longer in this conversation.',
    ]);
    live.stop();
  });

  it('never sends a message longer than the server takes, and says why', async () => {
    FakeSocket.onClientFrame = accepts;
    const live = await started();
    const unwatch = live.watch(C1);
    await vi.advanceTimersByTimeAsync(1);
    live.send(C1, '😀'.repeat(8_001));
    live.send(C1, '😀'.repeat(8_000));
    await vi.advanceTimersByTimeAsync(1_000);
    const sent = sentFrames().filter((f) => f.type === 'send');
    expect(sent.map((f) => [...(f.text as string)].length)).toEqual([8_000]);
    expect(live.outbox.all().map((e) => e.failed)).toEqual([
      'Messages hold up to 8000 characters, and this one has 8001. Sending it in parts works.',
    ]);
    unwatch();
    live.stop();
  });

  it('resumes from the last message it got live, even when the first page never loaded', async () => {
    FakeSocket.onClientFrame = accepts;
    const live = await started();
    live.watch(C1);
    await vi.advanceTimersByTimeAsync(1);
    FakeSocket.all[0]!.serverSend({ type: 'message', message: msg(7) });
    FakeSocket.all[0]!.serverClose(1006);
    await vi.advanceTimersByTimeAsync(1_000);
    const subs = sentFrames().filter((f) => f.type === 'subscribe');
    expect(subs.map((f) => f.lastSeq)).toEqual([undefined, 7]);
    live.stop();
  });

  it('sends a read marker again after it was refused as too fast', async () => {
    FakeSocket.onClientFrame = (s, f) => {
      if (f.type === 'read' && sentFrames().filter((x) => x.type === 'read').length === 1)
        return s.serverSend(refuse(f, 'rate_limited', 100));
      accepts(s, f);
    };
    const live = await started();
    live.read(C1, 9);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(
      sentFrames()
        .filter((f) => f.type === 'read')
        .map((f) => f.seq),
    ).toEqual([9, 9]);
    live.stop();
  });

  it('sends a long backlog as answers come back: one per conversation, never more than 20 waiting, each once and in order', async () => {
    const conversations = Array.from(
      { length: 25 },
      (_, c) => `01900000-0000-7000-8000-0000000c${String(c).padStart(4, '0')}`,
    );
    const backlog = Array.from({ length: 100 }, (_, i) => ({
      ...waiting(`01900000-0000-7000-8000-00000000b${String(i).padStart(3, '0')}`),
      conversationId: conversations[i % 25]!,
    }));
    storage.setItem(OUTBOX, JSON.stringify(backlog));
    const held: Array<Record<string, unknown>> = [];
    let most = 0;
    let twoInOne = false;
    FakeSocket.onClientFrame = (s, f) => {
      if (f.type !== 'send') return accepts(s, f);
      if (held.some((h) => h.conversationId === f.conversationId)) twoInOne = true;
      held.push(f);
      most = Math.max(most, held.length);
    };
    const live = await started();
    await vi.advanceTimersByTimeAsync(1);
    expect(held).toHaveLength(20);
    // The server answers whatever waits, a few times over.
    for (let round = 0; round < 20 && live.outbox.all().length; round++) {
      for (const f of held.splice(0)) accepts(FakeSocket.all[0]!, f);
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(most).toBe(20);
    expect(twoInOne).toBe(false);
    const sent = sentFrames().filter((f) => f.type === 'send');
    expect(sent.map((f) => f.id).sort()).toEqual(backlog.map((e) => e.id));
    for (const c of conversations)
      expect(sent.filter((f) => f.conversationId === c).map((f) => f.id)).toEqual(
        backlog.filter((e) => e.conversationId === c).map((e) => e.id),
      );
    expect(live.outbox.all()).toEqual([]);
    live.stop();
  });

  it('sends nothing written later in a conversation until a message refused for now there is stored', async () => {
    storage.setItem(OUTBOX, JSON.stringify([waiting(ID1), waiting(ID2)]));
    let refused = false;
    FakeSocket.onClientFrame = (s, f) => {
      if (f.type === 'send' && !refused) {
        refused = true;
        return s.serverSend(refuse(f, 'internal'));
      }
      accepts(s, f);
    };
    const live = await started();
    await vi.advanceTimersByTimeAsync(1);
    expect(
      sentFrames()
        .filter((f) => f.type === 'send')
        .map((f) => f.id),
    ).toEqual([ID1]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(
      sentFrames()
        .filter((f) => f.type === 'send')
        .map((f) => f.id),
    ).toEqual([ID1, ID1, ID2]);
    expect(live.outbox.all()).toEqual([]);
    live.stop();
  });

  it('after a send refused as too fast, sends nothing more until the pause is over', async () => {
    storage.setItem(OUTBOX, JSON.stringify([waiting(ID1)]));
    let refused = false;
    FakeSocket.onClientFrame = (s, f) => {
      if (f.type === 'send' && !refused) {
        refused = true;
        return s.serverSend(refuse(f, 'rate_limited', 2_000));
      }
      accepts(s, f);
    };
    const live = await started();
    const unwatch = live.watch(C1);
    await vi.advanceTimersByTimeAsync(1);
    const written = live.send(C1, 'written during the pause');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(sentFrames().filter((f) => f.type === 'send')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    const sends = sentFrames().filter((f) => f.type === 'send');
    expect(sends.map((f) => f.id)).toEqual([ID1, ID1, written]);
    expect(live.outbox.all()).toEqual([]);
    unwatch();
    live.stop();
  });

  it('leaves no pause running once stopped', async () => {
    FakeSocket.onClientFrame = (s, f) => {
      if (f.type === 'send') return s.serverSend(refuse(f, 'rate_limited', 5_000));
      accepts(s, f);
    };
    const live = await started();
    live.watch(C1);
    await vi.advanceTimersByTimeAsync(1);
    live.send(C1, 'hello');
    await vi.advanceTimersByTimeAsync(1);
    live.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('ConversationStore, coming back after more than a page of new messages', () => {
  it('starts again from the newest page rather than skipping what came between', () => {
    const store = new ConversationStore();
    store.addPage(page(1, 50), false, 50);
    store.addPage(page(201, 250), false, 50);
    const s = store.get();
    expect(s.messages.map((m) => m.seq)).toEqual(page(201, 250).map((m) => m.seq));
    expect(s.hasOlder).toBe(true);
    expect(s.lastSeq).toBe(250);
    // A page that reaches what it has is merged as before.
    store.addPage(page(240, 260), false, 50);
    expect(store.get().messages.map((m) => m.seq)).toEqual(page(201, 260).map((m) => m.seq));
  });
});

describe('Outbox in two tabs', () => {
  it('keeps both tabs’ unsent messages, and never brings back one a tab removed', () => {
    const tabA = new Outbox(OUTBOX);
    const tabB = new Outbox(OUTBOX);
    tabA.add(waiting(ID1));
    tabB.add({ ...waiting(ID2), text: 'from the other tab' });
    expect(new Outbox(OUTBOX).all().map((e) => e.id)).toEqual([ID1, ID2]);
    tabA.remove(ID1);
    tabB.add({ ...waiting('01900000-0000-7000-8000-00000000a003'), text: 'later' });
    expect(new Outbox(OUTBOX).all().map((e) => e.id)).toEqual([
      ID2,
      '01900000-0000-7000-8000-00000000a003',
    ]);
  });
});
