import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@app/auth';
import { NotificationEvent } from '@app/jobs';
import { NotificationDelivery } from './notification-delivery';

/** A person's choice for one kind of event; without a row, the role's default applies (policies/default-preferences.ts). */
@Entity()
@Check('CHK_notification_preference_delivery', `delivery IN ('IMMEDIATE', 'DAILY_DIGEST', 'OFF')`)
export class NotificationPreference {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_notification_preference' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_preference_user_id' })
  user?: User;

  @PrimaryColumn('varchar', { length: 40, primaryKeyConstraintName: 'PK_notification_preference' })
  event!: NotificationEvent;

  @Column('varchar', { length: 20 })
  delivery!: NotificationDelivery;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
