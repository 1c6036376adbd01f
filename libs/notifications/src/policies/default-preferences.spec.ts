import { Role } from '@app/common';
import { NotificationEvent } from '@app/jobs';
import { NotificationDelivery } from '../entities/notification-delivery';
import { defaultDelivery, effectiveDelivery } from './default-preferences';

describe('notification preferences', () => {
  it('staff follow declines, expiries, reassignments and deliveries in the daily digest; the rest goes at once', () => {
    for (const role of [Role.ADMIN, Role.COORDINATOR]) {
      expect(defaultDelivery(role, NotificationEvent.LOT_DECLINED)).toBe(NotificationDelivery.DAILY_DIGEST);
      expect(defaultDelivery(role, NotificationEvent.DELIVERY_CONFIRMED)).toBe(NotificationDelivery.DAILY_DIGEST);
      expect(defaultDelivery(role, NotificationEvent.STOCK_COUNT_DISCREPANCIES)).toBe(NotificationDelivery.IMMEDIATE);
    }
    expect(defaultDelivery(Role.REFURBISHER, NotificationEvent.LOT_OFFERED)).toBe(NotificationDelivery.IMMEDIATE);
    expect(defaultDelivery(Role.REFURBISHER, NotificationEvent.DELIVERY_CONFIRMED)).toBe(NotificationDelivery.DAILY_DIGEST);
    expect(defaultDelivery(Role.DONOR, NotificationEvent.PICKUP_SCHEDULED)).toBe(NotificationDelivery.IMMEDIATE);
    expect(defaultDelivery(Role.PARTNER, NotificationEvent.ORDER_ALLOCATED)).toBe(NotificationDelivery.IMMEDIATE);
  });

  it('a choice replaces the default, except for security e-mails, always sent', () => {
    expect(effectiveDelivery(Role.DONOR, NotificationEvent.PICKUP_SCHEDULED, NotificationDelivery.OFF)).toBe(NotificationDelivery.OFF);
    expect(effectiveDelivery(Role.DONOR, NotificationEvent.PASSWORD_RESET, NotificationDelivery.OFF)).toBe(NotificationDelivery.IMMEDIATE);
  });
});
