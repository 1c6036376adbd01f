import { Caller, DomainError, RequestContext, Role } from '@app/common';
import { ActAccess, actActions, actCell, ActResource, EVERYTHING } from '@app/auth';
import { PickupReminderService } from '@app/logistics';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  AccessTableAssignLotDocument,
  AccessTableCancelDonationDocument,
  AccessTableCancelPickupDocument,
  AccessTableDeactivateOrganizationDocument,
  AccessTableReactivateOrganizationDocument,
  AccessTableReschedulePickupDocument,
  AccessTableUpdateOrganizationDocument,
  AccessTableCancelOrderDocument,
  AccessTableCapacityDocument,
  AccessTableClaimDocument,
  AccessTableCompleteDocument,
  AccessTableConfirmDocument,
  AccessTableExtendLoanDocument,
  AccessTableReturnLoanDocument,
  AccessTableConvertLoanToGiftDocument,
  AccessTableOpenRepairTicketDocument,
  AccessTableResolveRepairTicketDocument,
  AccessTableSetWarrantyDocument,
  AccessTableCountDocument,
  AccessTableCountsDocument,
  AccessTableCreateRegionDocument,
  AccessTableCreateUserDocument,
  AccessTableDeactivateUserDocument,
  AccessTableIssuePasswordResetDocument,
  AccessTableReactivateUserDocument,
  AccessTableUpdateUserDocument,
  AccessTableUsersDocument,
  AccessTableDeclareDocument,
  AccessTableDonationAgreementDocument,
  AccessTableIssueTaxReceiptDocument,
  AccessTablePublicReuseReportDocument,
  AccessTableRecordRecyclingDestinationDocument,
  AccessTableWasteRegisterDocument,
  AccessTableDeclineDocument,
  AccessTableEraseDocument,
  AccessTableGradeDocument,
  AccessTableImpactDocument,
  AccessTableLiftDeclineDocument,
  AccessTableMatchDocument,
  AccessTableOrderDevicesDocument,
  AccessTableOrderRefsDocument,
  AccessTablePauseIntakeDocument,
  AccessTableReassignLotDocument,
  AccessTableReceiveDocument,
  AccessTableRecycleDocument,
  AccessTableReturnToWorkshopDocument,
  AccessTableReplaceStorageDocument,
  AccessTableRecoverDeviceDocument,
  AccessTableMarkPartsDonorDocument,
  AccessTableRecordPartTransferDocument,
  AccessTableSetDeviceLocationDocument,
  AccessTableResolveDiscrepancyDocument,
  AccessTableRefuseDeviceDocument,
  AccessTableReleaseReservationDocument,
  AccessTableSetGradeFloorsDocument,
  AccessTableSwapReservationsDocument,
  AccessTableResolveDocument,
  AccessTableRouteDocument,
  AccessTableScheduleDocument,
  AccessTableShipDocument,
  AccessTableStockDocument,
  AccessTableSubmitDocument,
  AccessTableCapturedEmailsDocument,
  AccessTableMarkNotificationsReadDocument,
  AccessTableSetNotificationPreferenceDocument,
  AccessTableRecordNeedDocument,
  AccessTableCancelNeedDocument,
  AccessTableOrderForNeedsDocument,
  AccessTableRecordAccompanimentDocument,
  AccessTableSetEligibilityBasesDocument,
  AccessTableWaitingListDocument,
  AccessTableSetPricesDocument,
  AccessTablePriceListDocument,
  AccessTableWarrantyDocument,
  DeclareDonationInput,
  DeviceIntakeInput,
  OrderLineInput,
} from './generated/graphql';
import { callerOf } from './support/edge-walk';
import { NetworkFixture, PASSWORD, RegionFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY);
const ROLES = ['admin', 'coordinator', 'donor', 'refurbisher', 'partner'] as const;
type RoleName = (typeof ROLES)[number];
const ROLE_OF: Record<RoleName, Role> = {
  admin: Role.ADMIN,
  coordinator: Role.COORDINATOR,
  donor: Role.DONOR,
  refurbisher: Role.REFURBISHER,
  partner: Role.PARTNER,
};

/** One region's flow, to the end: a received lot, a completed pickup, a delivered device, a delivered order, an open stock count. */
interface RegionStory {
  region: RegionFixture;
  donationId: string;
  lotId: string;
  pickupId: string;
  deliveredDeviceId: string;
  serial: string;
  orderId: string;
  reconciliationId: string;
}

/** A row the caller's region holds (its own organization's where the role has one), and one of the other region. */
type Target = 'own' | 'foreign';

/** How one (resource, action) is asked through GraphQL, about the row of a region's story. */
interface Probe {
  /** the row the table is asked about; none for an action on no row */
  rowOf?: (story: RegionStory) => string;
  /** the GraphQL answer's code, OK on success */
  run: (token: string, story: RegionStory, caller: Caller) => Promise<string>;
}

/**
 * The act table through the API, once per (resource, action, role): each command is sent as
 * that role about a row of its own region and one of the other region. Where the table lets it
 * through, the command gets past every authorization check (the rows are in states that refuse
 * the change itself, CONFLICT, so that cases do not disturb each other); where it does not, the
 * answer is the cell's denial (NOT_FOUND, so ids are not probed, or FORBIDDEN), and a role the
 * resolver's Allow list leaves out is FORBIDDEN first. The expectation comes from the table's SQL
 * form run on the fixture's rows, so the same test also proves that SQL and code agree;
 * libs/auth/src/act-rules.spec.ts proves that the table says what DESIGN.md says.
 */
describe('the act table, once per cell, through GraphQL', () => {
  let t: TestApp;
  let net: NetworkFixture;
  const story = {} as Record<'ARA' | 'BFC', RegionStory>;
  const tokens = {} as Record<RoleName, string>;
  const callers = {} as Record<RoleName, Caller>;
  /** per region, a donor's account the user commands act on (nobody logs in with it) */
  const accounts = {} as Record<'ARA' | 'BFC', string>;
  const accountOf = (s: RegionStory): string => accounts[s.region.code as 'ARA' | 'BFC'];
  /** per region, a need of its partner, cancelled as soon as made: the need commands get past the gate and refuse its state */
  const needs = {} as Record<'ARA' | 'BFC', string>;
  const needOf = (s: RegionStory): string => needs[s.region.code as 'ARA' | 'BFC'];
  /** per region, the story's loan (its delivered device) and a repair ticket open on that device */
  const loans = {} as Record<'ARA' | 'BFC', { id: string; dueDate: string; ticketId: string }>;
  const loanOf = (s: RegionStory) => loans[s.region.code as 'ARA' | 'BFC'];
  let serial = 0;

  const codeOf = async <TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, token: string): Promise<string> => {
    const res = await t.run(document, variables, token);
    return res.errors?.length ? (res.errors[0]!.extensions?.code ?? 'UNKNOWN') : 'OK';
  };

  const tell = async (region: RegionFixture, lat: number, lon: number): Promise<RegionStory> => {
    const input: DeclareDonationInput = {
      pickupAddress: { street: '1 rue du Donateur', postalCode: '00000', city: 'Ville', location: { lat, lon } },
      availableFrom: availableFrom.toISOString(),
      lines: [{ category: 'LAPTOP', quantity: 2 }],
    };
    const donationId = (await t.runOk(AccessTableDeclareDocument, { input }, region.tokens.donor)).declareDonation.id;
    const lots = (await t.runOk(AccessTableRouteDocument, { regionId: region.id }, region.tokens.coordinator)).routeDonations.lots;
    const lotId = lots.find((l) => l.donation.id === donationId)!.id;
    await t.runOk(AccessTableClaimDocument, { id: lotId }, region.tokens.refurbisher);
    const pickupId = (
      await t.runOk(
        AccessTableScheduleDocument,
        { input: { lotId, scheduledAt: new Date(availableFrom.getTime() + 9 * 3600_000).toISOString() } },
        region.tokens.refurbisher,
      )
    ).schedulePickup.id;
    // a pickup is completed once the donation is available: the story's donation became so yesterday
    await t.dataSource.query(`UPDATE donation SET available_from = now() - interval '1 day' WHERE id = $1`, [donationId]);
    await t.runOk(AccessTableCompleteDocument, { input: { pickupId, collectedQuantity: 2 } }, region.tokens.refurbisher);
    const serials = [0, 1].map(() => `ACT-${region.code}-${++serial}`);
    const intake = serials.map((serialNumber): DeviceIntakeInput => ({ serialNumber, category: 'LAPTOP', specs: { ramGb: 8, storageGb: 256, ssd: true } }));
    const received = (await t.runOk(AccessTableReceiveDocument, { input: { lotId, devices: intake } }, region.tokens.refurbisher)).receiveLot.devices;
    for (const { id } of received) {
      await t.runOk(
        AccessTableEraseDocument,
        { input: { deviceId: id, method: 'NIST_800_88_PURGE', operator: 'Camille Martin', verified: true } },
        region.tokens.refurbisher,
      );
      await t.runOk(AccessTableGradeDocument, { input: { deviceId: id, grade: 'B', os: 'Xubuntu 24.04' } }, region.tokens.refurbisher);
    }
    const orderId = (
      await t.runOk(AccessTableSubmitDocument, { input: { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }] } }, region.tokens.partner)
    ).submitOrder.id;
    await t.runOk(AccessTableMatchDocument, { regionId: region.id }, region.tokens.coordinator);
    const delivered = (await t.runOk(AccessTableOrderDevicesDocument, { id: orderId }, region.tokens.partner)).order!.lines[0]!.devices[0]!.id;
    await t.runOk(AccessTableShipDocument, { input: { orderId, deviceIds: [delivered] } }, region.tokens.refurbisher);
    // lent, so that the loan commands have a loan to be asked about
    await t.runOk(
      AccessTableConfirmDocument,
      {
        input: {
          orderId,
          deviceIds: [delivered],
          beneficiaryRefs: [`REF-${region.code}-1`],
          terms: 'LOAN',
          dueDate: new Date(Date.now() + 90 * DAY).toISOString(),
        },
      },
      region.tokens.partner,
    );
    const kept = received.find((d) => d.id !== delivered)!;
    // a serial the network does not know: the count has a discrepancy to decide
    await t.runOk(AccessTableCountDocument, { input: { serialNumbers: [kept.serialNumber, `UNKNOWN-${region.code}`] } }, region.tokens.refurbisher);
    const [count] = (await t.runOk(AccessTableCountsDocument, { refurbisherId: region.refurbisher }, net.adminToken)).reconciliations;
    return { region, donationId, lotId, pickupId, deliveredDeviceId: delivered, serial: kept.serialNumber, orderId, reconciliationId: count!.id };
  };

  const window = { from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() };
  const orderLines: OrderLineInput[] = [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }];
  const donationInput = (donorId: string): DeclareDonationInput => ({
    donorId,
    pickupAddress: { street: '2 rue du Test', postalCode: '00000', city: 'Ville', location: { lat: 45.7, lon: 4.8 } },
    availableFrom: availableFrom.toISOString(),
    lines: [{ category: 'LAPTOP', quantity: 1 }],
  });

  const PROBES: Record<string, Probe> = {
    'Region.create': { run: (token) => codeOf(AccessTableCreateRegionDocument, { input: { code: 'ARA', name: 'Une autre' } }, token) },
    'Region.administer': { rowOf: (s) => s.region.id, run: (token, s) => codeOf(AccessTableRouteDocument, { regionId: s.region.id }, token) },
    'Region.readStock': { rowOf: (s) => s.region.id, run: (token, s) => codeOf(AccessTableStockDocument, { regionId: s.region.id }, token) },
    // no floor named: past the gate, nothing changes
    'Region.setGradeFloors': { rowOf: (s) => s.region.id, run: (token, s) => codeOf(AccessTableSetGradeFloorsDocument, { regionId: s.region.id }, token) },
    'Region.sweepPickups': {
      run: async (_, __, caller) => {
        try {
          await t.app.get(PickupReminderService).markOverdueMissed(new RequestContext(caller));
          return 'OK';
        } catch (e) {
          return e instanceof DomainError ? e.code : String(e);
        }
      },
    },
    // a user made in the partner: past the gate, it exists after (each with its own e-mail)
    'Organization.administer': {
      rowOf: (s) => s.region.partner,
      run: (token, s) =>
        codeOf(
          AccessTableCreateUserDocument,
          { input: { email: `probe-${++serial}@partner.test`, password: PASSWORD, role: 'PARTNER', organizationId: s.region.partner } },
          token,
        ),
    },
    // on a partner: the command goes past the gate and refuses the organization's kind
    'Organization.setCapacities': { rowOf: (s) => s.region.partner, run: (token, s) => codeOf(AccessTableCapacityDocument, { id: s.region.partner }, token) },
    // the same contact again for the caller's own organization, or the region's partner: past the gate, nothing changes
    'Organization.updateContact': {
      rowOf: (s) => s.region.partner,
      run: (token, s) =>
        codeOf(
          AccessTableUpdateOrganizationDocument,
          { input: { organizationId: s.region.partner, contact: { name: 'Accueil', phone: '04 72 00 00 00' } } },
          token,
        ),
    },
    // a service radius on a partner: past the gate, refused as input
    'Organization.updateProfile': {
      rowOf: (s) => s.region.partner,
      run: (token, s) => codeOf(AccessTableUpdateOrganizationDocument, { input: { organizationId: s.region.partner, serviceRadiusKm: 30 } }, token),
    },
    // the partner goes inactive and comes straight back, so that the other probes find it as it was
    'Organization.deactivate': {
      rowOf: (s) => s.region.partner,
      run: async (token, s) => {
        const code = await codeOf(AccessTableDeactivateOrganizationDocument, { input: { organizationId: s.region.partner, reason: 'probe' } }, token);
        if (code === 'OK') await t.runOk(AccessTableReactivateOrganizationDocument, { organizationId: s.region.partner }, net.adminToken);
        return code;
      },
    },
    // the partner is active: past the gate, refused by state
    'Organization.reactivate': {
      rowOf: (s) => s.region.partner,
      run: (token, s) => codeOf(AccessTableReactivateOrganizationDocument, { organizationId: s.region.partner }, token),
    },
    'Organization.declareDonationFor': {
      rowOf: (s) => s.region.donor,
      run: (token, s) => codeOf(AccessTableDeclareDocument, { input: donationInput(s.region.donor) }, token),
    },
    'Organization.submitOrderFor': {
      rowOf: (s) => s.region.partner,
      run: (token, s) => codeOf(AccessTableSubmitDocument, { input: { partnerId: s.region.partner, lines: orderLines } }, token),
    },
    'Organization.countStockOf': {
      rowOf: (s) => s.region.refurbisher,
      run: (token, s) => codeOf(AccessTableCountDocument, { input: { refurbisherId: s.region.refurbisher, serialNumbers: [s.serial] } }, token),
    },
    // a pause that ends in the past: past the gate, refused as input
    'Organization.pauseIntake': {
      rowOf: (s) => s.region.refurbisher,
      run: (token, s) =>
        codeOf(
          AccessTablePauseIntakeDocument,
          { until: new Date(Date.now() - DAY).toISOString(), reason: 'probe', organizationId: s.region.refurbisher },
          token,
        ),
    },
    'Organization.reportImpactOf': {
      rowOf: (s) => s.region.donor,
      run: (token, s) => codeOf(AccessTableImpactDocument, { donorId: s.region.donor, ...window }, token),
    },
    // a laptop above the legal cap for public donors' devices: past the gate, refused as input, the list unchanged
    'Organization.setPrices': {
      rowOf: (s) => s.region.refurbisher,
      run: (token, s) => codeOf(AccessTableSetPricesDocument, { refurbisherId: s.region.refurbisher }, token),
    },
    'Organization.readPrices': {
      rowOf: (s) => s.region.refurbisher,
      run: (token, s) => codeOf(AccessTablePriceListDocument, { refurbisherId: s.region.refurbisher }, token),
    },
    // each with a reference of its own: past the gate, a need or a session exists after
    'Organization.recordNeedFor': {
      rowOf: (s) => s.region.partner,
      run: (token, s) =>
        codeOf(
          AccessTableRecordNeedDocument,
          {
            input: {
              partnerId: s.region.partner,
              beneficiaryRef: `PROBE-${++serial}`,
              profile: 'STUDENT',
              referralSource: 'PARTNER',
              eligibilityBasis: 'INCOME_CRITERIA',
            },
          },
          token,
        ),
    },
    'Organization.recordAccompanimentFor': {
      rowOf: (s) => s.region.partner,
      run: (token, s) =>
        codeOf(
          AccessTableRecordAccompanimentDocument,
          {
            input: {
              partnerId: s.region.partner,
              beneficiaryRef: `PROBE-${++serial}`,
              kind: 'FOLLOW_UP',
              date: new Date(Date.now() - DAY).toISOString(),
              durationMinutes: 30,
            },
          },
          token,
        ),
    },
    // every basis again: past the gate, nothing changes
    'Region.setEligibilityBases': {
      rowOf: (s) => s.region.id,
      run: (token, s) => codeOf(AccessTableSetEligibilityBasesDocument, { regionId: s.region.id }, token),
    },
    'Region.readWaitingList': { rowOf: (s) => s.region.id, run: (token, s) => codeOf(AccessTableWaitingListDocument, { regionId: s.region.id }, token) },
    // the story's need is cancelled: past the gate, refused by state
    // the same due date: past the gate, refused as input (an extension moves it later), or by state once converted
    'Loan.extend': {
      rowOf: (s) => loanOf(s).id,
      run: (token, s) => codeOf(AccessTableExtendLoanDocument, { loanId: loanOf(s).id, dueDate: loanOf(s).dueDate }, token),
    },
    // given back to a partner: past the gate, refused as input
    'Loan.return': {
      rowOf: (s) => loanOf(s).id,
      run: (token, s) => codeOf(AccessTableReturnLoanDocument, { loanId: loanOf(s).id, refurbisherId: s.region.partner }, token),
    },
    // the first allowed caller converts it; the others meet a converted loan (CONFLICT)
    'Loan.convertToGift': { rowOf: (s) => loanOf(s).id, run: (token, s) => codeOf(AccessTableConvertLoanToGiftDocument, { loanId: loanOf(s).id }, token) },
    // the device has an open ticket: past the gate, refused by state
    'Device.openRepairTicket': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableOpenRepairTicketDocument, { deviceId: s.deliveredDeviceId, symptom: 'écran noir' }, token),
    },
    // replaced by itself: past the gate, refused as input
    'RepairTicket.resolve': {
      rowOf: (s) => loanOf(s).ticketId,
      run: (token, s) =>
        codeOf(AccessTableResolveRepairTicketDocument, { ticketId: loanOf(s).ticketId, outcome: 'REPLACED', replacementDeviceId: s.deliveredDeviceId }, token),
    },
    'Organization.setWarranty': {
      rowOf: (s) => s.region.refurbisher,
      run: (token, s) => codeOf(AccessTableSetWarrantyDocument, { refurbisherId: s.region.refurbisher, months: 12 }, token),
    },
    'Organization.readWarranty': {
      rowOf: (s) => s.region.refurbisher,
      run: (token, s) => codeOf(AccessTableWarrantyDocument, { refurbisherId: s.region.refurbisher }, token),
    },
    'Need.cancel': { rowOf: needOf, run: (token, s) => codeOf(AccessTableCancelNeedDocument, { needId: needOf(s) }, token) },
    'Need.order': { rowOf: needOf, run: (token, s) => codeOf(AccessTableOrderForNeedsDocument, { needIds: [needOf(s)] }, token) },
    // the story's donor is no public body: past the gate, refused by state
    'Organization.reportPublicReuseOf': {
      rowOf: (s) => s.region.donor,
      run: (token, s) => codeOf(AccessTablePublicReuseReportDocument, { donorId: s.region.donor }, token),
    },
    'Organization.readWasteRegisterOf': {
      rowOf: (s) => s.region.refurbisher,
      run: (token, s) => codeOf(AccessTableWasteRegisterDocument, { refurbisherId: s.region.refurbisher }, token),
    },
    'Organization.filterStockBy': {
      rowOf: (s) => s.region.refurbisher,
      run: (token, s) => codeOf(AccessTableStockDocument, { refurbisherId: s.region.refurbisher }, token),
    },
    // an administrator in an organization: past the gate, refused as input
    'User.createAdministrator': {
      run: (token) =>
        codeOf(
          AccessTableCreateUserDocument,
          { input: { email: 'second-admin@platform.test', password: PASSWORD, role: 'ADMIN', organizationId: story.ARA.region.partner } },
          token,
        ),
    },
    // the user commands repeat on the region's spare account: past the gate, OK (a deactivated account's reset link: CONFLICT)
    'User.update': { rowOf: accountOf, run: (token, s) => codeOf(AccessTableUpdateUserDocument, { userId: accountOf(s) }, token) },
    'User.deactivate': { rowOf: accountOf, run: (token, s) => codeOf(AccessTableDeactivateUserDocument, { userId: accountOf(s) }, token) },
    'User.reactivate': { rowOf: accountOf, run: (token, s) => codeOf(AccessTableReactivateUserDocument, { userId: accountOf(s) }, token) },
    'User.issuePasswordReset': { rowOf: accountOf, run: (token, s) => codeOf(AccessTableIssuePasswordResetDocument, { userId: accountOf(s) }, token) },
    // the accounts listing: staff only, each kept to what READ_RULES lets it read
    'User.list': { run: (token) => codeOf(AccessTableUsersDocument, {}, token) },
    // a reset link for the region's coordinator: a staff account, an administrator's business only
    'User.administerStaff': { run: (token) => codeOf(AccessTableIssuePasswordResetDocument, { userId: callers.coordinator.userId }, token) },
    'Donation.cancel': { rowOf: (s) => s.donationId, run: (token, s) => codeOf(AccessTableCancelDonationDocument, { id: s.donationId }, token) },
    // nothing of the story's donation waits and no decline bars it: past the gate, refused by state
    'Donation.liftDecline': {
      rowOf: (s) => s.donationId,
      run: (token, s) => codeOf(AccessTableLiftDeclineDocument, { donationId: s.donationId, refurbisherId: s.region.refurbisher }, token),
    },
    'Donation.assignLot': {
      rowOf: (s) => s.donationId,
      run: (token, s) =>
        codeOf(
          AccessTableAssignLotDocument,
          { donationId: s.donationId, refurbisherId: s.region.refurbisher, items: [{ category: 'LAPTOP', quantity: 1 }] },
          token,
        ),
    },
    'Donation.readAgreement': {
      rowOf: (s) => s.donationId,
      run: (token, s) => codeOf(AccessTableDonationAgreementDocument, { donationId: s.donationId }, token),
    },
    // the story's refurbisher is not recorded as eligible: past the gate, refused by state
    'Donation.issueTaxReceipt': {
      rowOf: (s) => s.donationId,
      run: (token, s) => codeOf(AccessTableIssueTaxReceiptDocument, { donationId: s.donationId }, token),
    },
    'Lot.claim': { rowOf: (s) => s.lotId, run: (token, s) => codeOf(AccessTableClaimDocument, { id: s.lotId }, token) },
    'Lot.decline': { rowOf: (s) => s.lotId, run: (token, s) => codeOf(AccessTableDeclineDocument, { id: s.lotId }, token) },
    'Lot.schedulePickup': {
      rowOf: (s) => s.lotId,
      run: (token, s) =>
        codeOf(AccessTableScheduleDocument, { input: { lotId: s.lotId, scheduledAt: new Date(availableFrom.getTime() + DAY).toISOString() } }, token),
    },
    'Lot.receive': {
      rowOf: (s) => s.lotId,
      run: (token, s) =>
        codeOf(AccessTableReceiveDocument, { input: { lotId: s.lotId, devices: [{ serialNumber: `ACT-NEW-${++serial}`, category: 'LAPTOP' }] } }, token),
    },
    // the story's lot is received: past the gate, refused by state
    'Lot.reassign': {
      rowOf: (s) => s.lotId,
      run: (token, s) => codeOf(AccessTableReassignLotDocument, { lotId: s.lotId, refurbisherId: s.region.partner }, token),
    },
    'Pickup.complete': {
      rowOf: (s) => s.pickupId,
      run: (token, s) => codeOf(AccessTableCompleteDocument, { input: { pickupId: s.pickupId, collectedQuantity: 2 } }, token),
    },
    // the story's pickup is completed: past the gate, refused by state
    'Pickup.reschedule': {
      rowOf: (s) => s.pickupId,
      run: (token, s) =>
        codeOf(
          AccessTableReschedulePickupDocument,
          { input: { pickupId: s.pickupId, scheduledAt: new Date(availableFrom.getTime() + DAY).toISOString(), reason: 'probe' } },
          token,
        ),
    },
    'Pickup.cancel': {
      rowOf: (s) => s.pickupId,
      run: (token, s) => codeOf(AccessTableCancelPickupDocument, { input: { pickupId: s.pickupId, reason: 'probe' } }, token),
    },
    'Device.erase': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) =>
        codeOf(
          AccessTableEraseDocument,
          { input: { deviceId: s.deliveredDeviceId, method: 'NIST_800_88_PURGE', operator: 'Camille Martin', verified: true } },
          token,
        ),
    },
    'Device.grade': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableGradeDocument, { input: { deviceId: s.deliveredDeviceId, grade: 'A' } }, token),
    },
    'Device.recycle': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableRecycleDocument, { input: { deviceId: s.deliveredDeviceId, reason: 'broken' } }, token),
    },
    // the story's device was delivered: past the gate, refused because it was shipped
    'Device.releaseReservation': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableReleaseReservationDocument, { input: { deviceId: s.deliveredDeviceId, reason: 'probe' } }, token),
    },
    // the same device twice: past the gate, refused as input
    'Device.swapReservations': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableSwapReservationsDocument, { input: { deviceId: s.deliveredDeviceId, otherDeviceId: s.deliveredDeviceId } }, token),
    },
    'PartnerOrder.cancel': { rowOf: (s) => s.orderId, run: (token, s) => codeOf(AccessTableCancelOrderDocument, { id: s.orderId }, token) },
    'PartnerOrder.readBeneficiaryRefs': {
      rowOf: (s) => s.orderId,
      run: async (token, s) => {
        const res = await t.run(AccessTableOrderRefsDocument, { id: s.orderId }, token);
        if (res.errors?.length) return res.errors[0]!.extensions?.code ?? 'UNKNOWN';
        // a read answers null where the command would answer NOT_FOUND
        const refs = res.data!.order?.lines[0]?.beneficiaryRefs;
        return refs ? 'OK' : 'NOT_FOUND';
      },
    },
    'PartnerOrder.confirmDelivery': {
      rowOf: (s) => s.orderId,
      run: (token, s) => codeOf(AccessTableConfirmDocument, { input: { orderId: s.orderId, deviceIds: [s.deliveredDeviceId] } }, token),
    },
    'PartnerOrder.ship': {
      rowOf: (s) => s.orderId,
      run: (token, s) => codeOf(AccessTableShipDocument, { input: { orderId: s.orderId, deviceIds: [s.deliveredDeviceId] } }, token),
    },
    // the story's device was delivered: past the gate, refused by state
    'PartnerOrder.refuseDevice': {
      rowOf: (s) => s.orderId,
      run: (token, s) => codeOf(AccessTableRefuseDeviceDocument, { input: { orderId: s.orderId, deviceId: s.deliveredDeviceId, reason: 'probe' } }, token),
    },
    'Reconciliation.resolve': { rowOf: (s) => s.reconciliationId, run: (token, s) => codeOf(AccessTableResolveDocument, { id: s.reconciliationId }, token) },
    // a person's own notifications and preferences: everyone, on their own rows only
    'Notification.markRead': { run: (token) => codeOf(AccessTableMarkNotificationsReadDocument, {}, token) },
    'Notification.setPreference': { run: (token) => codeOf(AccessTableSetNotificationPreferenceDocument, {}, token) },
    // the test API has no SMTP_URL: its e-mails are captured, and an administrator lists them
    'CapturedEmail.read': { run: (token) => codeOf(AccessTableCapturedEmailsDocument, {}, token) },
    'Reconciliation.resolveDiscrepancy': {
      rowOf: (s) => s.reconciliationId,
      run: async (token, s) => {
        const [d] = await t.dataSource.query(`SELECT id FROM reconciliation_discrepancy WHERE reconciliation_id = $1 ORDER BY id LIMIT 1`, [
          s.reconciliationId,
        ]);
        return codeOf(AccessTableResolveDiscrepancyDocument, { discrepancyId: String(d.id), decision: 'MISSCANNED' }, token);
      },
    },
    // the workshop's commands on a DELIVERED device: past the gate, each refuses the state (CONFLICT)
    'Device.returnToWorkshop': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableReturnToWorkshopDocument, { input: { deviceId: s.deliveredDeviceId, reason: 'screen' } }, token),
    },
    'Device.replaceStorage': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableReplaceStorageDocument, { input: { deviceId: s.deliveredDeviceId, storageGb: 256, ssd: true } }, token),
    },
    'Device.recover': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableRecoverDeviceDocument, { input: { deviceId: s.deliveredDeviceId, note: 'on a shelf' } }, token),
    },
    'Device.markPartsDonor': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableMarkPartsDonorDocument, { deviceId: s.deliveredDeviceId }, token),
    },
    'Device.transferPart': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) =>
        codeOf(AccessTableRecordPartTransferDocument, { input: { fromDeviceId: s.deliveredDeviceId, toDeviceId: s.deliveredDeviceId, part: 'RAM' } }, token),
    },
    // the story's device was delivered, not recycled: past the gate, refused by state
    'Device.recordRecyclingDestination': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableRecordRecyclingDestinationDocument, { deviceId: s.deliveredDeviceId }, token),
    },
    'Device.locate': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(AccessTableSetDeviceLocationDocument, { input: { deviceId: s.deliveredDeviceId, location: 'A1' } }, token),
    },
  };

  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
    story.ARA = await tell(net.ara, 45.75, 4.83);
    story.BFC = await tell(net.bfc, 47.32, 5.04);
    for (const region of [net.ara, net.bfc]) {
      const input = {
        beneficiaryRef: `NEED-${region.code}`,
        profile: 'STUDENT' as const,
        referralSource: 'PARTNER' as const,
        eligibilityBasis: 'INCOME_CRITERIA' as const,
      };
      const needId = (await t.runOk(AccessTableRecordNeedDocument, { input }, region.tokens.partner)).recordNeed.id;
      await t.runOk(AccessTableCancelNeedDocument, { needId }, region.tokens.partner);
      needs[region.code as 'ARA' | 'BFC'] = needId;
    }
    for (const region of [net.ara, net.bfc]) {
      const s = story[region.code as 'ARA' | 'BFC'];
      const [loan] = await t.dataSource.query(`SELECT id, due_date FROM loan WHERE device_id = $1`, [s.deliveredDeviceId]);
      const ticketId = (
        await t.runOk(AccessTableOpenRepairTicketDocument, { deviceId: s.deliveredDeviceId, symptom: 'ne démarre plus' }, region.tokens.partner)
      ).openRepairTicket.id;
      loans[region.code as 'ARA' | 'BFC'] = { id: loan.id as string, dueDate: (loan.due_date as Date).toISOString(), ticketId };
    }
    for (const region of [net.ara, net.bfc]) {
      const [row] = await t.dataSource.query(`INSERT INTO "user" (email, password_hash, role, organization_id) VALUES ($1, 'none', 'DONOR', $2) RETURNING id`, [
        `spare@${region.code.toLowerCase()}.test`,
        region.donor,
      ]);
      accounts[region.code as 'ARA' | 'BFC'] = row.id as string;
    }
    for (const role of ROLES) {
      tokens[role] = role === 'admin' ? net.adminToken : net.ara.tokens[role];
      callers[role] = await callerOf(t, role === 'admin' ? 'admin@platform.test' : `${role}@ara.test`);
    }
  }, 180_000);
  afterAll(() => t?.close());

  it('every declared action has its probe', () => {
    expect(
      actActions()
        .map((a) => `${a.resource}.${a.action}`)
        .sort(),
    ).toEqual(Object.keys(PROBES).sort());
  });

  // resolving changes the count: those cases go last
  const actions = actActions().sort((a, b) => Number(a.resource === 'Reconciliation') - Number(b.resource === 'Reconciliation'));
  const cells = actions.flatMap(({ resource, action }) => ROLES.map((role) => [`${resource}.${action}`, role, resource, action] as const));

  it.each(cells)('%s as %s', async (key, role, resource, action) => {
    const probe = PROBES[key]!;
    const caller = callers[role];
    const cell = actCell(resource, action as never, ROLE_OF[role]);
    const denial = cell?.denied.code ?? 'FORBIDDEN';
    const seen: Record<string, string> = {};
    const expected: Record<string, string> = {};
    const targets: Target[] = probe.rowOf ? ['own', 'foreign'] : ['own'];
    for (const target of targets) {
      const s = target === 'own' ? story.ARA : story.BFC;
      let allowed: boolean;
      if (probe.rowOf) {
        const id = probe.rowOf(s);
        allowed = (await ActAccess.permitted(new RequestContext(caller), t.dataSource.manager, resource as ActResource, action as never, [id])).has(id);
      } else {
        allowed = cell?.rule === EVERYTHING;
      }
      const code = await probe.run(tokens[role], s, caller);
      // allowed: past every authorization check, whatever the state says next
      seen[target] = allowed ? (['NOT_FOUND', 'FORBIDDEN'].includes(code) ? `refused (${code})` : 'past the gate') : code;
      expected[target] = allowed ? 'past the gate' : denial;
    }
    expect(seen).toEqual(expected);
  });
});
