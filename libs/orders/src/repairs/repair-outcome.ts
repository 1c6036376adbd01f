import { registerEnumType } from '@nestjs/graphql';

export enum RepairTicketStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

registerEnumType(RepairTicketStatus, { name: 'RepairTicketStatus' });

export enum RepairOutcome {
  REPAIRED = 'REPAIRED',
  REPLACED = 'REPLACED',
  CLOSED = 'CLOSED',
}

registerEnumType(RepairOutcome, {
  name: 'RepairOutcome',
  valuesMap: {
    REPAIRED: { description: 'the device works again and stays with the person' },
    REPLACED: { description: 'another device of the refurbisher’s stock went to the person; the faulty one is back in its workshop' },
    CLOSED: { description: 'nothing was done (no fault found, not covered, given up)' },
  },
});
