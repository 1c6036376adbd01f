import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { actorUserIdOf, Device, DeviceStatus } from '@app/refurbishing';
import { DeviceWarranty } from './device-warranty.entity';
import { RepairTicketStatus } from './repair-outcome';
import { repairText } from './repair-text';
import { RepairTicket } from './repair-ticket.entity';
import { isUnderWarranty } from './warranty';

/**
 * A partner (or staff for it) reports that a device its person has fails. The ticket is for the
 * refurbisher that delivered it and says whether the warranty the device got at delivery still
 * runs: outside it, the ticket is still opened (the refurbisher decides). One open ticket per
 * device: the device's row lock queues two openings, the partial unique index backs it.
 */
@Injectable()
export class RepairTicketOpeningService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
  ) {}

  open(ctx: RequestContext, deviceId: string, rawSymptom: string): Promise<RepairTicket> {
    const symptom = repairText(rawSymptom, 'symptom', true)!;
    return this.tx.run(ctx, async (_, manager) => {
      const device = await manager.getRepository(Device).findOne({ where: { id: deviceId }, lock: { mode: 'pessimistic_write' } });
      if (!device) throw new NotFoundError('Device', deviceId);
      const [link]: Array<{ id: string; partner_id: string }> = await manager.query(
        `SELECT id, partner_id FROM order_line_device WHERE device_id = $1 AND released_at IS NULL AND delivered_at IS NOT NULL`,
        [device.id],
      );
      ActAccess.assert(
        ctx,
        'Device',
        'openRepairTicket',
        { id: device.id, regionId: device.regionId, refurbisherId: device.refurbisherId, partnerId: link?.partner_id ?? null },
        'Device',
      );
      if (!link || device.status !== DeviceStatus.DELIVERED) {
        throw new ConflictError(
          `Device ${device.serialNumber} is ${device.status}: only a device delivered to a person gets a repair ticket`,
          { deviceId: device.id, status: device.status },
          ErrorReason.DEVICE_NOT_DELIVERED,
        );
      }
      const open = await manager.getRepository(RepairTicket).findOne({ where: { deviceId: device.id, status: RepairTicketStatus.OPEN } });
      if (open) {
        throw new ConflictError(
          `Device ${device.serialNumber} has an open repair ticket already`,
          { deviceId: device.id, ticketId: open.id },
          ErrorReason.REPAIR_TICKET_ALREADY_OPEN,
        );
      }
      const warranty = await manager.getRepository(DeviceWarranty).findOne({ where: { orderLineDeviceId: String(link.id) } });
      const warrantyUntil = warranty?.warrantyUntil ?? null;
      const { identifiers } = await manager.getRepository(RepairTicket).insert({
        deviceId: device.id,
        orderLineDeviceId: String(link.id),
        partnerId: link.partner_id,
        refurbisherId: device.refurbisherId,
        regionId: device.regionId,
        symptom,
        warrantyUntil,
        underWarranty: isUnderWarranty(warrantyUntil, new Date()),
        openedBy: actorUserIdOf(ctx),
      });
      await this.outbox.enqueue(manager, notificationRequest(NotificationEvent.REPAIR_TICKET_OPENED, { ticketId: identifiers[0]!.id as string }));
      return manager.getRepository(RepairTicket).findOneByOrFail({ id: identifiers[0]!.id as string });
    });
  }
}
