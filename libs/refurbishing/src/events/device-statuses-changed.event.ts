import { DomainEvent } from '@app/database';
import { DeviceStatus } from '../entities/device-status';

/** One device's change of status, as its custody event records it. */
export interface DeviceStatusChange {
  custodyEventId: string;
  deviceId: string;
  from: DeviceStatus;
  to: DeviceStatus;
}

/** Devices whose status just changed, each with the custody event written for it. */
export class DeviceStatusesChanged extends DomainEvent {
  constructor(readonly changes: readonly DeviceStatusChange[]) {
    super();
  }
}
