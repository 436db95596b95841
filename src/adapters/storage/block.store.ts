/** Blocks in SQL: who has blocked whom. */
import type { Kysely } from 'kysely';
import type { BlockRepo } from '../../core/conversation.ports.ts';
import { ts, type Database } from './db.ts';

/** BlockRepo over Kysely. */
export class BlockStore implements BlockRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(blockerId: string, blockedId: string, at: Date): Promise<void> {
    await this.db
      .insertInto('blocks')
      .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: ts(at) })
      .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
      .execute();
  }

  async remove(blockerId: string, blockedId: string): Promise<void> {
    await this.db
      .deleteFrom('blocks')
      .where('blocker_id', '=', blockerId)
      .where('blocked_id', '=', blockedId)
      .execute();
  }

  async exists(blockerId: string, blockedId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('blocks')
      .select('blocker_id')
      .where('blocker_id', '=', blockerId)
      .where('blocked_id', '=', blockedId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async blockedBy(blockerId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('blocks')
      .select('blocked_id')
      .where('blocker_id', '=', blockerId)
      .execute();
    return rows.map((r) => r.blocked_id);
  }

  async existsEitherWay(a: string, b: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('blocks')
      .select('blocker_id')
      .where((eb) =>
        eb.or([
          eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]),
          eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)]),
        ]),
      )
      .executeTakeFirst();
    return row !== undefined;
  }
}
