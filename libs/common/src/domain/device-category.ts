import { registerEnumType } from '@nestjs/graphql';

export enum DeviceCategory {
  LAPTOP = 'LAPTOP',
  DESKTOP = 'DESKTOP',
  MONITOR = 'MONITOR',
  TABLET = 'TABLET',
  SMARTPHONE = 'SMARTPHONE',
  PRINTER = 'PRINTER',
  OTHER = 'OTHER',
}

registerEnumType(DeviceCategory, { name: 'DeviceCategory' });
