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
  PublicSupportList,
  SetMemberAdminBody,
  SetupBody,
  SetupResult,
  SetupStatus,
  UpdateOrganizationBody,
} from './organizations.ts';
import {
  AcceptLinkBody,
  BlockBody,
  BlockedList,
  ConnectionInvitationCreated,
  ConnectionInvitationList,
  ConversationDetail,
  ConversationList,
  ConversationRef,
  ConversationSettingsBody,
  CreateCircleBody,
  CreateCircleInvitationBody,
  CreateRelationshipInvitationBody,
  EditMessageBody,
  HistoryQuery,
  LimitsBody,
  LimitsList,
  MarkReadBody,
  MessagePage,
  MessageView,
  PostMessageBody,
  PostMessageResult,
  UpdateCircleBody,
} from './conversations.ts';
import { fourTasksRoutes } from './four-tasks.routes.ts';
import { pushRoutes } from './push.ts';
import { route } from './route.ts';

export const authRoutes = {
  signUp: route({
    method: 'post',
    path: '/api/auth/sign-up',
    access: 'public',
    body: SignUpBody,
    response: MeResponse,
    status: 201,
  }),
  signIn: route({
    method: 'post',
    path: '/api/auth/sign-in',
    access: 'public',
    body: SignInBody,
    response: MeResponse,
  }),
  signOut: route({ method: 'post', path: '/api/auth/sign-out', access: 'public', response: Ok }),
  me: route({ method: 'get', path: '/api/me', access: 'signed-in', response: MeResponse }),
  updateMe: route({
    method: 'patch',
    path: '/api/me',
    access: 'signed-in',
    body: UpdateProfileBody,
    response: UserView,
  }),
  listSessions: route({
    method: 'get',
    path: '/api/me/sessions',
    access: 'signed-in',
    response: SessionList,
  }),
  revokeSession: route({
    method: 'delete',
    path: '/api/me/sessions/:sessionId',
    access: 'signed-in',
    response: Ok,
  }),
  revokeAllSessions: route({
    method: 'post',
    path: '/api/me/sessions/revoke-all',
    access: 'signed-in',
    body: RevokeAllBody,
    response: Count,
  }),
};

export const organizationRoutes = {
  setupStatus: route({
    method: 'get',
    path: '/api/setup',
    access: 'public',
    response: SetupStatus,
  }),
  setup: route({
    method: 'post',
    path: '/api/setup',
    access: 'public',
    body: SetupBody,
    response: SetupResult,
    status: 201,
  }),
  /** Contact details organizations offer anyone, so they can be reached before signing in. */
  listSupportResources: route({
    method: 'get',
    path: '/api/support-resources',
    access: 'public',
    response: PublicSupportList,
  }),
  getOrganization: route({
    method: 'get',
    path: '/api/orgs/:orgId',
    access: 'signed-in',
    response: OrganizationView,
  }),
  updateOrganization: route({
    method: 'patch',
    path: '/api/orgs/:orgId',
    access: 'signed-in',
    body: UpdateOrganizationBody,
    response: OrganizationView,
  }),
  listMembers: route({
    method: 'get',
    path: '/api/orgs/:orgId/members',
    access: 'signed-in',
    response: MemberList,
  }),
  setMemberAdmin: route({
    method: 'patch',
    path: '/api/orgs/:orgId/members/:userId',
    access: 'signed-in',
    body: SetMemberAdminBody,
    response: Ok,
  }),
  removeMember: route({
    method: 'delete',
    path: '/api/orgs/:orgId/members/:userId',
    access: 'signed-in',
    response: Ok,
  }),
  createInvitation: route({
    method: 'post',
    path: '/api/orgs/:orgId/invitations',
    access: 'signed-in',
    body: CreateInvitationBody,
    response: InvitationCreated,
    status: 201,
  }),
  listInvitations: route({
    method: 'get',
    path: '/api/orgs/:orgId/invitations',
    access: 'signed-in',
    response: InvitationList,
  }),
  revokeInvitation: route({
    method: 'delete',
    path: '/api/orgs/:orgId/invitations/:invitationId',
    access: 'signed-in',
    response: Ok,
  }),
  previewInvitation: route({
    method: 'get',
    path: '/api/invitations/:token',
    access: 'public',
    response: InvitationPreview,
  }),
  acceptInvitation: route({
    method: 'post',
    path: '/api/invitations/accept',
    access: 'signed-in',
    body: AcceptInvitationBody,
    response: OrganizationView,
  }),
};

const conv = '/api/conversations/:conversationId';
const invites = '/api/connection-invitations';

/** Relationships, circles, connection invitations, messages, read markers and limits. */
export const conversationRoutes = {
  listConversations: route({
    method: 'get',
    path: '/api/conversations',
    access: 'signed-in',
    response: ConversationList,
  }),
  getConversation: route({
    method: 'get',
    path: conv,
    access: 'signed-in',
    response: ConversationDetail,
  }),
  listMessages: route({
    method: 'get',
    path: `${conv}/messages`,
    access: 'signed-in',
    query: HistoryQuery,
    response: MessagePage,
  }),
  postMessage: route({
    method: 'post',
    path: `${conv}/messages`,
    access: 'signed-in',
    body: PostMessageBody,
    response: PostMessageResult,
    status: 201,
  }),
  editMessage: route({
    method: 'patch',
    path: `${conv}/messages/:messageId`,
    access: 'signed-in',
    body: EditMessageBody,
    response: MessageView,
  }),
  deleteMessage: route({
    method: 'delete',
    path: `${conv}/messages/:messageId`,
    access: 'signed-in',
    response: MessageView,
  }),
  markRead: route({
    method: 'post',
    path: `${conv}/read`,
    access: 'signed-in',
    body: MarkReadBody,
    response: Ok,
  }),
  updateSettings: route({
    method: 'put',
    path: `${conv}/settings`,
    access: 'signed-in',
    body: ConversationSettingsBody,
    response: Ok,
  }),
  getLimits: route({
    method: 'get',
    path: `${conv}/limits`,
    access: 'signed-in',
    response: LimitsList,
  }),
  putLimits: route({
    method: 'put',
    path: `${conv}/limits`,
    access: 'signed-in',
    body: LimitsBody,
    response: LimitsList,
  }),
  leave: route({ method: 'post', path: `${conv}/leave`, access: 'signed-in', response: Ok }),
  updateCircle: route({
    method: 'patch',
    path: conv,
    access: 'signed-in',
    body: UpdateCircleBody,
    response: ConversationRef,
  }),
  inviteToCircle: route({
    method: 'post',
    path: `${conv}/invitations`,
    access: 'signed-in',
    body: CreateCircleInvitationBody,
    response: ConnectionInvitationCreated,
    status: 201,
  }),
  createCircle: route({
    method: 'post',
    path: '/api/circles',
    access: 'signed-in',
    body: CreateCircleBody,
    response: ConversationRef,
    status: 201,
  }),
  inviteToConnect: route({
    method: 'post',
    path: invites,
    access: 'signed-in',
    body: CreateRelationshipInvitationBody,
    response: ConnectionInvitationCreated,
    status: 201,
  }),
  listConnectionInvitations: route({
    method: 'get',
    path: invites,
    access: 'signed-in',
    response: ConnectionInvitationList,
  }),
  acceptConnectionLink: route({
    method: 'post',
    path: `${invites}/accept-link`,
    access: 'signed-in',
    body: AcceptLinkBody,
    response: ConversationRef,
  }),
  acceptConnectionInvitation: route({
    method: 'post',
    path: `${invites}/:invitationId/accept`,
    access: 'signed-in',
    response: ConversationRef,
  }),
  declineConnectionInvitation: route({
    method: 'post',
    path: `${invites}/:invitationId/decline`,
    access: 'signed-in',
    response: Ok,
  }),
  withdrawConnectionInvitation: route({
    method: 'delete',
    path: `${invites}/:invitationId`,
    access: 'signed-in',
    response: Ok,
  }),
  listBlocks: route({
    method: 'get',
    path: '/api/blocks',
    access: 'signed-in',
    response: BlockedList,
  }),
  block: route({
    method: 'post',
    path: '/api/blocks',
    access: 'signed-in',
    body: BlockBody,
    response: Ok,
  }),
  unblock: route({
    method: 'delete',
    path: '/api/blocks/:userId',
    access: 'signed-in',
    response: Ok,
  }),
};

/** The whole API. */
export const routes = {
  ...authRoutes,
  ...organizationRoutes,
  ...conversationRoutes,
  ...fourTasksRoutes,
  ...pushRoutes,
};
export type Routes = typeof routes;
export type RouteName = keyof Routes;

/** Health probes live outside /api and return plain JSON. */
export const HealthBody = z.object({ status: z.enum(['ok', 'unavailable']) });
