/** Organizations in SQL; support resources are kept as a JSON text column on both dialects. */
import type { Kysely, Selectable } from 'kysely';
import type { Organization, SupportResource } from '../../core/model.ts';
import type { OrganizationRepo } from '../../core/ports.ts';
import { toDate, ts, type Database, type OrganizationsTable } from './db.ts';

const toOrganization = (row: Selectable<OrganizationsTable>): Organization => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  outsideServicesStatement: row.outside_services_statement,
  resources: JSON.parse(row.resources) as SupportResource[],
  createdAt: toDate(row.created_at),
});

/** OrganizationRepo over Kysely. */
export class OrganizationStore implements OrganizationRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(org: Organization): Promise<void> {
    await this.db
      .insertInto('organizations')
      .values({
        id: org.id,
        name: org.name,
        slug: org.slug,
        outside_services_statement: org.outsideServicesStatement,
        resources: JSON.stringify(org.resources),
        created_at: ts(org.createdAt),
      })
      .execute();
  }

  async findById(id: string): Promise<Organization | undefined> {
    const row = await this.db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toOrganization(row);
  }

  async findBySlug(slug: string): Promise<Organization | undefined> {
    const row = await this.db
      .selectFrom('organizations')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row && toOrganization(row);
  }

  async update(
    id: string,
    patch: Partial<Pick<Organization, 'name' | 'outsideServicesStatement' | 'resources'>>,
  ): Promise<void> {
    const values: Partial<OrganizationsTable> = {};
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.outsideServicesStatement !== undefined) {
      values.outside_services_statement = patch.outsideServicesStatement;
    }
    if (patch.resources !== undefined) values.resources = JSON.stringify(patch.resources);
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('organizations').set(values).where('id', '=', id).execute();
  }

  async listForUser(userId: string): Promise<Array<Organization & { isAdmin: boolean }>> {
    const rows = await this.db
      .selectFrom('organizations as o')
      .innerJoin('memberships as m', 'm.org_id', 'o.id')
      .selectAll('o')
      .select('m.is_admin')
      .where('m.user_id', '=', userId)
      .orderBy('o.name')
      .execute();
    return rows.map((row) => ({ ...toOrganization(row), isAdmin: Number(row.is_admin) === 1 }));
  }

  async listAll(): Promise<Organization[]> {
    const rows = await this.db
      .selectFrom('organizations')
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toOrganization);
  }

  async anyAdminExists(): Promise<boolean> {
    const row = await this.db
      .selectFrom('memberships')
      .select('user_id')
      .where('is_admin', '=', 1)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
