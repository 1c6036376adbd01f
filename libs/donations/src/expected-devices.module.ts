import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExpectedDevice } from './entities/expected-device.entity';
import { ExpectedDeviceService } from './services/expected-device.service';

/** The devices per-serial inventories name: written by declarations, read at intake (refurbishing). */
@Module({
  imports: [TypeOrmModule.forFeature([ExpectedDevice])],
  providers: [ExpectedDeviceService],
  exports: [ExpectedDeviceService],
})
export class ExpectedDevicesModule {}
