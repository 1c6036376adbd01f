import { JobRequest, QueueName } from '../job';

export const NOTIFY_JOB = 'notify';

/**
 * What happened that a person must hear about. The notifications lib (at the top of the stack)
 * turns each into inbox rows and e-mails; the kinds live here, below every lib that reports
 * them, so that a command tells without depending on who listens.
 */
export enum NotificationEvent {
  LOT_OFFERED = 'LOT_OFFERED',
  OFFER_EXPIRING = 'OFFER_EXPIRING',
  LOT_DECLINED = 'LOT_DECLINED',
  LOT_EXPIRED = 'LOT_EXPIRED',
  LOT_REASSIGNED = 'LOT_REASSIGNED',
  DONATION_CANCELLED = 'DONATION_CANCELLED',
  PICKUP_SCHEDULED = 'PICKUP_SCHEDULED',
  PICKUP_RESCHEDULED = 'PICKUP_RESCHEDULED',
  PICKUP_CANCELLED = 'PICKUP_CANCELLED',
  PICKUP_REMINDER = 'PICKUP_REMINDER',
  PICKUP_MISSED = 'PICKUP_MISSED',
  ORDER_ALLOCATED = 'ORDER_ALLOCATED',
  DEVICES_SHIPPED = 'DEVICES_SHIPPED',
  DELIVERY_CONFIRMED = 'DELIVERY_CONFIRMED',
  DONOR_REPORT_READY = 'DONOR_REPORT_READY',
  STOCK_COUNT_DISCREPANCIES = 'STOCK_COUNT_DISCREPANCIES',
  PASSWORD_RESET = 'PASSWORD_RESET',
  LOAN_DUE_SOON = 'LOAN_DUE_SOON',
  LOAN_OVERDUE = 'LOAN_OVERDUE',
  LOAN_RETURNED = 'LOAN_RETURNED',
  REPAIR_TICKET_OPENED = 'REPAIR_TICKET_OPENED',
  REPAIR_TICKET_RESOLVED = 'REPAIR_TICKET_RESOLVED',
  INVOICE_ISSUED = 'INVOICE_ISSUED',
  TAX_RECEIPT_ISSUED = 'TAX_RECEIPT_ISSUED',
  DONATION_AGREEMENT_READY = 'DONATION_AGREEMENT_READY',
  NEED_SERVED = 'NEED_SERVED',
}

/**
 * The ids each kind carries: enough to find who is concerned and what to say. Dates are ISO
 * strings (the payload is JSON in the outbox). Anything else is read again when the job runs.
 */
export interface NotificationPayloads {
  [NotificationEvent.LOT_OFFERED]: { lotId: string; offerExpiresAt: string };
  [NotificationEvent.OFFER_EXPIRING]: { lotId: string; offerExpiresAt: string };
  [NotificationEvent.LOT_DECLINED]: { lotId: string };
  [NotificationEvent.LOT_EXPIRED]: { lotId: string };
  /** the refurbisher that lost the lot and the one that got its devices (`toLotId`) are both told */
  [NotificationEvent.LOT_REASSIGNED]: { lotId: string; toLotId: string };
  /** the refurbishers whose booked pickups the cancellation called off */
  [NotificationEvent.DONATION_CANCELLED]: { donationId: string; pickupIds: string[] };
  [NotificationEvent.PICKUP_SCHEDULED]: { pickupId: string; scheduledAt: string };
  [NotificationEvent.PICKUP_RESCHEDULED]: { pickupId: string; from: string; scheduledAt: string };
  [NotificationEvent.PICKUP_CANCELLED]: { pickupId: string; reason: string };
  [NotificationEvent.PICKUP_REMINDER]: { pickupId: string; scheduledAt: string };
  [NotificationEvent.PICKUP_MISSED]: { pickupId: string };
  /** `complete`: every line has all its devices */
  [NotificationEvent.ORDER_ALLOCATED]: { orderId: string; complete: boolean };
  [NotificationEvent.DEVICES_SHIPPED]: { orderId: string; deviceCount: number };
  [NotificationEvent.DELIVERY_CONFIRMED]: { orderId: string; deviceCount: number };
  /** the period is [from, to) */
  [NotificationEvent.DONOR_REPORT_READY]: { donorId: string; from: string; to: string };
  [NotificationEvent.STOCK_COUNT_DISCREPANCIES]: { refurbisherId: string; stockCountId: string; discrepancies: number };
  /** the link is the only copy of the token: it is in the outbox row until purged, never in the inbox */
  [NotificationEvent.PASSWORD_RESET]: { userId: string; link: string; expiresAt: string };
  /** the due date the reminder was armed for: a loan extended or ended since is not told */
  [NotificationEvent.LOAN_DUE_SOON]: { loanId: string; dueDate: string };
  [NotificationEvent.LOAN_OVERDUE]: { loanId: string; dueDate: string };
  [NotificationEvent.LOAN_RETURNED]: { loanId: string };
  [NotificationEvent.REPAIR_TICKET_OPENED]: { ticketId: string };
  [NotificationEvent.REPAIR_TICKET_RESOLVED]: { ticketId: string };
  [NotificationEvent.INVOICE_ISSUED]: { invoiceId: string };
  [NotificationEvent.TAX_RECEIPT_ISSUED]: { taxReceiptId: string };
  [NotificationEvent.DONATION_AGREEMENT_READY]: { donationId: string };
  [NotificationEvent.NEED_SERVED]: { needId: string };
}

export type NotificationJobData = { [K in NotificationEvent]: { event: K } & NotificationPayloads[K] }[NotificationEvent];

/**
 * A notification to send, for the outbox of the command's own transaction: a rolled-back change
 * tells nobody. Without `jobId` the job id is the outbox row's, and that id is the event's key
 * (one notification per person per key, whatever the retries). A `jobId` makes an event happen
 * once ever (the offer-expiring warning of a lot).
 */
export function notificationRequest<K extends NotificationEvent>(event: K, payload: NotificationPayloads[K], jobId?: string): JobRequest<NotificationJobData> {
  return { queue: QueueName.NOTIFICATIONS, name: NOTIFY_JOB, data: { event, ...payload } as NotificationJobData, jobId };
}
