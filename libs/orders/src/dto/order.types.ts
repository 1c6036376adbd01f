import { ConnectionType } from '@app/common';
import { PartnerOrder } from '../entities/partner-order.entity';

export const PartnerOrderConnection = ConnectionType(PartnerOrder, 'PartnerOrder');
