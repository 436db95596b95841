/** The fuzz test's store check: the model read from a snapshot, and a snapshot compared with the model. */
import { expect } from 'vitest';
import type { Row, Snapshot } from './store-snapshot.ts';
import { StoreModel } from './ws-fuzz.model.ts';

/** The model of `me`'s view, read from a snapshot of the store. */
export function modelOf(snapshot: Snapshot, me: string): StoreModel {
  const memberships = snapshot
    .get('conversation_members')!
    .filter((r) => r.user_id === me && r.left_at === null);
  const model = new StoreModel(me, new Set(memberships.map((r) => r.conversation_id as string)));
  for (const r of snapshot.get('conversations')!)
    model.lastSeq.set(r.id as string, Number(r.last_seq));
  for (const r of memberships)
    model.readUpTo.set(r.conversation_id as string, Number(r.last_read_seq));
  for (const r of snapshot.get('messages')!) {
    const m = {
      id: r.id as string,
      conversationId: r.conversation_id as string,
      seq: Number(r.seq),
      authorId: r.author_id as string,
      text: r.text as string,
      postedText: r.text as string,
      edited: r.edited_at !== null,
      deleted: r.deleted_at !== null,
      touched: false,
    };
    model.messages.set(m.id, m);
    if (m.authorId === me) model.mine.push(m.id);
  }
  return model;
}

/** A message row as the model knows it (timestamps as whether they are set). */
const messageRow = (r: Row): Row => ({
  id: r.id,
  conversation_id: r.conversation_id,
  seq: Number(r.seq),
  author_id: r.author_id,
  text: r.text,
  edited: r.edited_at !== null,
  deleted: r.deleted_at !== null,
});

/**
 * `after` equals `before` but for what the model says valid frames stored: messages sent, edited or
 * deleted, conversations' last seq (and activity time), the person's read markers, and session use.
 */
export function expectStoredAsModelled(before: Snapshot, after: Snapshot, model: StoreModel): void {
  expect([...after.keys()]).toEqual([...before.keys()]);
  const project = (table: string, r: Row): Row => {
    switch (table) {
      case 'sessions':
        return { ...r, last_seen_at: '-', expires_at: '-' };
      case 'conversations':
        return { ...r, last_seq: model.lastSeq.get(r.id as string), last_activity_at: '-' };
      case 'conversation_members':
        return r.user_id === model.me
          ? {
              ...r,
              last_read_seq: model.readUpTo.get(r.conversation_id as string) ?? r.last_read_seq,
            }
          : r;
      case 'messages':
        return model.messages.get(r.id as string)?.touched ? messageRow(r) : r;
      default:
        return r;
    }
  };
  const sorted = (rows: Row[]) =>
    rows.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  for (const [table, rows] of before) {
    const old = new Map(rows.map((r) => [r.id, r]));
    const expected =
      table === 'messages'
        ? [...model.messages.values()].map((m) =>
            m.touched
              ? messageRow({
                  id: m.id,
                  conversation_id: m.conversationId,
                  seq: m.seq,
                  author_id: m.authorId,
                  text: m.text,
                  edited_at: m.edited ? '-' : null,
                  deleted_at: m.deleted ? '-' : null,
                })
              : old.get(m.id)!,
          )
        : rows.map((r) => project(table, r));
    const actual = after.get(table)!.map((r) => project(table, r));
    expect(sorted(actual), `table ${table}`).toEqual(sorted(expected));
  }
}
