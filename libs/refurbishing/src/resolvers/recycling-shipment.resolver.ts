import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { RecordRecyclingDestinationInput } from '../dto/recycling-destination.inputs';
import { RecyclingShipment } from '../entities/recycling-shipment.entity';
import { RecyclingShipmentService } from '../services/recycling-shipment.service';

@Resolver(() => RecyclingShipment)
export class RecyclingShipmentResolver {
  constructor(private readonly shipments: RecyclingShipmentService) {}

  @Allow(Role.REFURBISHER)
  @Mutation(() => RecyclingShipment, {
    description:
      'devices recycled without a destination leave together: one load of the register of outgoing waste (destination, total weight, transport document)',
  })
  recordRecyclingDestination(@Ctx() ctx: RequestContext, @Args('input') input: RecordRecyclingDestinationInput): Promise<RecyclingShipment> {
    return this.shipments.record(ctx, input);
  }
}
