/** Domain events carried over the bus, so every node hears them. */
import type { DomainEventMap, DomainEventName, EventPublisher } from './events.ts';
import type { Bus } from './ports.ts';

/** The bus channel that carries domain events. */
export const EVENTS_CHANNEL = 'mutual:events';

/** An event as it travels. */
export interface EventEnvelope<K extends DomainEventName = DomainEventName> {
  name: K;
  payload: DomainEventMap[K];
}

/** An EventPublisher that puts each event on the bus. */
export function busEvents(bus: Bus): EventPublisher {
  return {
    publish: (name, payload) =>
      bus.publish(EVENTS_CHANNEL, { name, payload } satisfies EventEnvelope),
  };
}
