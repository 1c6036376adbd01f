import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RoutingResult } from '@app/donations';
import { UnroutedDevices } from '../dto/unrouted-devices.types';
import { RegionRoutingResult } from '../region-routing.service';

/** `RoutingResult` is donations' type; what a run leaves unrouted, and why, is routing's to say. */
@Resolver(() => RoutingResult)
export class RoutingResultResolver {
  @ResolveField(() => [UnroutedDevices], { description: 'what this run left unrouted, per donation and category, and why' })
  unrouted(@Parent() result: RoutingResult & Partial<RegionRoutingResult>): UnroutedDevices[] {
    return result.unrouted ?? [];
  }
}
