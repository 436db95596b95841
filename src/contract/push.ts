/**
 * Notices when Mutual is closed (Web Push). A device hands the server its push endpoint; the server then
 * sends it empty pushes: never what was written, who wrote it, or in which conversation.
 */
import { z } from 'zod';
import { route } from './route.ts';
import { Ok } from './accounts.ts';

/** Whether this server sends pushes, and the key a browser subscribes with (VAPID, base64url). */
export const PushStatus = z.object({
  enabled: z.boolean(),
  publicKey: z.string().nullable(),
  /** Whether this device (this session) has a subscription here. */
  subscribed: z.boolean(),
});

/** A browser's push subscription; only the endpoint is kept, since pushes carry no payload. */
export const PushSubscriptionBody = z
  .object({
    endpoint: z
      .string()
      .trim()
      .min(1, 'Please give the push endpoint your browser made.')
      .max(1000, 'That push endpoint is too long (1,000 characters at most).')
      .url('The push endpoint has to be a web address.'),
  })
  .strict();

export const pushRoutes = {
  getPush: route({ method: 'get', path: '/api/push', access: 'signed-in', response: PushStatus }),
  subscribePush: route({
    method: 'put',
    path: '/api/push/subscription',
    access: 'signed-in',
    body: PushSubscriptionBody,
    response: Ok,
  }),
  unsubscribePush: route({
    method: 'delete',
    path: '/api/push/subscription',
    access: 'signed-in',
    response: Ok,
  }),
};
