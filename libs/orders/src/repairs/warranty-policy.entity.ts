import { Organization } from '@app/network';
import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A refurbisher's warranty on the devices it delivers, in months (0: none); none set means none. */
@Entity()
@Check('CHK_warranty_policy_months', `"months" >= 0 AND "months" <= 60`)
export class WarrantyPolicy {
  @PrimaryColumn('uuid')
  refurbisherId!: string;

  @OneToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @Column('smallint')
  months!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;
}
