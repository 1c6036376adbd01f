import { ConflictError } from '@app/common';
import { RECONCILIATION_MACHINE, ReconciliationStatus } from './reconciliation-status';

describe('the reconciliation machine', () => {
  it('an OPEN count is resolved or superseded', () => {
    expect(RECONCILIATION_MACHINE.canTransition(ReconciliationStatus.OPEN, ReconciliationStatus.RESOLVED)).toBe(true);
    expect(RECONCILIATION_MACHINE.canTransition(ReconciliationStatus.OPEN, ReconciliationStatus.SUPERSEDED)).toBe(true);
  });

  it.each([ReconciliationStatus.RESOLVED, ReconciliationStatus.SUPERSEDED])('%s is final: every change is CONFLICT', (from) => {
    expect(RECONCILIATION_MACHINE.isTerminal(from)).toBe(true);
    for (const to of Object.values(ReconciliationStatus)) expect(() => RECONCILIATION_MACHINE.assertTransition(from, to)).toThrow(ConflictError);
  });
});
