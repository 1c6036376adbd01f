import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DonationLine } from './entities/donation-line.entity';
import { Donation } from './entities/donation.entity';
import { LotItem } from './entities/lot-item.entity';
import { LotRefusal } from './entities/lot-refusal.entity';
import { Lot } from './entities/lot.entity';
import { ExpectedDevicesModule } from './expected-devices.module';
import { ExpireOffersJob } from './jobs/expire-offers.job';
import { DonationResolver } from './resolvers/donation.resolver';
import { DeclineResolver } from './resolvers/decline.resolver';
import { LotResolver } from './resolvers/lot.resolver';
import { DeclineCooldown } from './services/decline-cooldown.service';
import { DeclineLiftService } from './services/decline-lift.service';
import { DonationLedger } from './services/donation-ledger.service';
import { DonationService } from './services/donation.service';
import { LotOfferService } from './services/lot-offer.service';
import { LotService } from './services/lot.service';
import { LotPlacement } from './services/lot-placement.service';
import { LotTransitions } from './services/lot-transitions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Donation, DonationLine, Lot, LotItem, LotRefusal]), ExpectedDevicesModule],
  providers: [
    DonationLedger,
    DonationService,
    LotService,
    LotOfferService,
    LotTransitions,
    LotPlacement,
    DeclineCooldown,
    DeclineLiftService,
    DonationResolver,
    LotResolver,
    DeclineResolver,
    ExpireOffersJob,
  ],
  exports: [ExpectedDevicesModule, DonationLedger, DonationService, LotService, LotOfferService, LotTransitions, LotPlacement, DeclineCooldown],
})
export class DonationsModule {}
