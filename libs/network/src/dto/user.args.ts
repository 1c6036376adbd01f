import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { MAX_PAGE_SIZE, Role } from '@app/common';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

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
export class UsersArgs {
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

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}
