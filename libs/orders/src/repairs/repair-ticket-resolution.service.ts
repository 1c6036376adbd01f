import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { actorUserIdOf, DeviceAction, DeviceLedger, DeviceStatus } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { OrderLedger } from '../services/order-ledger.service';
import { RepairOutcome, RepairTicketStatus } from './repair-outcome';
import { repairText } from './repair-text';
import { RepairTicket } from './repair-ticket.entity';

const REPLACEMENT = 'replacement under warranty';

/**
 * The refurbisher (or staff) closes a ticket: REPAIRED, CLOSED, or REPLACED by a device of its
 * stock. A swap is one transaction: the faulty device's delivery ends (link released as REPLACED)
 * and it comes back on the workbench (DELIVERED -> RECEIVED, to be erased again); the replacement
 * goes IN_STOCK -> RESERVED -> SHIPPED -> DELIVERED to the same order line, partner and person
 * (the reference follows the person, the warranty continues to the same end, an active loan goes on with
 * it); each device keeps its own chain of custody. Locks: ticket, loan, order, lines, link,
 * devices in id order, as the order ledger and returnLoan take them.
 */
@Injectable()
export class RepairTicketResolutionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly orders: OrderLedger,
    private readonly devices: DeviceLedger,
    private readonly outbox: OutboxService,
  ) {}

  resolve(
    ctx: RequestContext,
    input: { ticketId: string; outcome: RepairOutcome; replacementDeviceId?: string | null; resolution?: string | null },
  ): Promise<RepairTicket> {
    const replacing = input.outcome === RepairOutcome.REPLACED;
    if (replacing !== !!input.replacementDeviceId) {
      throw new BadInputError(
        replacing ? 'a replacement names the device given instead (replacementDeviceId)' : 'a replacement device is named only with the outcome REPLACED',
        { field: 'replacementDeviceId', problem: replacing ? 'MISSING' : 'NOT_REPLACED' },
        ErrorReason.REPLACEMENT_DEVICE_INVALID,
      );
    }
    const resolution = repairText(input.resolution, 'resolution', false);
    return this.tx.run(ctx, async (inner, manager) => {
      const ticket = await manager.getRepository(RepairTicket).findOne({ where: { id: input.ticketId }, lock: { mode: 'pessimistic_write' } });
      if (!ticket) throw new NotFoundError('RepairTicket', input.ticketId);
      ActAccess.assert(ctx, 'RepairTicket', 'resolve', ticket, 'RepairTicket');
      if (ticket.status !== RepairTicketStatus.OPEN) {
        throw new ConflictError(
          `Repair ticket ${ticket.id} is resolved (${ticket.outcome})`,
          { entity: 'RepairTicket', state: ticket.status, ticketId: ticket.id },
          ErrorReason.FINAL_STATE,
        );
      }
      if (replacing) await this.swap(inner, manager, ticket, input.replacementDeviceId!);
      await manager.query(
        `UPDATE repair_ticket SET status = 'RESOLVED', outcome = $2, resolution = $3, resolved_at = now(), resolved_by = $4, replacement_device_id = $5, version = version + 1
          WHERE id = $1`,
        [ticket.id, input.outcome, resolution, actorUserIdOf(ctx), input.replacementDeviceId ?? null],
      );
      await this.outbox.enqueue(manager, notificationRequest(NotificationEvent.REPAIR_TICKET_RESOLVED, { ticketId: ticket.id }));
      return manager.getRepository(RepairTicket).findOneByOrFail({ id: ticket.id });
    });
  }

  private async swap(ctx: RequestContext, manager: EntityManager, ticket: RepairTicket, replacementId: string): Promise<void> {
    if (replacementId === ticket.deviceId) {
      throw new BadInputError(
        'the replacement must be another device',
        { field: 'replacementDeviceId', problem: 'SAME_DEVICE' },
        ErrorReason.REPLACEMENT_DEVICE_INVALID,
      );
    }
    const [loan]: Array<{ id: string; due_date: Date; extensions: number; refurbisher_id: string }> = await manager.query(
      `SELECT id, due_date, extensions, refurbisher_id FROM loan WHERE device_id = $1 AND status = 'ACTIVE' FOR UPDATE`,
      [ticket.deviceId],
    );
    const [seen]: Array<{ order_id: string }> = await manager.query(`SELECT order_id FROM order_line_device WHERE id = $1`, [ticket.orderLineDeviceId]);
    await this.orders.lockOrder(manager, seen!.order_id);
    await this.orders.lockLines(manager, [seen!.order_id]);
    const [link]: Array<{ id: string; order_line_id: string; order_id: string; partner_id: string }> = await manager.query(
      `SELECT id, order_line_id, order_id, partner_id FROM order_line_device WHERE id = $1 AND released_at IS NULL FOR UPDATE`,
      [ticket.orderLineDeviceId],
    );
    const devices = await this.devices.lock(manager, [ticket.deviceId, replacementId]);
    const faulty = devices.find((d) => d.id === ticket.deviceId)!;
    const replacement = devices.find((d) => d.id === replacementId)!;
    if (!link || faulty.status !== DeviceStatus.DELIVERED) {
      throw new ConflictError(
        `Device ${faulty.serialNumber} is no longer with the person (${faulty.status}): it cannot be replaced`,
        { deviceId: faulty.id, status: faulty.status },
        ErrorReason.DEVICE_NOT_DELIVERED,
      );
    }
    // the refurbisher swaps from its own shelves only: another's device is not found, as any id it may not act on
    if (replacement.refurbisherId !== ticket.refurbisherId) throw new NotFoundError('Device', replacementId);
    if (replacement.status !== DeviceStatus.IN_STOCK) {
      throw new BadInputError(
        `Device ${replacement.serialNumber} is ${replacement.status}: a replacement comes from stock (erased and graded)`,
        { field: 'replacementDeviceId', problem: 'NOT_IN_STOCK', status: replacement.status },
        ErrorReason.REPLACEMENT_DEVICE_INVALID,
      );
    }

    await manager.query(`UPDATE order_line_device SET released_at = now(), release_reason = 'REPLACED' WHERE id = $1`, [link.id]);
    await this.devices.apply(ctx, manager, [
      { device: faulty, action: DeviceAction.REPLACED_UNDER_WARRANTY, detail: 'replaced under warranty; back in the workshop, to be erased again' },
    ]);
    for (const action of [DeviceAction.RESERVED, DeviceAction.SHIPPED, DeviceAction.DELIVERED] as const) {
      const [current] = await this.devices.lock(manager, [replacementId]);
      await this.devices.apply(ctx, manager, [{ device: current!, action, detail: REPLACEMENT }]);
    }
    const [created]: Array<{ id: string }> = await manager.query(
      `INSERT INTO order_line_device (order_line_id, order_id, partner_id, device_id, shipped_at, delivered_at)
       VALUES ($1, $2, $3, $4, now(), now()) RETURNING id`,
      [link.order_line_id, link.order_id, link.partner_id, replacementId],
    );
    // one person, one reference: it follows them to the device they now have (the ticket keeps which one they had)
    await manager.query(`UPDATE beneficiary_reference SET device_id = $2 WHERE device_id = $1 AND order_line_id = $3`, [
      faulty.id,
      replacementId,
      link.order_line_id,
    ]);
    await manager.query(
      `INSERT INTO device_warranty (order_line_device_id, device_id, months, warranty_until)
       SELECT $2, $3, months, warranty_until FROM device_warranty WHERE order_line_device_id = $1`,
      [link.id, created!.id, replacementId],
    );
    if (loan) {
      await manager.query(`UPDATE loan SET status = 'REPLACED', ended_at = now(), version = version + 1 WHERE id = $1`, [loan.id]);
      await manager.query(
        `INSERT INTO loan (device_id, order_line_device_id, order_id, partner_id, refurbisher_id, region_id, due_date, delivered_at, extensions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8)`,
        [replacementId, created!.id, link.order_id, link.partner_id, replacement.refurbisherId, ticket.regionId, loan.due_date, loan.extensions],
      );
    }
  }
}
