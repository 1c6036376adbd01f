import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { Organization } from '@app/network/entities/organization.entity';
import { OrganizationService } from '@app/network/services/organization.service';
import { CustodyEvent } from '../entities/custody-event.entity';

@Resolver(() => CustodyEvent)
export class CustodyEventResolver {
  constructor(private readonly organizationService: OrganizationService) {}

  @ResolveField(() => Organization, { nullable: true, description: "the acting user's organization; null for the platform" })
  organization(@Ctx() ctx: RequestContext, @Parent() event: CustodyEvent): Promise<Organization | null> {
    return event.organizationId ? this.organizationService.load(ctx, event.organizationId) : Promise.resolve(null);
  }
}
