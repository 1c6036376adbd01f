import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Role } from '@app/common';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class UpdateUserArgs {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  /** left out: unchanged */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string | null;

  /** left out: unchanged; must be the role of the user's organization kind */
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;
}

@ArgsType()
export class UserIdArgs {
  @Field(() => ID)
  @IsUUID()
  userId!: string;
}
