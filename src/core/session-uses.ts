/**
 * Use of sessions, written to the store in batches. A request or a socket frame counts as use of its
 * session at most once a minute (TOUCH_EVERY_MS). Written one by one, each of those uses was a committed
 * transaction of its own, with an fsync on SQLite, on the same thread and disk as the messages: with 1,000
 * people active, about 17 a second beside the messages themselves, and in a burst (everyone connected at
 * once, as after a restart) hundreds a second. Here uses are kept in memory and written together once every
 * `everyMs`, a hundred sessions per statement.
 *
 * This node sees a use at once (`seen`), so whether a session went idle is decided here as before. Another
 * node, or this one after a crash, sees a use up to `everyMs` late, which can only make a session's last
 * use look that much older: against an idle time of minutes or days (SESSION_IDLE_MINUTES), nothing.
 */
import type { Later, Store } from './ports.ts';

export interface SessionUsesDeps {
  store: Store;
  later: Later;
  /** How long a use waits before it is written. */
  everyMs: number;
  /** A batch that could not be written (it is kept and tried again with the next). */
  onError: (error: unknown) => void;
}

export class SessionUses {
  /** Uses not yet handed to the store, by session id. */
  private pending = new Map<string, Date>();
  /** The batch being written now: still only in memory until its write resolves. */
  private writing = new Map<string, Date>();
  private cancel: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly deps: SessionUsesDeps) {}

  /** Records that the session was used at `at`; it is written with the next batch. */
  note(sessionId: string, at: Date): void {
    if (this.closed) return;
    const before = this.pending.get(sessionId);
    if (!before || before < at) this.pending.set(sessionId, at);
    this.cancel ??= this.deps.later(() => this.write(), this.deps.everyMs);
  }

  /** The session's latest use that the store may not have yet. */
  seen(sessionId: string): Date | undefined {
    const pending = this.pending.get(sessionId);
    const writing = this.writing.get(sessionId);
    if (!pending) return writing;
    return writing && writing > pending ? writing : pending;
  }

  /** Writes what is pending now (a batch already being written is waited for first). */
  async flush(): Promise<void> {
    this.cancel?.();
    await this.write();
  }

  /** Writes what is pending and takes no more uses. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async write(): Promise<void> {
    this.cancel = undefined;
    while (this.running) await this.running;
    if (this.pending.size === 0) return;
    this.writing = this.pending;
    this.pending = new Map();
    this.running = this.writeBatch(this.writing).finally(() => {
      this.running = undefined;
    });
    await this.running;
  }

  private async writeBatch(batch: Map<string, Date>): Promise<void> {
    // One time for the whole batch, its latest use: a session's last use moves at most `everyMs` later
    // than it was, well inside the minute that uses are counted to.
    let latest = new Date(0);
    for (const at of batch.values()) if (at > latest) latest = at;
    try {
      await this.deps.store.sessions.touch([...batch.keys()], latest);
      this.writing = new Map();
    } catch (error) {
      // Kept for the next batch, unless a later use of the same session is already waiting.
      for (const [id, at] of batch) {
        const now = this.pending.get(id);
        if (!now || now < at) this.pending.set(id, at);
      }
      this.writing = new Map();
      this.deps.onError(error);
      if (!this.closed) this.cancel ??= this.deps.later(() => this.write(), this.deps.everyMs);
    }
  }
}
