import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { Quote } from '../dto/quote.types';
import { QuoteService } from '../services/quote.service';

@Resolver(() => Quote)
export class QuoteResolver {
  constructor(private readonly quotes: QuoteService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER, Role.REFURBISHER)
  @Query(() => Quote, {
    description: "the price of each device allocated to an order and the total, as soon as they are reserved; a refurbisher sees its own devices' lines",
  })
  quote(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string): Promise<Quote> {
    return this.quotes.quote(ctx, orderId);
  }
}
