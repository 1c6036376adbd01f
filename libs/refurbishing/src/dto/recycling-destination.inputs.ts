import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsDateWithinYears, IsSiretInput } from '@app/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * Codes of the waste list (code de l'environnement, article R. 541-8, annexe II) that fit
 * equipment a workshop scraps: 16 02 14 (équipements mis au rebut, non dangereux) is the usual
 * one for professional IT; 16 02 13* and 16 02 11* (containing hazardous components, CFC) and the
 * municipal 20 01 35* / 20 01 36 are accepted for what the operator classifies so.
 */
export const WASTE_CODES = ['16 02 14', '16 02 13*', '16 02 11*', '16 02 16', '20 01 36', '20 01 35*'] as const;
export const DEFAULT_WASTE_CODE = '16 02 14';

/** R1–R13 (recovery) or D1–D15 (disposal), directive 2008/98/CE annexes I and II. */
const TREATMENT_CODE = /^(R(1[0-3]|[1-9])|D(1[0-5]|[1-9]))$/;

export const MAX_RECYCLING_WEIGHT_KG = 100_000;
export const MAX_DEVICES_PER_SHIPMENT = 5000;

/** Where recycled devices go: an eco-organisation or an authorised treatment operator. */
@InputType()
export class RecyclingDestinationInput {
  @Field({ description: 'raison sociale of the eco-organisation or treatment operator' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field({ description: 'its SIRET (14 digits; spaces allowed)' })
  @IsSiretInput()
  siret!: string;

  @Field(() => String, { nullable: true, description: 'the address of the site the waste goes to, one line' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'the R or D code of its treatment (R4, R12, R13, D10…), when known' })
  @IsOptional()
  @Matches(TREATMENT_CODE, { message: 'treatmentCode must be R1 to R13 or D1 to D15' })
  treatmentCode?: string | null;
}

/** Devices recycled before their destination was known, completed in one load when the eco-organisation collects. */
@InputType()
export class RecordRecyclingDestinationInput {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DEVICES_PER_SHIPMENT)
  @IsUUID('all', { each: true })
  deviceIds!: string[];

  @Field(() => RecyclingDestinationInput)
  @ValidateNested()
  @Type(() => RecyclingDestinationInput)
  destination!: RecyclingDestinationInput;

  @Field(() => Float, { description: 'the weight of the whole load, in kg' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(MAX_RECYCLING_WEIGHT_KG)
  weightKg!: number;

  @Field(() => String, { nullable: true, description: 'the transport document number (Trackdéchets), when there is one' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  transportDocument?: string | null;

  @Field(() => String, { nullable: true, description: 'the carrier that took the load' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  carrier?: string | null;

  @Field(() => String, { nullable: true, description: `the waste code (article R. 541-8): ${WASTE_CODES.join(', ')}; default ${DEFAULT_WASTE_CODE}` })
  @IsOptional()
  @IsIn(WASTE_CODES as unknown as string[])
  wasteCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'when the load left (date d’expédition); now when left out' })
  @IsOptional()
  @IsDate()
  @IsDateWithinYears()
  shippedAt?: Date | null;
}
