import { DeviceStatus } from '@app/refurbishing';

/**
 * What became of a donor's device, as the report counts it. REUSED means handed to a person: the
 * device was delivered (its first custody event into DELIVERED), whatever happened after (a loan
 * returned, say: it was still used by someone). A refurbished device on the shelves, reserved or on
 * its way is AWAITING_BENEFICIARY, not reused: no one uses it yet. A device that went MISSING
 * from stock is neither. The figures and the CSV's outcome column both come from this one rule.
 */
export enum DeviceOutcome {
  IN_PROGRESS = 'IN_PROGRESS',
  AWAITING_BENEFICIARY = 'AWAITING_BENEFICIARY',
  REUSED = 'REUSED',
  RECYCLED = 'RECYCLED',
  MISSING = 'MISSING',
}

const OUTCOME_OF: Record<DeviceStatus, DeviceOutcome> = {
  [DeviceStatus.RECEIVED]: DeviceOutcome.IN_PROGRESS,
  [DeviceStatus.WIPED]: DeviceOutcome.IN_PROGRESS,
  [DeviceStatus.IN_STOCK]: DeviceOutcome.AWAITING_BENEFICIARY,
  [DeviceStatus.RESERVED]: DeviceOutcome.AWAITING_BENEFICIARY,
  [DeviceStatus.SHIPPED]: DeviceOutcome.AWAITING_BENEFICIARY,
  [DeviceStatus.DELIVERED]: DeviceOutcome.REUSED,
  [DeviceStatus.RECYCLED]: DeviceOutcome.RECYCLED,
  [DeviceStatus.MISSING]: DeviceOutcome.MISSING,
};

/** The outcome of a device now: delivered once is reused for good; otherwise its status says. */
export function outcomeOf(status: DeviceStatus, deliveredAt: Date | null = null): DeviceOutcome {
  return deliveredAt ? DeviceOutcome.REUSED : OUTCOME_OF[status];
}

/** Refurbished and waiting for a person (for SQL: `status = ANY($n)`). */
export const AWAITING_STATUSES: readonly DeviceStatus[] = statusesOf(DeviceOutcome.AWAITING_BENEFICIARY);

/** The statuses a device has passed IN_STOCK in: the awaiting ones, delivered ones, and those missing from stock. */
export const REFURBISHED_STATUSES: readonly DeviceStatus[] = [...AWAITING_STATUSES, ...statusesOf(DeviceOutcome.REUSED), ...statusesOf(DeviceOutcome.MISSING)];

function statusesOf(outcome: DeviceOutcome): DeviceStatus[] {
  return (Object.keys(OUTCOME_OF) as DeviceStatus[]).filter((s) => OUTCOME_OF[s] === outcome);
}
