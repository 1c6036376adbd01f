import { DomainEvent } from '@app/database';

/** Donations just cancelled by their donor or staff (their lots already withdrawn). */
export class DonationsCancelled extends DomainEvent {
  constructor(readonly donationIds: readonly string[]) {
    super();
  }
}
