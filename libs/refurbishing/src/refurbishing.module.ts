import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DonationsModule } from '@app/donations';
import { LogisticsModule } from '@app/logistics';
import { CustodyEvent } from './entities/custody-event.entity';
import { Device } from './entities/device.entity';
import { ErasureRecord } from './entities/erasure-record.entity';
import { LotIntakeItem } from './entities/lot-intake-item.entity';
import { LotIntake } from './entities/lot-intake.entity';
import { StockLevel } from './entities/stock-level.entity';
import { StockMovement } from './entities/stock-movement.entity';
import { RecyclingShipment } from './entities/recycling-shipment.entity';
import { RecyclingShipmentDevice } from './entities/recycling-shipment-device.entity';
import { RecyclingShipmentResolver } from './resolvers/recycling-shipment.resolver';
import { RecyclingShipmentService } from './services/recycling-shipment.service';
import { CustodyEventResolver } from './resolvers/custody-event.resolver';
import { DeviceResolver } from './resolvers/device.resolver';
import { DonationIntakeResolver } from './resolvers/donation-intake.resolver';
import { LotDevicesResolver, LotIntakeResolver } from './resolvers/lot-devices.resolver';
import { StockLevelResolver } from './resolvers/stock-level.resolver';
import { LotExpectedSerialsResolver } from './resolvers/lot-expected-serials.resolver';
import { ExpectedSerialsService } from './services/expected-serials.service';
import { DeviceCapabilitiesResolver } from './resolvers/device-capabilities.resolver';
import { DeviceWorkshopResolver } from './resolvers/device-workshop.resolver';
import { DeviceLocationService } from './services/device-location.service';
import { DeviceRecoveryService } from './services/device-recovery.service';
import { DeviceWithdrawalService } from './services/device-withdrawal.service';
import { PartTransferService } from './services/part-transfer.service';
import { PartsDonorService } from './services/parts-donor.service';
import { StorageReplacementService } from './services/storage-replacement.service';
import { DeviceErasureService } from './services/device-erasure.service';
import { DeviceGradingService } from './services/device-grading.service';
import { DeviceLedger } from './services/device-ledger.service';
import { DeviceRecyclingService } from './services/device-recycling.service';
import { DeviceStockService } from './services/device-stock.service';
import { DeviceService } from './services/device.service';
import { LotIntakeService } from './services/lot-intake.service';
import { LotReceivingService } from './services/lot-receiving.service';
import { StockLedger } from './services/stock-ledger.service';
import { StockLevelService } from './services/stock-level.service';
import { StockLevelRebuild } from './services/stock-level-rebuild.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Device,
      ErasureRecord,
      CustodyEvent,
      StockLevel,
      StockMovement,
      LotIntake,
      LotIntakeItem,
      RecyclingShipment,
      RecyclingShipmentDevice,
    ]),
    DonationsModule,
    LogisticsModule,
  ],
  providers: [
    StockLedger,
    DeviceLedger,
    DeviceService,
    LotIntakeService,
    StockLevelService,
    StockLevelRebuild,
    LotReceivingService,
    DeviceErasureService,
    DeviceGradingService,
    DeviceRecyclingService,
    RecyclingShipmentService,
    RecyclingShipmentResolver,
    DeviceStockService,
    DeviceWithdrawalService,
    DeviceRecoveryService,
    StorageReplacementService,
    PartsDonorService,
    PartTransferService,
    DeviceLocationService,
    DeviceResolver,
    DeviceWorkshopResolver,
    DeviceCapabilitiesResolver,
    LotDevicesResolver,
    LotIntakeResolver,
    ExpectedSerialsService,
    LotExpectedSerialsResolver,
    DonationIntakeResolver,
    StockLevelResolver,
    CustodyEventResolver,
  ],
  exports: [DeviceService, DeviceStockService, DeviceLedger, DeviceRecoveryService, StockLevelService, StockLevelRebuild],
})
export class RefurbishingModule {}
