import { ErrorReason, frenchMessage } from '@app/common';
import {
  AccountsChangePasswordDocument,
  ClaimLotDocument,
  CreateOrganizationDocument,
  CreateOrganizationInput,
  ErrorReasonsAssignLotDocument,
  ErrorReasonsDevicesPageDocument,
  ErrorReasonsDonorImpactDocument,
  ErrorReasonsSwapReservationsDocument,
  GradeDeviceDocument,
  LoginDocument,
  SchedulePickupDocument,
  SubmitOrderDocument,
} from './generated/graphql';
import { claimLot, declareAndRoute, declareDonation, eraseDevice, LYON, markCollected, receiveLot } from './support/donation-flow';
import { NetworkFixture, PASSWORD, seedNetwork } from './support/network-fixture';
import { GqlResponse, TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const inDays = (n: number): string => new Date(Date.now() + n * DAY).toISOString();

/**
 * One representative refusal per lib, provoked through GraphQL: the code stays what clients
 * rely on, the reason names the situation, the details carry its parameters, and the French
 * sentence a client shows renders from them alone.
 */
describe('every refusal names its situation: code, reason, details, and a French sentence', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
  });
  afterAll(() => t.close());

  /** The refusal's extensions once code and reason are checked, and its French sentence. */
  function refusal(res: GqlResponse<unknown>, code: string, reason: ErrorReason): { details: Record<string, unknown>; french: string } {
    const extensions = res.errors?.[0]?.extensions as { code?: string; reason?: string; details?: Record<string, unknown> } | undefined;
    expect({ code: extensions?.code, reason: extensions?.reason }).toEqual({ code, reason });
    const details = extensions?.details ?? {};
    const french = frenchMessage(reason, details);
    expect(french).toMatch(/^[A-ZÀ-Ý«].*[.!]$/);
    expect(french).not.toMatch(/undefined|null|NaN|\[object/);
    return { details, french };
  }

  const organization = (overrides: Partial<CreateOrganizationInput>): CreateOrganizationInput => ({
    kind: 'DONOR',
    name: 'Entreprise Raison',
    regionId: net.ara.id,
    address: { street: '1 rue de la Paix', postalCode: '69001', city: 'Lyon', location: { lat: 45.76, lon: 4.83 } },
    ...overrides,
  });

  it('common: a page larger than the limit says the limit', async () => {
    const res = await t.run(ErrorReasonsDevicesPageDocument, { first: 501 }, net.ara.tokens.coordinator);
    const { details, french } = refusal(res, 'BAD_USER_INPUT', ErrorReason.PAGE_TOO_LARGE);
    expect(details).toMatchObject({ field: 'first', max: 500, given: 501 });
    expect(french).toBe('Demandez au plus 500 éléments par page.');
  });

  it('input validation: the refused fields and rules, a bad SIRET named as such', async () => {
    const res = await t.run(CreateOrganizationDocument, { input: organization({ siret: '73282932000075' }) }, net.adminToken);
    const { details, french } = refusal(res, 'BAD_USER_INPUT', ErrorReason.SIRET_INVALID);
    expect(details).toMatchObject({ field: 'siret', fields: [{ path: 'siret', constraints: ['isSiret'] }] });
    expect(french).toMatch(/^Ce numéro SIRET n’est pas valable/);

    const blank = await t.run(CreateOrganizationDocument, { input: organization({ name: '' }) }, net.adminToken);
    const invalid = refusal(blank, 'BAD_USER_INPUT', ErrorReason.INVALID_INPUT);
    expect(invalid.details.fields).toEqual([{ path: 'name', constraints: expect.arrayContaining([expect.any(String)]) }]);
    expect(invalid.french).toBe('La valeur du champ « name » n’est pas valable : corrigez-la.');
  });

  it('network: an address that cannot be placed lists the communes of its postal code', async () => {
    const res = await t.run(CreateOrganizationDocument, { input: organization({ address: { postalCode: '69280', city: 'Atlantis' } }) }, net.adminToken);
    const { details, french } = refusal(res, 'BAD_USER_INPUT', ErrorReason.ADDRESS_NOT_FOUND);
    expect(details).toMatchObject({ field: 'address.city', postalCode: '69280', city: 'Atlantis', suggestions: expect.arrayContaining(["Marcy-l'Étoile"]) });
    expect(french).toMatch(/^Adresse introuvable pour le code postal 69280 : choisissez l’une de ces communes \(.*Marcy-l'Étoile.*\)/);
  });

  it('auth: a wrong password at login, a weak new password', async () => {
    const login = await t.run(LoginDocument, { email: 'partner@ara.test', password: 'not-the-password' });
    expect(refusal(login, 'UNAUTHENTICATED', ErrorReason.INVALID_CREDENTIALS).french).toMatch(/^Adresse e-mail ou mot de passe incorrect/);

    const weak = await t.run(AccountsChangePasswordDocument, { currentPassword: PASSWORD, newPassword: 'short' }, net.bfc.tokens.partner);
    const { details, french } = refusal(weak, 'BAD_USER_INPUT', ErrorReason.PASSWORD_TOO_WEAK);
    expect(details).toEqual({ field: 'newPassword', reason: 'PASSWORD_TOO_SHORT', minLength: 12 });
    expect(french).toBe('Choisissez un mot de passe d’au moins 12 caractères : quelques mots sans rapport entre eux en font un bon.');
  });

  it('donations: claiming an offer that expired says when it did', async () => {
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 2 }], { pickupAddress: LYON, availableFrom: inDays(3) });
    const expiredAt = new Date(Date.now() - 2 * 3600_000);
    await t.dataSource.query(`UPDATE lot SET offer_expires_at = $2 WHERE id = $1`, [lot.id, expiredAt]);
    const res = await t.run(ClaimLotDocument, { lotId: lot.id }, net.ara.tokens.refurbisher);
    const { details, french } = refusal(res, 'CONFLICT', ErrorReason.OFFER_EXPIRED);
    expect(details).toEqual({ lotId: lot.id, offerExpiresAt: expiredAt.toISOString() });
    expect(french).toMatch(/^Cette proposition a expiré le .* \(il y a 2 h\) : le lot va être proposé à nouveau/);
  });

  it('routing: assigning more devices than wait for a refurbisher says how many do', async () => {
    const donationId = await declareDonation(t, net.bfc, [{ category: 'LAPTOP', quantity: 3 }], { pickupAddress: LYON, availableFrom: inDays(3) });
    const res = await t.run(
      ErrorReasonsAssignLotDocument,
      { donationId, refurbisherId: net.bfc.refurbisher, items: [{ category: 'LAPTOP', quantity: 5 }] },
      net.bfc.tokens.coordinator,
    );
    const { details, french } = refusal(res, 'BAD_USER_INPUT', ErrorReason.NOT_ENOUGH_UNASSIGNED);
    expect(details).toEqual({ field: 'items', category: 'LAPTOP', available: 3, requested: 5 });
    expect(french).toBe('Seuls 3 ordinateurs portables de ce don attendent un atelier : attribuez-en au plus 3, ou déplacez un lot déjà proposé.');
  });

  it('logistics: a pickup before the donation is available names the first possible day', async () => {
    const availableFrom = inDays(5);
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom });
    await claimLot(t, lot.id, net.ara.tokens.refurbisher);
    const res = await t.run(SchedulePickupDocument, { input: { lotId: lot.id, scheduledAt: inDays(1) } }, net.ara.tokens.refurbisher);
    const { details, french } = refusal(res, 'BAD_USER_INPUT', ErrorReason.PICKUP_BEFORE_AVAILABILITY);
    expect(details).toMatchObject({ field: 'scheduledAt', availableFrom });
    expect(french).toMatch(/^Le matériel n’est disponible qu’à partir du .* : choisissez une date d’enlèvement à partir de ce moment\.$/);
  });

  it('refurbishing: grading before the erasure asks for the erasure, a computer without OS for its OS', async () => {
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom: inDays(3) });
    await claimLot(t, lot.id, net.ara.tokens.refurbisher);
    await markCollected(t, lot.id);
    const [device] = await receiveLot(t, lot.id, [{ serialNumber: 'REASON-1', category: 'LAPTOP' }], net.ara.tokens.refurbisher);
    const early = await t.run(GradeDeviceDocument, { input: { deviceId: device!.id, grade: 'A', os: 'Xubuntu 24.04' } }, net.ara.tokens.refurbisher);
    const erasure = refusal(early, 'CONFLICT', ErrorReason.ERASURE_REQUIRED);
    expect(erasure.details).toEqual({ deviceId: device!.id, status: 'RECEIVED', to: 'IN_STOCK' });
    expect(erasure.french).toBe('Enregistrez d’abord l’effacement des données de cet appareil.');

    await eraseDevice(t, device!.id, net.ara.tokens.refurbisher);
    const noOs = await t.run(GradeDeviceDocument, { input: { deviceId: device!.id, grade: 'A' } }, net.ara.tokens.refurbisher);
    expect(refusal(noOs, 'BAD_USER_INPUT', ErrorReason.OS_REQUIRED).details).toEqual({ field: 'os', deviceId: device!.id });
  });

  it('orders: a line below its profile’s minimum, and a deactivated partner', async () => {
    const res = await t.run(
      SubmitOrderDocument,
      { input: { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'DESIGN_STUDENT', minRamGb: 8 }] } },
      net.ara.tokens.partner,
    );
    const { details, french } = refusal(res, 'BAD_USER_INPUT', ErrorReason.ORDER_LINES_INVALID);
    expect(details).toEqual({ problems: [expect.stringMatching(/^lines\[0\]: minRamGb 8 is below the DESIGN_STUDENT minimum of 16/)], count: 1 });
    expect(french).toMatch(/^La commande a 1 exigence impossible/);

    await t.dataSource.query(`UPDATE organization SET deactivated_at = '2026-01-15T09:00:00Z', deactivation_reason = 'test' WHERE id = $1`, [net.bfc.partner]);
    const deactivated = await t.run(
      SubmitOrderDocument,
      { input: { partnerId: net.bfc.partner, lines: [{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }] } },
      net.bfc.tokens.coordinator,
    );
    const refused = refusal(deactivated, 'CONFLICT', ErrorReason.ORGANIZATION_DEACTIVATED);
    expect(refused.details).toEqual({ organizationId: net.bfc.partner, deactivatedAt: '2026-01-15T09:00:00.000Z' });
    expect(refused.french).toBe(
      'Cette organisation est désactivée depuis le jeudi 15 janvier 2026 à 10 h 00 : demandez au coordinateur de la région de la réactiver.',
    );
  });

  it('matching: swapping a device with itself', async () => {
    const [row] = await t.dataSource.query(`SELECT id FROM device WHERE serial_number = 'REASON-1'`);
    const res = await t.run(ErrorReasonsSwapReservationsDocument, { input: { deviceId: row.id, otherDeviceId: row.id } }, net.ara.tokens.coordinator);
    const { details, french } = refusal(res, 'BAD_USER_INPUT', ErrorReason.SAME_DEVICE);
    expect(details).toEqual({ deviceId: row.id, otherDeviceId: row.id });
    expect(french).toBe('Vous avez choisi deux fois le même appareil : choisissez-en deux différents.');
  });

  it('reporting: a period that ends before it starts', async () => {
    const res = await t.run(ErrorReasonsDonorImpactDocument, { from: '2026-06-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, net.ara.tokens.donor);
    const { details, french } = refusal(res, 'BAD_USER_INPUT', ErrorReason.PERIOD_REVERSED);
    expect(details).toEqual({ field: 'to' });
    expect(french).toBe('La date de début doit précéder la date de fin : corrigez la période.');
  });
});
