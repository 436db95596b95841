/**
 * Sends empty Web Push messages (RFC 8030) signed with the installation's VAPID key (RFC 8292). With no
 * payload there is nothing to encrypt (RFC 8291) and nothing a push service could read.
 */
import { createPrivateKey, generateKeyPairSync, sign, type JsonWebKey } from 'node:crypto';
import type { PushOutcome, PushSender } from '../../core/push.ports.ts';

/** The installation's signing key, as stored: a P-256 private key in JWK form. */
export function newVapidKey(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return JSON.stringify(privateKey.export({ format: 'jwk' }));
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** The public half as browsers want it: the uncompressed point (0x04 ‖ x ‖ y), base64url. */
export function vapidPublicKey(stored: string): string {
  const jwk = JSON.parse(stored) as JsonWebKey;
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y || !jwk.d)
    throw new Error('the stored VAPID key is not a P-256 private key');
  return b64url(
    Buffer.concat([
      Buffer.from([4]),
      Buffer.from(jwk.x, 'base64url'),
      Buffer.from(jwk.y, 'base64url'),
    ]),
  );
}

/** A VAPID token for one push service (`audience`, its origin), valid for 12 hours from `nowMs`. */
export function vapidToken(
  stored: string,
  audience: string,
  subject: string,
  nowMs: number,
): string {
  const key = createPrivateKey({ key: JSON.parse(stored) as JsonWebKey, format: 'jwk' });
  const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256' }));
  const claims = b64url(
    JSON.stringify({ aud: audience, exp: Math.floor(nowMs / 1000) + 12 * 60 * 60, sub: subject }),
  );
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), {
    key,
    dsaEncoding: 'ieee-p1363',
  });
  return `${header}.${claims}.${b64url(signature)}`;
}

export interface WebPushOptions {
  /** The stored private key (newVapidKey). */
  key: string;
  /** Who runs this installation, for push services to reach: a mailto: or https: address. */
  subject: string;
  timeoutMs?: number;
  now?: () => number;
}

/** PushSender over fetch. */
export class WebPushSender implements PushSender {
  readonly publicKey: string;
  /** Tokens by push service, reused for an hour (each is valid for twelve). */
  private readonly tokens = new Map<string, { token: string; until: number }>();

  constructor(private readonly options: WebPushOptions) {
    this.publicKey = vapidPublicKey(options.key);
  }

  async send(endpoint: string, o: { topic: string; ttlSeconds: number }): Promise<PushOutcome> {
    try {
      const url = new URL(endpoint);
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          TTL: String(o.ttlSeconds),
          Urgency: 'normal',
          Topic: o.topic,
          Authorization: `vapid t=${this.token(url.origin)}, k=${this.publicKey}`,
        },
        // No payload: an empty body, and no content type.
        body: new Uint8Array(0),
        // A push service never redirects; following one could reach anywhere.
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.body?.cancel();
      if (response.status === 404 || response.status === 410) return 'gone';
      return response.ok ? 'sent' : 'failed';
    } catch {
      return 'failed';
    }
  }

  private token(audience: string): string {
    const now = (this.options.now ?? Date.now)();
    const cached = this.tokens.get(audience);
    if (cached && cached.until > now) return cached.token;
    const token = vapidToken(this.options.key, audience, this.options.subject, now);
    this.tokens.set(audience, { token, until: now + 60 * 60 * 1000 });
    return token;
  }
}
