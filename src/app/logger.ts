/** The structured logger. It never records message text, passwords, tokens or cookies. */
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Fields removed wherever they appear in a log line. */
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'text',
  '*.text',
  'body',
  '*.body',
  'req.headers.cookie',
  'req.headers.authorization',
  'headers.cookie',
];

/** A pino logger at `level`, writing JSON lines to stdout. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, remove: true }, base: { app: 'mutual' } });
}
