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
import { DeliveryRecords } from './loans/delivery-records.service';
import { Loan } from './loans/loan.entity';
import { LoanResolver } from './loans/loan.resolver';
import { LoanReturnService } from './loans/loan-return.service';
import { LoanService } from './loans/loan.service';
import { DeviceWarranty } from './repairs/device-warranty.entity';
import { DeviceWarrantyResolver } from './repairs/device-warranty.resolver';
import { RepairTicket } from './repairs/repair-ticket.entity';
import { RepairTicketOpeningService } from './repairs/repair-ticket-opening.service';
import { RepairTicketResolutionService } from './repairs/repair-ticket-resolution.service';
import { RepairTicketResolver } from './repairs/repair.resolver';
import { RepairTicketService } from './repairs/repair-ticket.service';
import { WarrantyPolicy } from './repairs/warranty-policy.entity';
import { WarrantyResolver } from './repairs/warranty.resolver';
import { WarrantyService } from './repairs/warranty.service';
import { Accompaniment } from './accompaniment/accompaniment.entity';
import { AccompanimentResolver } from './accompaniment/accompaniment.resolver';
import { AccompanimentService } from './accompaniment/accompaniment.service';
import { EligibilityBasesService } from './needs/eligibility-bases.service';
import { Need } from './needs/need.entity';
import { NeedOrderingService } from './needs/need-ordering.service';
import { NeedRecordingService } from './needs/need-recording.service';
import { NeedResolver } from './needs/need.resolver';
import { NeedService } from './needs/need.service';
import { NeedsServedSubscriber } from './needs/needs-served.subscriber';
import { RegionEligibilityBasis } from './needs/region-eligibility-basis.entity';
import { WaitingListResolver } from './needs/waiting-list.resolver';
import { WaitingListService } from './needs/waiting-list.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      PartnerOrder,
      OrderLine,
      OrderLineDevice,
      BeneficiaryReference,
      MatchingGradeFloor,
      Need,
      RegionEligibilityBasis,
      Accompaniment,
      Loan,
      DeviceWarranty,
      WarrantyPolicy,
      RepairTicket,
    ]),
    RefurbishingModule,
  ],
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
    DeliveryRecords,
    LoanService,
    LoanReturnService,
    LoanResolver,
    WarrantyService,
    WarrantyResolver,
    DeviceWarrantyResolver,
    RepairTicketService,
    RepairTicketOpeningService,
    RepairTicketResolutionService,
    RepairTicketResolver,
    EligibilityBasesService,
    NeedService,
    NeedRecordingService,
    NeedOrderingService,
    NeedsServedSubscriber,
    WaitingListService,
    NeedResolver,
    WaitingListResolver,
    AccompanimentService,
    AccompanimentResolver,
  ],
  exports: [ORDERS_CONFIG, OrderLedger, OrderService, GradeFloorService],
})
export class OrdersModule {}
