import { UseGuards } from '@nestjs/common';
import { Args, Context, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { ErrorReason, INVALID_CREDENTIALS, RequestContext, UnauthenticatedError } from '@app/common';
import { User } from './user.entity';
import { JwtPayload } from './jwt-payload';
import { GraphQLRequestState } from './request-context.decorator';
import { Public } from './auth-rule.decorator';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken!: string;

  @Field(() => User)
  user!: User;
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Mutation(() => AuthPayload)
  async login(
    @Args('email') _email: string,
    @Args('password') _password: string,
    @Context() gql: GraphQLRequestState & { login: { user: User; ip?: string } },
  ): Promise<AuthPayload> {
    const user = gql.login.user;
    const payload: JwtPayload = { sub: user.id, role: user.role, ver: user.tokenVersion };
    // What the answer selects below `user` (its organization, …) is read as the person who just
    // proved who they are, under the same scopes as any later request of theirs.
    const caller = await this.auth.callerOf(payload);
    if (!caller) throw new UnauthenticatedError(INVALID_CREDENTIALS, ErrorReason.INVALID_CREDENTIALS);
    gql.ctx = new RequestContext(caller, gql.login.ip);
    return { accessToken: this.auth.issueToken(user), user };
  }
}
