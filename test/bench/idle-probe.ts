/**
 * The realtime benchmark's probe for a node full of idle connections, in a process of its own (forked by
 * realtime.bench.ts) so that the clients answering the server's heartbeat pings do not hold up its clock.
 * A few sockets send application-level `ping` frames in turn, one every `everyMs` in all, and time each
 * `pong`: when the server's thread is held (by a heartbeat over every socket, say), the round trips that
 * wait for it show how long. Sends back every round-trip time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { ServerFrame } from '../../src/contract/ws.ts';

/** What the parent asks for. */
export interface ProbePlan {
  url: string;
  cookies: string[];
  seconds: number;
  everyMs: number;
}

/** What the probe measured. */
export interface ProbeResult {
  rtt: number[];
  /** Pings that got no pong before the end. */
  unanswered: number;
  /** The probe's own event-loop delay p99 (ms): a floor under the round trips. */
  loopDelayP99Ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function open(url: string, cookie: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { cookie }, perMessageDeflate: false });
    ws.once('message', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function probe(plan: ProbePlan): Promise<ProbeResult> {
  const sockets = await Promise.all(plan.cookies.map((c) => open(plan.url, c)));
  const sentAt = new Map<string, number>();
  const rtt: number[] = [];
  for (const ws of sockets) {
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
      if (frame.type !== 'pong' || frame.ref === undefined) return;
      const t = sentAt.get(frame.ref);
      if (t === undefined) return;
      sentAt.delete(frame.ref);
      rtt.push(performance.now() - t);
    });
  }
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const end = performance.now() + plan.seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const ref = `p${i}`;
    sentAt.set(ref, performance.now());
    sockets[i % sockets.length]!.send(JSON.stringify({ type: 'ping', ref }));
    await sleep(plan.everyMs);
  }
  await sleep(1000);
  delay.disable();
  for (const ws of sockets) ws.terminate();
  return { rtt, unanswered: sentAt.size, loopDelayP99Ms: delay.percentile(99) / 1e6 };
}

process.once('message', (plan: ProbePlan) => {
  probe(plan).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (error: unknown) => process.send!({ ok: false, error: String(error) }, () => process.exit(1)),
  );
});
