/** Organizations as tenants: first-run setup, membership, admin settings and single-use invitations. */
import { DAY_MS, HOUR_MS, addMs } from '../lib/clock.ts';
import { DomainError, conflict, forbidden, notFound } from './errors.ts';
import { announce } from './conversation-access.ts';
import type { EventPublisher } from './events.ts';
import type {
  Invitation,
  MemberView,
  Membership,
  Organization,
  SupportResource,
  User,
} from './model.ts';
import type { Runtime, Store, TokenService } from './ports.ts';
import { slugify } from './slug.ts';

export interface OrganizationDeps extends Runtime {
  store: Store;
  tokens: TokenService;
  events: EventPublisher;
  /** How long an invitation link works unless the admin says otherwise. */
  invitationTtlMs: number;
}

/** Plain default wording an organization replaces with its own in settings. */
export const DEFAULT_OUTSIDE_SERVICES_STATEMENT =
  'This organization has not yet written its statement about outside services. Please ask an organizer.';

/** An invitation as shown to the person holding the link. */
export interface InvitationPreview {
  orgName: string;
  /** Shown before joining, so no one shares anything before reading it (IPS, "No coercion"). */
  outsideServicesStatement: string;
  expiresAt: Date;
  status: 'open' | 'used' | 'expired' | 'revoked';
}

export class OrganizationService {
  constructor(private readonly deps: OrganizationDeps) {}

  /** First-run setup is open only while no organization anywhere has an admin. */
  async isSetupNeeded(): Promise<boolean> {
    return !(await this.deps.store.organizations.anyAdminExists());
  }

  /**
   * Creates an organization with `admin` as its first admin. With `onlyIfFirst`, refuses once any admin
   * exists anywhere (the web's one-time setup).
   */
  async create(input: { name: string; admin: User; onlyIfFirst?: boolean }): Promise<Organization> {
    const { store, clock, newId } = this.deps;
    return store.transaction(async (tx) => {
      if (input.onlyIfFirst && (await tx.organizations.anyAdminExists())) {
        throw conflict('Mutual is already set up here. Please sign in instead.');
      }
      const now = clock.now();
      const org: Organization = {
        id: newId(),
        name: input.name.trim(),
        slug: await this.uniqueSlug(tx, input.name),
        outsideServicesStatement: DEFAULT_OUTSIDE_SERVICES_STATEMENT,
        resources: [],
        createdAt: now,
      };
      await tx.organizations.insert(org);
      await tx.memberships.insert({
        orgId: org.id,
        userId: input.admin.id,
        isAdmin: true,
        joinedAt: now,
      });
      return org;
    });
  }

  /** The organizations the person belongs to. */
  listMine(userId: string): Promise<Array<Organization & { isAdmin: boolean }>> {
    return this.deps.store.organizations.listForUser(userId);
  }

  /**
   * What each organization offers anyone, signed in or not: its name, support resources and statement about
   * outside services, which IPS asks to be shown before anyone shares anything; nothing else. An
   * organization that lists no resources and has not written its statement is left out, so it stays
   * unknown to outsiders.
   */
  async listPublicSupport(): Promise<
    Array<Pick<Organization, 'name' | 'resources' | 'outsideServicesStatement'>>
  > {
    const all = await this.deps.store.organizations.listAll();
    return all
      .filter(
        (o) =>
          o.resources.length > 0 ||
          (o.outsideServicesStatement.trim() !== '' &&
            o.outsideServicesStatement !== DEFAULT_OUTSIDE_SERVICES_STATEMENT),
      )
      .map((o) => ({
        name: o.name,
        resources: o.resources,
        outsideServicesStatement: o.outsideServicesStatement,
      }));
  }

  /** One organization, for its members only; to anyone else it does not exist. */
  async get(orgId: string, userId: string): Promise<{ org: Organization; membership: Membership }> {
    const membership = await this.requireMember(orgId, userId);
    const org = await this.deps.store.organizations.findById(orgId);
    if (!org) throw notFound('organization');
    return { org, membership };
  }

  /** The members, as any member may see them. */
  async listMembers(orgId: string, userId: string): Promise<MemberView[]> {
    await this.requireMember(orgId, userId);
    return this.deps.store.memberships.list(orgId);
  }

  /** Admins change the name, the outside-services statement and the support resources. */
  async updateSettings(
    orgId: string,
    actorId: string,
    patch: { name?: string; outsideServicesStatement?: string; resources?: SupportResource[] },
  ): Promise<Organization> {
    await this.requireAdmin(orgId, actorId);
    await this.deps.store.organizations.update(orgId, patch);
    return (await this.get(orgId, actorId)).org;
  }

  /** Makes a single-use link; the raw token is returned once and only its hash is stored. */
  async invite(
    orgId: string,
    actorId: string,
    options: { asAdmin?: boolean; ttlHours?: number } = {},
  ): Promise<{ invitation: Invitation; token: string }> {
    const { store, tokens, clock, newId, invitationTtlMs } = this.deps;
    await this.requireAdmin(orgId, actorId);
    const token = tokens.newToken();
    const now = clock.now();
    const ttl = options.ttlHours !== undefined ? options.ttlHours * HOUR_MS : invitationTtlMs;
    const invitation: Invitation = {
      id: newId(),
      orgId,
      tokenHash: tokens.hash(token),
      createdBy: actorId,
      asAdmin: options.asAdmin ?? false,
      createdAt: now,
      expiresAt: addMs(now, Math.min(ttl, 30 * DAY_MS)),
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    };
    await store.invitations.insert(invitation);
    return { invitation, token };
  }

  /** What the holder of a link sees before accepting it. */
  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.deps.store.invitations.findByTokenHash(
      this.deps.tokens.hash(token),
    );
    if (!invitation) throw notFound('invitation');
    const org = await this.deps.store.organizations.findById(invitation.orgId);
    if (!org) throw notFound('invitation');
    return {
      orgName: org.name,
      outsideServicesStatement: org.outsideServicesStatement,
      expiresAt: invitation.expiresAt,
      status: this.status(invitation),
    };
  }

  /** Joins the organization behind the link. Each link works once, before it expires. */
  async accept(token: string, userId: string): Promise<Organization> {
    const { store, tokens, clock } = this.deps;
    const invitation = await store.invitations.findByTokenHash(tokens.hash(token));
    if (!invitation) throw notFound('invitation');
    const status = this.status(invitation);
    if (status !== 'open') throw new DomainError('gone', GONE_MESSAGES[status]);
    return store.transaction(async (tx) => {
      const existing = await tx.memberships.find(invitation.orgId, userId);
      if (!existing) {
        const now = clock.now();
        if (!(await tx.invitations.markUsed(invitation.id, userId, now))) {
          throw new DomainError('gone', GONE_MESSAGES.used);
        }
        await tx.memberships.insert({
          orgId: invitation.orgId,
          userId,
          isAdmin: invitation.asAdmin,
          joinedAt: now,
        });
      }
      const org = await tx.organizations.findById(invitation.orgId);
      if (!org) throw notFound('invitation');
      return org;
    });
  }

  /** Open invitations, for admins. */
  async listInvitations(orgId: string, actorId: string): Promise<Invitation[]> {
    await this.requireAdmin(orgId, actorId);
    return this.deps.store.invitations.listOpen(orgId, this.deps.clock.now());
  }

  async revokeInvitation(orgId: string, actorId: string, invitationId: string): Promise<void> {
    await this.requireAdmin(orgId, actorId);
    const invitation = await this.deps.store.invitations.findById(invitationId);
    if (!invitation || invitation.orgId !== orgId) throw notFound('invitation');
    await this.deps.store.invitations.revoke(invitationId, this.deps.clock.now());
  }

  /** An admin removes someone, or a person leaves. The last admin cannot go. */
  async removeMember(orgId: string, actorId: string, userId: string): Promise<void> {
    const { store, events } = this.deps;
    if (actorId !== userId) await this.requireAdmin(orgId, actorId);
    const target = await this.requireMember(orgId, userId);
    // Read before: once the membership is gone, these conversations no longer list for the person.
    const lost = (await store.conversations.listForUser(userId)).filter((c) => c.orgId === orgId);
    await store.transaction(async (tx) => {
      if (target.isAdmin && (await tx.memberships.countAdmins(orgId)) <= 1) {
        throw conflict(
          'An organization needs at least one admin. Make someone else an admin first.',
        );
      }
      await tx.memberships.remove(orgId, userId);
    });
    await events.publish('membership.removed', { orgId, userId });
    // Each of the person's sockets hears of each conversation lost, subscribed to it there or not.
    for (const c of lost)
      await announce(() =>
        events.publish('conversation.access_lost', { conversationId: c.id, userIds: [userId] }),
      );
  }

  /** Admins name other admins, or step back. The last admin cannot step back. */
  async setAdmin(orgId: string, actorId: string, userId: string, isAdmin: boolean): Promise<void> {
    const { store } = this.deps;
    await this.requireAdmin(orgId, actorId);
    const target = await this.requireMember(orgId, userId);
    await store.transaction(async (tx) => {
      if (target.isAdmin && !isAdmin && (await tx.memberships.countAdmins(orgId)) <= 1) {
        throw conflict('An organization needs at least one admin.');
      }
      await tx.memberships.setAdmin(orgId, userId, isAdmin);
    });
  }

  /** Membership or a not-found error: outsiders cannot learn that an organization exists. */
  async requireMember(orgId: string, userId: string): Promise<Membership> {
    const membership = await this.deps.store.memberships.find(orgId, userId);
    if (!membership) throw notFound('organization');
    return membership;
  }

  async requireAdmin(orgId: string, userId: string): Promise<Membership> {
    const membership = await this.requireMember(orgId, userId);
    if (!membership.isAdmin) throw forbidden('Only the organization’s admins can do that.');
    return membership;
  }

  private status(invitation: Invitation): InvitationPreview['status'] {
    if (invitation.revokedAt) return 'revoked';
    if (invitation.usedAt) return 'used';
    if (this.deps.clock.now().getTime() >= invitation.expiresAt.getTime()) return 'expired';
    return 'open';
  }

  private async uniqueSlug(store: Store, name: string): Promise<string> {
    const base = slugify(name) || 'organization';
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await store.organizations.findBySlug(slug))) return slug;
    }
  }
}

const GONE_MESSAGES: Record<Exclude<InvitationPreview['status'], 'open'>, string> = {
  used: 'This invitation link has already been used. Please ask for a new one.',
  expired: 'This invitation link has expired. Please ask for a new one.',
  revoked: 'This invitation link was withdrawn. Please ask for a new one.',
};
