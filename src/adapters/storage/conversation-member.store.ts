/** Conversation members in SQL: joining, leaving, read markers and whether they are shared. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Audience } from '../../core/conversation.model.ts';
import type {
  ConversationMember,
  ConversationMemberRepo,
  ConversationMemberView,
  ConversationRecord,
} from '../../core/conversation.ports.ts';
import { toConversation } from './conversation.store.ts';
import { toDate, toDateOrNull, ts, type ConversationMembersTable, type Database } from './db.ts';
import { prepare } from './prepared.ts';

const toMember = (row: Selectable<ConversationMembersTable>): ConversationMember => ({
  conversationId: row.conversation_id,
  userId: row.user_id,
  joinedAt: toDate(row.joined_at),
  leftAt: toDateOrNull(row.left_at),
  lastReadSeq: Number(row.last_read_seq),
  shareReadMarkers: Number(row.share_read_markers) === 1,
});

interface MemberKey {
  conversationId: string;
  userId: string;
}

/**
 * The conversation's current members who still belong to its organization: leaving the organization
 * ends access to its conversations too, without rewriting their rows. Shared by the access reads below.
 */
const currentMembers = (db: Kysely<Database>, conversationId: string) =>
  db
    .selectFrom('conversation_members as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .innerJoin('memberships as om', (join) =>
      join.onRef('om.org_id', '=', 'c.org_id').onRef('om.user_id', '=', 'm.user_id'),
    )
    .where('m.conversation_id', '=', conversationId)
    .where('m.left_at', 'is', null);

const activeMember = prepare((db, a: MemberKey) =>
  currentMembers(db, a.conversationId).selectAll('m').where('m.user_id', '=', a.userId),
);

// The same rule as activeMember, with the conversation's row from the same join: one read, not two.
const access = prepare((db, a: MemberKey) =>
  currentMembers(db, a.conversationId)
    .selectAll('m')
    .select([
      'c.org_id as c_org_id',
      'c.kind as c_kind',
      'c.name as c_name',
      'c.pair_key as c_pair_key',
      'c.last_seq as c_last_seq',
      'c.members_can_invite as c_members_can_invite',
      'c.created_at as c_created_at',
      'c.last_activity_at as c_last_activity_at',
    ])
    .where('m.user_id', '=', a.userId),
);

// Each current member, once per person they blocked (or once with null): a circle's audience in one read.
const audienceRows = prepare((db, a: { conversationId: string }) =>
  currentMembers(db, a.conversationId)
    .leftJoin('blocks as b', 'b.blocker_id', 'm.user_id')
    .select(['m.user_id', 'b.blocked_id']),
);

// Another current member, still in the organization, with no block between the two either way.
const openPeer = prepare((db, a: MemberKey) =>
  currentMembers(db, a.conversationId)
    .select('m.user_id')
    .where('m.user_id', '<>', a.userId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('blocks as b')
            .select('b.blocker_id')
            .where((inner) =>
              inner.or([
                inner.and([
                  inner('b.blocker_id', '=', a.userId),
                  inner('b.blocked_id', '=', inner.ref('m.user_id')),
                ]),
                inner.and([
                  inner('b.blocker_id', '=', inner.ref('m.user_id')),
                  inner('b.blocked_id', '=', a.userId),
                ]),
              ]),
            ),
        ),
      ),
    ),
);

// Forward only, so a late or repeated marker from another device never moves it back.
const readUpTo = prepare((db, a: MemberKey & { seq: number }) =>
  db
    .updateTable('conversation_members')
    .set({
      last_read_seq: sql<number>`case when last_read_seq < cast(${a.seq} as integer) then cast(${a.seq} as integer) else last_read_seq end`,
    })
    .where('conversation_id', '=', a.conversationId)
    .where('user_id', '=', a.userId)
    .returning('last_read_seq'),
);

/** ConversationMemberRepo over Kysely. */
export class ConversationMemberStore implements ConversationMemberRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async join(conversationId: string, userId: string, at: Date): Promise<void> {
    await this.db
      .insertInto('conversation_members')
      .values({
        conversation_id: conversationId,
        user_id: userId,
        joined_at: ts(at),
        left_at: null,
        last_read_seq: 0,
        share_read_markers: 0,
      })
      .onConflict((oc) =>
        oc
          .columns(['conversation_id', 'user_id'])
          .doUpdateSet({ left_at: null, joined_at: ts(at) })
          // Someone still in it keeps the day they joined.
          .where('conversation_members.left_at', 'is not', null),
      )
      .execute();
  }

  async find(conversationId: string, userId: string): Promise<ConversationMember | undefined> {
    const row = await this.db
      .selectFrom('conversation_members')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row && toMember(row);
  }

  async findActive(
    conversationId: string,
    userId: string,
  ): Promise<ConversationMember | undefined> {
    const row = await activeMember.first(this.db, { conversationId, userId });
    return row && toMember(row);
  }

  async findAccess(
    conversationId: string,
    userId: string,
  ): Promise<{ member: ConversationMember; conversation: ConversationRecord } | undefined> {
    const row = await access.first(this.db, { conversationId, userId });
    if (!row) return undefined;
    return {
      member: toMember(row),
      conversation: toConversation({
        id: row.conversation_id,
        org_id: row.c_org_id,
        kind: row.c_kind,
        name: row.c_name,
        pair_key: row.c_pair_key,
        last_seq: row.c_last_seq,
        members_can_invite: row.c_members_can_invite,
        created_at: row.c_created_at,
        last_activity_at: row.c_last_activity_at,
      }),
    };
  }

  async audience(conversationId: string): Promise<Audience> {
    const { rows } = await audienceRows.run(this.db, { conversationId });
    const members = new Set<string>();
    const blocked = new Map<string, Set<string>>();
    for (const { user_id, blocked_id } of rows) {
      members.add(user_id);
      if (blocked_id === null) continue;
      const set = blocked.get(user_id);
      if (set) set.add(blocked_id);
      else blocked.set(user_id, new Set([blocked_id]));
    }
    return { members: [...members], blocked };
  }

  async hasOpenPeer(conversationId: string, userId: string): Promise<boolean> {
    return (await openPeer.first(this.db, { conversationId, userId })) !== undefined;
  }

  async list(conversationId: string): Promise<ConversationMemberView[]> {
    const rows = await this.db
      .selectFrom('conversation_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .selectAll('m')
      .select(['u.display_name', 'u.pronouns'])
      .where('m.conversation_id', '=', conversationId)
      .orderBy('m.joined_at')
      .orderBy('m.user_id')
      .execute();
    return rows.map((r) => ({ ...toMember(r), displayName: r.display_name, pronouns: r.pronouns }));
  }

  async countActive(conversationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('conversation_members')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('conversation_id', '=', conversationId)
      .where('left_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async leave(conversationId: string, userId: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('conversation_members')
      .set({ left_at: ts(at) })
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .where('left_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markRead(conversationId: string, userId: string, seq: number): Promise<number> {
    const row = await readUpTo.first(this.db, { conversationId, userId, seq });
    return Number(row?.last_read_seq ?? 0);
  }

  async setShareReadMarkers(conversationId: string, userId: string, share: boolean): Promise<void> {
    await this.db
      .updateTable('conversation_members')
      .set({ share_read_markers: share ? 1 : 0 })
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .execute();
  }
}
