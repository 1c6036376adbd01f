import { ConflictError } from '../errors/domain-error';

/** Allowed transitions of one aggregate, declared as data: from-state -> reachable states. */
export type TransitionTable<S extends string> = Record<S, readonly S[]>;

/**
 * A small generic state machine. Aggregates declare their table once; services ask it
 * before they write, so every illegal change is refused the same way (CONFLICT).
 */
export class StateMachine<S extends string> {
  constructor(
    readonly name: string,
    private readonly transitions: TransitionTable<S>,
  ) {}

  canTransition(from: S, to: S): boolean {
    return this.transitions[from].includes(to);
  }

  isTerminal(state: S): boolean {
    return this.transitions[state].length === 0;
  }

  assertTransition(from: S, to: S): void {
    if (this.canTransition(from, to)) return;
    const reason = this.isTerminal(from) ? `${from} is final` : `cannot go from ${from} to ${to}`;
    throw new ConflictError(`${this.name}: ${reason}`, { from, to });
  }
}
