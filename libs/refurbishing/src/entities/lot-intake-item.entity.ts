import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LotIntake } from './lot-intake.entity';

/** Declared against received for one category of a received lot (a category may appear on one side only). */
@ObjectType()
@Entity()
@Check('CHK_lot_intake_item_quantities', `"declared_quantity" >= 0 AND "received_quantity" >= 0`)
export class LotIntakeItem {
  @PrimaryColumn('uuid')
  lotId!: string;

  @ManyToOne(() => LotIntake, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id' })
  intake?: LotIntake;

  @Field(() => DeviceCategory)
  @PrimaryColumn({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field(() => Int)
  @Column('int')
  declaredQuantity!: number;

  @Field(() => Int)
  @Column('int')
  receivedQuantity!: number;

  @Field(() => Int, { description: 'receivedQuantity - declaredQuantity' })
  get difference(): number {
    return this.receivedQuantity - this.declaredQuantity;
  }
}
