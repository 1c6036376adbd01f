import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEmail, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

/** Passwords are checked by the password policy; these bounds only keep absurd input out before hashing. */
const PASSWORD_MAX = 200;

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  currentPassword!: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  newPassword!: string;
}

@ArgsType()
export class RequestPasswordResetArgs {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

@ArgsType()
export class ResetPasswordArgs {
  /** 32 random bytes in base64url are 43 characters */
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  token!: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  newPassword!: string;
}

@ArgsType()
export class UserIdArgs {
  @Field(() => ID)
  @IsUUID()
  userId!: string;
}
