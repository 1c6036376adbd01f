import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionType, RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { IssueTaxReceiptInput, TaxReceiptsArgs } from './tax-receipt.inputs';
import { TaxReceipt } from './tax-receipt.entity';
import { TaxReceiptService } from './tax-receipt.service';

const TaxReceiptConnection = ConnectionType(TaxReceipt, 'TaxReceipt');

@Resolver(() => TaxReceipt)
export class TaxReceiptResolver {
  constructor(private readonly receipts: TaxReceiptService) {}

  @Allow(Role.REFURBISHER)
  @Mutation(() => TaxReceipt, {
    description: 'a numbered tax receipt (Cerfa 2041-MEC-SD) for the devices of a donation the caller received; the refurbisher must be taxReceiptEligible',
  })
  issueTaxReceipt(@Ctx() ctx: RequestContext, @Args('input') input: IssueTaxReceiptInput): Promise<TaxReceipt> {
    return this.receipts.issue(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.DONOR, Role.REFURBISHER)
  @Query(() => TaxReceiptConnection, { description: 'tax receipts, newest first: a donor its own, a refurbisher those it issued, staff their region' })
  taxReceipts(@Ctx() ctx: RequestContext, @Args() args: TaxReceiptsArgs): Promise<Connection<TaxReceipt>> {
    return this.receipts.list(ctx, args);
  }

  @ResolveField(() => String, { description: 'the receipt as a PDF: a signed link that works without a login for REPORT_LINK_TTL_HOURS' })
  pdfUrl(@Parent() receipt: TaxReceipt): string {
    return this.receipts.pdfUrl(receipt);
  }
}
