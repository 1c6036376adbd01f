import { Caller, Role } from '@app/common';

/**
 * The columns of a row that decide who may act on it, as the command loaded (and locked) it.
 * A region is its own `regionId`; a pickup carries its lot's `refurbisherId`.
 */
export interface ActRow {
  id: string;
  regionId?: string | null;
  donorId?: string | null;
  refurbisherId?: string | null;
  partnerId?: string | null;
}

/** One relation between a caller and a row, written twice: over a loaded row, and as SQL for conditional updates and batches. */
export interface ActRule {
  /** what the rule says, for people: the test names and docs/security.md use it */
  readonly says: string;
  /** absent when only the database can tell (a rule over other tables): use the SQL form */
  readonly holds?: (caller: Caller, row: ActRow) => boolean;
  /** on `alias` (bare columns when null); `:actOrg` and `:actRegion` are the caller's */
  readonly sql: (alias: string | null) => string;
}

/** What the caller is told when a rule does not hold: NOT_FOUND where ids could be probed, FORBIDDEN where there is nothing to hide. */
export type ActDenial = { code: 'NOT_FOUND' } | { code: 'FORBIDDEN'; message: string };

export interface ActCell {
  readonly rule: ActRule;
  readonly denied: ActDenial;
}

const column = (alias: string | null, name: string): string => (alias ? `${alias}.${name}` : name);
const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const EVERYTHING: ActRule = { says: 'all', holds: () => true, sql: () => 'true' };

/** Staff of the row's region. */
export const IN_OWN_REGION: ActRule = {
  says: 'in its own region',
  holds: (caller, row) => !!caller.regionId && row.regionId === caller.regionId,
  sql: (a) => `${column(a, 'region_id')} = :actRegion`,
};

/** The region itself is the caller's. */
export const OWN_REGION: ActRule = {
  says: 'its own region',
  holds: (caller, row) => !!caller.regionId && row.id === caller.regionId,
  sql: (a) => `${column(a, 'id')} = :actRegion`,
};

/** The organization itself is the caller's. */
export const OWN_ORGANIZATION: ActRule = {
  says: 'its own organization',
  holds: (caller, row) => !!caller.organizationId && row.id === caller.organizationId,
  sql: (a) => `${column(a, 'id')} = :actOrg`,
};

/** The caller's organization is the row's donor, refurbisher or partner. */
function ownedThrough(field: 'donorId' | 'refurbisherId' | 'partnerId', says: string): ActRule {
  return {
    says,
    holds: (caller, row) => !!caller.organizationId && row[field] === caller.organizationId,
    sql: (a) => `${column(a, snake(field))} = :actOrg`,
  };
}

export const OWN_DONATION = ownedThrough('donorId', 'its own donations');
/** A lot names one refurbisher from the offer on: offered to it, then claimed, collected and received by it. */
export const LOT_OF_OWN_ORGANIZATION = ownedThrough('refurbisherId', 'offered to or claimed by its own organization');
export const HELD_BY_OWN_ORGANIZATION = ownedThrough('refurbisherId', 'held by its own organization');
export const OWN_ORDER = ownedThrough('partnerId', 'its own orders');
/** A loan of a device delivered to a person the partner supports; a repair ticket, a loan: the refurbisher that delivered the device. */
export const OWN_LOAN = ownedThrough('partnerId', 'its own loans');
export const DELIVERED_BY_OWN_ORGANIZATION = ownedThrough('refurbisherId', 'of a device its own organization delivered');

/**
 * A device delivered to the caller's partner and still with the person (its live delivered order
 * link): the command fills the row's partnerId from that link.
 */
export const DELIVERED_TO_OWN_ORGANIZATION: ActRule = {
  says: 'delivered to its own organization',
  holds: (caller, row) => !!caller.organizationId && row.partnerId === caller.organizationId,
  sql: (a) =>
    `EXISTS (SELECT 1 FROM order_line_device ax WHERE ax.device_id = ${column(a, 'id')} AND ax.partner_id = :actOrg
               AND ax.released_at IS NULL AND ax.delivered_at IS NOT NULL)`,
};
/** A need a partner recorded for a person it supports. */
export const OWN_NEED = ownedThrough('partnerId', 'the needs of its own organization');

/** A pickup is the lot's: the refurbisher of that lot. */
export const PICKUP_OF_OWN_LOT: ActRule = {
  says: 'of a lot of its own organization',
  holds: (caller, row) => !!caller.organizationId && row.refurbisherId === caller.organizationId,
  sql: (a) => `EXISTS (SELECT 1 FROM lot al WHERE al.id = ${column(a, 'lot_id')} AND al.refurbisher_id = :actOrg)`,
};

/** A pickup of a lot of the caller's region: the lot carries the region (the pickup row is given its lot's). */
export const PICKUP_IN_OWN_REGION: ActRule = {
  says: 'of a lot in its own region',
  holds: IN_OWN_REGION.holds,
  sql: (a) => `EXISTS (SELECT 1 FROM lot al WHERE al.id = ${column(a, 'lot_id')} AND al.region_id = :actRegion)`,
};

/** An order any of whose devices (ever given to it) the caller's organization holds: it ships them. */
export const ORDER_OF_HELD_DEVICES: ActRule = {
  says: 'an order given devices its own organization holds',
  sql: (a) =>
    `EXISTS (SELECT 1 FROM order_line_device ax JOIN device ad ON ad.id = ax.device_id WHERE ax.order_id = ${column(a, 'id')} AND ad.refurbisher_id = :actOrg)`,
};

/** A donation one of whose lots the caller's organization accepted (claimed, then collected and received): it signs the donation agreement. */
export const DONATION_ACCEPTED_BY_OWN_ORGANIZATION: ActRule = {
  says: 'a donation a lot of which its own organization accepted',
  sql: (a) =>
    `EXISTS (SELECT 1 FROM lot al WHERE al.donation_id = ${column(a, 'id')} AND al.refurbisher_id = :actOrg
               AND al.status IN ('CLAIMED', 'PICKUP_SCHEDULED', 'COLLECTED', 'RECEIVED', 'CLOSED'))`,
};

/** A donation whose devices the caller's organization received: it may acknowledge the gift (a tax receipt). */
export const DONATION_RECEIVED_BY_OWN_ORGANIZATION: ActRule = {
  says: 'a donation whose devices its own organization received',
  sql: (a) => `EXISTS (SELECT 1 FROM device ad WHERE ad.donation_id = ${column(a, 'id')} AND ad.refurbisher_id = :actOrg)`,
};

/** A user of an organization of the caller's region (an administrator, of no organization, is in none). */
export const USER_OF_OWN_REGION: ActRule = {
  says: 'a user of an organization of its own region',
  holds: (caller, row) => !!caller.regionId && row.regionId === caller.regionId,
  sql: (a) => `EXISTS (SELECT 1 FROM organization ao WHERE ao.id = ${column(a, 'organization_id')} AND ao.region_id = :actRegion)`,
};

/** Denied as if the row did not exist, so that ids cannot be probed. */
export const hidden = (rule: ActRule): ActCell => ({ rule, denied: { code: 'NOT_FOUND' } });
/** Denied openly: the caller names only itself, or nothing that could be probed. */
export const refused = (rule: ActRule, message: string): ActCell => ({ rule, denied: { code: 'FORBIDDEN', message } });

type Cells = Partial<Record<Role, ActCell>>;

const STAFF_OF_REGION = 'Only the coordinator of this region may do this';
const STAFF_LISTS_USERS = 'Only an administrator or a coordinator lists accounts';
/** Staff acting for an organization they name: hidden outside their region. */
const staffFor = (): Cells => ({ [Role.ADMIN]: hidden(EVERYTHING), [Role.COORDINATOR]: hidden(IN_OWN_REGION) });
/** What every signed-in person does on their own rows: the command names no one else's. */
const everyoneForThemselves = (message: string): Cells =>
  Object.fromEntries([Role.ADMIN, Role.COORDINATOR, Role.DONOR, Role.REFURBISHER, Role.PARTNER].map((role) => [role, refused(EVERYTHING, message)]));

/**
 * Who may do what, per resource, action and role: the write side of READ_RULES. A role left
 * out of a cell may not do it at all (FORBIDDEN, as the resolver's Allow list already says); a
 * rule that does not hold answers the cell's denial. State rules (an OFFERED lot, a terminal
 * order) are the state machines', checked after these. DESIGN.md "Who does what".
 */
export const ACT_RULES = {
  Region: {
    create: { [Role.ADMIN]: refused(EVERYTHING, 'Only an administrator creates regions') },
    /** route, match, report on it, create its organizations, read its stock */
    administer: { [Role.ADMIN]: refused(EVERYTHING, STAFF_OF_REGION), [Role.COORDINATOR]: refused(OWN_REGION, STAFF_OF_REGION) },
    /** the stock levels of a region named in a filter: a refurbisher only its own */
    readStock: {
      [Role.ADMIN]: refused(EVERYTHING, STAFF_OF_REGION),
      [Role.COORDINATOR]: refused(OWN_REGION, STAFF_OF_REGION),
      [Role.REFURBISHER]: refused(OWN_REGION, 'A refurbisher reads its own stock'),
    },
    /** its grade floors per beneficiary profile for matching (read and set) */
    setGradeFloors: { [Role.ADMIN]: refused(EVERYTHING, STAFF_OF_REGION), [Role.COORDINATOR]: refused(OWN_REGION, STAFF_OF_REGION) },
    /** the eligibility bases its partners' needs may rest on */
    setEligibilityBases: { [Role.ADMIN]: refused(EVERYTHING, STAFF_OF_REGION), [Role.COORDINATOR]: refused(OWN_REGION, STAFF_OF_REGION) },
    /** its waiting list and accepted eligibility bases (a read, refused as a command is): staff, and its partners (their own rows, counts of the others) */
    readWaitingList: {
      [Role.ADMIN]: refused(EVERYTHING, STAFF_OF_REGION),
      [Role.COORDINATOR]: refused(OWN_REGION, STAFF_OF_REGION),
      [Role.PARTNER]: refused(OWN_REGION, 'A partner reads the waiting list of its own region'),
    },
    /** the overdue pickup sweep acts on every region at once: the platform (background jobs) */
    sweepPickups: { [Role.ADMIN]: refused(EVERYTHING, 'Only the platform runs the pickup sweep') },
  },
  Organization: {
    /** its capacities, its users */
    administer: staffFor(),
    declareDonationFor: { ...staffFor(), [Role.DONOR]: refused(OWN_ORGANIZATION, 'A donor declares for its own organization') },
    submitOrderFor: { ...staffFor(), [Role.PARTNER]: refused(OWN_ORGANIZATION, 'A partner orders for its own organization') },
    /** a person's need (referral, eligibility, urgency) and their accompaniment sessions: the partner itself, or staff for it */
    recordNeedFor: { ...staffFor(), [Role.PARTNER]: refused(OWN_ORGANIZATION, 'A partner records the needs of the people it supports itself') },
    recordAccompanimentFor: { ...staffFor(), [Role.PARTNER]: refused(OWN_ORGANIZATION, 'A partner records its own accompaniment sessions') },
    countStockOf: { ...staffFor(), [Role.REFURBISHER]: refused(OWN_ORGANIZATION, 'A refurbisher counts its own stock') },
    /** pause and resume a refurbisher's intake (routing offers it nothing meanwhile) */
    pauseIntake: { ...staffFor(), [Role.REFURBISHER]: refused(OWN_ORGANIZATION, 'A refurbisher pauses its own intake') },
    reportImpactOf: { ...staffFor(), [Role.DONOR]: hidden(OWN_ORGANIZATION) },
    /** a public donor's yearly reuse figures against the decree's targets */
    reportPublicReuseOf: { ...staffFor(), [Role.DONOR]: hidden(OWN_ORGANIZATION) },
    /** a refurbisher's register of outgoing waste */
    readWasteRegisterOf: { ...staffFor(), [Role.REFURBISHER]: refused(OWN_ORGANIZATION, 'A refurbisher reads its own waste register') },
    /** its weekly capacities: staff, and a refurbisher its own (it knows its workshop) */
    setCapacities: { ...staffFor(), [Role.REFURBISHER]: refused(OWN_ORGANIZATION, 'A refurbisher sets its own capacities') },
    /** the warranty (months) on the devices it delivers: staff, and a refurbisher its own */
    setWarranty: { ...staffFor(), [Role.REFURBISHER]: refused(OWN_ORGANIZATION, 'A refurbisher sets its own warranty') },
    readWarranty: { ...staffFor(), [Role.REFURBISHER]: refused(OWN_ORGANIZATION, 'A refurbisher reads its own warranty') },
    /** its price list and the VAT mention of its invoices: staff, and a refurbisher its own */
    setPrices: { ...staffFor(), [Role.REFURBISHER]: refused(OWN_ORGANIZATION, 'A refurbisher sets its own prices') },
    /** its price list, named by id: staff of its region, and a refurbisher its own */
    readPrices: { ...staffFor(), [Role.REFURBISHER]: refused(OWN_ORGANIZATION, 'A refurbisher reads its own prices') },
    /** its address and contact: staff, and its own users */
    updateContact: {
      ...staffFor(),
      [Role.DONOR]: hidden(OWN_ORGANIZATION),
      [Role.REFURBISHER]: hidden(OWN_ORGANIZATION),
      [Role.PARTNER]: hidden(OWN_ORGANIZATION),
    },
    /** its name and service radius: what routing and the other organizations rely on, staff only */
    updateProfile: staffFor(),
    /** stop or restart its taking part (a coordinator organization only by an administrator: the service says so) */
    deactivate: staffFor(),
    reactivate: staffFor(),
    /** a refurbisher named in a stock filter: staff name any (the listing keeps to their region), a refurbisher itself */
    filterStockBy: {
      [Role.ADMIN]: hidden(EVERYTHING),
      [Role.COORDINATOR]: hidden(EVERYTHING),
      [Role.REFURBISHER]: refused(OWN_ORGANIZATION, 'A refurbisher reads its own stock'),
    },
  },
  User: {
    createAdministrator: { [Role.ADMIN]: refused(EVERYTHING, 'Only an administrator creates administrators') },
    /** staff accounts (ADMIN, COORDINATOR): made, changed, deactivated and given reset links by an administrator only */
    administerStaff: { [Role.ADMIN]: refused(EVERYTHING, 'Only an administrator manages administrator and coordinator accounts') },
    update: { [Role.ADMIN]: hidden(EVERYTHING), [Role.COORDINATOR]: hidden(USER_OF_OWN_REGION) },
    deactivate: { [Role.ADMIN]: hidden(EVERYTHING), [Role.COORDINATOR]: hidden(USER_OF_OWN_REGION) },
    reactivate: { [Role.ADMIN]: hidden(EVERYTHING), [Role.COORDINATOR]: hidden(USER_OF_OWN_REGION) },
    issuePasswordReset: { [Role.ADMIN]: hidden(EVERYTHING), [Role.COORDINATOR]: hidden(USER_OF_OWN_REGION) },
    /** list accounts (`users`): staff only; READ_RULES "User" keeps a coordinator to its region's */
    list: { [Role.ADMIN]: refused(EVERYTHING, STAFF_LISTS_USERS), [Role.COORDINATOR]: refused(EVERYTHING, STAFF_LISTS_USERS) },
  },
  Donation: {
    cancel: { ...staffFor(), [Role.DONOR]: hidden(OWN_DONATION) },
    /** end a refurbisher's decline cooldown on it now */
    liftDecline: staffFor(),
    /** offer some of its unrouted devices to a refurbisher chosen by hand, over the solver */
    assignLot: staffFor(),
    /** its donation agreement (a read, refused as a command is): the donor, a refurbisher that accepted a lot of it, staff */
    readAgreement: { ...staffFor(), [Role.DONOR]: hidden(OWN_DONATION), [Role.REFURBISHER]: hidden(DONATION_ACCEPTED_BY_OWN_ORGANIZATION) },
    /** a tax receipt for the gift: the refurbisher that received its devices (its eligibility is the service's) */
    issueTaxReceipt: { [Role.REFURBISHER]: hidden(DONATION_RECEIVED_BY_OWN_ORGANIZATION) },
  },
  Lot: {
    claim: { [Role.REFURBISHER]: hidden(LOT_OF_OWN_ORGANIZATION) },
    decline: { [Role.REFURBISHER]: hidden(LOT_OF_OWN_ORGANIZATION) },
    schedulePickup: { [Role.REFURBISHER]: hidden(LOT_OF_OWN_ORGANIZATION) },
    receive: { [Role.REFURBISHER]: hidden(LOT_OF_OWN_ORGANIZATION) },
    /** move an offered or claimed lot to another refurbisher */
    reassign: staffFor(),
  },
  Pickup: {
    complete: { [Role.REFURBISHER]: hidden(PICKUP_OF_OWN_LOT) },
    /** no dead ends: the refurbisher of the lot, or the coordinator on the donor's behalf */
    reschedule: { [Role.ADMIN]: hidden(EVERYTHING), [Role.COORDINATOR]: hidden(PICKUP_IN_OWN_REGION), [Role.REFURBISHER]: hidden(PICKUP_OF_OWN_LOT) },
    cancel: { [Role.ADMIN]: hidden(EVERYTHING), [Role.COORDINATOR]: hidden(PICKUP_IN_OWN_REGION), [Role.REFURBISHER]: hidden(PICKUP_OF_OWN_LOT) },
  },
  Device: {
    erase: { [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
    grade: { [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
    recycle: { [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
    /** give a reserved device back to stock (its line asks again) */
    releaseReservation: { [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
    /** exchange two reserved devices between their lines */
    swapReservations: staffFor(),
    /** found broken after grading, even reserved: back to the workbench */
    returnToWorkshop: { [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
    replaceStorage: { [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
    /** a MISSING device found again: its holder, or the coordinator who reviewed the count */
    recover: { ...staffFor(), [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
    markPartsDonor: { [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
    /** both the parts donor and the repaired device */
    transferPart: { [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
    /** put it on a shelf or bin */
    locate: { [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
    /** a delivered device that fails: the partner whose person has it, or staff for it */
    openRepairTicket: { ...staffFor(), [Role.PARTNER]: hidden(DELIVERED_TO_OWN_ORGANIZATION) },
    /** a recycled device's destination, weight and transport document, recorded afterwards */
    recordRecyclingDestination: { [Role.REFURBISHER]: hidden(HELD_BY_OWN_ORGANIZATION) },
  },
  PartnerOrder: {
    cancel: { ...staffFor(), [Role.PARTNER]: hidden(OWN_ORDER) },
    /** the references of the people it equipped; a read, answered null when denied */
    readBeneficiaryRefs: { ...staffFor(), [Role.PARTNER]: hidden(OWN_ORDER) },
    confirmDelivery: { [Role.PARTNER]: hidden(OWN_ORDER) },
    ship: { [Role.REFURBISHER]: hidden(ORDER_OF_HELD_DEVICES) },
    /** refuse a device of its order at delivery */
    refuseDevice: { [Role.PARTNER]: hidden(OWN_ORDER) },
  },
  Need: {
    /** call it off while it waits */
    cancel: { ...staffFor(), [Role.PARTNER]: hidden(OWN_NEED) },
    /** order devices for it (an order line made of needs) */
    order: { ...staffFor(), [Role.PARTNER]: hidden(OWN_NEED) },
  },
  Loan: {
    /** move the due date later: the partner that lent it, staff */
    extend: { ...staffFor(), [Role.PARTNER]: hidden(OWN_LOAN) },
    /** the device given back: the partner, the refurbisher that delivered it (it receives it), staff */
    return: { ...staffFor(), [Role.PARTNER]: hidden(OWN_LOAN), [Role.REFURBISHER]: hidden(DELIVERED_BY_OWN_ORGANIZATION) },
    /** the person keeps it: the partner, staff */
    convertToGift: { ...staffFor(), [Role.PARTNER]: hidden(OWN_LOAN) },
  },
  RepairTicket: {
    /** repaired, replaced or closed: the refurbisher that delivered the device, staff */
    resolve: { ...staffFor(), [Role.REFURBISHER]: hidden(DELIVERED_BY_OWN_ORGANIZATION) },
  },
  Reconciliation: {
    /** a review: staff of the refurbisher's region */
    resolve: staffFor(),
    /** one discrepancy of a count decided on its own (CONFIRM_MISSING, FOUND, MISSCANNED): staff of the refurbisher's region */
    resolveDiscrepancy: staffFor(),
  },
  Notification: {
    /** a person's own inbox rows and preferences: everyone, for themselves only (the SQL is keyed by the caller) */
    markRead: everyoneForThemselves('Only your own notifications can be marked read'),
    setPreference: everyoneForThemselves('Only your own preferences can be set'),
  },
  CapturedEmail: {
    /** the e-mails kept as files when no SMTP server is configured: they hold every person's messages and links */
    read: { [Role.ADMIN]: refused(EVERYTHING, 'Only an administrator reads captured e-mails') },
  },
} satisfies Record<string, Record<string, Cells>>;

export type ActResource = keyof typeof ACT_RULES;
export type ActAction<R extends ActResource> = keyof (typeof ACT_RULES)[R] & string;

/** The cell of a caller's role, or undefined when the role may not do it at all. */
export function actCell<R extends ActResource>(resource: R, action: ActAction<R>, role: Role): ActCell | undefined {
  return ((ACT_RULES[resource] as Record<string, Cells>)[action] ?? {})[role];
}

/** The table for the generated tests and docs: every declared (resource, action). */
export function actActions(): Array<{ resource: ActResource; action: string; cells: Cells }> {
  return (Object.entries(ACT_RULES) as Array<[ActResource, Record<string, Cells>]>).flatMap(([resource, actions]) =>
    Object.entries(actions).map(([action, cells]) => ({ resource, action, cells })),
  );
}
