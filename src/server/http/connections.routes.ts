/** Connecting over HTTP: invitations to relationships and circles, circles, leaving and blocking. */
import type { Hono } from 'hono';
import { conversationRoutes as r } from '../../contract/routes.ts';
import type { CreatedInvitation } from '../../core/connection.service.ts';
import type { AppContext } from '../../app/compose.ts';
import type { AppEnv } from './env.ts';
import { presentConnectionInvitation, presentRef } from './conversation.presenters.ts';
import { register } from './register.ts';

const presentCreated = ({ invitation, token }: CreatedInvitation) => ({
  id: invitation.id,
  kind: invitation.kind,
  expiresAt: invitation.expiresAt.toISOString(),
  token,
  path: token === null ? null : `/connect/${token}`,
});

export function connectionRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { connections } = ctx;

  register(app, r.inviteToConnect, async ({ auth, body }) =>
    presentCreated(await connections.inviteToRelationship(auth.user.id, body)),
  );

  register(app, r.inviteToCircle, async ({ auth, params, body }) =>
    presentCreated(await connections.inviteToCircle(auth.user.id, params.conversationId, body)),
  );

  register(app, r.listConnectionInvitations, async ({ auth }) => {
    const { received, sent } = await connections.listInvitations(auth.user.id);
    return {
      received: received.map(presentConnectionInvitation),
      sent: sent.map(presentConnectionInvitation),
    };
  });

  register(app, r.acceptConnectionLink, async ({ auth, body }) =>
    presentRef(await connections.acceptLink(auth.user.id, body.token)),
  );

  register(app, r.acceptConnectionInvitation, async ({ auth, params }) =>
    presentRef(await connections.accept(auth.user.id, params.invitationId)),
  );

  register(app, r.declineConnectionInvitation, async ({ auth, params }) => {
    await connections.decline(auth.user.id, params.invitationId);
    return { ok: true as const };
  });

  register(app, r.withdrawConnectionInvitation, async ({ auth, params }) => {
    await connections.withdraw(auth.user.id, params.invitationId);
    return { ok: true as const };
  });

  register(app, r.createCircle, async ({ auth, body }) =>
    presentRef(await connections.createCircle(auth.user.id, body)),
  );

  register(app, r.updateCircle, async ({ auth, params, body }) =>
    presentRef(await connections.updateCircle(auth.user.id, params.conversationId, body)),
  );

  register(app, r.leave, async ({ auth, params }) => {
    await connections.leave(auth.user.id, params.conversationId);
    return { ok: true as const };
  });

  register(app, r.listBlocks, async ({ auth }) => ({
    people: await connections.listBlocked(auth.user.id),
  }));

  register(app, r.block, async ({ auth, body }) => {
    await connections.block(auth.user.id, body.userId);
    return { ok: true as const };
  });

  register(app, r.unblock, async ({ auth, params }) => {
    await connections.unblock(auth.user.id, params.userId);
    return { ok: true as const };
  });
}
