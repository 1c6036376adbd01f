import { Injectable } from '@nestjs/common';
import { Job, JobHandler, JobRun, QueueName } from '@app/jobs';
import { EmailSender, SendOutcome } from '../services/email-sender.service';
import { SEND_EMAIL_JOB, SendEmailJobData } from './send-email.request';

/** One e-mail delivery; an SMTP failure fails the job, and BullMQ retries it with backoff (seen in the `jobs` query). */
@Injectable()
@Job({ name: SEND_EMAIL_JOB, queue: QueueName.NOTIFICATIONS })
export class SendEmailJob implements JobHandler<SendEmailJobData> {
  constructor(private readonly sender: EmailSender) {}

  async handle(data: SendEmailJobData, run: JobRun): Promise<{ outcome: SendOutcome }> {
    return { outcome: await this.sender.send(data.deliveryId, run.attemptsMade + 1 >= run.attempts) };
  }
}
