import { DeviceStatus } from './device-status';

/** What a custody event says happened. */
export enum DeviceAction {
  RECEIVED = 'RECEIVED',
  ERASED = 'ERASED',
  ERASURE_FAILED = 'ERASURE_FAILED',
  GRADED = 'GRADED',
  RECYCLED = 'RECYCLED',
  RESERVED = 'RESERVED',
  UNRESERVED = 'UNRESERVED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  MISSING = 'MISSING',
}

export type StatusChangingAction = Exclude<DeviceAction, DeviceAction.RECEIVED | DeviceAction.ERASURE_FAILED>;

/**
 * The status each action leads to, and where the machine offers several ways in, the ones it
 * takes: grading stocks a WIPED device (not a reserved one, although RESERVED -> IN_STOCK is a
 * transition), releasing a reservation starts from RESERVED (not from WIPED). The machine is
 * checked first, so a final status still answers "is final".
 */
export const DEVICE_ACTIONS: Record<StatusChangingAction, { to: DeviceStatus; from?: readonly DeviceStatus[] }> = {
  [DeviceAction.ERASED]: { to: DeviceStatus.WIPED },
  [DeviceAction.GRADED]: { to: DeviceStatus.IN_STOCK, from: [DeviceStatus.WIPED] },
  [DeviceAction.RECYCLED]: { to: DeviceStatus.RECYCLED },
  [DeviceAction.RESERVED]: { to: DeviceStatus.RESERVED },
  [DeviceAction.UNRESERVED]: { to: DeviceStatus.IN_STOCK, from: [DeviceStatus.RESERVED] },
  [DeviceAction.SHIPPED]: { to: DeviceStatus.SHIPPED },
  [DeviceAction.DELIVERED]: { to: DeviceStatus.DELIVERED },
  [DeviceAction.MISSING]: { to: DeviceStatus.MISSING },
};
