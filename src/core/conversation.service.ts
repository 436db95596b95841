/** One conversation as its members see it: who is there, shared read markers, and each person's limits. */
import { activeIds, announce, canPost, requireAccess } from './conversation-access.ts';
import type { ConversationRecord, RelationshipLimits } from './conversation.ports.ts';
import { invalidField } from './errors.ts';
import type { EventPublisher } from './events.ts';
import type { Runtime, Store } from './ports.ts';
import { checkQuietHours, isQuietAt } from './quiet-hours.ts';

export interface ConversationDeps extends Runtime {
  store: Store;
  events: EventPublisher;
}

/** A person's limits as everyone in the conversation sees them, with whether it is their quiet time now. */
export interface LimitsView {
  userId: string;
  displayName: string;
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string;
  note: string | null;
  inQuietTime: boolean;
}

/** A current member, as the others see them. `readUpTo` is null unless they chose to share it. */
export interface MemberDetail {
  userId: string;
  displayName: string;
  pronouns: string | null;
  joinedAt: Date;
  readUpTo: number | null;
  inQuietTime: boolean;
}

/** The conversation page's data. */
export interface ConversationDetail {
  conversation: ConversationRecord;
  members: MemberDetail[];
  /** People who were in it and are no longer (left, removed, or ended the relationship). */
  formerMembers: Array<{ userId: string; displayName: string }>;
  myReadUpTo: number;
  shareReadMarkers: boolean;
  /** False in a relationship the other person is no longer in. */
  canPost: boolean;
}

/** What a person may set about themselves in one conversation. */
export interface LimitsInput {
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string;
  note: string | null;
}

export class ConversationService {
  constructor(private readonly deps: ConversationDeps) {}

  async get(userId: string, conversationId: string): Promise<ConversationDetail> {
    const { store, clock } = this.deps;
    const { conversation, member } = await requireAccess(store, userId, conversationId);
    const [members, limits] = await Promise.all([
      store.conversationMembers.list(conversationId),
      store.relationshipLimits.list(conversationId),
    ]);
    const now = clock.now();
    const current = new Set(activeIds(members));
    return {
      conversation,
      members: members
        .filter((m) => current.has(m.userId))
        .map((m) => {
          const l = limits.find((x) => x.userId === m.userId);
          return {
            userId: m.userId,
            displayName: m.displayName,
            pronouns: m.pronouns,
            joinedAt: m.joinedAt,
            readUpTo: m.userId === userId || m.shareReadMarkers ? m.lastReadSeq : null,
            inQuietTime: l ? isQuietAt(l, now) : false,
          };
        }),
      formerMembers: members
        .filter((m) => !current.has(m.userId))
        .map((m) => ({ userId: m.userId, displayName: m.displayName })),
      myReadUpTo: member.lastReadSeq,
      shareReadMarkers: member.shareReadMarkers,
      canPost: await canPost(store, userId, conversation),
    };
  }

  /** Everyone's limits in the conversation (current members only), the caller's included. */
  async limits(userId: string, conversationId: string): Promise<LimitsView[]> {
    const { store, clock } = this.deps;
    await requireAccess(store, userId, conversationId);
    const [members, limits] = await Promise.all([
      store.conversationMembers.list(conversationId),
      store.relationshipLimits.list(conversationId),
    ]);
    const now = clock.now();
    return members
      .filter((m) => m.leftAt === null)
      .flatMap((m) => {
        const l = limits.find((x) => x.userId === m.userId);
        return l ? [toView(l, m.displayName, now)] : [];
      });
  }

  /** Sets the caller's own limits; nobody sets another person's. */
  async setLimits(
    userId: string,
    conversationId: string,
    input: LimitsInput,
  ): Promise<LimitsView[]> {
    const { store, clock } = this.deps;
    await requireAccess(store, userId, conversationId);
    checkQuietHours(input);
    const note = input.note?.trim() || null;
    if (note && note.length > 500)
      throw invalidField('note', 'Please keep the note to 500 characters or fewer.');
    await store.relationshipLimits.upsert({
      conversationId,
      userId,
      ...input,
      note,
      updatedAt: clock.now(),
    });
    // The others' open pages show the new limits (and whether it is quiet time now) at once.
    await announce(() => this.deps.events.publish('conversation.changed', { conversationId }));
    return this.limits(userId, conversationId);
  }

  /** Whether the person is in their quiet time in this conversation now: notifications are then held back. */
  async isInQuietTime(userId: string, conversationId: string): Promise<boolean> {
    const limits = await this.deps.store.relationshipLimits.list(conversationId);
    const l = limits.find((x) => x.userId === userId);
    return l ? isQuietAt(l, this.deps.clock.now()) : false;
  }

  /** Opts in or out of showing the others how far the caller has read. Off by default. */
  async setShareReadMarkers(userId: string, conversationId: string, share: boolean): Promise<void> {
    const { store } = this.deps;
    await requireAccess(store, userId, conversationId);
    await store.conversationMembers.setShareReadMarkers(conversationId, userId, share);
  }
}

function toView(l: RelationshipLimits, displayName: string, now: Date): LimitsView {
  return {
    userId: l.userId,
    displayName,
    quietStart: l.quietStart,
    quietEnd: l.quietEnd,
    timeZone: l.timeZone,
    note: l.note,
    inQuietTime: isQuietAt(l, now),
  };
}
