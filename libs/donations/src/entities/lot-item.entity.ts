import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Lot } from './lot.entity';

@ObjectType()
@Entity()
@Check('CHK_lot_item_quantity', `"quantity" > 0`)
export class LotItem {
  @PrimaryColumn('uuid')
  lotId!: string;

  @ManyToOne(() => Lot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lot_id' })
  lot?: Lot;

  @Field(() => DeviceCategory)
  @PrimaryColumn({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field(() => Int)
  @Column('int')
  quantity!: number;
}
