/**
 * Messages written but not yet acknowledged, keyed by their client-made id (UUIDv7) and kept in localStorage,
 * so a message survives a reload or a lost connection and is sent again after reconnecting. The server
 * stores each id once, so a resend can never make a second copy.
 */

export interface OutboxEntry {
  id: string;
  conversationId: string;
  text: string;
  createdAt: string;
  /** Why the server refused it, if it did (shown with a choice to try again or remove it). */
  failed?: string;
}

export class Outbox {
  private entries: OutboxEntry[];
  /** The connection number each id was last sent on: each entry goes out at most once per connection. */
  private readonly sentOn = new Map<string, number>();
  /** Ids this tab removed (acknowledged or discarded), so saving never brings them back from storage. */
  private readonly removed = new Set<string>();

  constructor(private readonly key: string) {
    this.entries = this.stored();
  }

  all(): readonly OutboxEntry[] {
    return this.entries;
  }

  of(conversationId: string): OutboxEntry[] {
    return this.entries.filter((e) => e.conversationId === conversationId);
  }

  add(entry: OutboxEntry): void {
    this.entries = [...this.entries, entry];
    this.save();
  }

  remove(id: string): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.id !== id);
    this.sentOn.delete(id);
    this.removed.add(id);
    if (this.entries.length !== before) this.save();
    return this.entries.length !== before;
  }

  fail(id: string, reason: string): void {
    this.entries = this.entries.map((e) => (e.id === id ? { ...e, failed: reason } : e));
    this.save();
  }

  retry(id: string): void {
    this.entries = this.entries.map((e) =>
      e.id === id
        ? { id: e.id, conversationId: e.conversationId, text: e.text, createdAt: e.createdAt }
        : e,
    );
    this.sentOn.delete(id);
    this.save();
  }

  /** The oldest entry of `conversationId` not yet sent on `connection` (and not refused); marks it sent. */
  takeNext(conversationId: string, connection: number): OutboxEntry | undefined {
    const next = this.entries.find(
      (e) =>
        e.conversationId === conversationId && !e.failed && this.sentOn.get(e.id) !== connection,
    );
    if (next) this.sentOn.set(next.id, connection);
    return next;
  }

  /** What storage holds now (nothing if it holds no list). */
  private stored(): OutboxEntry[] {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      // Another tab of the same person may have saved messages of its own since this one read them: keep
      // those (each id once, this tab's version first), in the order they were written (ids are UUIDv7).
      const mine = new Set(this.entries.map((e) => e.id));
      const others = this.stored().filter((e) => !mine.has(e.id) && !this.removed.has(e.id));
      const all = [...this.entries, ...others].sort((a, b) =>
        a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
      );
      localStorage.setItem(this.key, JSON.stringify(all));
    } catch {
      // Storage full or blocked: the entries still live in memory for this tab.
    }
  }
}
