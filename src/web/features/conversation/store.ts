/** One conversation's messages as this tab knows them: ordered by seq, unique by id, plus typing and presence. */
import type { WireMessage } from '../../../contract/ws.ts';

export interface ConversationState {
  messages: WireMessage[];
  /** Highest seq received with no gap before it (the resume point). */
  lastSeq: number;
  hasOlder: boolean;
  loaded: boolean;
  typing: string[];
  online: string[];
  reads: Record<string, number>;
}

const EMPTY: ConversationState = {
  messages: [],
  lastSeq: 0,
  hasOlder: false,
  loaded: false,
  typing: [],
  online: [],
  reads: {},
};
const TYPING_SHOWN_MS = 6_000;

export class ConversationStore {
  private state: ConversationState = EMPTY;
  /**
   * The server's `at` from the last `subscribed`: everything up to `lastSeq` was current then, so a resume
   * asks for what changed since (edits and deletes made while this tab was away).
   */
  syncedAt: string | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly typingUntil = new Map<string, number>();
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): ConversationState => this.state;

  private set(patch: Partial<ConversationState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** The newest page from HTTP, or an older page when scrolling back. */
  addPage(messages: WireMessage[], older: boolean, pageSize: number): void {
    const first = messages[0]?.seq;
    if (
      !older &&
      first !== undefined &&
      this.state.messages.length &&
      first > this.state.lastSeq + 1
    ) {
      // The newest page does not reach what this tab kept from before (more came while it was away than a
      // page holds): start again from the page, so no messages in between are skipped unseen.
      this.state = { ...this.state, messages: [], lastSeq: 0, loaded: false };
    }
    const merged = merge(this.state.messages, messages);
    const patch: Partial<ConversationState> = { messages: merged, loaded: true };
    if (older || !this.state.loaded)
      patch.hasOlder = messages.length >= pageSize && (merged[0]?.seq ?? 1) > 1;
    if (!older) patch.lastSeq = Math.max(this.state.lastSeq, ...messages.map((m) => m.seq));
    this.set(patch);
  }

  /** A live message: in seq order after the resume point. */
  addLive(message: WireMessage): void {
    const wasTyping = this.typingUntil.delete(message.authorId);
    this.set({
      messages: merge(this.state.messages, [message]),
      lastSeq: Math.max(this.state.lastSeq, message.seq),
      ...(wasTyping ? { typing: [...this.typingUntil.keys()] } : {}),
    });
  }

  update(message: WireMessage): void {
    if (!this.state.messages.some((m) => m.id === message.id)) return;
    this.set({ messages: this.state.messages.map((m) => (m.id === message.id ? message : m)) });
  }

  /**
   * Someone this person just blocked: their messages here lose their text, as the server now sends them,
   * and their typing and presence go.
   */
  hideAuthor(userId: string): void {
    const hide = (m: WireMessage): WireMessage =>
      m.authorId === userId && !m.deletedAt ? { ...m, text: '', editedAt: null, hidden: true } : m;
    this.typingUntil.delete(userId);
    this.set({
      messages: this.state.messages.map(hide),
      typing: [...this.typingUntil.keys()],
      online: this.state.online.filter((id) => id !== userId),
    });
  }

  /** The seq range (first, last) of this person's messages shown hidden here, to read again on unblock. */
  hiddenRange(userId: string): [number, number] | undefined {
    const seqs = this.state.messages
      .filter((m) => m.hidden && m.authorId === userId)
      .map((m) => m.seq);
    return seqs.length ? [Math.min(...seqs), Math.max(...seqs)] : undefined;
  }

  typing(userId: string): void {
    this.typingUntil.set(userId, Date.now() + TYPING_SHOWN_MS);
    this.set({ typing: [...this.typingUntil.keys()] });
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.expireTyping(), TYPING_SHOWN_MS + 50);
  }

  private expireTyping(): void {
    const now = Date.now();
    for (const [id, until] of this.typingUntil) if (until <= now) this.typingUntil.delete(id);
    this.set({ typing: [...this.typingUntil.keys()] });
  }

  /** Forget who is online (before resubscribing, the server tells again). */
  clearPresence(): void {
    if (this.state.online.length) this.set({ online: [] });
  }

  presence(userId: string, online: boolean): void {
    const others = this.state.online.filter((id) => id !== userId);
    this.set({ online: online ? [...others, userId] : others });
  }

  read(userId: string, seq: number): void {
    this.set({
      reads: { ...this.state.reads, [userId]: Math.max(seq, this.state.reads[userId] ?? 0) },
    });
  }
}

function merge(current: WireMessage[], incoming: WireMessage[]): WireMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}
