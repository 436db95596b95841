/** The chaos checker: compares every acknowledged message and every person's view with the store. */
import type { Message, MessagingApi } from '../../src/core/conversation.model.ts';
import type { ClientReport } from './chaos-client.ts';

/** The figures the chaos run must report as zero (except `acked` and `stored`). */
export interface ChaosCounts {
  acked: number;
  lost: number;
  duplicated: number;
  out_of_order: number;
  leaked: number;
  stored: number;
}

/** What each counted problem was, the first few of each kind, so a failing run can be read. */
export type ChaosProblems = string[];

async function readAll(
  api: MessagingApi,
  userId: string,
  conversationId: string,
): Promise<Message[]> {
  const out: Message[] = [];
  for (;;) {
    const page = await api.since(userId, conversationId, out.at(-1)?.seq ?? 0, 200);
    out.push(...page);
    if (page.length < 200) return out;
  }
}

/** Who left which conversation during the run, with its newest seq read right after the leave was stored. */
export interface Leaves {
  left: Map<string, Map<string, number>>;
  /** A person still in the conversation at the end, to read it as. */
  readerOf: (conversationId: string) => string;
}

/**
 * - lost: an acknowledged message missing from the store (or with another seq), a send never
 *   acknowledged by the end, or a stored message missing from a member's view;
 * - duplicated: a tagged text stored more than once, or a message received twice on one view;
 * - out_of_order: a store with gaps, or a view whose order differs from the store's;
 * - leaked: a message received from a conversation the person is not in, or stored after they left it.
 *
 * Someone who left a conversation is not owed what was stored after (or around) their leave, so their
 * view of it is only checked for order, repeats and leaks.
 */
export async function checkChaos(
  api: MessagingApi,
  members: Map<string, string[]>,
  reports: ClientReport[],
  tag: string,
  leaves: Leaves = { left: new Map(), readerOf: (id) => members.get(id)![0]! },
  problems: ChaosProblems = [],
): Promise<ChaosCounts> {
  const note = (line: string) => {
    if (problems.length < 20) problems.push(line);
  };
  const counts: ChaosCounts = {
    acked: 0,
    lost: 0,
    duplicated: 0,
    out_of_order: 0,
    leaked: 0,
    stored: 0,
  };
  const stored = new Map<string, Message[]>();
  const byId = new Map<string, Message>();
  const texts = new Map<string, number>();
  for (const conversationId of members.keys()) {
    const all = await readAll(api, leaves.readerOf(conversationId), conversationId);
    stored.set(conversationId, all);
    counts.stored += all.length;
    all.forEach((m, i) => {
      if (m.seq !== i + 1) counts.out_of_order += 1;
      if (byId.has(m.id)) counts.duplicated += 1;
      byId.set(m.id, m);
      if (m.text.includes(tag)) texts.set(m.text, (texts.get(m.text) ?? 0) + 1);
    });
  }
  for (const n of texts.values()) if (n > 1) counts.duplicated += n - 1;

  for (const r of reports) {
    counts.leaked += r.leaked;
    counts.out_of_order += r.gaps;
    counts.duplicated += r.repeats;
    counts.lost += r.unacked;
    if (r.unacked)
      note(`lost: ${r.userId} still had ${r.unacked} send(s) unacknowledged at the end`);
    if (r.gaps) note(`out_of_order: ${r.userId} saw ${r.gaps} gap(s)`);
    if (r.repeats) note(`duplicated: ${r.userId} received ${r.repeats} message(s) twice`);
    if (r.leaked) note(`leaked: ${r.userId} received ${r.leaked} from a conversation not theirs`);
    const ackedIds = new Set<string>();
    for (const a of r.acked) {
      if (ackedIds.has(a.id)) continue;
      ackedIds.add(a.id);
      counts.acked += 1;
      const m = byId.get(a.id);
      if (!m || m.conversationId !== a.conversationId || m.text !== a.text) {
        counts.lost += 1;
        note(
          `lost: ${r.userId}'s message ${a.id} was acknowledged at seq ${a.seq} in ${a.conversationId} but ${m ? `the store has it in ${m.conversationId} at seq ${m.seq}` : 'is not in the store'}`,
        );
      } else if (m.seq !== a.seq) {
        counts.out_of_order += 1;
        note(`out_of_order: ${a.id} acknowledged at seq ${a.seq}, stored at ${m.seq}`);
      }
    }
    for (const [conversationId, view] of r.views) {
      const truth = (stored.get(conversationId) ?? []).map((m) => m.id);
      if (!members.get(conversationId)?.includes(r.userId)) counts.leaked += view.length;
      const leftAt = leaves.left.get(r.userId)?.get(conversationId);
      if (leftAt !== undefined)
        counts.leaked += view.filter((id) => (byId.get(id)?.seq ?? 0) > leftAt).length;
      const n = Math.min(view.length, truth.length);
      for (let i = 0; i < n; i++) {
        if (view[i] !== truth[i]) {
          counts.out_of_order += 1;
          break;
        }
      }
      if (view.length < truth.length && leftAt === undefined) {
        counts.lost += truth.length - view.length;
        note(
          `lost: ${r.userId}'s view of ${conversationId} has ${view.length} of ${truth.length} messages`,
        );
      }
      if (view.length > truth.length) counts.duplicated += view.length - truth.length;
    }
  }
  return counts;
}
