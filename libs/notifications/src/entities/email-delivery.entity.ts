import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Notification } from './notification.entity';
import { EmailDeliveryState } from './email-delivery-state';

/**
 * One e-mail to send: of one notification (IMMEDIATE), or of a person's day (a digest, one per
 * user and day). Its Message-ID is fixed when it is made, so a resend after a lost
 * acknowledgement is the same message to the receiving servers.
 */
@Entity()
@Check('CHK_email_delivery_state', `state IN ('PENDING', 'SENDING', 'SENT', 'FAILED')`)
@Check('CHK_email_delivery_kind', `(notification_id IS NULL) <> (digest_day IS NULL)`)
@Index('UQ_email_delivery_notification_id', ['notificationId'], { unique: true, where: 'notification_id IS NOT NULL' })
@Index('UQ_email_delivery_digest', ['userId', 'digestDay'], { unique: true, where: 'digest_day IS NOT NULL' })
@Index('IDX_email_delivery_open', ['createdAt'], { where: `state IN ('PENDING', 'SENDING')` })
export class EmailDelivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_email_delivery_id' })
  id!: string;

  @Column('uuid', { nullable: true })
  notificationId!: string | null;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'FK_email_delivery_notification_id' })
  notification?: Notification;

  @Column('uuid', { nullable: true })
  userId!: string | null;

  /** the Paris day a digest gathers */
  @Column('date', { nullable: true })
  digestDay!: string | null;

  @Column('varchar', { length: 254 })
  toAddress!: string;

  @Column('varchar', { length: 20, default: EmailDeliveryState.PENDING })
  state!: EmailDeliveryState;

  @Column('int', { default: 0 })
  attempts!: number;

  /** while SENDING: until when the claiming worker owns it */
  @Column('timestamptz', { nullable: true })
  leaseUntil!: Date | null;

  @Column('varchar', { length: 1000, nullable: true })
  lastError!: string | null;

  @Column('varchar', { length: 200 })
  messageId!: string;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
