/** The domain event map: what services announce after a commit, for the real-time relay and other nodes. */

/** Every domain event by name (`noun.pastTense`) and its payload. Payloads never carry message text. */
export interface DomainEventMap {
  'session.revoked': { userId: string; sessionIds: string[] };
  'membership.removed': { orgId: string; userId: string };
}

export type DomainEventName = keyof DomainEventMap;

/** Where services announce events. Implementations fan them out (in-process or across nodes). */
export interface EventPublisher {
  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void>;
}

/** Publishes nowhere: for commands that run without a live server. */
export const silentEvents: EventPublisher = { publish: async () => undefined };
