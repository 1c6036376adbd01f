import { Caller, DomainError, Role } from '@app/common';
import { RequestContext } from '@app/common';
import { ActAccess } from './act-access';
import { actActions, actCell, ActResource, ActRow } from './act-rules';

/**
 * The act table against DESIGN.md "Who does what", one case per (resource, action, role): the
 * expectation is written here by hand, so that the table cannot drift from the design unnoticed.
 * `region`: rows of the caller's region; `own`: rows of the caller's organization; `all`; a role
 * left out may do none of it. The code after `/` is the answer to a row it may not act on.
 */
const EXPECTED: Record<string, Partial<Record<Role, string>>> = {
  'Region.create': { ADMIN: 'all/FORBIDDEN' },
  'Region.administer': { ADMIN: 'all/FORBIDDEN', COORDINATOR: 'region/FORBIDDEN' },
  'Region.readStock': { ADMIN: 'all/FORBIDDEN', COORDINATOR: 'region/FORBIDDEN', REFURBISHER: 'region/FORBIDDEN' },
  'Region.sweepPickups': { ADMIN: 'all/FORBIDDEN' },
  'Region.setGradeFloors': { ADMIN: 'all/FORBIDDEN', COORDINATOR: 'region/FORBIDDEN' },
  'Region.setEligibilityBases': { ADMIN: 'all/FORBIDDEN', COORDINATOR: 'region/FORBIDDEN' },
  'Region.readWaitingList': { ADMIN: 'all/FORBIDDEN', COORDINATOR: 'region/FORBIDDEN', PARTNER: 'region/FORBIDDEN' },
  'Organization.administer': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'Organization.declareDonationFor': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', DONOR: 'own/FORBIDDEN' },
  'Organization.submitOrderFor': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', PARTNER: 'own/FORBIDDEN' },
  'Organization.recordNeedFor': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', PARTNER: 'own/FORBIDDEN' },
  'Organization.recordAccompanimentFor': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', PARTNER: 'own/FORBIDDEN' },
  'Organization.countStockOf': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/FORBIDDEN' },
  'Organization.pauseIntake': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/FORBIDDEN' },
  'Organization.reportImpactOf': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', DONOR: 'own/NOT_FOUND' },
  'Organization.reportPublicReuseOf': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', DONOR: 'own/NOT_FOUND' },
  'Organization.readWasteRegisterOf': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/FORBIDDEN' },
  'Organization.setCapacities': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/FORBIDDEN' },
  'Organization.setWarranty': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/FORBIDDEN' },
  'Organization.readWarranty': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/FORBIDDEN' },
  'Organization.setPrices': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/FORBIDDEN' },
  'Organization.readPrices': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/FORBIDDEN' },
  'Organization.updateContact': {
    ADMIN: 'all/NOT_FOUND',
    COORDINATOR: 'region/NOT_FOUND',
    DONOR: 'own/NOT_FOUND',
    REFURBISHER: 'own/NOT_FOUND',
    PARTNER: 'own/NOT_FOUND',
  },
  'Organization.updateProfile': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'Organization.deactivate': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'Organization.reactivate': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'Organization.filterStockBy': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'all/NOT_FOUND', REFURBISHER: 'own/FORBIDDEN' },
  'User.createAdministrator': { ADMIN: 'all/FORBIDDEN' },
  'User.administerStaff': { ADMIN: 'all/FORBIDDEN' },
  'User.update': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'User.deactivate': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'User.reactivate': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'User.issuePasswordReset': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'User.list': { ADMIN: 'all/FORBIDDEN', COORDINATOR: 'all/FORBIDDEN' },
  'Donation.cancel': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', DONOR: 'own/NOT_FOUND' },
  'Donation.liftDecline': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'Donation.assignLot': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  // the refurbisher's rules are decided in SQL over the donation's lots and devices: test/access-table.e2e-spec.ts
  'Donation.readAgreement': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', DONOR: 'own/NOT_FOUND', REFURBISHER: 'sql/NOT_FOUND' },
  'Donation.issueTaxReceipt': { REFURBISHER: 'sql/NOT_FOUND' },
  'Lot.claim': { REFURBISHER: 'own/NOT_FOUND' },
  'Lot.decline': { REFURBISHER: 'own/NOT_FOUND' },
  'Lot.schedulePickup': { REFURBISHER: 'own/NOT_FOUND' },
  'Lot.receive': { REFURBISHER: 'own/NOT_FOUND' },
  'Lot.reassign': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'Pickup.complete': { REFURBISHER: 'own/NOT_FOUND' },
  'Pickup.reschedule': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/NOT_FOUND' },
  'Pickup.cancel': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/NOT_FOUND' },
  'Device.erase': { REFURBISHER: 'own/NOT_FOUND' },
  'Device.grade': { REFURBISHER: 'own/NOT_FOUND' },
  'Device.recycle': { REFURBISHER: 'own/NOT_FOUND' },
  'Device.releaseReservation': { REFURBISHER: 'own/NOT_FOUND' },
  'Device.swapReservations': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'Device.returnToWorkshop': { REFURBISHER: 'own/NOT_FOUND' },
  'Device.replaceStorage': { REFURBISHER: 'own/NOT_FOUND' },
  'Device.recover': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/NOT_FOUND' },
  'Device.markPartsDonor': { REFURBISHER: 'own/NOT_FOUND' },
  'Device.transferPart': { REFURBISHER: 'own/NOT_FOUND' },
  'Device.locate': { REFURBISHER: 'own/NOT_FOUND' },
  'Device.openRepairTicket': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', PARTNER: 'own/NOT_FOUND' },
  'Device.recordRecyclingDestination': { REFURBISHER: 'own/NOT_FOUND' },
  'PartnerOrder.cancel': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', PARTNER: 'own/NOT_FOUND' },
  'PartnerOrder.readBeneficiaryRefs': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', PARTNER: 'own/NOT_FOUND' },
  'PartnerOrder.confirmDelivery': { PARTNER: 'own/NOT_FOUND' },
  // decided in SQL over the order's devices: test/access-table.e2e-spec.ts
  'PartnerOrder.ship': { REFURBISHER: 'sql/NOT_FOUND' },
  'PartnerOrder.refuseDevice': { PARTNER: 'own/NOT_FOUND' },
  'Need.cancel': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', PARTNER: 'own/NOT_FOUND' },
  'Need.order': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', PARTNER: 'own/NOT_FOUND' },
  'Loan.extend': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', PARTNER: 'own/NOT_FOUND' },
  'Loan.return': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/NOT_FOUND', PARTNER: 'own/NOT_FOUND' },
  'Loan.convertToGift': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', PARTNER: 'own/NOT_FOUND' },
  'RepairTicket.resolve': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND', REFURBISHER: 'own/NOT_FOUND' },
  'Reconciliation.resolve': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  'Reconciliation.resolveDiscrepancy': { ADMIN: 'all/NOT_FOUND', COORDINATOR: 'region/NOT_FOUND' },
  // a person's own notifications and preferences: the SQL is keyed by the caller, nobody names another's
  'Notification.markRead': {
    ADMIN: 'all/FORBIDDEN',
    COORDINATOR: 'all/FORBIDDEN',
    DONOR: 'all/FORBIDDEN',
    REFURBISHER: 'all/FORBIDDEN',
    PARTNER: 'all/FORBIDDEN',
  },
  'Notification.setPreference': {
    ADMIN: 'all/FORBIDDEN',
    COORDINATOR: 'all/FORBIDDEN',
    DONOR: 'all/FORBIDDEN',
    REFURBISHER: 'all/FORBIDDEN',
    PARTNER: 'all/FORBIDDEN',
  },
  'CapturedEmail.read': { ADMIN: 'all/FORBIDDEN' },
};

const ROLES = [Role.ADMIN, Role.COORDINATOR, Role.DONOR, Role.REFURBISHER, Role.PARTNER];
const HOME = 'region-home';
const AWAY = 'region-away';
const MINE = 'org-mine';
const NEIGHBOUR = 'org-neighbour';
const STRANGER = 'org-stranger';

function callerOf(role: Role): Caller {
  return role === Role.ADMIN
    ? { userId: 'u-admin', email: 'admin@test', role, organizationId: null, regionId: null }
    : { userId: `u-${role}`, email: `${role}@test`, role, organizationId: MINE, regionId: HOME };
}

type Target = 'own' | 'neighbour' | 'foreign';

/** A row of the resource: of the caller's organization, of another in its region, of another region. */
function rowOf(resource: ActResource, target: Target): ActRow {
  const org = target === 'own' ? MINE : target === 'neighbour' ? NEIGHBOUR : STRANGER;
  const regionId = target === 'foreign' ? AWAY : HOME;
  if (resource === 'Region') return { id: regionId, regionId };
  if (resource === 'Organization') return { id: org, regionId };
  return { id: `${resource}-${target}`, regionId, donorId: org, refurbisherId: org, partnerId: org };
}

const ALLOWED: Record<string, Target[]> = { all: ['own', 'neighbour', 'foreign'], region: ['own', 'neighbour'], own: ['own'] };

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
}

describe('ACT_RULES, once per cell', () => {
  it('declares exactly the actions expected here (a new action needs its row in EXPECTED)', () => {
    expect(
      actActions()
        .map((a) => `${a.resource}.${a.action}`)
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  const cells = actActions().flatMap(({ resource, action }) =>
    ROLES.map((role) => ({ resource, action, role, expected: EXPECTED[`${resource}.${action}`]?.[role] })),
  );

  it.each(cells.map((c) => [`${c.resource}.${c.action}`, c.role, c.expected ?? 'none', c] as const))('%s as %s: %s', (_key, _role, _label, c) => {
    const caller = callerOf(c.role);
    const ctx = new RequestContext(caller);
    const cell = actCell(c.resource, c.action as never, c.role);
    if (!c.expected) {
      expect(cell).toBeUndefined();
      for (const target of ['own', 'foreign'] as const) {
        expect(ActAccess.allows(caller, c.resource, c.action as never, rowOf(c.resource, target))).toBe(false);
        expect(codeOf(() => ActAccess.assert(ctx, c.resource, c.action as never, rowOf(c.resource, target)))).toBe('FORBIDDEN');
      }
      return;
    }
    const [scope, denied] = c.expected.split('/') as [string, string];
    expect(cell?.denied.code).toBe(denied);
    if (scope === 'sql') {
      expect(cell!.rule.holds).toBeUndefined();
      expect(() => ActAccess.allows(caller, c.resource, c.action as never, rowOf(c.resource, 'own'))).toThrow(/decided in SQL/);
      return;
    }
    for (const target of ['own', 'neighbour', 'foreign'] as const) {
      const row = rowOf(c.resource, target);
      const allowed = ALLOWED[scope]!.includes(target);
      expect({ target, allowed: ActAccess.allows(caller, c.resource, c.action as never, row) }).toEqual({ target, allowed });
      expect({ target, code: codeOf(() => ActAccess.assert(ctx, c.resource, c.action as never, row)) }).toEqual({ target, code: allowed ? null : denied });
    }
    if (scope === 'all') expect(codeOf(() => ActAccess.assertRole(ctx, c.resource, c.action as never))).toBeNull();
  });

  it('a row-less action refuses a role whose rule depends on the row', () => {
    const coordinator = new RequestContext(callerOf(Role.COORDINATOR));
    expect(codeOf(() => ActAccess.assertRole(coordinator, 'Region', 'administer'))).toBe('FORBIDDEN');
  });

  it('the SQL form names the caller only through parameters', () => {
    const ctx = new RequestContext(callerOf(Role.REFURBISHER));
    const where = ActAccess.where(ctx, 'Lot', 'claim', null);
    expect(where).toEqual({ sql: '(refurbisher_id = :actOrg)', params: { actOrg: MINE, actRegion: HOME } });
    expect(ActAccess.where(new RequestContext(callerOf(Role.DONOR)), 'Lot', 'claim', 'l').sql).toBe('false');
  });
});
