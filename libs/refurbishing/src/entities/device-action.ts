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
  /** found broken after grading, or refused at delivery: back on the workbench (RECEIVED), erased and graded again */
  RETURNED_TO_WORKSHOP = 'RETURNED_TO_WORKSHOP',
  /** a MISSING device that turned up, back in the status it had */
  RECOVERED = 'RECOVERED',
  /** a lent device given back (DELIVERED -> RECEIVED): to be erased again before it goes out */
  LOAN_RETURNED = 'LOAN_RETURNED',
  /** a delivered device replaced under warranty, back in its refurbisher's workshop (DELIVERED -> RECEIVED) */
  REPLACED_UNDER_WARRANTY = 'REPLACED_UNDER_WARRANTY',
  /** a new disk recorded in place of a destroyed or removed one (no change of status) */
  STORAGE_REPLACED = 'STORAGE_REPLACED',
  /** the disk destroyed by the erasure: the specs no longer show storage (no change of status) */
  STORAGE_REMOVED = 'STORAGE_REMOVED',
  /** a recycled device kept for parts (no change of status) */
  PARTS_DONOR = 'PARTS_DONOR',
  /** a part taken from this parts donor (no change of status) */
  PART_GIVEN = 'PART_GIVEN',
  /** a part fitted from a parts donor (no change of status) */
  PART_FITTED = 'PART_FITTED',
  /** moved to another shelf or bin (no change of status) */
  LOCATED = 'LOCATED',
}

/** Custody events that record a fact about the device, never a change of status. */
type NoteAction =
  | DeviceAction.RECEIVED
  | DeviceAction.ERASURE_FAILED
  | DeviceAction.STORAGE_REPLACED
  | DeviceAction.STORAGE_REMOVED
  | DeviceAction.PARTS_DONOR
  | DeviceAction.PART_GIVEN
  | DeviceAction.PART_FITTED
  | DeviceAction.LOCATED;

export type StatusChangingAction = Exclude<DeviceAction, NoteAction>;

/**
 * The status each action leads to, and where the machine offers several ways in, the ones it
 * takes: grading stocks a WIPED device (not a reserved one, although RESERVED -> IN_STOCK is a
 * transition), releasing a reservation starts from RESERVED (not from WIPED). The machine is
 * checked first, so a final status still answers "is final".
 */
export const DEVICE_ACTIONS: Record<StatusChangingAction, { to: DeviceStatus; from?: readonly DeviceStatus[]; alsoTo?: readonly DeviceStatus[] }> = {
  [DeviceAction.ERASED]: { to: DeviceStatus.WIPED },
  [DeviceAction.GRADED]: { to: DeviceStatus.IN_STOCK, from: [DeviceStatus.WIPED] },
  [DeviceAction.RECYCLED]: { to: DeviceStatus.RECYCLED },
  [DeviceAction.RESERVED]: { to: DeviceStatus.RESERVED, from: [DeviceStatus.IN_STOCK] },
  [DeviceAction.UNRESERVED]: { to: DeviceStatus.IN_STOCK, from: [DeviceStatus.RESERVED] },
  [DeviceAction.SHIPPED]: { to: DeviceStatus.SHIPPED },
  [DeviceAction.DELIVERED]: { to: DeviceStatus.DELIVERED },
  [DeviceAction.MISSING]: { to: DeviceStatus.MISSING },
  // SHIPPED: refused by the partner at delivery (only through refuseDevice, which ends its order link first)
  [DeviceAction.RETURNED_TO_WORKSHOP]: { to: DeviceStatus.RECEIVED, from: [DeviceStatus.IN_STOCK, DeviceStatus.RESERVED, DeviceStatus.SHIPPED] },
  // only through returnLoan and resolveRepairTicket, which end its delivery first
  [DeviceAction.LOAN_RETURNED]: { to: DeviceStatus.RECEIVED, from: [DeviceStatus.DELIVERED] },
  [DeviceAction.REPLACED_UNDER_WARRANTY]: { to: DeviceStatus.RECEIVED, from: [DeviceStatus.DELIVERED] },
  // back IN_STOCK, or RESERVED when its reservation outlived its absence (the service says which)
  [DeviceAction.RECOVERED]: { to: DeviceStatus.IN_STOCK, from: [DeviceStatus.MISSING], alsoTo: [DeviceStatus.RESERVED] },
};
