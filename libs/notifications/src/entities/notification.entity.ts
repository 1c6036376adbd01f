import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@app/auth';
import { NotificationEvent } from '@app/jobs';
import { NotificationDelivery } from './notification-delivery';

/**
 * One event told to one person: their inbox row, and the source of their e-mail. The event key
 * is the job id of the notify job (the outbox row's), so a job run twice finds its rows there
 * (UNIQUE, inserted with ON CONFLICT DO NOTHING) and tells nobody twice. An organization with no
 * active user is told at its contact address: a row without user, unique per organization.
 */
@Entity()
@Check('CHK_notification_recipient', `(user_id IS NULL) <> (contact_organization_id IS NULL)`)
@Check('CHK_notification_delivery', `delivery IN ('IMMEDIATE', 'DAILY_DIGEST', 'OFF')`)
@Index('UQ_notification_event_key_user_id', ['eventKey', 'userId'], { unique: true })
@Index('UQ_notification_event_key_contact', ['eventKey', 'contactOrganizationId'], { unique: true, where: 'user_id IS NULL' })
@Index('IDX_notification_user_created', ['userId', 'createdAt'])
@Index('IDX_notification_digest_pending', ['userId'], { where: `delivery = 'DAILY_DIGEST' AND digest_delivery_id IS NULL` })
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notification_id' })
  id!: string;

  @Column('varchar', { length: 200 })
  eventKey!: string;

  @Column('varchar', { length: 40 })
  event!: NotificationEvent;

  @Column('uuid', { nullable: true })
  userId!: string | null;

  /** a removed account takes its inbox with it */
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_user_id' })
  user?: User;

  /** set when the organization had no active user: the e-mail goes to its contact address */
  @Column('uuid', { nullable: true })
  contactOrganizationId!: string | null;

  /** the preference applied when it was made */
  @Column('varchar', { length: 20 })
  delivery!: NotificationDelivery;

  @Column('varchar', { length: 200 })
  title!: string;

  @Column('varchar', { length: 2000 })
  body!: string;

  /** the lot, pickup, order… it is about, as people read it */
  @Column('varchar', { length: 60, nullable: true })
  reference!: string | null;

  /** the console path of the action (PUBLIC_URL is put in front when shown) */
  @Column('varchar', { length: 300 })
  actionPath!: string;

  /** the event's data; a password reset's link is removed once its e-mail is sent */
  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column('uuid', { nullable: true })
  digestDeliveryId!: string | null;

  @Column('timestamptz', { nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
