/** Conversation records to wire shapes: only what the contract names leaves the server. */
import type { z } from 'zod';
import type {
  ConnectionInvitationView,
  ConversationDetail as DetailSchema,
  ConversationRef,
  ConversationView,
  MessageView,
} from '../../contract/conversations.ts';
import type { ConversationSummary, Message } from '../../core/conversation.model.ts';
import type {
  ConnectionInvitationView as InvitationRecord,
  ConversationRecord,
} from '../../core/conversation.ports.ts';
import type { ConversationDetail } from '../../core/conversation.service.ts';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const presentMessage = (m: Message): MessageView => ({
  id: m.id,
  conversationId: m.conversationId,
  seq: m.seq,
  authorId: m.authorId,
  text: m.text,
  createdAt: m.createdAt.toISOString(),
  editedAt: iso(m.editedAt),
  deletedAt: iso(m.deletedAt),
  ...(m.hidden ? { hidden: true as const } : {}),
});

export const presentSummary = (c: ConversationSummary): ConversationView => ({
  ...c,
  lastActivityAt: iso(c.lastActivityAt),
});

export const presentRef = (c: ConversationRecord): z.infer<typeof ConversationRef> => ({
  id: c.id,
  orgId: c.orgId,
  kind: c.kind,
  name: c.name,
  membersCanInvite: c.membersCanInvite,
});

export const presentDetail = (d: ConversationDetail): z.infer<typeof DetailSchema> => ({
  ...presentRef(d.conversation),
  lastSeq: d.conversation.lastSeq,
  lastActivityAt: iso(d.conversation.lastActivityAt),
  members: d.members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
  formerMembers: d.formerMembers,
  myReadUpTo: d.myReadUpTo,
  shareReadMarkers: d.shareReadMarkers,
  canPost: d.canPost,
});

export const presentConnectionInvitation = (
  i: InvitationRecord,
): z.infer<typeof ConnectionInvitationView> => ({
  id: i.id,
  orgId: i.orgId,
  kind: i.kind,
  conversationId: i.conversationId,
  circleName: i.circleName,
  createdBy: i.createdBy,
  createdByName: i.createdByName,
  inviteeId: i.inviteeId,
  inviteeName: i.inviteeName,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});
