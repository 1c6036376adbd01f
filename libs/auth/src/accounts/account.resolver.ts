import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, ALL_ROLES, Public } from '../auth-rule.decorator';
import { AuthPayload } from '../auth.resolver';
import { Ctx } from '../request-context.decorator';
import { ChangePasswordArgs, RequestPasswordResetArgs, ResetPasswordArgs, UserIdArgs } from './account.args';
import { PasswordChangeService } from './password-change.service';
import { PasswordResetLink } from './password-reset-link';
import { PasswordResetService } from './password-reset.service';

/** Passwords: changed by their owner, reset with a link (asked for by the person, or issued by staff). */
@Resolver()
export class AccountResolver {
  constructor(
    private readonly passwordChange: PasswordChangeService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @Allow(...ALL_ROLES)
  @Mutation(() => AuthPayload, { description: "Ends every session of the account; the answer's token keeps this one signed in" })
  changePassword(@Ctx() ctx: RequestContext, @Args() args: ChangePasswordArgs): Promise<AuthPayload> {
    return this.passwordChange.change(ctx, args.currentPassword, args.newPassword);
  }

  /** Public and throttled; the same answer whether or not the address has an account. */
  @Public()
  @Mutation(() => Boolean, { description: 'Always true: whether the address has an account is never told' })
  async requestPasswordReset(@Ctx() ctx: RequestContext, @Args() args: RequestPasswordResetArgs): Promise<boolean> {
    await this.passwordReset.request(ctx, args.email);
    return true;
  }

  /** Public: holding the token is the proof; wrong tokens are throttled as failed logins. */
  @Public()
  @Mutation(() => Boolean)
  async resetPassword(@Ctx() ctx: RequestContext, @Args() args: ResetPasswordArgs): Promise<boolean> {
    await this.passwordReset.reset(ctx, args.token, args.newPassword);
    return true;
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => PasswordResetLink)
  issuePasswordReset(@Ctx() ctx: RequestContext, @Args() args: UserIdArgs): Promise<PasswordResetLink> {
    return this.passwordReset.issue(ctx, args.userId);
  }
}
