import { ConflictError } from '../errors/domain-error';
import { ErrorReason } from '../errors/error-reason';

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
    if (this.isTerminal(from)) {
      throw new ConflictError(`${this.name}: ${from} is final`, { entity: this.name, state: from, from, to }, ErrorReason.FINAL_STATE);
    }
    throw new ConflictError(`${this.name}: cannot go from ${from} to ${to}`, { entity: this.name, from, to }, ErrorReason.TRANSITION_NOT_ALLOWED);
  }
}
