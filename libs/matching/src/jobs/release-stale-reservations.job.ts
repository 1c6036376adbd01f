import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { Job, JobHandler, QueueName } from '@app/jobs';
import { ReleasedReservations, StaleReservationService } from '../stale-reservation.service';

export type ReleaseStaleReservationsJobData = Record<string, never>;

/** Daily: reservations not shipped within RESERVATION_TTL_DAYS go back to stock; their regions are matched again. */
@Injectable()
@Job({ name: 'release-stale-reservations', queue: QueueName.MATCHING })
export class ReleaseStaleReservationsJob implements JobHandler<ReleaseStaleReservationsJobData> {
  constructor(private readonly reservations: StaleReservationService) {}

  handle(): Promise<ReleasedReservations> {
    return this.reservations.releaseStale(RequestContext.system());
  }
}
