/**
 * Presence: who is online (and visible) in the conversations a socket watches. Ephemeral and never
 * stored: each node announces its people over the bus and every node keeps the same small table.
 */
import type { Bus } from '../../core/ports.ts';

/** The bus channel for typing and presence (never stored, may be lost). */
export const EPHEMERAL_CHANNEL = 'mutual:ephemeral';

/** What travels on the ephemeral channel. */
export type EphemeralEvent =
  | { kind: 'typing'; conversationId: string; userId: string }
  | { kind: 'presence'; node: string; userId: string; online: boolean; conversationIds: string[] };

/** Parses an ephemeral event from the bus, ignoring anything malformed. */
export function readEphemeral(raw: unknown): EphemeralEvent | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const e = raw as Record<string, unknown>;
  if (e.kind === 'typing' && typeof e.conversationId === 'string' && typeof e.userId === 'string') {
    return { kind: 'typing', conversationId: e.conversationId, userId: e.userId };
  }
  if (
    e.kind === 'presence' &&
    typeof e.node === 'string' &&
    typeof e.userId === 'string' &&
    typeof e.online === 'boolean' &&
    Array.isArray(e.conversationIds) &&
    e.conversationIds.every((c) => typeof c === 'string')
  ) {
    return {
      kind: 'presence',
      node: e.node,
      userId: e.userId,
      online: e.online,
      conversationIds: e.conversationIds,
    };
  }
  return undefined;
}

/** The presence table of one node: person → node → the conversations they were in when announced. */
export class PresenceTable {
  private readonly online = new Map<string, Map<string, string[]>>();

  constructor(
    readonly node: string,
    private readonly bus: Bus,
  ) {}

  /** Says on the bus whether `userId` has a visible socket on this node. */
  announce(userId: string, online: boolean, conversationIds: string[]): Promise<void> {
    const event: EphemeralEvent = {
      kind: 'presence',
      node: this.node,
      userId,
      online,
      conversationIds,
    };
    return this.bus.publish(EPHEMERAL_CHANNEL, event);
  }

  /** Applies an announcement; returns the conversations whose members should hear of a change. */
  apply(event: Extract<EphemeralEvent, { kind: 'presence' }>): string[] {
    let nodes = this.online.get(event.userId);
    const wasOnline = nodes !== undefined;
    if (event.online) {
      const known = new Set(nodes ? [...nodes.values()].flat() : []);
      if (!nodes) this.online.set(event.userId, (nodes = new Map<string, string[]>()));
      nodes.set(event.node, event.conversationIds);
      // Already online: only conversations joined since the last announcement need to hear of it.
      return wasOnline
        ? event.conversationIds.filter((id) => !known.has(id))
        : event.conversationIds;
    }
    if (!nodes) return [];
    const known = nodes.get(event.node) ?? [];
    nodes.delete(event.node);
    if (nodes.size > 0) return [];
    this.online.delete(event.userId);
    return known;
  }

  /** People online in a conversation (as last announced). */
  onlineIn(conversationId: string): string[] {
    const out: string[] = [];
    for (const [userId, nodes] of this.online) {
      for (const ids of nodes.values()) {
        if (ids.includes(conversationId)) {
          out.push(userId);
          break;
        }
      }
    }
    return out;
  }
}
