import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Organization } from '@app/network';
import { BeneficiaryProfile } from '@app/orders';

@ObjectType({ description: "one category of a donor's devices over the report's period" })
export class CategoryImpact {
  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Int, { description: 'units of this category on the donation lines declared in the period (cancelled donations excluded)' })
  declared!: number;

  @Field(() => Int)
  received!: number;

  @Field(() => Int, { description: 'devices of this category handed to a person (delivered) in the period' })
  reused!: number;

  @Field(() => Int, { description: 'refurbished in the period, in stock, reserved or on their way: not yet with a person' })
  awaitingBeneficiary!: number;

  @Field(() => Int)
  recycled!: number;

  @Field(() => Float)
  co2eAvoidedKg!: number;
}

@ObjectType()
export class ProfileCount {
  @Field(() => BeneficiaryProfile)
  profile!: BeneficiaryProfile;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'the manufacturing footprint a reused device of a category avoids, and where the figure comes from' })
export class Co2eFactorUsed {
  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Float)
  kgPerDevice!: number;

  @Field()
  source!: string;

  @Field({ description: 'false: no reference factor, this category counts for no CO2e (source says why)' })
  counted!: boolean;

  @Field({ description: 'which edition of the reference the figure comes from' })
  version!: string;

  @Field({ description: 'the life-cycle stages the figure covers (fabrication + distribution)' })
  scope!: string;
}

/** The contract's DonorImpactReport; docs/reports.md defines every figure. */
@ObjectType()
export class DonorImpactReport {
  @Field(() => Organization)
  donor!: Organization;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => Int)
  devicesDeclared!: number;

  @Field(() => Int)
  devicesReceived!: number;

  @Field(() => Int, { description: 'devices handed to a person (delivered, loans included) in the period; docs/reports.md' })
  devicesReused!: number;

  @Field(() => Int, { description: 'refurbished in the period and still in stock, reserved or on their way: not yet with a person' })
  devicesAwaitingBeneficiary!: number;

  @Field(() => Int)
  devicesRecycled!: number;

  @Field(() => Int)
  peopleEquipped!: number;

  @Field(() => Int, {
    description:
      'of the people equipped, those who had at least one accompaniment session with their partner (workshop, set-up, follow-up); a count, never a reference',
  })
  peopleAccompanied!: number;

  @Field(() => Int, { description: 'data-bearing devices received in the period with a verified erasure certificate (NO_STORAGE records are none)' })
  erasureCertificates!: number;

  @Field(() => Float)
  co2eAvoidedKg!: number;

  @Field(() => [CategoryImpact])
  byCategory!: CategoryImpact[];

  @Field(() => [ProfileCount])
  beneficiaryProfiles!: ProfileCount[];

  @Field(() => [Co2eFactorUsed], { description: 'the factor of every category in byCategory, with its source' })
  co2eFactors!: Co2eFactorUsed[];

  @Field({ description: 'printed on the PDF attestation; anyone checks it with verifyAttestation once the PDF was issued' })
  verificationCode!: string;

  @Field({ description: 'a link to the same report as a signed PDF attestation' })
  pdfUrl!: string;

  @Field({ description: 'a link to the per-device CSV (serial, category, outcome, erasure certificate)' })
  csvUrl!: string;

  @Field({ description: 'when pdfUrl and csvUrl stop working (REPORT_LINK_TTL_HOURS after the report was asked for)' })
  linksExpireAt!: Date;
}
