/**
 * Property-based fuzzing of the WebSocket gateway over a real server: generated bad frames (and valid ones
 * in odd orders) on authenticated sockets. Each must get the error naming it, or its documented answer; the
 * socket must still answer ping (a frame over 64 KiB alone closes it, with 1009); other sockets must go on;
 * and nothing stored may change but what valid frames stored.
 *
 * The seed is fixed so a run is repeatable: FUZZ_SEED=<n> replays another, FUZZ_SEED=random explores, and
 * FUZZ_RUNS=<n> sets how many runs the first property makes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.ts';
import { startServer, type RunningServer } from '../../src/server/main.ts';
import { attachGateway } from '../../src/server/ws/gateway.ts';
import { TEST_DATABASES } from '../support/databases.ts';
import {
  Probe,
  connectPair,
  makeCircle,
  makeOrg,
  makePeople,
  wsUrl,
  type TestPerson,
} from '../support/realtime.ts';
import { snapshotTables } from '../support/store-snapshot.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import type { ConvName, MsgName } from '../support/ws-frame-values.arbitrary.ts';
import { anyStep, oddOrder, sizeStep } from '../support/ws-frames.arbitrary.ts';
import type { StoreModel } from '../support/ws-fuzz.model.ts';
import { FuzzRunner } from '../support/ws-fuzz.runner.ts';
import { expectStoredAsModelled, modelOf } from '../support/ws-fuzz.store-check.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const SEED =
  process.env.FUZZ_SEED === 'random' ? {} : { seed: Number(process.env.FUZZ_SEED ?? 1_009) };
/**
 * A property stops (passing) at its time limit rather than outgrow the test's budget on a loaded machine;
 * a failure found by then is still reported, shrunk as far as the time allowed.
 */
const settings = (numRuns: number, interruptAfterTimeLimit: number) => ({
  numRuns,
  interruptAfterTimeLimit,
  ...SEED,
});
/** No rate limit gets in the way: the test is about what each frame gets back. */
const UNLIMITED = { perSecond: 1_000_000, burst: 1_000_000 };

type Place = Exclude<ConvName, { nowhere: string }> | Exclude<MsgName, object>;

describe.each(TEST_DATABASES)('real-time fuzz ($name)', (db) => {
  let app: TestApp;
  let server: RunningServer;
  let url: string;
  let ana: TestPerson;
  let world: Record<Place, string>;
  let model: StoreModel;
  let runner: FuzzRunner;
  /** Another person's socket, subscribed where the fuzzed person writes: it must go on being served. */
  let observer: Probe;
  const observedFrom = new Map<string, number>();

  beforeAll(async () => {
    app = await createTestApp(db, { ARGON2_MEMORY_KIB: '19456' });
    server = await startServer(app.ctx, {
      attach: [
        (s, ctx) => attachGateway(s, ctx, { connectionRate: UNLIMITED, personRate: UNLIMITED }),
      ],
    });
    url = wsUrl(`http://127.0.0.1:${server.port}`);
    const people = (await makePeople(app.ctx, 3, 'Fuzz')) as [TestPerson, TestPerson, TestPerson];
    const [a, ben, cai] = people;
    ana = a;
    const org = await makeOrg(app.ctx, people);
    const pair = await connectPair(app.ctx, org, ana, ben);
    const circle = await makeCircle(app.ctx, org, [ana, ben]);
    const outside = await connectPair(app.ctx, org, ben, cai);
    const former = await makeCircle(app.ctx, org, [ana, ben, cai]);
    const post = async (who: TestPerson, conversationId: string, text: string) =>
      (await app.ctx.messaging.post(who.userId, { conversationId, id: newId(), text })).message.id;
    const bens = await post(ben, pair, 'a first note, from the other person');
    await post(ana, pair, 'a note of our own');
    await post(ana, circle, 'a note of our own in the circle');
    await post(ana, former, 'a note in a circle we later left');
    const outsiders = await post(cai, outside, 'a note in a conversation we are not in');
    await app.ctx.connections.leave(ana.userId, former);
    world = { pair, circle, outside, former, bens, outsiders, aMessage: bens, aConversation: pair };
    model = modelOf(await snapshotTables(app.ctx), ana.userId);
    runner = new FuzzRunner(model, {
      conv: (c) => (typeof c === 'string' ? world[c] : c.nowhere),
      msg: (m) =>
        typeof m === 'string'
          ? world[m]
          : 'fresh' in m
            ? m.fresh
            : model.mine[m.mine % model.mine.length]!,
    });
    observer = await Probe.open(url, ben.cookie);
    for (const c of [pair, circle, outside]) observedFrom.set(c, (await observer.subscribe(c)).seq);
  });
  afterAll(async () => {
    observer?.ws.terminate();
    await server?.close();
    await app?.close().catch(() => undefined);
  });

  /** A fresh socket of the fuzzed person; afterwards, the other person's socket must still answer. */
  const open = () => Probe.open(url, ana.cookie);
  async function stillServing(): Promise<void> {
    const ref = `still-there:${newId()}`;
    observer.send({ type: 'ping', ref });
    await observer.next('pong', (p) => p.ref === ref);
  }

  it('answers every bad frame with an error naming it and every valid one as documented, and each socket goes on', async () => {
    const before = await snapshotTables(app.ctx);
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyStep, { minLength: 1, maxLength: 8 }),
        fc.option(sizeStep, { freq: 6, nil: undefined }),
        async (steps, size) => {
          await runner.session(open, size ? [...steps, size] : steps);
          await stillServing();
        },
      ),
      settings(RUNS, 35_000),
    );
    expectStoredAsModelled(before, await snapshotTables(app.ctx), model);
  }, 60_000);

  it('answers frames in odd orders (typing, read, edit before subscribing; send after unsubscribing), one by one or all at once', async () => {
    const before = await snapshotTables(app.ctx);
    await fc.assert(
      fc.asyncProperty(oddOrder, fc.boolean(), async (steps, burst) => {
        await runner.session(open, steps, burst);
        await stillServing();
      }),
      settings(Math.ceil(RUNS / 2), 20_000),
    );
    expectStoredAsModelled(before, await snapshotTables(app.ctx), model);
  }, 45_000);

  it('kept serving the other person: each stored message reached their socket once, in order, as sent', async () => {
    await stillServing();
    expect(observer.all('error')).toEqual([]);
    for (const [conversationId, from] of observedFrom) {
      const got = observer
        .all('message')
        .filter((f) => f.message.conversationId === conversationId)
        .map((f) => [f.message.seq, f.message.text]);
      const stored = [...model.messages.values()]
        .filter((m) => m.conversationId === conversationId && m.seq > from)
        .sort((x, y) => x.seq - y.seq)
        .map((m) => [m.seq, m.postedText]);
      expect(got).toEqual(stored);
    }
  });
});
