import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { WasteRegisterService } from './waste-register.service';
import { WasteRegister, WasteRegisterArgs } from './waste-register.types';

@Resolver(() => WasteRegister)
export class WasteRegisterResolver {
  constructor(private readonly registers: WasteRegisterService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Query(() => WasteRegister, {
    description: 'a refurbisher’s register of outgoing electrical waste over [from, to), with its CSV: the refurbisher itself, staff',
  })
  wasteRegister(@Ctx() ctx: RequestContext, @Args() args: WasteRegisterArgs): Promise<WasteRegister> {
    return this.registers.register(ctx, args.refurbisherId, args.from, args.to);
  }
}
