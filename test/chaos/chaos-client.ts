/** One simulated person in the chaos run: a socket that reconnects, resumes, resends what was not acked, and checks what it receives. */
import WebSocket from 'ws';
import type { ServerFrame } from '../../src/contract/ws.ts';
import { newId } from '../../src/lib/ids.ts';

/** A message this person sent and the server acknowledged. */
export interface Acked {
  id: string;
  conversationId: string;
  seq: number;
  text: string;
}

/** What one person saw, for the checker. */
export interface ClientReport {
  userId: string;
  /** Message ids per conversation, in the order received. */
  views: Map<string, string[]>;
  acked: Acked[];
  unacked: number;
  leaked: number;
  gaps: number;
  repeats: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ChaosClient {
  private ws: WebSocket | undefined;
  private readonly lastSeq = new Map<string, number>();
  private readonly views = new Map<string, string[]>();
  private readonly outbox = new Map<string, { conversationId: string; text: string }>();
  readonly acked: Acked[] = [];
  leaked = 0;
  gaps = 0;
  repeats = 0;
  private counter = 0;
  private stopped = false;
  private sending = false;
  connects = 0;
  /** Send frames written, first attempts and retries. */
  framesSent = 0;
  /** Error frames received, by code (for the run's log). */
  readonly errors = new Map<string, number>();

  constructor(
    readonly userId: string,
    private readonly cookie: string,
    public conversations: string[],
    /** Picks the node to connect to (the two-node run spreads people over both). */
    private readonly pickUrl: () => string,
  ) {
    for (const c of conversations) {
      this.lastSeq.set(c, 0);
      this.views.set(c, []);
    }
  }

  /** Keeps a socket open (reconnecting after any close) until `stop`. */
  async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.session();
      } catch {
        // Refused or reset while the server restarts: try again shortly.
      }
      if (!this.stopped) await sleep(50 + Math.random() * 250);
    }
  }

  private session(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${this.pickUrl()}?presence=hidden`, {
        headers: { cookie: this.cookie },
      });
      this.ws = ws;
      ws.on('error', reject);
      ws.on('close', () => {
        this.ws = undefined;
        resolve();
      });
      ws.on('open', () => {
        this.connects += 1;
        const resume = this.conversations.map((conversationId) => ({
          conversationId,
          lastSeq: this.lastSeq.get(conversationId) ?? 0,
        }));
        ws.send(JSON.stringify({ type: 'hello', resume }));
        // Everything not acknowledged goes again under the same id: the server stores it at most once.
        for (const [id, m] of this.outbox) {
          this.framesSent += 1;
          ws.send(
            JSON.stringify({ type: 'send', id, conversationId: m.conversationId, text: m.text }),
          );
        }
      });
      ws.on('message', (data: Buffer) =>
        this.receive(JSON.parse(data.toString('utf8')) as ServerFrame),
      );
    });
  }

  private receive(frame: ServerFrame): void {
    if (frame.type === 'ack') {
      const m = this.outbox.get(frame.id);
      if (m) {
        this.outbox.delete(frame.id);
        this.acked.push({
          id: frame.id,
          conversationId: frame.conversationId,
          seq: frame.seq,
          text: m.text,
        });
      }
      return;
    }
    if (frame.type === 'error') {
      const key = `${frame.code}:${frame.frame ?? '-'}`;
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
      // A send that failed (rate limit, a database restarting) goes again later under the same id.
      const m = frame.id ? this.outbox.get(frame.id) : undefined;
      if (m && frame.id) {
        const id = frame.id;
        setTimeout(
          () => {
            if (this.outbox.has(id) && this.ws?.readyState === WebSocket.OPEN) {
              this.framesSent += 1;
              this.ws.send(
                JSON.stringify({
                  type: 'send',
                  id,
                  conversationId: m.conversationId,
                  text: m.text,
                }),
              );
            }
          },
          Math.max(200, frame.retryAfterMs ?? 0),
        );
      }
      return;
    }
    if (frame.type !== 'message') return;
    const { message } = frame;
    const view = this.views.get(message.conversationId);
    if (!view) {
      this.leaked += 1;
      return;
    }
    const last = this.lastSeq.get(message.conversationId) ?? 0;
    if (message.seq <= last) {
      this.repeats += 1;
      return;
    }
    if (message.seq !== last + 1) this.gaps += 1;
    view.push(message.id);
    this.lastSeq.set(message.conversationId, message.seq);
  }

  /** Sends one uniquely tagged message to one of the person's conversations. */
  sendOne(runTag: string): void {
    if (this.stopped || this.conversations.length === 0) return;
    const conversationId =
      this.conversations[Math.floor(Math.random() * this.conversations.length)]!;
    const id = newId();
    this.counter += 1;
    const text = `chaos ${runTag} ${this.userId.slice(-6)} #${this.counter}`;
    this.outbox.set(id, { conversationId, text });
    if (this.ws?.readyState === WebSocket.OPEN) {
      this.framesSent += 1;
      this.ws.send(JSON.stringify({ type: 'send', id, conversationId, text }));
    }
  }

  /** Sends at random intervals around `everyMs` until `stopSending`. */
  async sendLoop(everyMs: number, runTag: string): Promise<void> {
    this.sending = true;
    while (this.sending && !this.stopped) {
      await sleep(everyMs * (0.5 + Math.random()));
      if (this.sending) this.sendOne(runTag);
    }
  }

  stopSending(): void {
    this.sending = false;
  }

  /**
   * Stops sending to and resuming `conversationId` before leaving it; what is still unacknowledged there
   * is given up. Whatever still arrives from it stays in the view, for the checker.
   */
  leave(conversationId: string): void {
    this.conversations = this.conversations.filter((id) => id !== conversationId);
    for (const [id, m] of this.outbox)
      if (m.conversationId === conversationId) this.outbox.delete(id);
  }

  /** Drops the connection abruptly, as a phone changing networks would. */
  dropConnection(): void {
    this.ws?.terminate();
  }

  get pending(): number {
    return this.outbox.size;
  }

  seqOf(conversationId: string): number {
    return this.lastSeq.get(conversationId) ?? 0;
  }

  stop(): void {
    this.stopped = true;
    this.sending = false;
    this.ws?.terminate();
  }

  report(): ClientReport {
    return {
      userId: this.userId,
      views: this.views,
      acked: this.acked,
      unacked: this.outbox.size,
      leaked: this.leaked,
      gaps: this.gaps,
      repeats: this.repeats,
    };
  }
}
