import { JobRequest, QueueName } from '@app/jobs';

export const SEND_EMAIL_JOB = 'send-email';

export interface SendEmailJobData {
  deliveryId: string;
}

/**
 * One e-mail delivery to send. Its job id is the delivery's (`email-<id>`), so the outbox relay
 * re-adding it changes nothing; a resumed delivery gets `email-<id>-<attempts>` (the first job
 * is kept a day after it ends, and the same id would be dropped).
 */
export function sendEmailRequest(deliveryId: string, resume?: number): JobRequest<SendEmailJobData> {
  return {
    queue: QueueName.NOTIFICATIONS,
    name: SEND_EMAIL_JOB,
    data: { deliveryId },
    jobId: resume === undefined ? `email-${deliveryId}` : `email-${deliveryId}-${resume}`,
  };
}
