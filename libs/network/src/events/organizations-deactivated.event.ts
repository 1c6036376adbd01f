import { DomainEvent } from '@app/database';

/** Organizations that just stopped (or started again) taking part: whoever offers or notifies them follows. */
export class OrganizationsDeactivated extends DomainEvent {
  constructor(readonly organizationIds: readonly string[]) {
    super();
  }
}

export class OrganizationsReactivated extends DomainEvent {
  constructor(readonly organizationIds: readonly string[]) {
    super();
  }
}
