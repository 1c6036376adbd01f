import { ConflictError, ErrorReason, NotFoundError } from '@app/common';
import { EntityManager } from 'typeorm';
import { LoanStatus } from './delivery-terms';
import { Loan } from './loan.entity';

/** The loan, locked; NOT_FOUND when absent (the act rules hide the others' the same way). */
export async function lockLoan(manager: EntityManager, id: string): Promise<Loan> {
  const loan = await manager.getRepository(Loan).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!loan) throw new NotFoundError('Loan', id);
  return loan;
}

/** A returned, converted or replaced loan is over: nothing more changes it. */
export function assertActive(loan: Loan): void {
  if (loan.status === LoanStatus.ACTIVE) return;
  throw new ConflictError(
    `Loan ${loan.id} is ${loan.status}: nothing more can change it`,
    { entity: 'Loan', state: loan.status, loanId: loan.id },
    ErrorReason.FINAL_STATE,
  );
}
