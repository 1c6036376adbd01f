import { ConnectionType } from '@app/common';
import { Device } from '../entities/device.entity';

export const DeviceConnection = ConnectionType(Device, 'Device');
