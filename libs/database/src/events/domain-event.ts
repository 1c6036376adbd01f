/**
 * A fact a command records about what it just did (donations declared, devices moved), for other
 * libraries to act on in the same transaction. Each fact is its own class, exported by the
 * library that publishes it: subscribers depend on the publisher, never the other way round, so
 * the dashboard or another domain can follow a domain without that domain knowing them.
 */
export abstract class DomainEvent {}

/** The class of an event, as subscriptions name it. */
export type DomainEventClass<E extends DomainEvent> = abstract new (...args: never[]) => E;
