import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs, Role } from '@app/common';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

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

@ArgsType()
export class UsersArgs extends PageArgs {
  /** the accounts of one organization (of the caller's region, for a coordinator) */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  /** the accounts of the organizations of one region; a coordinator reads its own region's only, whatever it names */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  /** left out or false: active accounts only */
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  includeDeactivated?: boolean | null;
}
