import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { Job, JobHandler, QueueName } from '@app/jobs';
import { PickupReminderService } from '../services/pickup-reminder.service';

export type PickupRemindersJobData = Record<string, never>;

/** Daily: remind of tomorrow's pickups (once each), and mark pickups over a day late MISSED. */
@Injectable()
@Job({ name: 'pickup-reminders', queue: QueueName.LOGISTICS })
export class PickupRemindersJob implements JobHandler<PickupRemindersJobData> {
  constructor(private readonly reminders: PickupReminderService) {}

  async handle(): Promise<{ reminded: number; missed: number }> {
    const ctx = RequestContext.system();
    const reminded = await this.reminders.remindDueTomorrow(ctx);
    const missed = await this.reminders.markOverdueMissed(ctx);
    return { reminded: reminded.length, missed: missed.length };
  }
}
