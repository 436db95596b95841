/**
 * The realtime benchmark's load generator, in a process of its own (forked by realtime.bench.ts), so the
 * clocks that time each message are not held up by the fixtures' heap or the setup database. It connects
 * every person to each target, warms each target up, then sends the same load to each in alternating
 * rounds, collecting full GC between rounds so that no collection of ours lands inside a measured window.
 * Sends back every ack and delivery time, per target.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { ServerFrame } from '../../src/contract/ws.ts';
import { newId } from '../../src/lib/ids.ts';
import { percentile } from './percentile.ts';

/** What the parent asks for. */
export interface LoadPlan {
  targets: Array<{ name: string; url: string }>;
  people: Array<{ userId: string; cookie: string }>;
  conversationsOf: Array<[string, string[]]>;
  rate: number;
  warmupSeconds: number;
  rounds: number;
  roundSeconds: number;
}

/** What one target got, over all measured rounds. */
export interface LoadResult {
  name: string;
  ack: number[];
  delivery: number[];
  sent: number;
  acked: number;
  errors: number;
  /** The load process's own event-loop delay (ms) while measuring: how far its clocks can be trusted. */
  clientLoopDelayP99Ms: number;
  clientLoopDelayMaxMs: number;
}

interface Window {
  ack: number[];
  delivery: number[];
  sent: number;
  acked: number;
}
const newWindow = (): Window => ({ ack: [], delivery: [], sent: 0, acked: 0 });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gc = (globalThis as { gc?: () => void }).gc;

/** Everyone connected to one target. */
class Target {
  readonly sockets: WebSocket[] = [];
  /** When each message was sent, and by whom (the bare baselines echo it to its sender too). */
  private readonly sentAt = new Map<string, { t: number; window: Window; from: string }>();
  errors = 0;

  constructor(
    readonly name: string,
    private readonly url: string,
    private readonly plan: LoadPlan,
    private readonly conversationsOf: Map<string, string[]>,
  ) {}

  async connect(): Promise<void> {
    const { people } = this.plan;
    for (let i = 0; i < people.length; i += 100) {
      await Promise.all(people.slice(i, i + 100).map((p) => this.open(p)));
    }
  }

  private open(p: { userId: string; cookie: string }): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`${this.url}?presence=hidden`, {
        headers: { cookie: p.cookie },
        perMessageDeflate: false,
      });
      this.sockets.push(ws);
      ws.on('error', reject);
      ws.on('open', () => {
        const resume = (this.conversationsOf.get(p.userId) ?? []).map((conversationId) => ({
          conversationId,
          lastSeq: 0,
        }));
        ws.send(JSON.stringify({ type: 'hello', resume }));
        resolve();
      });
      ws.on('message', (data: Buffer) => {
        const now = performance.now();
        const f = JSON.parse(data.toString('utf8')) as ServerFrame;
        if (f.type === 'ack') {
          const sent = this.sentAt.get(f.id);
          if (sent) {
            sent.window.ack.push(now - sent.t);
            sent.window.acked += 1;
          }
        } else if (f.type === 'message') {
          const sent = this.sentAt.get(f.message.id);
          // Delivery to the other people in the conversation (the sender's own copy is not counted).
          if (sent && sent.from !== p.userId) sent.window.delivery.push(now - sent.t);
        } else if (f.type === 'error') this.errors += 1;
      });
    });
  }

  /** Sends `rate` messages/s for `seconds` from random people to random conversations of theirs. */
  async run(seconds: number): Promise<Window> {
    const window = newWindow();
    const senders = this.plan.people
      .map((p, i) => ({
        userId: p.userId,
        ws: this.sockets[i]!,
        convs: this.conversationsOf.get(p.userId) ?? [],
      }))
      .filter((x) => x.convs.length);
    const start = performance.now();
    const total = Math.round(this.plan.rate * seconds);
    while (window.sent < total) {
      const due = Math.min(
        total,
        Math.floor(((performance.now() - start) / 1000) * this.plan.rate),
      );
      while (window.sent < due) {
        const s = senders[Math.floor(Math.random() * senders.length)]!;
        const conversationId = s.convs[Math.floor(Math.random() * s.convs.length)]!;
        const id = newId();
        this.sentAt.set(id, { t: performance.now(), window, from: s.userId });
        s.ws.send(
          JSON.stringify({
            type: 'send',
            id,
            conversationId,
            text: `bench message ${window.sent}`,
          }),
        );
        window.sent += 1;
      }
      await sleep(2);
    }
    // Time for the last deliveries to arrive.
    await sleep(1500);
    this.sentAt.clear();
    return window;
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
  }
}

async function main(plan: LoadPlan): Promise<LoadResult[]> {
  const conversationsOf = new Map(plan.conversationsOf);
  const targets = plan.targets.map((t) => new Target(t.name, t.url, plan, conversationsOf));
  for (const t of targets) await t.connect();
  // Let catch-up and subscriptions settle.
  await sleep(2000);
  // Warm-up (JIT, caches, the store's pages), not measured.
  for (const t of targets) await t.run(plan.warmupSeconds);
  const results = targets.map((t): LoadResult => ({
    name: t.name,
    ack: [],
    delivery: [],
    sent: 0,
    acked: 0,
    errors: 0,
    clientLoopDelayP99Ms: 0,
    clientLoopDelayMaxMs: 0,
  }));
  const delay = targets.map(() => monitorEventLoopDelay({ resolution: 1 }));
  for (const t of targets) t.errors = 0;
  // The loads alternate in short rounds, so background load on a shared machine hits all alike.
  for (let r = 0; r < plan.rounds; r++) {
    for (const [i, t] of targets.entries()) {
      gc?.();
      delay[i]!.enable();
      const w = await t.run(plan.roundSeconds);
      delay[i]!.disable();
      // Each round's figures, so a drift within the run (a slow disk for a while, work the server does only
      // later, such as writing the use of sessions once a minute) shows.
      const at = (q: number) => percentile(w.delivery, q).toFixed(2);
      console.error(
        `[bench] round ${r + 1} ${t.name}: delivery p50 ${at(50)} ms, p99 ${at(99)} ms`,
      );
      const out = results[i]!;
      out.ack.push(...w.ack);
      out.delivery.push(...w.delivery);
      out.sent += w.sent;
      out.acked += w.acked;
    }
  }
  for (const [i, t] of targets.entries()) {
    results[i]!.errors = t.errors;
    results[i]!.clientLoopDelayP99Ms = delay[i]!.percentile(99) / 1e6;
    results[i]!.clientLoopDelayMaxMs = delay[i]!.max / 1e6;
    t.close();
  }
  return results;
}

process.once('message', (plan: LoadPlan) => {
  main(plan).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (error: unknown) => {
      process.send!({ ok: false, error: String(error) }, () => process.exit(1));
    },
  );
});
