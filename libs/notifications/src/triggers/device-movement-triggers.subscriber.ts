import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventPhase, TransactionEvents } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { DeviceAction, DeviceStatus, DeviceStatusesChanged } from '@app/refurbishing';
import { EntityManager } from 'typeorm';

/**
 * What the device ledger records tells of two things people must hear about, without the loan
 * and pricing commands knowing of notifications: a lent device given back (its custody event says
 * LOAN_RETURNED) and the invoice its shipment got (written by pricing, an owner of the same event,
 * before this projection runs). Both requests go into the command's own transaction.
 */
@Injectable()
export class DeviceMovementTriggers implements OnModuleInit {
  constructor(
    private readonly events: TransactionEvents,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(DeviceStatusesChanged, 'notifications.device-movements', EventPhase.PROJECTION, (manager, e) => this.moved(manager, e));
  }

  private async moved(manager: EntityManager, e: DeviceStatusesChanged): Promise<void> {
    const backFromLoan = e.changes.filter((c) => c.from === DeviceStatus.DELIVERED && c.to === DeviceStatus.RECEIVED).map((c) => c.custodyEventId);
    const shipped = e.changes.filter((c) => c.to === DeviceStatus.SHIPPED).map((c) => c.deviceId);
    if (backFromLoan.length) await this.loansReturned(manager, backFromLoan);
    if (shipped.length) await this.invoicesIssued(manager, shipped);
  }

  /** The loan of each device given back: its newest, whether the command has marked it RETURNED yet or not. */
  private async loansReturned(manager: EntityManager, custodyEventIds: string[]): Promise<void> {
    const loans: Array<{ id: string }> = await manager.query(
      `SELECT DISTINCT ON (c.device_id) l.id FROM custody_event c JOIN loan l ON l.device_id = c.device_id
        WHERE c.id = ANY($1::bigint[]) AND c.action = $2
        ORDER BY c.device_id, l.created_at DESC`,
      [custodyEventIds, DeviceAction.LOAN_RETURNED],
    );
    await this.outbox.enqueue(manager, ...loans.map((l) => notificationRequest(NotificationEvent.LOAN_RETURNED, { loanId: l.id })));
  }

  /**
   * The invoices (not the delivery notes: nothing to pay) on the devices just shipped, for the
   * order they go to. Keyed by invoice: a device shipped again on the same order finds its first
   * invoice too, which was told already.
   */
  private async invoicesIssued(manager: EntityManager, deviceIds: string[]): Promise<void> {
    const invoices: Array<{ id: string }> = await manager.query(
      `SELECT DISTINCT i.id FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id
         JOIN order_line_device x ON x.device_id = il.device_id AND x.order_id = i.order_id AND x.released_at IS NULL
        WHERE il.device_id = ANY($1::uuid[]) AND i.kind = 'INVOICE'
        ORDER BY i.id`,
      [deviceIds],
    );
    await this.outbox.enqueue(
      manager,
      ...invoices.map((i) => notificationRequest(NotificationEvent.INVOICE_ISSUED, { invoiceId: i.id }, `invoice-issued-${i.id}`)),
    );
  }
}
