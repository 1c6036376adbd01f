import { DomainEvent } from '@app/database';

/** Donations just declared, with their lines. */
export class DonationsDeclared extends DomainEvent {
  constructor(readonly donationIds: readonly string[]) {
    super();
  }
}
