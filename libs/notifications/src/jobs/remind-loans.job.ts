import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, JobHandler, NotificationEvent, notificationRequest, OutboxService, QueueName } from '@app/jobs';
import { DataSource, EntityManager } from 'typeorm';

/** How many days before its due date a partner is reminded of a loan. */
export const LOAN_REMINDER_DAYS = 3;

type LoanReminder = NotificationEvent.LOAN_DUE_SOON | NotificationEvent.LOAN_OVERDUE;

/** The event key of a reminder: one per loan and due date, so that an extension (a new date) arms a new one. */
export function loanReminderKey(event: LoanReminder, loanId: string, dueDate: Date): string {
  return `${event === NotificationEvent.LOAN_DUE_SOON ? 'loan-due-soon' : 'loan-overdue'}-${loanId}-${dueDate.getTime()}`;
}

/**
 * Daily (07:30 Paris): the partner of each active loan due within three days is reminded, and of
 * each loan past its due date (as the loans list's overdueOnly says) is told it is late. Once per
 * loan and due date: the request's job id is the event key, and a key already told or still
 * waiting in the outbox is not asked again, so a second run the same day enqueues nothing.
 */
@Injectable()
@Job({ name: 'remind-loans', queue: QueueName.NOTIFICATIONS })
export class RemindLoansJob implements JobHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  handle(): Promise<{ dueSoon: number; overdue: number }> {
    return this.dataSource.transaction(async (manager) => ({
      dueSoon: await this.remind(
        manager,
        NotificationEvent.LOAN_DUE_SOON,
        await manager.query(
          `SELECT id, due_date FROM loan WHERE status = 'ACTIVE' AND due_date > now() AND due_date <= now() + make_interval(days => $1) ORDER BY id`,
          [LOAN_REMINDER_DAYS],
        ),
      ),
      overdue: await this.remind(
        manager,
        NotificationEvent.LOAN_OVERDUE,
        await manager.query(`SELECT id, due_date FROM loan WHERE status = 'ACTIVE' AND due_date < now() ORDER BY id`),
      ),
    }));
  }

  /** Enqueues the reminders not yet told nor waiting; returns how many. */
  private async remind(manager: EntityManager, event: LoanReminder, loans: Array<{ id: string; due_date: Date }>): Promise<number> {
    const due = loans.map((l) => ({ ...l, key: loanReminderKey(event, l.id, l.due_date) }));
    if (!due.length) return 0;
    const keys = due.map((l) => l.key);
    const told: Array<{ key: string }> = await manager.query(
      `SELECT event_key AS key FROM notification WHERE event_key = ANY($1::varchar[])
        UNION SELECT job_id FROM outbox_message WHERE sent_at IS NULL AND job_id = ANY($1::varchar[])`,
      [keys],
    );
    const known = new Set(told.map((t) => t.key));
    const fresh = due.filter((l) => !known.has(l.key));
    await this.outbox.enqueue(manager, ...fresh.map((l) => notificationRequest(event, { loanId: l.id, dueDate: l.due_date.toISOString() }, l.key)));
    return fresh.length;
  }
}
