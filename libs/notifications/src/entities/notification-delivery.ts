import { registerEnumType } from '@nestjs/graphql';

/** How a person wants to hear of one kind of event. */
export enum NotificationDelivery {
  /** an e-mail per event, as it happens */
  IMMEDIATE = 'IMMEDIATE',
  /** one e-mail a day gathering them (send-daily-digests, 18:00 Paris) */
  DAILY_DIGEST = 'DAILY_DIGEST',
  /** the inbox only, no e-mail */
  OFF = 'OFF',
}

registerEnumType(NotificationDelivery, { name: 'NotificationDelivery' });
