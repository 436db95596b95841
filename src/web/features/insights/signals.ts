/**
 * What the insights need from each message, computed once per message version on this device: words, the
 * coach's curious questions, shared "we" language, and hope- and fear-side findings. Nothing leaves the browser.
 */
import type { Analysis } from '../../../nlp/types.ts';

/** The parts of a message the insights read. */
export interface InsightMessage {
  id: string;
  authorId: string;
  text: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

/** Counts for one message. */
export interface MessageSignals {
  words: number;
  curious: number;
  we: number;
  hope: number;
  fear: number;
}

/** The coach's `analyze`, or anything shaped like it (tests pass a stand-in). */
export type Analyzer = (text: string) => Pick<Analysis, 'findings'>;

const WORD = /\S+/g;

/** Reads one message's signals. */
export function signalsOf(text: string, analyze: Analyzer): MessageSignals {
  const words = text.match(WORD)?.length ?? 0;
  const s: MessageSignals = { words, curious: 0, we: 0, hope: 0, fear: 0 };
  if (words === 0) return s;
  for (const f of analyze(text).findings) {
    if (f.category === 'curiosity') s.curious += 1;
    else if (f.category === 'we') s.we += 1;
    if (f.side === 'hope') s.hope += 1;
    else s.fear += 1;
  }
  return s;
}

/**
 * Signals by message id and version: recomputing the insights after a new message arrives analyzes only
 * that message. An edit changes `editedAt`, so the edited text is read again.
 */
export class SignalCache {
  private readonly byKey = new Map<string, MessageSignals>();
  constructor(private readonly analyze: Analyzer) {}

  get(m: InsightMessage): MessageSignals {
    const key = `${m.id}@${m.editedAt ?? ''}`;
    let s = this.byKey.get(key);
    if (!s) {
      s = signalsOf(m.deletedAt ? '' : m.text, this.analyze);
      this.byKey.set(key, s);
    }
    return s;
  }

  get size(): number {
    return this.byKey.size;
  }
}
