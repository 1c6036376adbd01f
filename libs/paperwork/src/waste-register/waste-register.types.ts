import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsDate, IsUUID } from 'class-validator';

@ArgsType()
export class WasteRegisterArgs {
  @Field(() => ID)
  @IsUUID()
  refurbisherId!: string;

  @Field({ description: 'first instant of the period (included)' })
  @IsDate()
  from!: Date;

  @Field({ description: 'end of the period (excluded)' })
  @IsDate()
  to!: Date;
}

/**
 * One line of the register of outgoing waste: a load shipped in the period, or a recycled device
 * still waiting for its destination ("destination à renseigner").
 */
@ObjectType()
export class WasteRegisterRow {
  @Field({ description: 'false: a load that left; true: recycled, destination still to record (recordRecyclingDestination)' })
  destinationPending!: boolean;

  @Field(() => Date, { nullable: true, description: 'date d’expédition; null while the destination is pending' })
  shippedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'when a pending device was recycled' })
  recycledAt!: Date | null;

  @Field({ description: 'dénomination usuelle, in French' })
  wasteLabel!: string;

  @Field(() => String, { nullable: true, description: 'code déchet (article R. 541-8, annexe II); null while pending' })
  wasteCode!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'a hazardous waste code (ending in *)' })
  hazardous!: boolean | null;

  @Field(() => Float, { nullable: true })
  weightKg!: number | null;

  @Field(() => Int)
  deviceCount!: number;

  @Field(() => String, { nullable: true })
  destinationName!: string | null;

  @Field(() => String, { nullable: true })
  destinationSiret!: string | null;

  @Field(() => String, { nullable: true })
  destinationAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'R or D code of the treatment' })
  treatmentCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Trackdéchets number, when there is one' })
  transportDocument!: string | null;

  @Field(() => String, { nullable: true })
  carrier!: string | null;

  @Field(() => [String])
  serialNumbers!: string[];

  @Field(() => [ID], { description: 'the devices of the line (recordRecyclingDestination takes those pending)' })
  deviceIds!: string[];
}

@ObjectType({ description: 'a refurbisher’s register of outgoing electrical waste (arrêté du 31 mai 2021) over a period' })
export class WasteRegister {
  @Field(() => ID)
  refurbisherId!: string;

  @Field()
  refurbisherName!: string;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => [WasteRegisterRow], {
    description: 'the loads shipped in the period, by date; then every device recycled before `to` and still waiting for its destination',
  })
  rows!: WasteRegisterRow[];

  @Field(() => Float, { description: 'weight shipped in the period, in kg' })
  shippedWeightKg!: number;

  @Field(() => Int, { description: 'recycled devices whose destination is still to record' })
  pendingDeviceCount!: number;

  @Field({ description: 'the register as CSV (;-separated, UTF-8 with BOM), French headers: a signed link valid until linkExpiresAt' })
  csvUrl!: string;

  @Field()
  linkExpiresAt!: Date;
}
