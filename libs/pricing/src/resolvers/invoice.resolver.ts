import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { InvoiceConnection } from '../dto/invoice.types';
import { InvoiceLine } from '../entities/invoice-line.entity';
import { Invoice } from '../entities/invoice.entity';
import { InvoiceLinks } from '../invoices/invoice-links.service';
import { InvoiceService } from '../services/invoice.service';

@Resolver(() => Invoice)
export class InvoiceResolver {
  constructor(
    private readonly service: InvoiceService,
    private readonly links: InvoiceLinks,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER, Role.PARTNER)
  @Query(() => InvoiceConnection, {
    description: 'the documents of shipments: a refurbisher its own, a partner those sent to it, staff their region’s; newest first',
  })
  invoices(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('refurbisherId', { type: () => ID, nullable: true }) refurbisherId?: string,
    @Args('orderId', { type: () => ID, nullable: true }) orderId?: string,
  ): Promise<Connection<Invoice>> {
    return this.service.list(ctx, { refurbisherId, orderId }, first, after);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER, Role.PARTNER)
  @Query(() => Invoice, { nullable: true })
  invoice(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Invoice | null> {
    return this.service.find(ctx, id);
  }

  @ResolveField(() => [InvoiceLine])
  lines(@Ctx() ctx: RequestContext, @Parent() invoice: Invoice): Promise<InvoiceLine[]> {
    return this.service.lines(ctx, invoice.id);
  }

  @ResolveField(() => String, { description: 'the PDF, in French, for a limited time without a login' })
  pdfUrl(@Parent() invoice: Invoice): string {
    return this.links.url(invoice.id);
  }
}
