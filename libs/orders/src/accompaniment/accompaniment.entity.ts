import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Organization, Region } from '@app/network';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccompanimentKind } from './accompaniment-kind';

/**
 * A session a partner held with a person it supports (a workshop, the first set-up, a follow-up),
 * under the same pseudonymous reference as the person's need and delivery: reports count the
 * people equipped *and* accompanied by matching (partner, reference) pairs, never naming anyone.
 */
@ObjectType({ description: 'A session with a person, under the partner’s pseudonymous reference: partners, coordinators and ADMIN only' })
@Entity()
@Index(['partnerId', 'beneficiaryRef'])
@Index(['partnerId', 'createdAt'])
@Index(['regionId', 'date'])
@Check('CHK_accompaniment_duration', `"duration_minutes" BETWEEN 1 AND 1440`)
export class Accompaniment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'the partner that held the session' })
  @Column('uuid')
  partnerId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Organization;

  @Column('uuid')
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Field({ description: 'the partner’s own pseudonymous reference of the person: never a name' })
  @Column('varchar', { length: 64 })
  beneficiaryRef!: string;

  @Field(() => AccompanimentKind)
  @Column({ type: 'enum', enum: AccompanimentKind, enumName: 'accompaniment_kind' })
  kind!: AccompanimentKind;

  @Field({ description: 'when the session was held' })
  @Column('timestamptz')
  date!: Date;

  @Field(() => Int)
  @Column('int')
  durationMinutes!: number;

  /** millisecond precision: the pagination cursor carries milliseconds */
  @Field({ description: 'when the session was recorded' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column('uuid', { nullable: true })
  recordedBy!: string | null;
}
