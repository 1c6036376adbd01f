import { BadInputError, ConflictError, DeviceCategory } from '@app/common';
import { DeviceSpecs } from '../entities/device-specs';
import { specsRecordStorage } from './no-storage.policy';

/** Computers are given with a free operating system installed: without one a beneficiary cannot use them. */
const NEEDS_AN_OS: ReadonlySet<DeviceCategory> = new Set([DeviceCategory.LAPTOP, DeviceCategory.DESKTOP]);

/**
 * What a device must have before it enters the stock, beyond its erasure: a disk again when the
 * erasure destroyed (or someone removed) its own, and an operating system when it is a computer.
 */
export function assertReadyForStock(device: { serialNumber: string; category: DeviceCategory; needsStorage: boolean }, specs: DeviceSpecs): void {
  if (device.needsStorage && !specsRecordStorage(specs)) {
    throw new ConflictError(
      `Device ${device.serialNumber} has no disk since its erasure destroyed it: record the new disk (replaceStorage, or storageGb in the grading's specs) before grading it`,
      { field: 'specs.storageGb' },
    );
  }
  if (NEEDS_AN_OS.has(device.category) && !specs.os) {
    throw new BadInputError(`Device ${device.serialNumber} is a computer: give the operating system installed on it (os) to grade it`, { field: 'os' });
  }
}
