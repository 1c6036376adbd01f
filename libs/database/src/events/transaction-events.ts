import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvent, DomainEventClass } from './domain-event';
import { EventPhase } from './event-phase';

export type DomainEventHandler<E extends DomainEvent> = (manager: EntityManager, event: E) => Promise<void>;

interface Subscription {
  /** who listens, e.g. 'logistics.withdrawn-lot-pickups': names the subscriber in errors and orders a phase */
  subscriber: string;
  phase: EventPhase;
  handle: DomainEventHandler<DomainEvent>;
}

/**
 * The in-transaction event bus. A command records what it did on its own transaction
 * (`record(manager, new DonationsDeclared([id]))`); every subscriber of that event class runs
 * there and then, on the same EntityManager, so its writes commit or roll back with the
 * command's. A rolled-back command has therefore published nothing.
 *
 * Order is fixed, never the order modules happened to start in: by phase (owners, then
 * projections), then by subscriber name. Subscribers register once, at module init; they must
 * not record the event they handle.
 */
@Injectable()
export class TransactionEvents {
  private readonly subscriptions = new Map<DomainEventClass<DomainEvent>, Subscription[]>();

  subscribe<E extends DomainEvent>(type: DomainEventClass<E>, subscriber: string, phase: EventPhase, handle: DomainEventHandler<E>): void {
    const list = this.subscriptions.get(type) ?? [];
    if (list.some((s) => s.subscriber === subscriber)) throw new Error(`${subscriber} already subscribes to ${type.name}`);
    list.push({ subscriber, phase, handle: handle as DomainEventHandler<DomainEvent> });
    list.sort((a, b) => a.phase - b.phase || (a.subscriber < b.subscriber ? -1 : a.subscriber > b.subscriber ? 1 : 0));
    this.subscriptions.set(type, list);
  }

  /** Runs the event's subscribers in the caller's transaction, one after the other. */
  async record(manager: EntityManager, event: DomainEvent): Promise<void> {
    const type = event.constructor as DomainEventClass<DomainEvent>;
    for (const s of this.subscriptions.get(type) ?? []) await s.handle(manager, event);
  }

  /** Who listens to an event class, in the order they run (for tests and the architecture doc). */
  subscribersOf(type: DomainEventClass<DomainEvent>): string[] {
    return (this.subscriptions.get(type) ?? []).map((s) => s.subscriber);
  }
}
