import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Column } from 'typeorm';

/**
 * What a device is made of, as plain columns (specs_ram_gb, ...) rather than JSON: matching
 * filters on them (minimum RAM, storage, SSD) and may index them.
 */
@ObjectType()
export class DeviceSpecs {
  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  cpu!: string | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  ramGb!: number | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  storageGb!: number | null;

  @Field(() => Boolean, { nullable: true })
  @Column('boolean', { nullable: true })
  ssd!: boolean | null;

  @Field(() => Float, { nullable: true })
  @Column('real', { nullable: true })
  screenInches!: number | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  os!: string | null;
}

export const SPEC_KEYS = ['cpu', 'ramGb', 'storageGb', 'ssd', 'screenInches', 'os'] as const;
