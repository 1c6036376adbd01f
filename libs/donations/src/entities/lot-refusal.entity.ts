import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A refurbisher that declined or let expire a donation's offer: it is not offered that donation
 * again until `at` + DECLINE_COOLDOWN_DAYS (DeclineCooldown), or until the coordinator lifts it.
 * A new refusal moves `at`.
 */
@Entity()
export class LotRefusal {
  @PrimaryColumn('uuid')
  donationId!: string;

  @PrimaryColumn('uuid')
  refurbisherId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
