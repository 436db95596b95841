/** The relay: domain events and ephemeral events from the bus, turned into frames for this node's sockets. */
import { EVENTS_CHANNEL, type EventEnvelope } from '../../core/bus-events.ts';
import type { DomainEventMap } from '../../core/events.ts';
import type { Bus } from '../../core/ports.ts';
import { CLOSE } from '../../contract/ws.ts';
import type { GatewayCore } from './core.ts';
import { EPHEMERAL_CHANNEL, readEphemeral } from './presence.ts';

/**
 * A bus that can say when it may have dropped messages (RedisBus after a reconnect). Declared here
 * rather than on the Bus port because only the relay cares.
 */
type ResumableBus = Bus & {
  onResume?(listener: (gap: { since: Date }) => void): () => void;
};

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrs = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Narrows a bus message to a well-formed domain event envelope. */
function readEnvelope(raw: unknown): EventEnvelope | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { name, payload } = raw as { name?: unknown; payload?: unknown };
  if (!isStr(name) || typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  const ok: Record<keyof DomainEventMap, () => boolean> = {
    'session.revoked': () => isStr(p.userId) && isStrs(p.sessionIds),
    'membership.removed': () => isStr(p.orgId) && isStr(p.userId),
    'message.posted': () => isStr(p.conversationId) && isSeq(p.seq),
    'message.updated': () => isStr(p.conversationId) && isSeq(p.seq),
    'conversation.access_lost': () => isStr(p.conversationId) && isStrs(p.userIds),
    'conversation.access_gained': () => isStr(p.conversationId) && isStrs(p.userIds),
    'conversation.changed': () => isStr(p.conversationId),
    'invitation.received': () => isStr(p.userId),
    'read.updated': () => isStr(p.conversationId) && isStr(p.userId) && isSeq(p.seq),
    'block.changed': () => isStr(p.blockerId) && isStr(p.otherId) && typeof p.blocked === 'boolean',
    'presence.changed': () => isStr(p.userId) && typeof p.hidden === 'boolean',
  };
  const check = ok[name as keyof DomainEventMap] as (() => boolean) | undefined;
  return check?.() ? (raw as EventEnvelope) : undefined;
}

/**
 * Tells the conversation's subscribed sockets, except those of `except`, that who is in it or its settings
 * changed, so open pages read it again. A leave and a block look the same here: both are a person gone.
 */
function tellOthers(core: GatewayCore, conversationId: string, except: string[]): void {
  for (const conn of core.hub.ofConversation(conversationId))
    if (!except.includes(conn.userId)) conn.send({ type: 'conversation.changed', conversationId });
}

/** Applies one domain event to local sockets. */
export function applyDomainEvent(core: GatewayCore, envelope: EventEnvelope): void {
  const { hub } = core;
  switch (envelope.name) {
    case 'message.posted': {
      const p = envelope.payload as DomainEventMap['message.posted'];
      hub.hint(p.conversationId, p.seq);
      return;
    }
    case 'message.updated': {
      const p = envelope.payload as DomainEventMap['message.updated'];
      hub.updated(p.conversationId, p.seq);
      return;
    }
    case 'session.revoked': {
      const p = envelope.payload as DomainEventMap['session.revoked'];
      for (const conn of hub.ofSessions(p.sessionIds))
        conn.close(CLOSE.SESSION_ENDED, 'session ended');
      return;
    }
    case 'invitation.received': {
      const p = envelope.payload as DomainEventMap['invitation.received'];
      for (const conn of core.hub.ofUser(p.userId)) conn.send({ type: 'invitations.changed' });
      return;
    }
    case 'conversation.changed': {
      const p = envelope.payload as DomainEventMap['conversation.changed'];
      tellOthers(core, p.conversationId, []);
      return;
    }
    case 'conversation.access_lost': {
      const p = envelope.payload as DomainEventMap['conversation.access_lost'];
      tellOthers(core, p.conversationId, p.userIds);
      // Those who left are no longer shown online there (presence is announced again without it).
      for (const userId of p.userIds)
        if ([...hub.ofUser(userId)].some((c) => c.presenceVisible && !c.closed))
          void core.announcePresence(userId).catch(() => undefined);
      // Subscribed sockets lose the subscription; the person's others hear of it, to update their lists.
      for (const userId of p.userIds)
        for (const conn of [...hub.ofUser(userId)]) {
          hub.unfollow(conn, p.conversationId);
          if (!hub.dropAccess(conn, p.conversationId))
            conn.send({ type: 'conversation.access_lost', conversationId: p.conversationId });
        }
      return;
    }
    case 'conversation.access_gained': {
      const p = envelope.payload as DomainEventMap['conversation.access_gained'];
      tellOthers(core, p.conversationId, p.userIds);
      for (const userId of p.userIds) {
        let visible = false;
        for (const conn of hub.ofUser(userId)) {
          hub.followAlso(conn, p.conversationId);
          conn.send({ type: 'conversation.access_gained', conversationId: p.conversationId });
          visible ||= conn.presenceVisible;
        }
        // The new conversation's members should see this person's presence too.
        if (visible) void core.announcePresence(userId).catch(() => undefined);
      }
      return;
    }
    case 'read.updated': {
      const p = envelope.payload as DomainEventMap['read.updated'];
      for (const conn of hub.ofConversation(p.conversationId)) {
        if (conn.hides.has(p.userId)) continue;
        conn.send({
          type: 'read.updated',
          conversationId: p.conversationId,
          userId: p.userId,
          seq: p.seq,
        });
      }
      return;
    }
    case 'block.changed': {
      // Only the blocker's sockets: from now on they get the other person's messages with the text
      // withheld, and no typing or presence; the client hides what it already shows.
      const p = envelope.payload as DomainEventMap['block.changed'];
      for (const conn of hub.ofUser(p.blockerId)) {
        conn.setHidden(p.otherId, p.blocked);
        conn.send({ type: 'block.changed', userId: p.otherId, blocked: p.blocked });
        if (p.blocked) continue;
        // Unblocked: where they are online now, say so again (the block had kept it back).
        for (const conversationId of conn.subs.keys()) {
          if (core.presence.onlineIn(conversationId).includes(p.otherId))
            conn.send({ type: 'presence', conversationId, userId: p.otherId, online: true });
        }
      }
      return;
    }
    case 'presence.changed': {
      // The person's own choice, made in Settings on any device: every socket of theirs follows it.
      const p = envelope.payload as DomainEventMap['presence.changed'];
      const mine = [...hub.ofUser(p.userId)];
      if (mine.length === 0) return;
      for (const conn of mine) {
        conn.personHidden = p.hidden;
        conn.send({ type: 'presence.changed', hidden: p.hidden });
      }
      void core.announcePresence(p.userId).catch(() => undefined);
      return;
    }
    case 'membership.removed': {
      // Leaving an organization can end access to many conversations. The service also sends access_lost for
      // each one it listed; this re-check after the commit catches one joined while the removal ran.
      const p = envelope.payload as DomainEventMap['membership.removed'];
      const api = core.messaging();
      if (!api) return;
      for (const conn of [...hub.ofUser(p.userId)]) {
        const ids = new Set([...conn.subs.keys(), ...(conn.following?.keys() ?? [])]);
        for (const conversationId of ids) {
          api.requireMember(p.userId, conversationId).catch(() => {
            hub.unfollow(conn, conversationId);
            hub.dropAccess(conn, conversationId);
          });
        }
      }
      return;
    }
    default:
      return;
  }
}

/** Subscribes the relay to both channels; resolves to a function that ends the subscriptions. */
export async function startRelay(core: GatewayCore): Promise<() => Promise<void>> {
  const { bus, hub, presence } = core;
  const offEvents = await bus.subscribe(EVENTS_CHANNEL, (raw) => {
    const envelope = readEnvelope(raw);
    if (envelope) applyDomainEvent(core, envelope);
  });
  const offEphemeral = await bus.subscribe(EPHEMERAL_CHANNEL, (raw) => {
    const event = readEphemeral(raw);
    if (!event) return;
    if (event.kind === 'typing') {
      for (const conn of hub.ofConversation(event.conversationId)) {
        if (conn.userId !== event.userId && !conn.hides.has(event.userId))
          conn.send({ type: 'typing', conversationId: event.conversationId, userId: event.userId });
      }
      return;
    }
    const changed = presence.apply(event, core.clock.now().getTime());
    for (const { conversationId, online } of changed) {
      for (const conn of hub.ofConversation(conversationId)) {
        if (conn.userId !== event.userId && !conn.hides.has(event.userId))
          conn.send({ type: 'presence', conversationId, userId: event.userId, online });
      }
    }
  });
  const offResume = (bus as ResumableBus).onResume?.((gap) => hub.resyncAll(gap.since));
  return async () => {
    offResume?.();
    await offEvents();
    await offEphemeral();
  };
}
