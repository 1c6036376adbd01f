import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { Organization, OrganizationService } from '@app/network';
import { Device } from '@app/refurbishing';
import { ExtendLoanArgs, LoanConnection, LoanIdArgs, LoansArgs, ReturnLoanArgs } from './loan.args';
import { Loan } from './loan.entity';
import { isOverdue } from './loan-rules';
import { LoanReturnService } from './loan-return.service';
import { LoanService } from './loan.service';

@Resolver(() => Loan)
export class LoanResolver {
  constructor(
    private readonly loanService: LoanService,
    private readonly returns: LoanReturnService,
    private readonly organizations: OrganizationService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER, Role.REFURBISHER)
  @Query(() => LoanConnection, { description: 'a partner its own loans, a refurbisher those of the devices it delivered, staff their region' })
  loans(@Ctx() ctx: RequestContext, @Args() args: LoansArgs): Promise<Connection<Loan>> {
    return this.loanService.list(ctx, args, args.first, args.after);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Mutation(() => Loan)
  extendLoan(@Ctx() ctx: RequestContext, @Args() args: ExtendLoanArgs): Promise<Loan> {
    return this.loanService.extend(ctx, args.loanId, args.dueDate);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER, Role.REFURBISHER)
  @Mutation(() => Loan)
  returnLoan(@Ctx() ctx: RequestContext, @Args() args: ReturnLoanArgs): Promise<Loan> {
    return this.returns.returnLoan(ctx, args.loanId, args.refurbisherId);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Mutation(() => Loan)
  convertLoanToGift(@Ctx() ctx: RequestContext, @Args() args: LoanIdArgs): Promise<Loan> {
    return this.loanService.convertToGift(ctx, args.loanId);
  }

  @ResolveField(() => Boolean, { description: 'past its due date and still with the person' })
  overdue(@Parent() loan: Loan): boolean {
    return isOverdue(loan, new Date());
  }

  @ResolveField(() => Device, { nullable: true, description: 'the device, while the caller may read it (a returned device has left the partner)' })
  device(@Ctx() ctx: RequestContext, @Parent() loan: Loan): Promise<Device | null> {
    return this.loanService.device(ctx, loan.deviceId);
  }

  @ResolveField(() => Organization, { nullable: true })
  partner(@Ctx() ctx: RequestContext, @Parent() loan: Loan): Promise<Organization | null> {
    return this.organizations.load(ctx, loan.partnerId);
  }

  @ResolveField(() => Organization, { nullable: true, description: 'the refurbisher it was given back to' })
  returnedTo(@Ctx() ctx: RequestContext, @Parent() loan: Loan): Promise<Organization | null> {
    return loan.returnedToId ? this.organizations.load(ctx, loan.returnedToId) : Promise.resolve(null);
  }

  @ResolveField(() => String, { nullable: true, description: "the partner's pseudonymous reference of the person: the partner and staff only" })
  beneficiaryRef(@Ctx() ctx: RequestContext, @Parent() loan: Loan): Promise<string | null> {
    return this.loanService.beneficiaryRef(ctx, loan);
  }
}
