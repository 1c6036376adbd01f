import { UseGuards } from '@nestjs/common';
import { Args, Context, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { User } from '@app/network/entities/user.entity';
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
  login(@Args('email') _email: string, @Args('password') _password: string, @Context() gql: { login: { user: User } }): AuthPayload {
    return { accessToken: this.auth.issueToken(gql.login.user), user: gql.login.user };
  }
}
