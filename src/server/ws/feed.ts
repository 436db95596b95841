/**
 * A node's short memory of the newest messages of each conversation watched here, so one store read
 * (or none, for messages posted on this node) serves every local socket instead of one read each.
 * Invariant: each conversation's cached messages have contiguous seqs, as stored.
 */
import type { Message } from '../../core/conversation.model.ts';

/** How many recent messages per conversation the node keeps. */
const KEEP = 128;

interface Feed {
  messages: Message[];
  filling: Promise<void> | undefined;
}

export class FeedCache {
  private readonly feeds = new Map<string, Feed>();

  private feed(conversationId: string): Feed {
    let f = this.feeds.get(conversationId);
    if (!f) this.feeds.set(conversationId, (f = { messages: [], filling: undefined }));
    return f;
  }

  /** The cached messages right after `seq`, in order; empty when the cache cannot continue from `seq`. */
  after(conversationId: string, seq: number): Message[] {
    const messages = this.feeds.get(conversationId)?.messages;
    const first = messages?.[0]?.seq;
    if (!messages || first === undefined || seq < first - 1) return [];
    return messages.slice(seq - first + 1);
  }

  /** The highest seq cached for the conversation, if any. */
  lastSeq(conversationId: string): number | undefined {
    return this.feeds.get(conversationId)?.messages.at(-1)?.seq;
  }

  /** Adds a message read from the store or just posted; a jump past the cache starts it afresh. */
  remember(m: Message): void {
    const f = this.feed(m.conversationId);
    const last = f.messages.at(-1);
    if (!last || m.seq === last.seq + 1) f.messages.push(m);
    else if (m.seq > last.seq + 1) f.messages = [m];
    if (f.messages.length > KEEP) f.messages.splice(0, f.messages.length - KEEP);
  }

  /** Forgets a conversation (no local subscriber any more, or a cached message was edited or deleted). */
  forget(conversationId: string): void {
    this.feeds.delete(conversationId);
  }

  /**
   * Reads what follows the cache (or `fromSeq` when it is empty) once for all local sockets: concurrent
   * callers wait for the same read. Only the caller that started the read sees its error.
   */
  async fill(
    conversationId: string,
    fromSeq: number,
    read: (afterSeq: number) => Promise<Message[]>,
  ): Promise<void> {
    const f = this.feed(conversationId);
    if (f.filling) {
      await f.filling.catch(() => undefined);
      return;
    }
    const start = f.messages.at(-1)?.seq ?? fromSeq;
    const reading = read(start).then((messages) => {
      // Still the same feed (not forgotten meanwhile): keep what was read.
      if (this.feeds.get(conversationId) === f) for (const m of messages) this.remember(m);
    });
    f.filling = reading;
    try {
      await reading;
    } finally {
      f.filling = undefined;
    }
  }
}
