import { registerEnumType } from '@nestjs/graphql';
import { StateMachine } from '@app/common';

export enum ReconciliationStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(ReconciliationStatus, {
  name: 'ReconciliationStatus',
  valuesMap: {
    OPEN: { description: 'counted, waiting for the coordinator to review and resolve it' },
    RESOLVED: { description: 'reviewed: the devices not found were declared MISSING' },
    SUPERSEDED: { description: 'a newer count of the same refurbisher replaced it before it was resolved' },
  },
});

/**
 * A stock count's life, as data. A newer count of the same shelves supersedes an open one (the
 * audit is overwritten before review, never after): resolving the older count would declare
 * missing a device the newer one found. Both ends are final.
 */
export const RECONCILIATION_MACHINE = new StateMachine<ReconciliationStatus>('Reconciliation', {
  OPEN: [ReconciliationStatus.RESOLVED, ReconciliationStatus.SUPERSEDED],
  RESOLVED: [],
  SUPERSEDED: [],
});
