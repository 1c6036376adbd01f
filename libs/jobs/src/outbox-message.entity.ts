import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job to run, written in the same transaction as the change that causes it. The relay moves
 * unsent rows to BullMQ; so no job is lost when Redis is down, and none is sent for a change
 * that rolled back.
 */
@Entity()
@Index('IDX_outbox_unsent', ['id'], { where: 'sent_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('varchar', { length: 60 })
  queue!: string;

  @Column('varchar', { length: 60 })
  name!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  /** a stable BullMQ job id: two rows with the same id run once (debouncing, idempotence) */
  @Column('varchar', { length: 200, nullable: true })
  jobId!: string | null;

  /** requests with the same key are debounced into one run (JobRequest.debounceKey) */
  @Column('varchar', { length: 200, nullable: true })
  debounceKey!: string | null;

  @Column('int', { default: 0 })
  delayMs!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;
}
