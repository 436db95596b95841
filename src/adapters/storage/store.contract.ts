/**
 * The store contract: one set of tests every Store implementation must pass. Run against SQLite always
 * and PostgreSQL when TEST_DATABASE_URL is set (see store.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import type { Invitation, Organization, Session, User } from '../../core/model.ts';
import type { Store } from '../../core/ports.ts';

/** Opens a fresh, migrated, empty store; `close` removes whatever it made. */
export type StoreFactory = () => Promise<{ store: Store; close(): Promise<void> }>;

const at = (iso: string) => new Date(iso);

function makeUser(login = `u-${newId()}`): User {
  return {
    id: newId(),
    login,
    displayName: 'Test Person',
    pronouns: null,
    passwordHash: 'hash',
    presenceHidden: false,
    createdAt: at('2026-01-01T00:00:00.000Z'),
  };
}

function makeOrg(slug = `org-${newId().slice(-12)}`): Organization {
  return {
    id: newId(),
    name: `Org ${slug}`,
    slug,
    outsideServicesStatement: 'We do not involve outside services unless you ask us to.',
    resources: [{ label: 'Warmline', contact: '555-0100', note: 'Evenings' }],
    createdAt: at('2026-01-01T00:00:00.000Z'),
  };
}

export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const opened = await factory();
      store = opened.store;
      close = () => opened.close();
    });
    afterAll(async () => close?.());

    it('stores and finds users by id and login, keeping dates exact', async () => {
      const u = makeUser();
      await store.users.insert(u);
      expect(await store.users.findById(u.id)).toEqual(u);
      expect(await store.users.findByLogin(u.login)).toEqual(u);
      expect(await store.users.findByLogin('nobody')).toBeUndefined();
      await store.users.update(u.id, { displayName: 'New Name', pronouns: 'they/them' });
      expect(await store.users.findById(u.id)).toMatchObject({
        displayName: 'New Name',
        pronouns: 'they/them',
      });
    });

    it('refuses a second user with the same login', async () => {
      const u = makeUser();
      await store.users.insert(u);
      await expect(store.users.insert({ ...makeUser(), login: u.login })).rejects.toThrow();
    });

    it('revokes sessions one by one and all but one, and lists only live ones', async () => {
      const u = makeUser();
      await store.users.insert(u);
      const mk = (n: number): Session => ({
        id: newId(),
        userId: u.id,
        tokenHash: `${n}-${newId()}`,
        createdAt: at(`2026-01-0${n}T00:00:00.000Z`),
        lastSeenAt: at(`2026-01-0${n}T00:00:00.000Z`),
        expiresAt: at('2026-02-01T00:00:00.000Z'),
        userAgent: null,
        revokedAt: null,
      });
      const [a, b, c] = [mk(1), mk(2), mk(3)];
      for (const s of [a, b, c]) await store.sessions.insert(s);
      expect(await store.sessions.findByTokenHash(b.tokenHash)).toEqual(b);
      expect(
        await store.sessions.revoke('someone-else', a.id, at('2026-01-05T00:00:00.000Z')),
      ).toBe(false);
      expect(await store.sessions.revoke(u.id, a.id, at('2026-01-05T00:00:00.000Z'))).toBe(true);
      expect(await store.sessions.revoke(u.id, a.id, at('2026-01-05T00:00:00.000Z'))).toBe(false);
      const live = await store.sessions.listLive(u.id, at('2026-01-10T00:00:00.000Z'));
      expect(live.map((s) => s.id)).toEqual([c.id, b.id]);
      expect(await store.sessions.listLive(u.id, at('2026-03-01T00:00:00.000Z'))).toEqual([]);
      expect(await store.sessions.revokeAll(u.id, at('2026-01-06T00:00:00.000Z'), c.id)).toEqual([
        b.id,
      ]);
      // Marked used in one go; a session used later than that (b, below) keeps its later use.
      await store.sessions.touch([b.id, c.id], at('2026-01-07T00:00:00.000Z'));
      expect((await store.sessions.findById(c.id))?.lastSeenAt).toEqual(
        at('2026-01-07T00:00:00.000Z'),
      );
      await store.sessions.touch([b.id], at('2026-01-09T00:00:00.000Z'));
      await store.sessions.touch([a.id, b.id, c.id], at('2026-01-08T00:00:00.000Z'));
      const seen = async (s: Session) => (await store.sessions.findById(s.id))?.lastSeenAt;
      expect(await seen(a)).toEqual(at('2026-01-08T00:00:00.000Z'));
      expect(await seen(b)).toEqual(at('2026-01-09T00:00:00.000Z'));
      expect(await seen(c)).toEqual(at('2026-01-08T00:00:00.000Z'));
      await store.sessions.touch([], at('2026-01-10T00:00:00.000Z'));
      expect(await seen(c)).toEqual(at('2026-01-08T00:00:00.000Z'));
    });

    it('marks many sessions used at once, more than one statement holds', async () => {
      const u = makeUser();
      await store.users.insert(u);
      const ids: string[] = [];
      await store.transaction(async (tx) => {
        for (let i = 0; i < 1_100; i++) {
          const id = newId();
          ids.push(id);
          await tx.sessions.insert({
            id,
            userId: u.id,
            tokenHash: `many-${id}`,
            createdAt: at('2026-01-01T00:00:00.000Z'),
            lastSeenAt: at('2026-01-01T00:00:00.000Z'),
            expiresAt: at('2026-02-01T00:00:00.000Z'),
            userAgent: null,
            revokedAt: null,
          });
        }
      });
      await store.sessions.touch(ids, at('2026-01-02T00:00:00.000Z'));
      const live = await store.sessions.listLive(u.id, at('2026-01-03T00:00:00.000Z'));
      expect(live).toHaveLength(1_100);
      expect(new Set(live.map((s) => s.lastSeenAt.toISOString()))).toEqual(
        new Set(['2026-01-02T00:00:00.000Z']),
      );
    });

    it('keeps organizations apart and lists a person’s memberships', async () => {
      const u = makeUser();
      await store.users.insert(u);
      const [a, b] = [makeOrg(), makeOrg()];
      await store.organizations.insert(a);
      await store.organizations.insert(b);
      expect(await store.organizations.findBySlug(a.slug)).toEqual(a);
      await store.memberships.insert({
        orgId: a.id,
        userId: u.id,
        isAdmin: true,
        joinedAt: at('2026-01-02T00:00:00.000Z'),
      });
      const mine = await store.organizations.listForUser(u.id);
      expect(mine.map((o) => [o.id, o.isAdmin])).toEqual([[a.id, true]]);
      expect(await store.memberships.find(b.id, u.id)).toBeUndefined();
      expect(await store.memberships.countAdmins(a.id)).toBe(1);
      expect(await store.organizations.anyAdminExists()).toBe(true);
      await store.organizations.update(a.id, {
        resources: [],
        outsideServicesStatement: 'Changed.',
      });
      expect(await store.organizations.findById(a.id)).toMatchObject({
        resources: [],
        outsideServicesStatement: 'Changed.',
      });
      const members = await store.memberships.list(a.id);
      expect(members).toEqual([
        expect.objectContaining({ userId: u.id, displayName: u.displayName, isAdmin: true }),
      ]);
      expect(members[0]).not.toHaveProperty('login');
    });

    it('marks an invitation used exactly once, even when two try at the same time', async () => {
      const u = makeUser();
      const v = makeUser();
      await store.users.insert(u);
      await store.users.insert(v);
      const org = makeOrg();
      await store.organizations.insert(org);
      const inv: Invitation = {
        id: newId(),
        orgId: org.id,
        tokenHash: newId(),
        createdBy: u.id,
        asAdmin: false,
        createdAt: at('2026-01-01T00:00:00.000Z'),
        expiresAt: at('2026-01-08T00:00:00.000Z'),
        usedAt: null,
        usedBy: null,
        revokedAt: null,
      };
      await store.invitations.insert(inv);
      expect(await store.invitations.listOpen(org.id, at('2026-01-02T00:00:00.000Z'))).toHaveLength(
        1,
      );
      const results = await Promise.all([
        store.invitations.markUsed(inv.id, u.id, at('2026-01-02T00:00:00.000Z')),
        store.invitations.markUsed(inv.id, v.id, at('2026-01-02T00:00:00.000Z')),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.invitations.listOpen(org.id, at('2026-01-02T00:00:00.000Z'))).toHaveLength(
        0,
      );
    });

    it('rolls back every write of a failed transaction', async () => {
      const u = makeUser();
      await expect(
        store.transaction(async (tx) => {
          await tx.users.insert(u);
          throw new Error('stop here');
        }),
      ).rejects.toThrow('stop here');
      expect(await store.users.findById(u.id)).toBeUndefined();
    });
  });
}
