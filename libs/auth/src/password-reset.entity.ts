import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A password reset link. Only the SHA-256 of its token is kept: a copy of this table (a backup, a
 * read replica) gives nobody a working link. Used once, then `usedAt` is set; a later request or a
 * reset makes the user's other open links used as well.
 */
@Entity()
export class PasswordReset {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_password_reset_user_id')
  @Column('uuid')
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_password_reset_user_id' })
  user?: User;

  /** hex SHA-256 of the token */
  @Index('UQ_password_reset_token_hash', { unique: true })
  @Column('char', { length: 64 })
  tokenHash!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;

  /** who issued the link for the user (an administrator or coordinator); null when the user asked for it */
  @Column('uuid', { nullable: true })
  issuedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
