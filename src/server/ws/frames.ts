/** What the gateway does with each valid client frame: check, call the messaging service, answer. */
import type { ClientFrame, WsErrorCode } from '../../contract/ws.ts';
import { EVENTS_CHANNEL, type EventEnvelope } from '../../core/bus-events.ts';
import { DomainError } from '../../core/errors.ts';
import type { Connection } from './connection.ts';
import type { GatewayCore } from './core.ts';
import { wireMessage } from './hub.ts';
import { EPHEMERAL_CHANNEL, type EphemeralEvent } from './presence.ts';

const DOMAIN_TO_WS: Record<DomainError['code'], WsErrorCode> = {
  invalid_input: 'invalid_input',
  unauthorized: 'forbidden',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  gone: 'gone',
  rate_limited: 'rate_limited',
  payload_too_large: 'invalid_input',
};

/** Handles one frame; never throws (every failure becomes an error frame). */
export async function handleFrame(
  core: GatewayCore,
  conn: Connection,
  frame: ClientFrame,
): Promise<void> {
  try {
    await dispatch(core, conn, frame);
  } catch (error) {
    const conversationId = 'conversationId' in frame ? frame.conversationId : undefined;
    const id = 'id' in frame ? frame.id : undefined;
    if (error instanceof DomainError) {
      if (error.code === 'not_found' || error.code === 'forbidden')
        core.refused(conn, frame.type, conversationId);
      conn.send({
        type: 'error',
        ref: frame.ref,
        code: DOMAIN_TO_WS[error.code],
        message: error.message,
        frame: frame.type,
        ...(conversationId ? { conversationId } : {}),
        ...(id ? { id } : {}),
        ...(error.retryAfterSeconds ? { retryAfterMs: error.retryAfterSeconds * 1000 } : {}),
      });
      return;
    }
    core.logger.error({ err: error, frame: frame.type, userId: conn.userId }, 'ws: frame failed');
    conn.send({
      type: 'error',
      ref: frame.ref,
      code: 'internal',
      message: 'Something went wrong on our side. Please try again.',
      frame: frame.type,
      ...(conversationId ? { conversationId } : {}),
      ...(id ? { id } : {}),
    });
  }
}

async function dispatch(core: GatewayCore, conn: Connection, frame: ClientFrame): Promise<void> {
  const api = core.messaging();
  if (!api && frame.type !== 'ping' && frame.type !== 'presence') {
    throw new DomainError('gone', 'Conversations are not available on this server yet.');
  }
  switch (frame.type) {
    case 'ping':
      conn.send({ type: 'pong', ref: frame.ref });
      return;
    case 'presence':
      await core.setPresence(conn, frame.visibility === 'visible');
      return;
    case 'hello':
      if (frame.presence) await core.setPresence(conn, frame.presence === 'visible');
      for (const point of frame.resume) {
        await handleFrame(core, conn, {
          type: 'subscribe',
          ref: frame.ref,
          conversationId: point.conversationId,
          lastSeq: point.lastSeq,
          ...(point.changedSince ? { changedSince: point.changedSince } : {}),
        });
      }
      return;
    case 'subscribe':
      await core.hub.subscribe(conn, frame.conversationId, {
        lastStored: await api!.requireMember(conn.userId, frame.conversationId),
        lastSeq: frame.lastSeq,
        ref: frame.ref,
        changedSince: frame.changedSince,
      });
      for (const userId of core.presence.onlineIn(frame.conversationId)) {
        if (userId !== conn.userId && !conn.hides.has(userId))
          conn.send({
            type: 'presence',
            conversationId: frame.conversationId,
            userId,
            online: true,
          });
      }
      return;
    case 'follow': {
      // Followed first, so a conversation joined while the list is read is followed too.
      core.hub.follow(conn, []);
      const mine = await api!.listConversations(conn.userId);
      const conversationIds = core.hub.follow(
        conn,
        mine.map((c) => c.id),
      );
      conn.send({ type: 'following', ref: frame.ref, conversationIds });
      return;
    }
    case 'unsubscribe':
      core.hub.unsubscribe(conn, frame.conversationId);
      conn.send({
        type: 'unsubscribed',
        ref: frame.ref,
        conversationId: frame.conversationId,
        reason: 'requested',
      });
      return;
    case 'send': {
      await core.limitPerson(conn);
      // Local sockets get the new message from the node's cache, not from a read of the store.
      const result = await api!.post(
        conn.userId,
        { conversationId: frame.conversationId, id: frame.id, text: frame.text },
        (stored, audience) => core.hub.remember(stored, audience),
      );
      const { message } = result;
      conn.send({
        type: 'ack',
        ref: frame.ref,
        id: message.id,
        conversationId: message.conversationId,
        seq: message.seq,
        duplicate: result.duplicate,
      });
      // Local sockets need not wait for the bus; the service's own hint reaches the other nodes.
      core.hub.hint(message.conversationId, message.seq);
      if (result.duplicate) {
        // A retry usually means the first attempt's node died between commit and hint: hint again,
        // so sockets on other nodes do not wait for the next message to catch up.
        const hint: EventEnvelope<'message.posted'> = {
          name: 'message.posted',
          payload: {
            conversationId: message.conversationId,
            seq: message.seq,
            messageId: message.id,
          },
        };
        await core.bus.publish(EVENTS_CHANNEL, hint);
      }
      return;
    }
    case 'edit': {
      await core.limitPerson(conn);
      const m = await api!.edit(conn.userId, {
        conversationId: frame.conversationId,
        id: frame.id,
        text: frame.text,
      });
      conn.send({ type: 'message.updated', ref: frame.ref, message: wireMessage(m) });
      return;
    }
    case 'delete': {
      await core.limitPerson(conn);
      const m = await api!.remove(conn.userId, {
        conversationId: frame.conversationId,
        id: frame.id,
      });
      conn.send({ type: 'message.updated', ref: frame.ref, message: wireMessage(m) });
      return;
    }
    case 'read':
      await api!.markRead(conn.userId, frame.conversationId, frame.seq);
      return;
    case 'typing': {
      const sub = conn.subs.get(frame.conversationId);
      if (!sub)
        throw new DomainError(
          'invalid_input',
          'Subscribe to the conversation before sending typing.',
        );
      // Typing says someone is here as plainly as presence does: while they are hidden it stays with them.
      if (!conn.presenceVisible) return;
      const now = core.clock.now().getTime();
      // Throttled and lossy by design: a typing hint is only worth forwarding every few seconds.
      if (now - sub.typingAt < core.options.typingEveryMs) return;
      sub.typingAt = now;
      const event: EphemeralEvent = {
        kind: 'typing',
        conversationId: frame.conversationId,
        userId: conn.userId,
      };
      await core.bus.publish(EPHEMERAL_CHANNEL, event);
      return;
    }
    default: {
      const unknown: never = frame;
      throw new DomainError(
        'invalid_input',
        `Unhandled frame ${String((unknown as { type: string }).type)}.`,
      );
    }
  }
}
