import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsLatitude, IsLongitude, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Column } from 'typeorm';

@ObjectType()
export class GeoPoint {
  @Field(() => Float)
  @Column('double precision')
  lat!: number;

  @Field(() => Float)
  @Column('double precision')
  lon!: number;
}

@ObjectType()
export class Address {
  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 200, nullable: true })
  street!: string | null;

  @Field()
  @Column('varchar', { length: 10 })
  postalCode!: string;

  @Field()
  @Column('varchar', { length: 120 })
  city!: string;

  @Field(() => GeoPoint)
  @Column(() => GeoPoint)
  location!: GeoPoint;
}

@InputType()
export class GeoPointInput {
  @Field(() => Float)
  @IsLatitude()
  lat!: number;

  @Field(() => Float)
  @IsLongitude()
  lon!: number;
}

@InputType()
export class AddressInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  street?: string | null;

  @Field()
  @Matches(/^\d{5}$/, { message: 'postalCode must be a French postal code of 5 digits' })
  postalCode!: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  city!: string;

  @Field(() => GeoPointInput, { nullable: true, description: 'where absent, the server resolves it from postalCode and city, or answers BAD_USER_INPUT' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput | null;
}
