/** Configuration, read once from environment variables and validated; a bad value names the variable. */
import { z } from 'zod';
import { parsePushService } from '../core/push.service.ts';

const int = (name: string, def: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return def;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a whole number from ${min} to ${max} (got "${v}")`,
        });
        return z.NEVER;
      }
      return n;
    });

const bool = (name: string, def: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return def;
      if (/^(1|true|yes|on)$/i.test(v)) return true;
      if (/^(0|false|no|off)$/i.test(v)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false (got "${v}")` });
      return z.NEVER;
    });

const EnvSchema = z.object({
  PORT: int('PORT', 8080, 0, 65535),
  HOST: z.string().optional(),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/mutual.db')
    .refine((v) => /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(v), {
      message: 'DATABASE_URL must be sqlite:<path>, sqlite::memory: or postgres://…',
    }),
  REDIS_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^rediss?:\/\/.+/.test(v), {
      message: 'REDIS_URL must start with redis:// or rediss://',
    })
    .transform((v) => (v ? v : undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^https?:\/\/[^/]+/.test(v), {
      message: 'PUBLIC_URL must be an http:// or https:// address, e.g. https://mutual.example.org',
    })
    .transform((v) => (v ? v.replace(/\/+$/, '') : undefined)),
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    ),
  TRUST_PROXY: bool('TRUST_PROXY', false),
  SESSION_IDLE_MINUTES: int('SESSION_IDLE_MINUTES', 14 * 24 * 60, 1, 365 * 24 * 60),
  SESSION_MAX_DAYS: int('SESSION_MAX_DAYS', 30, 1, 365),
  INVITATION_TTL_HOURS: int('INVITATION_TTL_HOURS', 7 * 24, 1, 720),
  BODY_LIMIT_BYTES: int('BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
  AUTH_LIMIT_PER_IP: int('AUTH_LIMIT_PER_IP', 30, 1, 100_000),
  AUTH_LIMIT_PER_ACCOUNT: int('AUTH_LIMIT_PER_ACCOUNT', 10, 1, 100_000),
  AUTH_LIMIT_WINDOW_MINUTES: int('AUTH_LIMIT_WINDOW_MINUTES', 15, 1, 24 * 60),
  ARGON2_MEMORY_KIB: int('ARGON2_MEMORY_KIB', 19_456, 19_456, 4 * 1024 * 1024),
  ARGON2_TIME_COST: int('ARGON2_TIME_COST', 2, 2, 20),
  SHUTDOWN_GRACE_MS: int('SHUTDOWN_GRACE_MS', 10_000, 0, 120_000),
  WS_HEARTBEAT_SECONDS: int('WS_HEARTBEAT_SECONDS', 25, 1, 600),
  HELPER_THREAD_NICE: int('HELPER_THREAD_NICE', 19, 0, 19),
  PUSH_SERVICES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return DEFAULT_PUSH_SERVICES;
      if (v.trim().toLowerCase() === 'none') return [];
      const entries = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = entries.find((e) => parsePushService(e) === undefined);
      if (bad !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `PUSH_SERVICES must be none or a comma-separated list of origins like https://fcm.googleapis.com or https://*.push.apple.com (got "${bad}")`,
        });
        return z.NEVER;
      }
      return entries;
    }),
  PUSH_CONTACT: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^(mailto:\S+@\S+|https:\/\/\S+)$/.test(v), {
      message: 'PUSH_CONTACT must be a mailto: or https:// address, e.g. mailto:admin@example.org',
    })
    .transform((v) => (v ? v : undefined)),
  PUSH_DELAY_SECONDS: int('PUSH_DELAY_SECONDS', 60, 0, 24 * 60 * 60),
  WEB_DIST: z.string().default('dist/web'),
});

/** The push services of today's browsers (Chrome, Edge, Firefox, Safari). */
export const DEFAULT_PUSH_SERVICES = [
  'https://fcm.googleapis.com',
  'https://updates.push.services.mozilla.com',
  'https://*.notify.windows.com',
  'https://*.push.apple.com',
];

/** Settings the app runs with. */
export interface Config {
  port: number;
  host: string | undefined;
  databaseUrl: string;
  redisUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  publicUrl: string | undefined;
  allowedOrigins: string[];
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxDays: number;
  invitationTtlHours: number;
  bodyLimitBytes: number;
  authLimitPerIp: number;
  authLimitPerAccount: number;
  authLimitWindowMinutes: number;
  argon2MemoryKib: number;
  argon2TimeCost: number;
  shutdownGraceMs: number;
  /** How often the real-time channel pings each socket. */
  wsHeartbeatSeconds: number;
  /** The nice value `mutual serve` gives its helper threads on Linux, below the event loop's (0: left as they are). */
  helperThreadNice: number;
  /** Push services device endpoints may point to; empty when no pushes are sent. */
  pushServices: string[];
  /** Who runs this installation, told to push services (VAPID subject). */
  pushContact: string;
  /** How long a message stays unread before a push goes out. */
  pushDelaySeconds: number;
  webDist: string;
}

/** A configuration problem, with one line per bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws ConfigError listing every bad variable by name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'environment');
      return i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST || undefined,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    allowedOrigins: e.ALLOWED_ORIGINS,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxDays: e.SESSION_MAX_DAYS,
    invitationTtlHours: e.INVITATION_TTL_HOURS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    authLimitPerIp: e.AUTH_LIMIT_PER_IP,
    authLimitPerAccount: e.AUTH_LIMIT_PER_ACCOUNT,
    authLimitWindowMinutes: e.AUTH_LIMIT_WINDOW_MINUTES,
    argon2MemoryKib: e.ARGON2_MEMORY_KIB,
    argon2TimeCost: e.ARGON2_TIME_COST,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    wsHeartbeatSeconds: e.WS_HEARTBEAT_SECONDS,
    helperThreadNice: e.HELPER_THREAD_NICE,
    pushServices: e.PUSH_SERVICES,
    pushContact:
      e.PUSH_CONTACT ??
      (e.PUBLIC_URL?.startsWith('https://') ? e.PUBLIC_URL : 'mailto:admin@localhost'),
    pushDelaySeconds: e.PUSH_DELAY_SECONDS,
    webDist: e.WEB_DIST,
  };
}
