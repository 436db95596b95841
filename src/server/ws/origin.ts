/** Handshake checks: is the Origin one we serve, and which session cookie came with the request. */
import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from '../http/session-cookie.ts';

/**
 * True when the browser page opening the socket is ours: listed in ALLOWED_ORIGINS, PUBLIC_URL's origin,
 * or the same host the request was sent to. No Origin header means a non-browser program, which cannot
 * be used for cross-site hijacking and still needs a valid session cookie.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  config: { allowedOrigins: string[]; publicUrl: string | undefined },
): boolean {
  if (origin === undefined) return true;
  if (config.allowedOrigins.includes(origin)) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (config.publicUrl) {
    try {
      if (new URL(config.publicUrl).origin === parsed.origin) return true;
    } catch {
      // A bad PUBLIC_URL is refused by config; nothing to match here.
    }
  }
  return host !== undefined && parsed.host === host;
}

/** The session token from the Cookie header, if present and of a sane length. */
export function sessionTokenFrom(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      return undefined;
    }
    return value && value.length <= 100 ? value : undefined;
  }
  return undefined;
}
