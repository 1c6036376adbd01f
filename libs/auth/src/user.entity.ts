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
}
