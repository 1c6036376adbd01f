import { BadInputError, ErrorReason, NotFoundError } from '@app/common';
import { OrderLedger, OrderLineDevice } from '@app/orders';
import { EntityManager } from 'typeorm';

/**
 * The live, unshipped link of each device, locked in the order every order command follows:
 * orders (id order), their lines, the links; the devices are locked after, by the ledger.
 * A device with no live link is NOT_FOUND (`device` is how the caller named it); a shipped one
 * is BAD_USER_INPUT unless `allowShipped`.
 */
export async function lockLiveReservations(
  ledger: OrderLedger,
  manager: EntityManager,
  deviceIds: readonly string[],
  allowShipped = false,
): Promise<OrderLineDevice[]> {
  const found: Array<{ order_id: string }> = await manager.query(
    `SELECT DISTINCT order_id FROM order_line_device WHERE device_id = ANY($1::uuid[]) AND released_at IS NULL ORDER BY order_id`,
    [[...deviceIds]],
  );
  const orderIds = found.map((f) => f.order_id);
  await ledger.lockOrders(manager, orderIds);
  await ledger.lockLines(manager, orderIds);
  const links = orderIds.length
    ? await manager
        .getRepository(OrderLineDevice)
        .createQueryBuilder('x')
        .where('x.device_id IN (:...ids) AND x.released_at IS NULL', { ids: [...deviceIds] })
        .orderBy('x.device_id', 'ASC')
        .setLock('pessimistic_write')
        .getMany()
    : [];
  for (const id of deviceIds) {
    const link = links.find((l) => l.deviceId === id);
    if (!link) throw new NotFoundError('Reservation', id);
    if (link.shippedAt && !allowShipped) {
      throw new BadInputError(
        `Device ${id} was already shipped: only a reserved device that is still at its refurbisher can be changed`,
        { deviceId: id },
        ErrorReason.DEVICE_ALREADY_SHIPPED,
      );
    }
  }
  return deviceIds.map((id) => links.find((l) => l.deviceId === id)!);
}
