import { ConflictError, ErrorReason } from '@app/common';
import { DeviceSpecs } from '../entities/device-specs';
import { ErasureMethod } from '../entities/erasure-method';

type StorageSpecs = Pick<DeviceSpecs, 'storageGb' | 'ssd'>;

/** The specs name a storage medium: some gigabytes, or an SSD. */
export function specsRecordStorage(specs: StorageSpecs): boolean {
  return (specs.storageGb ?? 0) > 0 || specs.ssd === true;
}

/** The specs say, rather than leave unknown, that there is no storage medium. */
export function specsRecordNoStorage(specs: StorageSpecs): boolean {
  return specs.storageGb === 0 && specs.ssd !== true;
}

/**
 * NO_STORAGE erases nothing: it is the donor's certificate saying there was nothing to erase.
 * A device with storage never gets it; a device of a data-bearing category gets it only when
 * its specs record that its storage is absent (storageGb 0), not when they are silent. Both
 * refusals are CONFLICT: the method contradicts what is recorded of the device.
 */
export function assertErasureMethodFits(device: { serialNumber: string; dataBearing: boolean; specs: StorageSpecs }, method: ErasureMethod): void {
  if (method !== ErasureMethod.NO_STORAGE) return;
  if (specsRecordStorage(device.specs)) {
    const storage = (device.specs.storageGb ?? 0) > 0 ? `${device.specs.storageGb} GB of storage` : 'an SSD';
    throw new ConflictError(
      `Device ${device.serialNumber} has ${storage}: NO_STORAGE is for devices without any; erase it with a NIST or destruction method`,
      { field: 'method' },
      ErrorReason.NO_STORAGE_NOT_APPLICABLE,
    );
  }
  if (device.dataBearing && !specsRecordNoStorage(device.specs)) {
    throw new ConflictError(
      `Device ${device.serialNumber} is of a data-bearing category: NO_STORAGE needs its specs to record no storage (storageGb 0) at intake; otherwise erase it with a NIST or destruction method`,
      { field: 'method' },
      ErrorReason.NO_STORAGE_NOT_APPLICABLE,
    );
  }
}

/** Grading may not give a disk to a device whose erasure certified it had none. */
export function assertGradingKeepsErasure(device: { serialNumber: string }, erasedAs: ErasureMethod | null, specs: StorageSpecs): void {
  if (erasedAs === ErasureMethod.NO_STORAGE && specsRecordStorage(specs)) {
    throw new ConflictError(
      `Device ${device.serialNumber} was erased as NO_STORAGE: it cannot be graded with storage; a disk found now must be erased (and certified) before the device enters the stock`,
      { field: 'specs' },
      ErrorReason.DISK_ERASURE_REQUIRED,
    );
  }
}
