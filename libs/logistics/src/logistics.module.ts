import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DonationsModule } from '@app/donations';
import { Pickup } from './entities/pickup.entity';
import { LotsWithdrawnSubscriber } from './events/lots-withdrawn.subscriber';
import { PickupRemindersJob } from './jobs/pickup-reminders.job';
import { LotPickupResolver } from './resolvers/lot-pickup.resolver';
import { PickupResolver } from './resolvers/pickup.resolver';
import { PickupCompletionService } from './services/pickup-completion.service';
import { PickupReminderService } from './services/pickup-reminder.service';
import { PickupSchedulingService } from './services/pickup-scheduling.service';
import { PickupService } from './services/pickup.service';
import { LotPickups } from './services/lot-pickups.service';

@Module({
  imports: [TypeOrmModule.forFeature([Pickup]), DonationsModule],
  providers: [
    PickupService,
    PickupSchedulingService,
    PickupCompletionService,
    PickupReminderService,
    LotPickups,
    LotsWithdrawnSubscriber,
    PickupResolver,
    LotPickupResolver,
    PickupRemindersJob,
  ],
  exports: [PickupService, PickupSchedulingService, PickupCompletionService, PickupReminderService, LotPickups],
})
export class LogisticsModule {}
