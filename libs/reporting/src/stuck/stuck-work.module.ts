import { Module } from '@nestjs/common';
import { DonationsModule } from '@app/donations';
import { RoutingModule } from '@app/routing';
import { StuckWorkResolver } from './stuck-work.resolver';
import { StuckWorkService } from './stuck-work.service';

@Module({
  imports: [DonationsModule, RoutingModule],
  providers: [StuckWorkService, StuckWorkResolver],
  exports: [StuckWorkService],
})
export class StuckWorkModule {}
