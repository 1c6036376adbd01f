import { registerEnumType } from '@nestjs/graphql';

/** What the person receives: the device to keep, or on loan until a due date. */
export enum DeliveryTerms {
  GIFT = 'GIFT',
  LOAN = 'LOAN',
}

registerEnumType(DeliveryTerms, {
  name: 'DeliveryTerms',
  valuesMap: {
    GIFT: { description: 'the person keeps the device (the default)' },
    LOAN: { description: 'lent until a due date (dueDate); it may be extended, returned or converted to a gift' },
  },
});

export enum LoanStatus {
  ACTIVE = 'ACTIVE',
  RETURNED = 'RETURNED',
  CONVERTED = 'CONVERTED',
  REPLACED = 'REPLACED',
}

registerEnumType(LoanStatus, {
  name: 'LoanStatus',
  valuesMap: {
    ACTIVE: { description: 'the person has the device' },
    RETURNED: { description: 'the device is back at a refurbisher' },
    CONVERTED: { description: 'the person keeps it: the loan became a gift' },
    REPLACED: { description: 'swapped under warranty: the loan goes on with the replacement device' },
  },
});
