import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins, kept in PostgreSQL so that every API process sees the same count. */
@Entity()
@Index(['email', 'at'])
@Index(['ip', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('varchar', { length: 254 })
  email!: string;

  @Column('varchar', { length: 64 })
  ip!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
