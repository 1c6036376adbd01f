import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { PriceList, SetPricesInput, SetVatMentionInput } from '../dto/price.types';
import { PriceListService } from '../services/price-list.service';

@Resolver(() => PriceList)
export class PriceListResolver {
  constructor(private readonly lists: PriceListService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Mutation(() => PriceList, {
    description: "replaces a refurbisher's price list (category x grade, whole cents); a row for public donors' devices too is refused above the legal cap",
  })
  setPrices(@Ctx() ctx: RequestContext, @Args('input') input: SetPricesInput): Promise<PriceList> {
    return this.lists.setPrices(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Mutation(() => PriceList, { description: "the VAT mention printed on a refurbisher's invoices from now on" })
  setVatMention(@Ctx() ctx: RequestContext, @Args('input') input: SetVatMentionInput): Promise<PriceList> {
    return this.lists.setVatMention(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Query(() => PriceList)
  priceList(
    @Ctx() ctx: RequestContext,
    @Args('refurbisherId', { type: () => ID, nullable: true, description: "staff name the refurbisher; a refurbisher's own by default" })
    refurbisherId?: string,
  ): Promise<PriceList> {
    return this.lists.priceList(ctx, refurbisherId);
  }
}
