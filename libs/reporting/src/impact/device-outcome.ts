import { DeviceStatus } from '@app/refurbishing';

/**
 * What became of a donor's device, as the report counts it. REUSED is "refurbished and
 * delivered, or refurbished and in stock": the device was graded into stock (its first custody
 * event into IN_STOCK) and is still in the reuse chain: IN_STOCK, RESERVED, SHIPPED or DELIVERED.
 * A device that went MISSING from stock is not counted as reused. The figures (devicesReused) and
 * the CSV's outcome column both come from this one table.
 */
export enum DeviceOutcome {
  IN_PROGRESS = 'IN_PROGRESS',
  REUSED = 'REUSED',
  RECYCLED = 'RECYCLED',
  MISSING = 'MISSING',
}

const OUTCOME_OF: Record<DeviceStatus, DeviceOutcome> = {
  [DeviceStatus.RECEIVED]: DeviceOutcome.IN_PROGRESS,
  [DeviceStatus.WIPED]: DeviceOutcome.IN_PROGRESS,
  [DeviceStatus.IN_STOCK]: DeviceOutcome.REUSED,
  [DeviceStatus.RESERVED]: DeviceOutcome.REUSED,
  [DeviceStatus.SHIPPED]: DeviceOutcome.REUSED,
  [DeviceStatus.DELIVERED]: DeviceOutcome.REUSED,
  [DeviceStatus.RECYCLED]: DeviceOutcome.RECYCLED,
  [DeviceStatus.MISSING]: DeviceOutcome.MISSING,
};

export function outcomeOf(status: DeviceStatus): DeviceOutcome {
  return OUTCOME_OF[status];
}

/** The statuses counted as reused (for SQL: `status = ANY($n)`). */
export const REUSED_STATUSES: readonly DeviceStatus[] = statusesOf(DeviceOutcome.REUSED);

/** The statuses a device has passed IN_STOCK in: reused ones, and those missing from stock. */
export const REFURBISHED_STATUSES: readonly DeviceStatus[] = [...REUSED_STATUSES, ...statusesOf(DeviceOutcome.MISSING)];

function statusesOf(outcome: DeviceOutcome): DeviceStatus[] {
  return (Object.keys(OUTCOME_OF) as DeviceStatus[]).filter((s) => OUTCOME_OF[s] === outcome);
}
