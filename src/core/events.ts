/** The domain event map: what services announce after a commit, for the real-time relay and other nodes. */

/** Every domain event by name (`noun.pastTense`) and its payload. Payloads never carry message text. */
export interface DomainEventMap {
  'session.revoked': { userId: string; sessionIds: string[] };
  'membership.removed': { orgId: string; userId: string };
  /** A hint only: "conversation X reached seq n". Readers fetch the message itself from the store. */
  'message.posted': { conversationId: string; seq: number; messageId: string };
  /** An edit or a delete (tombstone) of the message at `seq`. */
  'message.updated': { conversationId: string; seq: number; messageId: string };
  /** These people may no longer receive the conversation (left, blocked, removed): drop them at once. */
  'conversation.access_lost': { conversationId: string; userIds: string[] };
  /** These people joined: their open sockets may subscribe. */
  'conversation.access_gained': { conversationId: string; userIds: string[] };
  /** Someone invited this person (in the app): their open pages read their invitations again. */
  'invitation.received': { userId: string };
  /** A circle's name or setting, or someone's limits there, changed: its people's open pages read it again. */
  'conversation.changed': { conversationId: string };
  /** A person shares read markers and has read up to `seq`. */
  'read.updated': { conversationId: string; userId: string; seq: number };
  /**
   * `blockerId` blocked (or unblocked) `otherId`: only the blocker's own sockets hear of it, to hide (or show
   * again) the other person's messages, typing and presence. Nothing reaches the other person.
   */
  'block.changed': { blockerId: string; otherId: string; blocked: boolean };
  /** The person chose to show as online, or not, on every device: their sockets everywhere follow. */
  'presence.changed': { userId: string; hidden: boolean };
}

export type DomainEventName = keyof DomainEventMap;

/** Where services announce events. Implementations fan them out (in-process or across nodes). */
export interface EventPublisher {
  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void>;
}

/** Publishes nowhere: for commands that run without a live server. */
export const silentEvents: EventPublisher = { publish: async () => undefined };
