import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { Job, JobHandler, QueueName } from '@app/jobs';
import { LotOfferService, ReturnedToRouting } from '../services/lot-offer.service';

export type ExpireOffersJobData = Record<string, never>;

/** Every few minutes: OFFERED lots past their time become EXPIRED and their regions are re-routed. */
@Injectable()
@Job({ name: 'expire-offers', queue: QueueName.ROUTING })
export class ExpireOffersJob implements JobHandler<ExpireOffersJobData> {
  constructor(private readonly offers: LotOfferService) {}

  handle(): Promise<ReturnedToRouting> {
    return this.offers.expireDue(RequestContext.system());
  }
}
