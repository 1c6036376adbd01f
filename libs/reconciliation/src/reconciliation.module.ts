import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrdersModule } from '@app/orders';
import { RefurbishingModule } from '@app/refurbishing';
import { DiscrepancyResolution } from './entities/discrepancy-resolution.entity';
import { Discrepancy } from './entities/discrepancy.entity';
import { Reconciliation } from './entities/reconciliation.entity';
import { StockDrift } from './entities/stock-drift.entity';
import { ReconcileStockJob } from './jobs/reconcile-stock.job';
import { DiscrepancyResolver } from './resolvers/discrepancy.resolver';
import { ReconciliationResolver } from './resolvers/reconciliation.resolver';
import { StockDriftResolver } from './resolvers/stock-drift.resolver';
import { DiscrepancyResolutionService } from './services/discrepancy-resolution.service';
import { MissingDeclaration } from './services/missing-declaration.service';
import { ReconciliationResolutionService } from './services/reconciliation-resolution.service';
import { ReconciliationService } from './services/reconciliation.service';
import { StockCountService } from './services/stock-count.service';
import { StockRebuildService } from './services/stock-rebuild.service';

@Module({
  imports: [TypeOrmModule.forFeature([Reconciliation, Discrepancy, DiscrepancyResolution, StockDrift]), RefurbishingModule, OrdersModule],
  providers: [
    ReconciliationService,
    StockCountService,
    MissingDeclaration,
    ReconciliationResolutionService,
    DiscrepancyResolutionService,
    StockRebuildService,
    ReconcileStockJob,
    ReconciliationResolver,
    DiscrepancyResolver,
    StockDriftResolver,
  ],
  exports: [ReconciliationService, StockRebuildService],
})
export class ReconciliationModule {}
