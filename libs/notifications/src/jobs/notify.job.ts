import { Injectable } from '@nestjs/common';
import { Job, JobHandler, JobRun, NOTIFY_JOB, NotificationJobData, QueueName } from '@app/jobs';
import { NotificationRecorder } from '../services/notification-recorder.service';

/** An event from the outbox: its inbox rows and e-mails. The job id (the outbox row's) is the event's key. */
@Injectable()
@Job({ name: NOTIFY_JOB, queue: QueueName.NOTIFICATIONS })
export class NotifyJob implements JobHandler<NotificationJobData> {
  constructor(private readonly recorder: NotificationRecorder) {}

  handle(data: NotificationJobData, run: JobRun): Promise<{ notified: number; emails: number }> {
    return this.recorder.record(run.id, data);
  }
}
