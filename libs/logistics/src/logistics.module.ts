import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DonationsModule } from '@app/donations';
import { PickupChange } from './entities/pickup-change.entity';
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
import { PickupCancellationService } from './services/pickup-cancellation.service';
import { PickupHistory } from './services/pickup-history.service';
import { PickupReschedulingService } from './services/pickup-rescheduling.service';

@Module({
  imports: [TypeOrmModule.forFeature([Pickup, PickupChange]), DonationsModule],
  providers: [
    PickupService,
    PickupSchedulingService,
    PickupCompletionService,
    PickupReminderService,
    PickupReschedulingService,
    PickupCancellationService,
    PickupHistory,
    LotPickups,
    LotsWithdrawnSubscriber,
    PickupResolver,
    LotPickupResolver,
    PickupRemindersJob,
  ],
  exports: [PickupService, PickupSchedulingService, PickupCompletionService, PickupReminderService, LotPickups],
})
export class LogisticsModule {}
