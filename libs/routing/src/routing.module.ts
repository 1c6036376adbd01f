import { Module } from '@nestjs/common';
import { DonationsModule } from '@app/donations';
import { RegionRoutingService } from './region-routing.service';
import { RoutingResolver } from './routing.resolver';

@Module({
  imports: [DonationsModule],
  providers: [RegionRoutingService, RoutingResolver],
  exports: [RegionRoutingService],
})
export class RoutingModule {}
