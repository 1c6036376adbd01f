import { registerEnumType } from '@nestjs/graphql';
import { StateMachine } from '@app/common';

export enum DeviceStatus {
  RECEIVED = 'RECEIVED',
  WIPED = 'WIPED',
  IN_STOCK = 'IN_STOCK',
  RESERVED = 'RESERVED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  RECYCLED = 'RECYCLED',
  MISSING = 'MISSING',
}

registerEnumType(DeviceStatus, { name: 'DeviceStatus' });

/**
 * The device's life, as data (DESIGN.md "The flow and its states" and "Extra transitions").
 * RESERVED -> IN_STOCK is the way back of a released reservation (a cancelled order, a stale
 * reservation); IN_STOCK|RESERVED -> RECEIVED sends a device found broken back to the workbench,
 * -> RECYCLED scraps it; SHIPPED -> RECEIVED is a device the partner refused as it was handed
 * over, back on its refurbisher's workbench; MISSING -> IN_STOCK|RESERVED is a missing device that turned up, back to
 * the status it had (statusBeforeMissing). DELIVERED -> RECEIVED is a lent device given back, or a
 * faulty one replaced under warranty: in its refurbisher's custody again, on the workbench, where
 * it must be erased again (the borrower's data may be on it) before grading and stock; that is the
 * only way out of DELIVERED, every other change of a delivered device is refused. The erasure rule is a guard on top of this table
 * (DeviceLedger), not a transition of its own.
 */
export const DEVICE_MACHINE = new StateMachine<DeviceStatus>('Device', {
  RECEIVED: [DeviceStatus.WIPED, DeviceStatus.RECYCLED],
  WIPED: [DeviceStatus.IN_STOCK, DeviceStatus.RECYCLED],
  IN_STOCK: [DeviceStatus.RESERVED, DeviceStatus.MISSING, DeviceStatus.RECEIVED, DeviceStatus.RECYCLED],
  RESERVED: [DeviceStatus.SHIPPED, DeviceStatus.IN_STOCK, DeviceStatus.MISSING, DeviceStatus.RECEIVED, DeviceStatus.RECYCLED],
  SHIPPED: [DeviceStatus.DELIVERED, DeviceStatus.RECEIVED],
  DELIVERED: [DeviceStatus.RECEIVED],
  RECYCLED: [],
  MISSING: [DeviceStatus.IN_STOCK, DeviceStatus.RESERVED],
});

/** Statuses a data-bearing device reaches only with a verified erasure record. */
export const ERASURE_REQUIRED_FOR: ReadonlySet<DeviceStatus> = new Set([DeviceStatus.IN_STOCK, DeviceStatus.RECYCLED]);

/** Still on the workbench: received, maybe wiped, not yet refurbished or recycled. */
const OPEN_STATUSES: ReadonlySet<DeviceStatus> = new Set([DeviceStatus.RECEIVED, DeviceStatus.WIPED]);

/** Processed: IN_STOCK or beyond, RECYCLED or MISSING. A lot closes when all its devices are. */
export function isProcessed(status: DeviceStatus): boolean {
  return !OPEN_STATUSES.has(status);
}
