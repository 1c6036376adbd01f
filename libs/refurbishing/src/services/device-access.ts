import { RequestContext } from '@app/common';
import { ReadScope } from '@app/auth';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Who sees which devices (DESIGN.md roles), as SQL so that pages and counts agree: staff their
 * region (ADMIN: all), a refurbisher the devices it holds, a donor the devices of its own
 * donations, a partner the devices of its orders. The rule itself is declared with every other
 * read rule (READ_RULES), so that Lot.devices, OrderLine.devices and Discrepancy.device apply it too.
 */
export const DeviceAccess = {
  scope<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    return ReadScope.apply(ctx, qb, 'Device', alias);
  },
};
