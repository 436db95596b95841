/**
 * Notices when Mutual is closed (Web Push): this device subscribes with the browser's notice service and
 * hands the server only the endpoint. Pushes come empty, so /sw.js shows one plain notice (see public/sw.js).
 */
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/http.ts';
import { copy } from '../../copy.ts';

/** The tag of the service worker's notices (public/sw.js): a newer one replaces an older one. */
export const PUSH_NOTICE_TAG = 'mutual-new';

export const PUSH_KEY = ['push'] as const;

/** A browser whose notice service cannot be reached may never answer a subscribe: we stop waiting. */
const SUBSCRIBE_TIMEOUT_MS = 30_000;

/** Whether this browser can take notices while Mutual is closed. */
export function pushSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof PushManager !== 'undefined' &&
    typeof Notification !== 'undefined'
  );
}

/** A failure to turn notices on or off, with words to show the person. */
export class PushError extends Error {
  override name = 'PushError';
}

/** Bytes of a base64url text (padding optional), such as a VAPID public key; throws on any other text. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1)
    throw new PushError(copy.errors.general);
  const base64 = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The words for a failed `pushManager.subscribe`: refused by the browser, or its service out of reach. */
export function subscribeFailure(error: unknown): PushError {
  const refused =
    error instanceof Error &&
    (error.name === 'NotAllowedError' || /permission/i.test(error.message));
  return new PushError(refused ? copy.push.notAllowed : copy.push.unreachable);
}

function sameKey(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const x = new Uint8Array(a);
  return x.every((v, i) => v === b[i]);
}

async function subscribe(
  registration: ServiceWorkerRegistration,
  key: Uint8Array<ArrayBuffer>,
  timeoutMs: number,
): Promise<PushSubscription> {
  const existing = await registration.pushManager.getSubscription();
  // A subscription made with another server key (the server's keys changed) cannot be reused.
  if (existing && !sameKey(existing.options.applicationServerKey, key))
    await existing.unsubscribe();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
  });
  try {
    return await Promise.race([
      registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
      late,
    ]);
  } catch (error) {
    throw subscribeFailure(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Turns on notices while Mutual is closed, asking the browser's permission first if it has not been asked.
 * Resolves false when the person did not allow notices; rejects with PushError or ApiError.
 */
export async function turnOnPush(
  publicKey: string,
  timeoutMs = SUBSCRIBE_TIMEOUT_MS,
): Promise<boolean> {
  if (!pushSupported()) throw new PushError(copy.push.unsupported);
  const key = base64UrlToBytes(publicKey);
  if (Notification.permission === 'default') await Notification.requestPermission();
  if (Notification.permission !== 'granted') return false;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  } catch {
    throw new PushError(copy.errors.general);
  }
  const registration = await navigator.serviceWorker.ready;
  const subscription = await subscribe(registration, key, timeoutMs);
  await call('subscribePush', { body: { endpoint: subscription.endpoint } });
  return true;
}

/** Turns them off: this browser forgets its subscription, and so does the server. */
export async function turnOffPush(): Promise<void> {
  if (pushSupported()) {
    const registration = await navigator.serviceWorker.getRegistration('/');
    const subscription = await registration?.pushManager.getSubscription();
    // Even if the browser cannot let go of it, the server's forgetting is what stops the pushes.
    await subscription?.unsubscribe().catch(() => false);
  }
  await call('unsubscribePush');
}

/** Whether this server sends pushes, its key, and whether this device is subscribed. */
export function usePushStatus() {
  return useQuery({ queryKey: PUSH_KEY, queryFn: () => call('getPush'), staleTime: 60_000 });
}
