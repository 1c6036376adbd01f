import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { DeviceCategory } from '@app/common';

@ArgsType()
export class VerifyAttestationArgs {
  @Field({ description: 'the code printed on the attestation, e.g. K1-7QX2-M4TA-9VHC-E1RB' })
  @IsString()
  @MaxLength(64)
  code!: string;
}

@ObjectType({ description: 'one category as the attestation states it' })
export class AttestedCategory {
  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Int)
  declared!: number;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  reused!: number;

  @Field(() => Int)
  awaitingBeneficiary!: number;

  @Field(() => Int)
  recycled!: number;

  @Field(() => Float)
  co2eAvoidedKg!: number;
}

@ObjectType({ description: 'the figures an attestation states, as issued: counts only, nothing about devices or people' })
export class AttestedFigures {
  @Field(() => Int)
  devicesDeclared!: number;

  @Field(() => Int)
  devicesReceived!: number;

  @Field(() => Int)
  devicesReused!: number;

  @Field(() => Int)
  devicesAwaitingBeneficiary!: number;

  @Field(() => Int)
  devicesRecycled!: number;

  @Field(() => Int)
  peopleEquipped!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'of the people equipped, those accompanied by their partner; null on attestations issued before they were stated',
  })
  peopleAccompanied!: number | null;

  @Field(() => Int)
  erasureCertificates!: number;

  @Field(() => Float)
  co2eAvoidedKg!: number;

  @Field(() => [AttestedCategory])
  byCategory!: AttestedCategory[];
}

/** What anyone learns from an attestation's code: whether the network issued it, and then what it states. */
@ObjectType()
export class AttestationVerification {
  @Field({ description: 'true when the network issued an attestation with this code and it is unaltered' })
  valid!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'when valid: false if the donor’s figures for the period changed since the attestation was issued' })
  stillCurrent!: boolean | null;

  @Field(() => String, { nullable: true })
  donorName!: string | null;

  @Field(() => String, { nullable: true, description: 'the organization that issued it: the coordinator of the donor’s region' })
  issuerName!: string | null;

  @Field(() => Date, { nullable: true, description: 'the period, from included' })
  from!: Date | null;

  @Field(() => Date, { nullable: true, description: 'the period, to excluded' })
  to!: Date | null;

  @Field(() => Date, { nullable: true })
  issuedAt!: Date | null;

  @Field(() => AttestedFigures, { nullable: true })
  figures!: AttestedFigures | null;
}
