import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefurbishingModule } from '@app/refurbishing';
import { BeneficiaryReference } from './entities/beneficiary-reference.entity';
import { MatchingGradeFloor } from './entities/matching-grade-floor.entity';
import { OrderLineDevice } from './entities/order-line-device.entity';
import { OrderLine } from './entities/order-line.entity';
import { PartnerOrder } from './entities/partner-order.entity';
import { ReservationsWithdrawnSubscriber } from './events/reservations-withdrawn.subscriber';
import { loadOrdersConfig, ORDERS_CONFIG } from './orders-config';
import { DeviceOrderResolver } from './resolvers/device-order.resolver';
import { OrderLineResolver } from './resolvers/order-line.resolver';
import { OrderResolver } from './resolvers/order.resolver';
import { GradeFloorResolver } from './resolvers/grade-floor.resolver';
import { GradeFloorService } from './services/grade-floor.service';
import { OrderCancellationService } from './services/order-cancellation.service';
import { OrderDeliveryService } from './services/order-delivery.service';
import { OrderLedger } from './services/order-ledger.service';
import { OrderShippingService } from './services/order-shipping.service';
import { OrderSubmissionService } from './services/order-submission.service';
import { OrderService } from './services/order.service';

@Module({
  imports: [TypeOrmModule.forFeature([PartnerOrder, OrderLine, OrderLineDevice, BeneficiaryReference, MatchingGradeFloor]), RefurbishingModule],
  providers: [
    { provide: ORDERS_CONFIG, useFactory: () => loadOrdersConfig() },
    OrderLedger,
    OrderService,
    OrderSubmissionService,
    OrderCancellationService,
    OrderShippingService,
    OrderDeliveryService,
    GradeFloorService,
    GradeFloorResolver,
    OrderResolver,
    OrderLineResolver,
    DeviceOrderResolver,
    ReservationsWithdrawnSubscriber,
  ],
  exports: [ORDERS_CONFIG, OrderLedger, OrderService, GradeFloorService],
})
export class OrdersModule {}
