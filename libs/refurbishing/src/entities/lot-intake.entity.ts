import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Lot } from '@app/donations';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

/**
 * What arrived when a lot was received, against what was declared and collected: the
 * difference is kept and shown, never dropped (DESIGN.md). `openQuantity` counts the lot's
 * devices not yet processed; the change that brings it to 0 closes the lot.
 */
@ObjectType()
@Entity()
@Index(['donationId'])
@Check('CHK_lot_intake_open_quantity', `"open_quantity" >= 0 AND "open_quantity" <= "received_quantity"`)
@Check('CHK_lot_intake_quantities', `"declared_quantity" >= 0 AND "received_quantity" >= 0 AND ("collected_quantity" IS NULL OR "collected_quantity" >= 0)`)
export class LotIntake {
  @PrimaryColumn('uuid')
  lotId!: string;

  @OneToOne(() => Lot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id' })
  lot?: Lot;

  @Column('uuid')
  donationId!: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column('uuid', { nullable: true })
  receivedBy!: string | null;

  @Field(() => Int, { description: 'what the lot was offered with (its items)' })
  @Column('int')
  declaredQuantity!: number;

  @Field(() => Int, { nullable: true, description: "the completed pickup's collectedQuantity, when the lot had one" })
  @Column('int', { nullable: true })
  collectedQuantity!: number | null;

  @Field(() => Int, { description: 'devices registered one by one' })
  @Column('int')
  receivedQuantity!: number;

  @Column('int')
  openQuantity!: number;

  @Field(() => Int, { description: 'receivedQuantity - declaredQuantity' })
  get differenceFromDeclared(): number {
    return this.receivedQuantity - this.declaredQuantity;
  }

  @Field(() => Int, { nullable: true, description: 'receivedQuantity - collectedQuantity, when it was collected by a pickup' })
  get differenceFromCollected(): number | null {
    return this.collectedQuantity === null ? null : this.receivedQuantity - this.collectedQuantity;
  }
}
