/** What notices when Mutual is closed (Web Push) need from storage and from the outside world. */

/** One device's push endpoint, made while signed in with one session. */
export interface PushSubscriptionRecord {
  endpoint: string;
  userId: string;
  sessionId: string;
  createdAt: Date;
}

/** Push endpoints, and the installation's own keys. */
export interface PushRepo {
  /**
   * Stores the endpoint for this session, replacing any other the session had (one per device); an endpoint
   * already stored moves to it (a device re-subscribing).
   */
  save(subscription: PushSubscriptionRecord): Promise<void>;
  /** Removes the session's endpoints; how many there were. */
  removeForSession(sessionId: string): Promise<number>;
  removeEndpoint(endpoint: string): Promise<void>;
  hasForSession(sessionId: string): Promise<boolean>;
  /** The ids of the person's sessions that have an endpoint. */
  sessionsWithEndpoints(userId: string): Promise<Set<string>>;
  /**
   * The endpoints of the conversation's current members whose session is still signed in at `now`: not
   * revoked, not past its end, and used since `seenSince` (sessions end after a spell unused).
   */
  liveEndpointsIn(
    conversationId: string,
    now: Date,
    seenSince: Date,
  ): Promise<Array<{ userId: string; endpoint: string }>>;
  /**
   * The conversations whose last message came at or after `since` and that have a current member with an
   * endpoint who has not read up to it and got no push for it since that message, with that message's time (a node that starts again
   * checks these: see PushService.resume).
   */
  unpushedSince(since: Date): Promise<Array<{ conversationId: string; lastActivityAt: Date }>>;
  /**
   * Records that the person is pushed about the conversation at `at`, and says true; or says false, recording
   * nothing, when they got a push for it after `quietSince` or since its last message. One statement, so of
   * nodes racing to push the same person about the same conversation, one wins.
   */
  claimPush(userId: string, conversationId: string, at: Date, quietSince: Date): Promise<boolean>;
  /**
   * The value stored under `name`, storing `make()` first when there is none. Nodes racing to make one all end
   * with the value that was stored first.
   */
  serverKey(name: string, make: () => string, at: Date): Promise<string>;
}

/** What a push service said to one push. */
export type PushOutcome = 'sent' | 'gone' | 'failed';

/** Sends empty pushes (no payload) to endpoints. */
export interface PushSender {
  /** The public key browsers subscribe with (VAPID, base64url). */
  readonly publicKey: string;
  /**
   * One push. `topic` lets the push service replace an undelivered push with the next one; `ttlSeconds` is
   * how long it may wait for the device. 'gone' means the subscription ended and the endpoint can go.
   */
  send(endpoint: string, options: { topic: string; ttlSeconds: number }): Promise<PushOutcome>;
}
