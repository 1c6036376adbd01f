import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@app/common';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity()
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** stored lower-case; unique */
  @Field()
  @Column('varchar', { length: 254, unique: true })
  email!: string;

  @Column('varchar', { length: 200 })
  passwordHash!: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  @Index()
  @Column('uuid', { nullable: true })
  organizationId!: string | null;

  /**
   * Named, not imported: organizations belong to the network lib, which sits above this one. The relation stays
   * so the foreign key stays declared; the GraphQL field is resolved by the network lib from organizationId.
   */
  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** a permanent refusal (5xx) of its address by the mail server: no more e-mails until the address changes */
  @Column('timestamptz', { nullable: true })
  emailBouncedAt!: Date | null;

  @Column('varchar', { length: 500, nullable: true })
  emailBounceReason!: string | null;

  /** how the person is called; accounts made before names were asked have none */
  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 200, nullable: true })
  name!: string | null;

  /**
   * Carried by every token as `ver`: raising it refuses every token issued before, in every API
   * process (a password change or reset, a deactivation, a role change).
   */
  @Column('int', { default: 0 })
  tokenVersion!: number;

  /** set: the account can neither log in nor use its tokens; null: active */
  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  deactivatedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  passwordChangedAt!: Date | null;
}
