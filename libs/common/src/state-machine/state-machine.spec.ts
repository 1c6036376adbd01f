import { ConflictError } from '../errors/domain-error';
import { StateMachine } from './state-machine';

type S = 'OPEN' | 'DONE' | 'CANCELLED';
const machine = new StateMachine<S>('Thing', { OPEN: ['DONE', 'CANCELLED'], DONE: [], CANCELLED: [] });

describe('StateMachine', () => {
  it('allows declared transitions', () => {
    expect(() => machine.assertTransition('OPEN', 'DONE')).not.toThrow();
  });

  it('refuses undeclared ones with CONFLICT and says a final state is final', () => {
    expect(() => machine.assertTransition('DONE', 'OPEN')).toThrow(ConflictError);
    expect(() => machine.assertTransition('DONE', 'OPEN')).toThrow(/DONE is final/);
    expect(machine.isTerminal('CANCELLED')).toBe(true);
  });
});
