/** People's accounts in SQL. */
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { User } from '../../core/model.ts';
import type { UserRepo } from '../../core/ports.ts';
import { toDate, ts, type Database, type UsersTable } from './db.ts';

const toUser = (row: Selectable<UsersTable>): User => ({
  id: row.id,
  login: row.login,
  displayName: row.display_name,
  pronouns: row.pronouns,
  passwordHash: row.password_hash,
  createdAt: toDate(row.created_at),
  presenceHidden: row.presence_hidden === 1,
});

/** UserRepo over Kysely. */
export class UserStore implements UserRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(user: User): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: user.id,
        login: user.login,
        display_name: user.displayName,
        pronouns: user.pronouns,
        password_hash: user.passwordHash,
        created_at: ts(user.createdAt),
        presence_hidden: user.presenceHidden ? 1 : 0,
      })
      .execute();
  }

  async findById(id: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async findByLogin(login: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('login', '=', login)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async update(
    id: string,
    patch: Partial<Pick<User, 'displayName' | 'pronouns' | 'passwordHash' | 'presenceHidden'>>,
  ): Promise<void> {
    const values: Updateable<UsersTable> = {};
    if (patch.presenceHidden !== undefined) values.presence_hidden = patch.presenceHidden ? 1 : 0;
    if (patch.displayName !== undefined) values.display_name = patch.displayName;
    if (patch.pronouns !== undefined) values.pronouns = patch.pronouns;
    if (patch.passwordHash !== undefined) values.password_hash = patch.passwordHash;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('users').set(values).where('id', '=', id).execute();
  }

  async lockPair(a: string, b: string): Promise<void> {
    // A no-op update rather than SELECT … FOR UPDATE, which SQLite does not parse.
    for (const id of [a, b].sort())
      await this.db
        .updateTable('users')
        .set((eb) => ({ display_name: eb.ref('display_name') }))
        .where('id', '=', id)
        .execute();
  }
}
