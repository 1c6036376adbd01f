import { Caller, ForbiddenError, RequestContext, Role } from '@app/common';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ActAccess } from './act-access';
import type { ScopeSql } from './scope-sql';

/**
 * Helpers over the two declared tables: READ_RULES (below) for what a caller reads, ACT_RULES
 * (act-rules.ts) for what it may do. An id the caller may not see answers NOT_FOUND, so ids
 * cannot be probed.
 */
export const AccessPolicy = {
  /** ACT_RULES.Region.administer: ADMIN anywhere, COORDINATOR in its own region; everybody else is refused. */
  assertCanAdministerRegion(ctx: RequestContext, regionId: string): void {
    ActAccess.assert(ctx, 'Region', 'administer', { id: regionId });
  },

  /** The region a listing is limited to: null for ADMIN (all), the caller's region otherwise. */
  regionScope(ctx: RequestContext): string | null {
    return ctx.isAdmin ? null : ctx.user.regionId;
  },

  /** READ_RULES.Region in memory (regions are few and read by id): ADMIN all, everybody else its own. */
  canReadRegion(ctx: RequestContext, regionId: string): boolean {
    return ctx.isAdmin || ctx.user.regionId === regionId;
  },

  /** ACT_RULES.Organization.reportImpactOf: the donor itself, its region's coordinator, or ADMIN; NOT_FOUND otherwise. */
  assertActsFor(ctx: RequestContext, org: { id: string; regionId: string }, entity = 'Organization'): void {
    ActAccess.assert(ctx, 'Organization', 'reportImpactOf', org, entity);
  },

  /**
   * A non-null edge (Device.lot, Device.donor, ...) whose child the caller may not read. The
   * contract makes these fields non-null and every device has a lot and a donor, so refusing the
   * field tells nothing the schema does not; inventing a placeholder object would mislead.
   */
  readableOrRefuse<T>(child: T | null): T {
    if (child === null) throw new ForbiddenError('This field leads to something you may not read');
    return child;
  },

  /**
   * The erasure record of a device the caller sees: the donor (its promise), the refurbisher
   * (its work) and staff. A partner learns that the device was wiped (Device.erased), not the
   * certificate, the operator or the method.
   */
  mayReadErasureRecord(ctx: RequestContext): boolean {
    return !ctx.hasRole(Role.PARTNER);
  },
};

export type { ScopeSql } from './scope-sql';

type ScopeRule = (caller: Caller, alias: string) => string;

/** Another organization's work that the caller takes part in, as SQL on the organization alias. */
const RELATED_ORGANIZATIONS: Partial<Record<Role, ScopeRule>> = {
  // the refurbishers its lots were offered to or claimed by
  [Role.DONOR]: (_, o) =>
    `EXISTS (SELECT 1 FROM lot rl JOIN donation rd ON rd.id = rl.donation_id WHERE rd.donor_id = :scopeOrg AND rl.refurbisher_id = ${o}.id)`,
  // the donors of its lots (it collects from them) and the partners it ships to
  [Role.REFURBISHER]: (_, o) =>
    `EXISTS (SELECT 1 FROM lot rl JOIN donation rd ON rd.id = rl.donation_id WHERE rl.refurbisher_id = :scopeOrg AND rd.donor_id = ${o}.id)
     OR EXISTS (SELECT 1 FROM order_line_device rx JOIN device rv ON rv.id = rx.device_id
                WHERE rx.released_at IS NULL AND rv.refurbisher_id = :scopeOrg AND rx.partner_id = ${o}.id)`,
  // the refurbishers of the devices reserved for, shipped or delivered to it; never their donors
  [Role.PARTNER]: (_, o) =>
    `EXISTS (SELECT 1 FROM order_line_device rx JOIN device rv ON rv.id = rx.device_id
             WHERE rx.released_at IS NULL AND rx.partner_id = :scopeOrg AND rv.refurbisher_id = ${o}.id)`,
};

/** The rule of one resource, per role; a role left out reads none of it. */
type RoleRules = Partial<Record<Role, ScopeRule>>;

/** A lot its refurbisher holds (claimed, on its way or in the workshop): an offer alone is not work together yet. */
const HELD_LOT = `rl.status IN ('CLAIMED', 'PICKUP_SCHEDULED', 'COLLECTED', 'RECEIVED', 'CLOSED')`;

/**
 * Who reads an organization's contact: staff of its region (ADMIN: all), its own users, and the
 * counterparts that must reach it on live work: the donor and the refurbisher of a held lot, each
 * the other's; the partner and the refurbisher of devices reserved for, shipped or delivered to it.
 */
const CONTACT_RULES: RoleRules = {
  [Role.ADMIN]: () => 'true',
  [Role.COORDINATOR]: (_, o) => `${o}.region_id = :scopeRegion`,
  [Role.DONOR]: (_, o) =>
    `(${o}.id = :scopeOrg OR EXISTS (SELECT 1 FROM lot rl JOIN donation rd ON rd.id = rl.donation_id
                                     WHERE rd.donor_id = :scopeOrg AND rl.refurbisher_id = ${o}.id AND ${HELD_LOT}))`,
  [Role.REFURBISHER]: (_, o) =>
    `(${o}.id = :scopeOrg OR EXISTS (SELECT 1 FROM lot rl JOIN donation rd ON rd.id = rl.donation_id
                                     WHERE rl.refurbisher_id = :scopeOrg AND rd.donor_id = ${o}.id AND ${HELD_LOT})
      OR EXISTS (SELECT 1 FROM order_line_device rx JOIN device rv ON rv.id = rx.device_id
                 WHERE rx.released_at IS NULL AND rv.refurbisher_id = :scopeOrg AND rx.partner_id = ${o}.id))`,
  [Role.PARTNER]: (c, o) => `(${o}.id = :scopeOrg OR ${RELATED_ORGANIZATIONS[Role.PARTNER]!(c, o)})`,
};

const ALL: ScopeRule = () => 'true';
const OWN_USER: ScopeRule = (_, a) => `${a}.user_id = :scopeUser`;
const OWN_ROWS: RoleRules = {
  [Role.ADMIN]: OWN_USER,
  [Role.COORDINATOR]: OWN_USER,
  [Role.DONOR]: OWN_USER,
  [Role.REFURBISHER]: OWN_USER,
  [Role.PARTNER]: OWN_USER,
};
const IN_REGION: ScopeRule = (_, a) => `${a}.region_id = :scopeRegion`;

const LOT_RULES: RoleRules = {
  [Role.ADMIN]: ALL,
  [Role.COORDINATOR]: IN_REGION,
  [Role.DONOR]: (_, l) => `EXISTS (SELECT 1 FROM donation sd WHERE sd.id = ${l}.donation_id AND sd.donor_id = :scopeOrg)`,
  [Role.REFURBISHER]: (_, l) => `${l}.refurbisher_id = :scopeOrg`,
};

const ORDER_RULES: RoleRules = {
  [Role.ADMIN]: ALL,
  [Role.COORDINATOR]: IN_REGION,
  [Role.PARTNER]: (_, o) => `${o}.partner_id = :scopeOrg`,
  // through Device.order only (the order queries refuse refurbishers): the orders its devices
  // are reserved for, so that it can ship them
  [Role.REFURBISHER]: (_, o) =>
    `EXISTS (SELECT 1 FROM order_line_device ox JOIN device ov ON ov.id = ox.device_id
             WHERE ox.order_id = ${o}.id AND ox.released_at IS NULL AND ov.refurbisher_id = :scopeOrg)`,
};

/** A refurbisher's stock counts: staff of its region, the refurbisher itself. */
const RECONCILIATION_RULES: RoleRules = {
  [Role.ADMIN]: ALL,
  [Role.COORDINATOR]: IN_REGION,
  [Role.REFURBISHER]: (_, r) => `${r}.refurbisher_id = :scopeOrg`,
};

/**
 * A person's needs and accompaniment sessions, under a partner's pseudonymous reference: the
 * partner itself and staff of its region (ADMIN all); never a donor or a refurbisher.
 */
const PEOPLE_RULES: RoleRules = {
  [Role.ADMIN]: ALL,
  [Role.COORDINATOR]: IN_REGION,
  [Role.PARTNER]: (_, n) => `${n}.partner_id = :scopeOrg`,
};

/** What follows a delivery (a loan, a repair ticket): the partner, the refurbisher that delivered, staff of the region. */
const DELIVERY_RULES: RoleRules = {
  [Role.ADMIN]: ALL,
  [Role.COORDINATOR]: IN_REGION,
  [Role.PARTNER]: (_, l) => `${l}.partner_id = :scopeOrg`,
  [Role.REFURBISHER]: (_, l) => `${l}.refurbisher_id = :scopeOrg`,
};

/** Nested rules reuse their parent's with a subquery, so that each is written once. */
function via(rules: RoleRules, table: string, sub: string, join: (sub: string, alias: string) => string): RoleRules {
  const out: RoleRules = {};
  for (const [role, rule] of Object.entries(rules) as Array<[Role, ScopeRule]>) {
    out[role] = rule === ALL ? ALL : (caller, a) => `EXISTS (SELECT 1 FROM ${table} ${sub} WHERE ${join(sub, a)} AND (${rule(caller, sub)}))`;
  }
  return out;
}

/**
 * Who may read what, declared once per resource and as SQL, so that a root query, its page
 * count and every field that leads to the resource from elsewhere (an edge) apply the same rule.
 * Keyed by the GraphQL type; `table` is where its rows live (the edge test reads it).
 * DESIGN.md "Who does what": staff read their region (ADMIN: everything); a donor its donations,
 * their lots, pickups and devices; a refurbisher the lots offered to or claimed by it and the
 * devices it holds; a partner its orders and the devices reserved or delivered to it.
 */
export const READ_RULES: Record<string, { table: string; rules: RoleRules }> = {
  Region: {
    table: 'region',
    rules: {
      [Role.ADMIN]: ALL,
      [Role.COORDINATOR]: (_, r) => `${r}.id = :scopeRegion`,
      [Role.DONOR]: (_, r) => `${r}.id = :scopeRegion`,
      [Role.REFURBISHER]: (_, r) => `${r}.id = :scopeRegion`,
      [Role.PARTNER]: (_, r) => `${r}.id = :scopeRegion`,
    },
  },
  Organization: {
    table: 'organization',
    rules: {
      [Role.ADMIN]: ALL,
      [Role.COORDINATOR]: IN_REGION,
      [Role.DONOR]: (c, o) => `(${o}.id = :scopeOrg OR ${RELATED_ORGANIZATIONS[Role.DONOR]!(c, o)})`,
      [Role.REFURBISHER]: (c, o) => `(${o}.id = :scopeOrg OR ${RELATED_ORGANIZATIONS[Role.REFURBISHER]!(c, o)})`,
      [Role.PARTNER]: (c, o) => `(${o}.id = :scopeOrg OR ${RELATED_ORGANIZATIONS[Role.PARTNER]!(c, o)})`,
    },
  },
  User: {
    table: '"user"',
    rules: {
      [Role.ADMIN]: ALL,
      [Role.COORDINATOR]: (_, u) =>
        `(${u}.id = :scopeUser OR EXISTS (SELECT 1 FROM organization uo WHERE uo.id = ${u}.organization_id AND uo.region_id = :scopeRegion))`,
      [Role.DONOR]: (_, u) => `${u}.id = :scopeUser`,
      [Role.REFURBISHER]: (_, u) => `${u}.id = :scopeUser`,
      [Role.PARTNER]: (_, u) => `${u}.id = :scopeUser`,
    },
  },
  Donation: {
    table: 'donation',
    rules: {
      [Role.ADMIN]: ALL,
      [Role.COORDINATOR]: IN_REGION,
      [Role.DONOR]: (_, d) => `${d}.donor_id = :scopeOrg`,
      [Role.REFURBISHER]: (_, d) => `EXISTS (SELECT 1 FROM lot sl WHERE sl.donation_id = ${d}.id AND sl.refurbisher_id = :scopeOrg)`,
    },
  },
  Lot: { table: 'lot', rules: LOT_RULES },
  Pickup: { table: 'pickup', rules: via(LOT_RULES, 'lot', 'spl', (s, p) => `${s}.id = ${p}.lot_id`) },
  Device: {
    table: 'device',
    rules: {
      [Role.ADMIN]: ALL,
      [Role.COORDINATOR]: IN_REGION,
      [Role.REFURBISHER]: (_, d) => `${d}.refurbisher_id = :scopeOrg`,
      [Role.DONOR]: (_, d) => `${d}.donor_id = :scopeOrg`,
      // reserved for, shipped or delivered to its orders: the live link of an order
      [Role.PARTNER]: (_, d) =>
        `EXISTS (SELECT 1 FROM order_line_device sx WHERE sx.device_id = ${d}.id AND sx.partner_id = :scopeOrg AND sx.released_at IS NULL)`,
    },
  },
  PartnerOrder: { table: 'partner_order', rules: ORDER_RULES },
  OrderLine: { table: 'order_line', rules: via(ORDER_RULES, 'partner_order', 'sol', (s, l) => `${s}.id = ${l}.order_id`) },
  Reconciliation: { table: 'reconciliation', rules: RECONCILIATION_RULES },
  // a stock count's line (resolveDiscrepancy names it by id): as its count
  Discrepancy: { table: 'reconciliation_discrepancy', rules: via(RECONCILIATION_RULES, 'reconciliation', 'srd', (s, d) => `${s}.id = ${d}.reconciliation_id`) },
  // a person's inbox (markNotificationsRead names its rows by id): their own rows only, whatever the role (an administrator too)
  Notification: { table: 'notification', rules: OWN_ROWS },
  // a loan and a repair ticket: the partner whose person has the device, the refurbisher that delivered it, staff of the region; never a donor
  Loan: { table: 'loan', rules: DELIVERY_RULES },
  RepairTicket: { table: 'repair_ticket', rules: DELIVERY_RULES },
  // the document of a shipment: the refurbisher that issued it, the partner it was sent to, staff of its region
  Invoice: {
    table: 'invoice',
    rules: {
      [Role.ADMIN]: ALL,
      [Role.COORDINATOR]: IN_REGION,
      [Role.REFURBISHER]: (_, i) => `${i}.refurbisher_id = :scopeOrg`,
      [Role.PARTNER]: (_, i) => `${i}.partner_id = :scopeOrg`,
    },
  },
  Need: { table: 'need', rules: PEOPLE_RULES },
  Accompaniment: { table: 'accompaniment', rules: PEOPLE_RULES },
  // a tax receipt: the donor it was issued to, the refurbisher that issued it, staff of its region
  TaxReceipt: {
    table: 'tax_receipt',
    rules: {
      [Role.ADMIN]: ALL,
      [Role.COORDINATOR]: IN_REGION,
      [Role.DONOR]: (_, r) => `${r}.donor_id = :scopeOrg`,
      [Role.REFURBISHER]: (_, r) => `${r}.refurbisher_id = :scopeOrg`,
    },
  },
};

/**
 * Resources with no id of their own, read only through one root query: declared apart so that
 * READ_RULES stays the rule of every type an edge can lead to by id.
 */
const LISTING_RULES: Record<string, { table: string; rules: RoleRules }> = {
  // the counters of a refurbisher's shelves, as its stock counts are read
  StockLevel: { table: 'stock_level', rules: READ_RULES.Reconciliation!.rules },
  // a person's preferences: their own rows only, whatever the role (an administrator too)
  NotificationPreference: { table: 'notification_preference', rules: OWN_ROWS },
  // Organization.contact (name, e-mail, phone of a person): narrower than reading the organization
  OrganizationContact: { table: 'organization', rules: CONTACT_RULES },
};

type ReadResource = keyof typeof READ_RULES | keyof typeof LISTING_RULES;

export const ReadScope = {
  /** The rule of a resource for this caller, as SQL on `alias`. */
  sql(caller: Caller, type: ReadResource, alias: string): ScopeSql {
    const rule = (READ_RULES[type] ?? LISTING_RULES[type])?.rules[caller.role];
    if (!rule) return { sql: 'false', params: {} };
    return { sql: rule(caller, alias), params: { scopeOrg: caller.organizationId, scopeRegion: caller.regionId, scopeUser: caller.userId } };
  },

  /** Limits a query to what the caller may read of that resource. */
  apply<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>, type: ReadResource, alias: string): SelectQueryBuilder<T> {
    const { sql, params } = ReadScope.sql(ctx.user, type, alias);
    return sql === 'true' ? qb : qb.andWhere(`(${sql})`, params);
  },
};
