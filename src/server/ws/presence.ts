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

/** One node's word on one person: the conversations they were in, and when it was last said. */
interface Sighting {
  conversationIds: string[];
  at: number;
}

/**
 * The presence table of one node: person → node → sighting. Nodes repeat their announcements every
 * heartbeat, and sightings not repeated within the time-to-live expire, so a node that dies does not
 * leave its people shown as online for ever.
 */
export class PresenceTable {
  private readonly online = new Map<string, Map<string, Sighting>>();

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
  apply(
    event: Extract<EphemeralEvent, { kind: 'presence' }>,
    nowMs: number,
  ): Array<{ conversationId: string; online: boolean }> {
    const before = this.seenIn(event.userId);
    let nodes = this.online.get(event.userId);
    if (event.online) {
      if (!nodes) this.online.set(event.userId, (nodes = new Map<string, Sighting>()));
      nodes.set(event.node, { conversationIds: event.conversationIds, at: nowMs });
    } else if (nodes) {
      nodes.delete(event.node);
      if (nodes.size === 0) this.online.delete(event.userId);
    }
    // Where they are newly seen (a conversation joined), and where no longer: gone offline, or left it.
    const after = this.seenIn(event.userId);
    return [
      ...[...after]
        .filter((id) => !before.has(id))
        .map((id) => ({ conversationId: id, online: true })),
      ...[...before]
        .filter((id) => !after.has(id))
        .map((id) => ({ conversationId: id, online: false })),
    ];
  }

  /** The conversations in which any node last saw the person online. */
  private seenIn(userId: string): Set<string> {
    const ids = new Set<string>();
    for (const s of this.online.get(userId)?.values() ?? [])
      for (const id of s.conversationIds) ids.add(id);
    return ids;
  }

  /** Drops sightings older than `ttlMs`; returns the people now offline and where to say so. */
  expire(nowMs: number, ttlMs: number): Array<{ userId: string; conversationIds: string[] }> {
    const gone: Array<{ userId: string; conversationIds: string[] }> = [];
    for (const [userId, nodes] of this.online) {
      const ids = new Set<string>();
      for (const [node, sighting] of nodes) {
        if (nowMs - sighting.at <= ttlMs) continue;
        nodes.delete(node);
        for (const id of sighting.conversationIds) ids.add(id);
      }
      if (nodes.size === 0) {
        this.online.delete(userId);
        gone.push({ userId, conversationIds: [...ids] });
      }
    }
    return gone;
  }

  /** People online in a conversation (as last announced). */
  onlineIn(conversationId: string): string[] {
    const out: string[] = [];
    for (const [userId, nodes] of this.online) {
      for (const s of nodes.values()) {
        if (s.conversationIds.includes(conversationId)) {
          out.push(userId);
          break;
        }
      }
    }
    return out;
  }
}
