/** Random 256-bit tokens and their SHA-256 hashes, for sessions and invitation links. */
import { createHash, randomBytes } from 'node:crypto';
import type { TokenService } from '../../core/ports.ts';

/** TokenService over node:crypto. */
export const nodeTokens: TokenService = {
  newToken: () => randomBytes(32).toString('base64url'),
  hash: (token) => createHash('sha256').update(token).digest('hex'),
};
