import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { Lot } from '@app/donations';
import { ExpectedSerial } from '../dto/expected-serial.type';
import { ExpectedSerialsService } from '../services/expected-serials.service';

/** Lot.expectedSerials, served from here because it compares donations' inventory with refurbishing's devices. */
@Resolver(() => Lot)
export class LotExpectedSerialsResolver {
  constructor(private readonly expectedSerialsService: ExpectedSerialsService) {}

  @ResolveField(() => [ExpectedSerial], {
    description:
      "the serial numbers the donor's inventory named for this lot's categories, each with whether intake registered it; empty without a per-device inventory",
  })
  expectedSerials(@Ctx() ctx: RequestContext, @Parent() lot: Lot): Promise<ExpectedSerial[]> {
    return this.expectedSerialsService.ofLot(ctx, lot);
  }
}
