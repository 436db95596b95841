/** Every HTTP route of the API, by name. The server registers each; the web client calls them by name. */
import { z } from 'zod';
import {
  Count,
  MeResponse,
  Ok,
  RevokeAllBody,
  SessionList,
  SignInBody,
  SignUpBody,
  UpdateProfileBody,
  UserView,
} from './accounts.ts';
import {
  AcceptInvitationBody,
  CreateInvitationBody,
  InvitationCreated,
  InvitationList,
  InvitationPreview,
  MemberList,
  OrganizationView,
  SetMemberAdminBody,
  SetupBody,
  SetupResult,
  SetupStatus,
  UpdateOrganizationBody,
} from './organizations.ts';
import { route } from './route.ts';

export const authRoutes = {
  signUp: route({ method: 'post', path: '/api/auth/sign-up', access: 'public', body: SignUpBody, response: MeResponse, status: 201 }),
  signIn: route({ method: 'post', path: '/api/auth/sign-in', access: 'public', body: SignInBody, response: MeResponse }),
  signOut: route({ method: 'post', path: '/api/auth/sign-out', access: 'public', response: Ok }),
  me: route({ method: 'get', path: '/api/me', access: 'signed-in', response: MeResponse }),
  updateMe: route({ method: 'patch', path: '/api/me', access: 'signed-in', body: UpdateProfileBody, response: UserView }),
  listSessions: route({ method: 'get', path: '/api/me/sessions', access: 'signed-in', response: SessionList }),
  revokeSession: route({ method: 'delete', path: '/api/me/sessions/:sessionId', access: 'signed-in', response: Ok }),
  revokeAllSessions: route({ method: 'post', path: '/api/me/sessions/revoke-all', access: 'signed-in', body: RevokeAllBody, response: Count }),
};

export const organizationRoutes = {
  setupStatus: route({ method: 'get', path: '/api/setup', access: 'public', response: SetupStatus }),
  setup: route({ method: 'post', path: '/api/setup', access: 'public', body: SetupBody, response: SetupResult, status: 201 }),
  getOrganization: route({ method: 'get', path: '/api/orgs/:orgId', access: 'signed-in', response: OrganizationView }),
  updateOrganization: route({ method: 'patch', path: '/api/orgs/:orgId', access: 'signed-in', body: UpdateOrganizationBody, response: OrganizationView }),
  listMembers: route({ method: 'get', path: '/api/orgs/:orgId/members', access: 'signed-in', response: MemberList }),
  setMemberAdmin: route({ method: 'patch', path: '/api/orgs/:orgId/members/:userId', access: 'signed-in', body: SetMemberAdminBody, response: Ok }),
  removeMember: route({ method: 'delete', path: '/api/orgs/:orgId/members/:userId', access: 'signed-in', response: Ok }),
  createInvitation: route({ method: 'post', path: '/api/orgs/:orgId/invitations', access: 'signed-in', body: CreateInvitationBody, response: InvitationCreated, status: 201 }),
  listInvitations: route({ method: 'get', path: '/api/orgs/:orgId/invitations', access: 'signed-in', response: InvitationList }),
  revokeInvitation: route({ method: 'delete', path: '/api/orgs/:orgId/invitations/:invitationId', access: 'signed-in', response: Ok }),
  previewInvitation: route({ method: 'get', path: '/api/invitations/:token', access: 'public', response: InvitationPreview }),
  acceptInvitation: route({ method: 'post', path: '/api/invitations/accept', access: 'signed-in', body: AcceptInvitationBody, response: OrganizationView }),
};

/** The whole API. */
export const routes = { ...authRoutes, ...organizationRoutes };
export type Routes = typeof routes;
export type RouteName = keyof Routes;

/** Health probes live outside /api and return plain JSON. */
export const HealthBody = z.object({ status: z.enum(['ok', 'unavailable']) });
