import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A refurbisher that declined or let expire a donation's offer is never offered it again. */
@Entity()
export class LotRefusal {
  @PrimaryColumn('uuid')
  donationId!: string;

  @PrimaryColumn('uuid')
  refurbisherId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
