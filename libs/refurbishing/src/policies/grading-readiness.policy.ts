import { BadInputError, ConflictError, DeviceCategory, ErrorReason } from '@app/common';
import { DeviceStatus } from '../entities/device-status';
import { DeviceSpecs } from '../entities/device-specs';
import { specsRecordStorage } from './no-storage.policy';

/** Computers are given with a free operating system installed: without one a beneficiary cannot use them. */
const NEEDS_AN_OS: ReadonlySet<DeviceCategory> = new Set([DeviceCategory.LAPTOP, DeviceCategory.DESKTOP]);

/**
 * What a device must have before it enters the stock, beyond its erasure: a disk again when the
 * erasure destroyed (or someone removed) its own, and an operating system when it is a computer.
 */
export function assertReadyForStock(
  device: { id?: string; serialNumber: string; category: DeviceCategory; needsStorage: boolean; status?: DeviceStatus },
  specs: DeviceSpecs,
): void {
  // a device still as received has not been erased: that, not "RECEIVED cannot go to IN_STOCK", is what to tell
  if (device.status === DeviceStatus.RECEIVED) {
    throw new ConflictError(
      `Device ${device.serialNumber} has not been erased yet: record its erasure (recordErasure) before grading it`,
      { deviceId: device.id, status: device.status, to: DeviceStatus.IN_STOCK },
      ErrorReason.ERASURE_REQUIRED,
    );
  }
  if (device.needsStorage && !specsRecordStorage(specs)) {
    throw new ConflictError(
      `Device ${device.serialNumber} has no disk since its erasure destroyed it: record the new disk (replaceStorage, or storageGb in the grading's specs) before grading it`,
      { field: 'specs.storageGb', deviceId: device.id },
      ErrorReason.STORAGE_REPLACEMENT_REQUIRED,
    );
  }
  if (NEEDS_AN_OS.has(device.category) && !specs.os) {
    throw new BadInputError(
      `Device ${device.serialNumber} is a computer: give the operating system installed on it (os) to grade it`,
      { field: 'os', deviceId: device.id },
      ErrorReason.OS_REQUIRED,
    );
  }
}
