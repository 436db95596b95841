/** First-run setup, organizations, members and invitations. Admin routes never return anyone's content. */
import type { Hono } from 'hono';
import { organizationRoutes as r } from '../../contract/routes.ts';
import type { AppContext } from '../../app/compose.ts';
import { limit } from './auth.routes.ts';
import type { AppEnv } from './env.ts';
import {
  presentInvitation,
  presentMe,
  presentMember,
  presentOrganization,
  presentPublicSupport,
} from './presenters.ts';
import { register } from './register.ts';
import { isSecureRequest, writeSessionCookie } from './session-cookie.ts';

export function organizationRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { accounts, organizations, limits, config } = ctx;

  register(app, r.setupStatus, async () => ({ needed: await organizations.isSetupNeeded() }));

  register(app, r.setup, async ({ body, c }) => {
    await limit(limits.authPerIp, `ip:${c.get('ip')}`);
    if (!(await organizations.isSetupNeeded())) {
      return c.json(
        {
          error: {
            code: 'conflict',
            message: 'Mutual is already set up here. Please sign in instead.',
          },
        },
        409,
      );
    }
    const issued = await accounts.signUp(body, { userAgent: c.req.header('user-agent') });
    const org = await organizations.create({
      name: body.organizationName,
      admin: issued.user,
      onlyIfFirst: true,
    });
    writeSessionCookie(
      c,
      issued.token,
      issued.session.expiresAt,
      isSecureRequest(c, config.trustProxy),
    );
    return presentMe(issued.user, [{ ...org, isAdmin: true }]);
  });

  register(app, r.listSupportResources, async () =>
    presentPublicSupport(await organizations.listPublicSupport()),
  );

  register(app, r.getOrganization, async ({ auth, params }) => {
    const { org, membership } = await organizations.get(params.orgId, auth.user.id);
    return presentOrganization(org, membership.isAdmin);
  });

  register(app, r.updateOrganization, async ({ auth, params, body }) =>
    presentOrganization(await organizations.updateSettings(params.orgId, auth.user.id, body), true),
  );

  register(app, r.listMembers, async ({ auth, params }) => ({
    members: (await organizations.listMembers(params.orgId, auth.user.id)).map(presentMember),
  }));

  register(app, r.setMemberAdmin, async ({ auth, params, body }) => {
    await organizations.setAdmin(params.orgId, auth.user.id, params.userId, body.isAdmin);
    return { ok: true as const };
  });

  register(app, r.removeMember, async ({ auth, params }) => {
    await organizations.removeMember(params.orgId, auth.user.id, params.userId);
    return { ok: true as const };
  });

  register(app, r.createInvitation, async ({ auth, params, body }) => {
    const { invitation, token } = await organizations.invite(params.orgId, auth.user.id, body);
    return { ...presentInvitation(invitation), token, path: `/join/${token}` };
  });

  register(app, r.listInvitations, async ({ auth, params }) => ({
    invitations: (await organizations.listInvitations(params.orgId, auth.user.id)).map(
      presentInvitation,
    ),
  }));

  register(app, r.revokeInvitation, async ({ auth, params }) => {
    await organizations.revokeInvitation(params.orgId, auth.user.id, params.invitationId);
    return { ok: true as const };
  });

  register(app, r.previewInvitation, async ({ params, c }) => {
    await limit(limits.authPerIp, `invite:${c.get('ip')}`);
    const p = await organizations.preview(params.token);
    return {
      orgName: p.orgName,
      outsideServicesStatement: p.outsideServicesStatement,
      expiresAt: p.expiresAt.toISOString(),
      status: p.status,
    };
  });

  register(app, r.acceptInvitation, async ({ auth, body }) => {
    const org = await organizations.accept(body.token, auth.user.id);
    const { membership } = await organizations.get(org.id, auth.user.id);
    return presentOrganization(org, membership.isAdmin);
  });
}
