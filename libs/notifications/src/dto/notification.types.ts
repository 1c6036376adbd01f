import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@app/common';
import { NotificationEvent } from '@app/jobs';
import { NotificationDelivery } from '../entities/notification-delivery';

registerEnumType(NotificationEvent, { name: 'NotificationEvent', description: 'what a notification is about (docs/notifications.md)' });

@ObjectType('Notification', { description: "an event told to the caller: its inbox row (an e-mail too, per the caller's preference)" })
export class NotificationView {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationEvent)
  event!: NotificationEvent;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => String, { nullable: true, description: 'the lot, order or donation it is about' })
  reference!: string | null;

  @Field({ description: 'where to act: PUBLIC_URL and a path of the web console' })
  link!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

export const NotificationConnection = ConnectionType(NotificationView, 'Notification');

@ObjectType()
export class NotificationPreferenceView {
  @Field(() => NotificationEvent)
  event!: NotificationEvent;

  @Field(() => NotificationDelivery)
  delivery!: NotificationDelivery;

  @Field({ description: "true: the role's default, the caller chose nothing" })
  isDefault!: boolean;

  @Field({ description: 'security e-mails (password reset) go whatever the preference' })
  alwaysSent!: boolean;
}

@ObjectType({ description: 'an e-mail kept as a file because no SMTP_URL is set (development, the embedded start)' })
export class CapturedEmail {
  @Field()
  file!: string;

  @Field()
  to!: string;

  @Field()
  subject!: string;

  @Field(() => String, { nullable: true })
  messageId!: string | null;

  @Field()
  capturedAt!: Date;

  @Field({ description: 'the whole message as sent (MIME), at most 200 kB' })
  raw!: string;
}

@ObjectType({ description: 'a lot offered to the caller’s organization (refurbishers)' })
export class OfferMade {
  @Field(() => ID)
  lotId!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => Int, { nullable: true })
  quantity!: number | null;

  @Field(() => Date, { nullable: true })
  offerExpiresAt!: Date | null;
}

@ObjectType({ description: 'an order of the caller’s organization changed (partners)' })
export class OrderUpdate {
  @Field(() => ID)
  orderId!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => NotificationEvent)
  event!: NotificationEvent;
}
