/** The one place that picks implementations and wires the services together. */
import { systemClock, type Clock, DAY_MS, HOUR_MS, MINUTE_MS } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import { AccountService } from '../core/account.service.ts';
import { busEvents } from '../core/bus-events.ts';
import { ConnectionService } from '../core/connection.service.ts';
import { ConversationService } from '../core/conversation.service.ts';
import type { DomainEventMap, EventPublisher } from '../core/events.ts';
import { OrganizationService } from '../core/organization.service.ts';
import { MessagingService } from '../core/messaging.service.ts';
import type { Bus, Later, PasswordHasher, SharedCounter } from '../core/ports.ts';
import { RateLimiter } from '../core/rate-limiter.ts';
import { PushService } from '../core/push.service.ts';
import { SessionUses } from '../core/session-uses.ts';
import type { PushSender } from '../core/push.ports.ts';
import { newVapidKey, WebPushSender } from '../adapters/push/web-push.sender.ts';
import { PushStore } from '../adapters/storage/push.store.ts';
import { InProcessBus } from '../adapters/bus/in-process.bus.ts';
import { Argon2Hasher } from '../adapters/crypto/argon2.hasher.ts';
import { commonPasswords } from '../adapters/crypto/common-passwords.ts';
import { nodeTokens } from '../adapters/crypto/token.service.ts';
import { openStore, type OpenStore } from '../adapters/storage/index.ts';
import type { Config } from './config.ts';
import { composeFourTasks, type FourTasksServices } from './four-tasks.compose.ts';
import { createLogger, type Logger } from './logger.ts';

/** Everything a running Mutual needs, built once. */
export interface AppContext {
  config: Config;
  logger: Logger;
  clock: Clock;
  db: OpenStore;
  bus: Bus;
  /** Limit counters shared by every node (with Redis); undefined on one node. */
  sharedCounter: SharedCounter | undefined;
  events: EventPublisher;
  accounts: AccountService;
  organizations: OrganizationService;
  /** Messages: the MessagingApi the HTTP routes and the WebSocket gateway share. */
  messaging: MessagingService;
  /** Invitations, circles, leaving and blocking. */
  connections: ConnectionService;
  /** One conversation's members, shared read markers and per-person limits. */
  conversations: ConversationService;
  fourTasks: FourTasksServices;
  /** Notices to closed browsers (Web Push). */
  push: PushService;
  limits: { authPerIp: RateLimiter; authPerAccount: RateLimiter };
  /** Stops pending pushes, then closes the bus and the database. */
  close(): Promise<void>;
}

/** Swappable parts, for tests. */
export interface ComposeOptions {
  clock?: Clock;
  logger?: Logger;
  hasher?: PasswordHasher;
  bus?: Bus;
  /** A PostgreSQL schema to use instead of the default search path (tests isolate themselves this way). */
  pgSchema?: string;
  /** Sends pushes instead of the Web Push sender (tests). */
  pushSender?: PushSender;
  /** Runs the push checks' timers (tests run them by hand). */
  pushLater?: Later;
}

/** Builds the app and runs migrations. */
export async function composeApp(
  config: Config,
  options: ComposeOptions = {},
): Promise<AppContext> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = openStore(
    options.pgSchema && !config.databaseUrl.startsWith('sqlite:')
      ? { dialect: 'postgres', url: config.databaseUrl, schema: options.pgSchema }
      : config.databaseUrl,
  );
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    throw error;
  }
  const pushStore = new PushStore(db.store.db);
  let vapidKey: string | undefined;
  let bus: Bus;
  try {
    if (!options.pushSender && config.pushServices.length > 0)
      vapidKey = await pushStore.serverKey('vapid', newVapidKey, clock.now());
    bus = options.bus ?? (await createBus(config));
  } catch (error) {
    await db.close();
    throw error;
  }
  const push = new PushService({
    clock,
    store: db.store,
    push: pushStore,
    sender:
      options.pushSender ??
      (vapidKey ? new WebPushSender({ key: vapidKey, subject: config.pushContact }) : undefined),
    allowedServices: config.pushServices,
    delayMs: config.pushDelaySeconds * 1000,
    quietAfterPushMs: 10 * MINUTE_MS,
    sessionIdleMs: config.sessionIdleMinutes * MINUTE_MS,
    later: options.pushLater ?? unrefLater,
    onFailure: (service) => logger.warn({ service }, 'a push service did not take a push'),
    onError: (err) => logger.error({ err }, 'a push check failed'),
  });
  const events = withPushes(busEvents(bus), push);
  const hasher =
    options.hasher ??
    new Argon2Hasher({
      memoryCost: config.argon2MemoryKib,
      timeCost: config.argon2TimeCost,
      parallelism: 1,
    });
  const runtime = { clock, newId: () => newId(clock.now().getTime()) };
  const accounts = new AccountService({
    ...runtime,
    store: db.store,
    hasher,
    tokens: nodeTokens,
    common: commonPasswords,
    events,
    sessions: {
      idleMs: config.sessionIdleMinutes * MINUTE_MS,
      maxMs: config.sessionMaxDays * DAY_MS,
    },
    uses: new SessionUses({
      store: db.store,
      later: unrefLater,
      everyMs: SESSION_USES_WRITE_MS,
      onError: (err) => logger.warn({ err }, 'could not write the use of sessions; trying again'),
    }),
  });
  const organizations = new OrganizationService({
    ...runtime,
    store: db.store,
    tokens: nodeTokens,
    events,
    invitationTtlMs: config.invitationTtlHours * HOUR_MS,
  });
  const messaging = new MessagingService({ ...runtime, store: db.store, events });
  const connections = new ConnectionService({
    ...runtime,
    store: db.store,
    tokens: nodeTokens,
    events,
    invitationTtlMs: config.invitationTtlHours * HOUR_MS,
  });
  const conversations = new ConversationService({ ...runtime, store: db.store, events });
  const windowMs = config.authLimitWindowMinutes * MINUTE_MS;
  const sharedCounter = counterOf(bus);
  return {
    config,
    logger,
    clock,
    db,
    bus,
    sharedCounter,
    events,
    accounts,
    organizations,
    messaging,
    connections,
    conversations,
    fourTasks: composeFourTasks(runtime, db.store),
    push,
    limits: {
      authPerIp: new RateLimiter(config.authLimitPerIp, windowMs, clock, {
        counter: sharedCounter,
        name: 'auth-ip',
      }),
      authPerAccount: new RateLimiter(config.authLimitPerAccount, windowMs, clock, {
        counter: sharedCounter,
        name: 'auth-account',
      }),
    },
    close: async () => {
      await accounts.close();
      await push.close();
      await bus.close();
      await db.close();
    },
  };
}

/**
 * How long a session's use waits to be written with others (core/session-uses.ts): one statement every
 * 10 s instead of a committed transaction per use.
 */
const SESSION_USES_WRITE_MS = 10_000;

/** setTimeout that does not keep the process alive. */
const unrefLater: Later = (work, ms) => {
  const timer = setTimeout(() => void work(), ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/**
 * Tells the push service of each message posted on this node. Wrapping the publisher (not a bus
 * subscriber) means each post is seen by one node only, however many share the bus.
 */
function withPushes(events: EventPublisher, push: PushService): EventPublisher {
  return {
    publish: async (name, payload) => {
      await events.publish(name, payload);
      if (name === 'message.posted')
        push.messagePosted((payload as DomainEventMap['message.posted']).conversationId);
    },
  };
}

/** A bus that can also count for limits across nodes (the Redis bus). */
function counterOf(bus: Bus): SharedCounter | undefined {
  const source = bus as Bus & { counter?: () => SharedCounter };
  return typeof source.counter === 'function' ? source.counter() : undefined;
}

async function createBus(config: Config): Promise<Bus> {
  if (!config.redisUrl) return new InProcessBus();
  const { RedisBus } = await import('../adapters/bus/redis.bus.ts');
  return RedisBus.connect(config.redisUrl);
}
