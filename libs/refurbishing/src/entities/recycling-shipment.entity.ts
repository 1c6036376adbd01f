import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Organization, Region } from '@app/network';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One outgoing load of electrical waste: recycled devices handed to an eco-organisation or an
 * authorised treatment operator. It is a line of the refurbisher's register of outgoing waste
 * (arrêté du 31 mai 2021, registre des déchets sortants): date, waste code, quantity, where it
 * went (raison sociale, SIRET, adresse, code de traitement), carrier and the transport
 * document (a Trackdéchets number) when there is one. Written once; its devices are
 * recycling_shipment_device rows.
 */
@ObjectType({ description: 'a load of recycled devices handed to an eco-organisation or a treatment operator: a line of the register of outgoing waste' })
@Entity()
@Index(['refurbisherId', 'shippedAt'])
@Check('CHK_recycling_shipment_weight', `"weight_grams" > 0`)
@Check('CHK_recycling_shipment_siret', `"destination_siret" ~ '^[0-9]{14}$'`)
export class RecyclingShipment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @Column('uuid')
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  /** date d'expédition: when the load left the workshop */
  @Field()
  @Column('timestamptz')
  shippedAt!: Date;

  @Field()
  @Column('varchar', { length: 200 })
  destinationName!: string;

  @Field()
  @Column('char', { length: 14 })
  destinationSiret!: string;

  @Column('varchar', { length: 300, nullable: true })
  destinationAddress!: string | null;

  /** the R or D code of the operation the destination performs (directive 2008/98/CE annexes I and II); null: not known yet */
  @Column('varchar', { length: 3, nullable: true })
  treatmentCode!: string | null;

  /** code déchet of the list of article R. 541-8 (annexe II), as printed: "16 02 14", "16 02 13*" */
  @Field()
  @Column('varchar', { length: 10 })
  wasteCode!: string;

  /** the load's weight as weighed, in grams (integers: no float rounding in the register) */
  @Column('int')
  weightGrams!: number;

  @Field(() => Float, { description: 'the weight handed over, in kg' })
  get weightKg(): number {
    return this.weightGrams / 1000;
  }

  @Field(() => Int)
  @Column('int')
  deviceCount!: number;

  /** the transport document's number (Trackdéchets BSD), when there is one */
  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  transportDocument!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  carrier!: string | null;

  @Column('uuid', { nullable: true })
  recordedByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
