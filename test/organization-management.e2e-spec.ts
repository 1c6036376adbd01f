import {
  OrgsClaimDocument,
  OrgsContactsDocument,
  OrgsDeactivateDocument,
  OrgsDeclareDocument,
  OrgsDonationsDocument,
  OrgsLotContactsDocument,
  OrgsLotDocument,
  OrgsOrganizationDocument,
  OrgsReactivateDocument,
  OrgsSetCapacityDocument,
  OrgsSubmitOrderDocument,
  OrgsUpdateDocument,
  OrgsUpdateFlagsDocument,
  UpdateOrganizationInput,
} from './generated/graphql';
import { claimLot, declareAndRoute, declareDonation, eraseAndGrade, LYON, markCollected, receiveLot, routeDonations } from './support/donation-flow';
import { matchOrders, submitOrder } from './support/order-flow';
import { NetworkFixture, PASSWORD, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY).toISOString();
const CONTACT = { name: 'Camille Martin', email: 'camille@example.fr', phone: '04 72 00 00 00' };

describe('organizations: editing, deactivation, contacts', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
  });

  const update = (input: UpdateOrganizationInput, token: string) => t.run(OrgsUpdateDocument, { input }, token);
  const updateCode = async (input: UpdateOrganizationInput, token: string) => (await update(input, token)).errors?.[0]?.extensions?.code ?? 'OK';
  const read = async (id: string, token = net.ara.tokens.coordinator) => (await t.runOk(OrgsOrganizationDocument, { id }, token)).organization;
  /** A donation of the region's donor, routed to its refurbisher: the lot, OFFERED. */
  const offeredLot = async (): Promise<{ id: string; donationId: string }> => {
    const donationId = await declareDonation(t, net.ara, [{ category: 'LAPTOP', quantity: 2 }], { pickupAddress: LYON, availableFrom });
    const lot = (await routeDonations(t, net.ara)).find((l) => l.donationId === donationId)!;
    return { id: lot.id, donationId };
  };

  describe('updateOrganization', () => {
    it('the coordinator changes everything; the address is located again; contact stored as typed, trimmed', async () => {
      const res = await t.runOk(
        OrgsUpdateDocument,
        {
          input: {
            organizationId: net.ara.refurbisher,
            name: '  Atelier Lyon Sud ',
            address: { street: '3 rue de Gerland', postalCode: '69007', city: 'Lyon', location: { lat: 45.73, lon: 4.83 } },
            contact: { name: ' Camille Martin ', email: 'camille@example.fr', phone: ' +33 4 72 00 00 00 ' },
            serviceRadiusKm: 80,
          },
        },
        net.ara.tokens.coordinator,
      );
      expect(res.updateOrganization).toMatchObject({
        name: 'Atelier Lyon Sud',
        serviceRadiusKm: 80,
        address: { street: '3 rue de Gerland', postalCode: '69007', city: 'Lyon', location: { lat: 45.73, lon: 4.83 } },
        contact: { name: 'Camille Martin', email: 'camille@example.fr', phone: '+33 4 72 00 00 00' },
        deactivatedAt: null,
      });
      // a city without coordinates is located as at creation
      const moved = await t.runOk(
        OrgsUpdateDocument,
        { input: { organizationId: net.ara.partner, address: { postalCode: '69500', city: 'Bron' } } },
        net.ara.tokens.coordinator,
      );
      expect(moved.updateOrganization.address).toMatchObject({
        city: 'Bron',
        postalCode: '69500',
        location: { lat: expect.any(Number), lon: expect.any(Number) },
      });
      expect(moved.updateOrganization.address.location.lat).not.toBe(45.7);
    });

    it('its own users change address and contact, not its name or radius (FORBIDDEN); others are NOT_FOUND', async () => {
      expect(await updateCode({ organizationId: net.ara.partner, contact: CONTACT }, net.ara.tokens.partner)).toBe('OK');
      expect((await read(net.ara.partner, net.ara.tokens.partner))!.contact).toEqual(CONTACT);
      expect(
        await updateCode({ organizationId: net.ara.refurbisher, address: { postalCode: '69002', city: 'Lyon', street: '1 quai' } }, net.ara.tokens.refurbisher),
      ).toBe('OK');
      const renamed = await update({ organizationId: net.ara.partner, name: 'Autre nom' }, net.ara.tokens.partner);
      expect(renamed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(renamed.errors?.[0]?.message).toMatch(/Only the coordinator of the region changes/);
      expect(await updateCode({ organizationId: net.ara.refurbisher, serviceRadiusKm: 500 }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
      expect(await updateCode({ organizationId: net.ara.refurbisher, serviceRadiusKm: 500, contact: CONTACT }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
      // someone else's organization, another region's coordinator: as if it did not exist
      expect(await updateCode({ organizationId: net.ara.refurbisher, contact: CONTACT }, net.ara.tokens.donor)).toBe('NOT_FOUND');
      expect(await updateCode({ organizationId: net.ara.partner, contact: CONTACT }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await updateCode({ organizationId: net.ara.partner, name: 'Par l’admin' }, net.adminToken)).toBe('OK');
      expect(await read(net.ara.refurbisher)).toMatchObject({ name: 'Refurbisher ARA', serviceRadiusKm: 150, contact: { name: null } });
    });

    it('refuses what is wrong: nothing given, bad e-mail or phone, blank name, a radius for a non-refurbisher', async () => {
      const coordinator = net.ara.tokens.coordinator;
      for (const phone of ['04 72 00 00 00', '0472000000', '+33 4 72 00 00 00', '+33472000000', '04.72.00.00.00', '06-12-34-56-78']) {
        expect({ phone, code: await updateCode({ organizationId: net.ara.partner, contact: { phone } }, coordinator) }).toEqual({ phone, code: 'OK' });
      }
      const bad: UpdateOrganizationInput[] = [
        { organizationId: net.ara.partner },
        { organizationId: net.ara.partner, contact: { email: 'not-an-address' } },
        { organizationId: net.ara.partner, contact: { email: `${'a'.repeat(250)}@example.fr` } },
        { organizationId: net.ara.partner, contact: { phone: '12345' } },
        { organizationId: net.ara.partner, contact: { phone: '+44 20 7946 0958' } },
        { organizationId: net.ara.partner, contact: { phone: 'appelez-moi' } },
        { organizationId: net.ara.partner, contact: { name: 'x'.repeat(201) } },
        { organizationId: net.ara.partner, name: '   ' },
        { organizationId: net.ara.partner, serviceRadiusKm: 30 },
        { organizationId: net.ara.refurbisher, serviceRadiusKm: -3 },
      ];
      for (const input of bad) expect({ input, code: await updateCode(input, coordinator) }).toEqual({ input, code: 'BAD_USER_INPUT' });
      expect((await read(net.ara.partner))!.contact).toEqual({ name: null, email: null, phone: '06-12-34-56-78' });
    });

    it('staff record a public donor and a refurbisher that may issue tax receipts; the organizations themselves cannot', async () => {
      const flags = (organizationId: string, input: Partial<UpdateOrganizationInput>, token: string) =>
        t.run(OrgsUpdateFlagsDocument, { input: { organizationId, ...input } }, token);
      expect((await flags(net.ara.donor, { publicBody: true }, net.ara.tokens.coordinator)).data?.updateOrganization).toEqual({
        id: net.ara.donor,
        publicBody: true,
        taxReceiptEligible: false,
      });
      expect((await flags(net.ara.refurbisher, { taxReceiptEligible: true }, net.adminToken)).data?.updateOrganization).toMatchObject({
        taxReceiptEligible: true,
      });
      // a price cap or a tax receipt is not for the organization to grant itself
      const own = await flags(net.ara.refurbisher, { taxReceiptEligible: false }, net.ara.tokens.refurbisher);
      expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'COORDINATOR_REQUIRED', details: { fields: ['taxReceiptEligible'] } });
      expect((await flags(net.ara.donor, { publicBody: false }, net.ara.tokens.donor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // each flag belongs to one kind of organization
      expect((await flags(net.ara.partner, { publicBody: true }, net.ara.tokens.coordinator)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DONOR_ONLY',
      });
      expect((await flags(net.ara.donor, { taxReceiptEligible: true }, net.ara.tokens.coordinator)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'REFURBISHER_ONLY',
      });
      expect(await read(net.ara.donor)).toMatchObject({ publicBody: true });
      expect(await read(net.ara.refurbisher)).toMatchObject({ taxReceiptEligible: true });
    });

    it('a refurbisher that moved keeps its history: its lots keep the distance they were routed at, donations their address', async () => {
      const lot = await offeredLot();
      const before = (await t.runOk(OrgsLotDocument, { id: lot.id }, net.ara.tokens.coordinator)).lot!;
      await t.runOk(
        OrgsUpdateDocument,
        { input: { organizationId: net.ara.refurbisher, address: { postalCode: '38000', city: 'Grenoble', location: { lat: 45.19, lon: 5.72 } } } },
        net.ara.tokens.coordinator,
      );
      expect((await t.runOk(OrgsLotDocument, { id: lot.id }, net.ara.tokens.coordinator)).lot).toEqual(before);
    });
  });

  describe('who reads the contact', () => {
    beforeEach(async () => {
      for (const id of [net.ara.donor, net.ara.refurbisher, net.ara.partner, net.ara.coordinatorOrg]) {
        await t.runOk(OrgsUpdateDocument, { input: { organizationId: id, contact: CONTACT } }, net.ara.tokens.coordinator);
      }
    });

    it('staff of the region and ADMIN read every contact; each user its own organization’s', async () => {
      const listed = (token: string) => t.runOk(OrgsContactsDocument, {}, token).then((d) => d.organizations);
      expect((await listed(net.ara.tokens.coordinator)).every((o) => o.contact?.email === CONTACT.email)).toBe(true);
      expect((await listed(net.adminToken)).filter((o) => o.contact?.email === CONTACT.email)).toHaveLength(4);
      expect(await listed(net.bfc.tokens.coordinator)).not.toContainEqual(expect.objectContaining({ contact: CONTACT }));
      for (const role of ['donor', 'refurbisher', 'partner'] as const) {
        const own = { donor: net.ara.donor, refurbisher: net.ara.refurbisher, partner: net.ara.partner }[role];
        expect(await listed(net.ara.tokens[role])).toEqual([{ id: own, contact: CONTACT }]);
      }
    });

    it('donor and refurbisher read each other’s contact once the lot is claimed, not on a mere offer', async () => {
      const lot = await offeredLot();
      const seen = async (token: string) => (await t.runOk(OrgsLotContactsDocument, { id: lot.id }, token)).lot!;
      // offered: each reads the other organization, not its contact
      expect((await seen(net.ara.tokens.donor)).refurbisher).toEqual({ id: net.ara.refurbisher, contact: null });
      expect((await seen(net.ara.tokens.refurbisher)).donation.donor).toEqual({ id: net.ara.donor, contact: null });
      await t.runOk(OrgsClaimDocument, { lotId: lot.id }, net.ara.tokens.refurbisher);
      const reach = { name: CONTACT.name, phone: CONTACT.phone };
      expect((await seen(net.ara.tokens.donor)).refurbisher).toEqual({ id: net.ara.refurbisher, contact: reach });
      expect((await seen(net.ara.tokens.refurbisher)).donation.donor).toEqual({ id: net.ara.donor, contact: reach });
      // the partner has no business with either
      expect((await t.runOk(OrgsOrganizationDocument, { id: net.ara.refurbisher }, net.ara.tokens.partner)).organization).toBeNull();
    });

    it('partner and refurbisher read each other’s contact once a device of the one is reserved for the other', async () => {
      const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom });
      await claimLot(t, lot.id, net.ara.tokens.refurbisher);
      await markCollected(t, lot.id);
      const [device] = await receiveLot(
        t,
        lot.id,
        [{ serialNumber: 'ORGS-SN-1', category: 'LAPTOP', specs: { ramGb: 8, storageGb: 256, ssd: true } }],
        net.ara.tokens.refurbisher,
      );
      await eraseAndGrade(t, device!.id, net.ara.tokens.refurbisher, 'A', { os: 'Xubuntu 24.04' });
      const contactOf = async (id: string, token: string) => (await t.runOk(OrgsOrganizationDocument, { id }, token)).organization?.contact ?? null;
      expect(await contactOf(net.ara.partner, net.ara.tokens.refurbisher)).toBeNull();
      await submitOrder(t, [{ category: 'LAPTOP', quantity: 1, profile: 'OTHER' }], net.ara.tokens.partner);
      expect((await matchOrders(t, net.ara)).allocatedQuantity).toBe(1);
      expect(await contactOf(net.ara.refurbisher, net.ara.tokens.partner)).toEqual(CONTACT);
      expect(await contactOf(net.ara.partner, net.ara.tokens.refurbisher)).toEqual(CONTACT);
      // the donor of the device has no business with the partner
      expect(await contactOf(net.ara.partner, net.ara.tokens.donor)).toBeNull();
    });
  });

  describe('deactivateOrganization / reactivateOrganization', () => {
    const deactivate = (organizationId: string, token = net.ara.tokens.coordinator, reason = 'closed for good') =>
      t.run(OrgsDeactivateDocument, { input: { organizationId, reason } }, token);
    const codeOf = async (res: Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>) => (await res).errors?.[0]?.extensions?.code ?? 'OK';

    it('who may: staff of the region and ADMIN; a coordinator organization only by ADMIN', async () => {
      for (const role of ['donor', 'refurbisher', 'partner'] as const)
        expect(await codeOf(deactivate(net.ara.partner, net.ara.tokens[role]))).toBe('FORBIDDEN');
      expect(await codeOf(deactivate(net.ara.partner, net.bfc.tokens.coordinator))).toBe('NOT_FOUND');
      const own = await deactivate(net.ara.coordinatorOrg);
      expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(own.errors?.[0]?.message).toMatch(/administrator only/);
      expect(await codeOf(deactivate(net.ara.partner, net.ara.tokens.coordinator, '  '))).toBe('BAD_USER_INPUT');
      expect(await codeOf(deactivate(net.ara.partner))).toBe('OK');
      expect(await codeOf(deactivate(net.ara.partner))).toBe('CONFLICT');
      expect(await read(net.ara.partner)).toMatchObject({ deactivatedAt: expect.any(String), deactivationReason: 'closed for good' });
      for (const role of ['donor', 'refurbisher', 'partner'] as const)
        expect((await t.run(OrgsReactivateDocument, { organizationId: net.ara.partner }, net.ara.tokens[role])).errors?.[0]?.extensions?.code).toBe(
          'FORBIDDEN',
        );
      expect((await t.run(OrgsReactivateDocument, { organizationId: net.ara.partner }, net.bfc.tokens.coordinator)).errors?.[0]?.extensions?.code).toBe(
        'NOT_FOUND',
      );
      expect((await t.runOk(OrgsReactivateDocument, { organizationId: net.ara.partner }, net.ara.tokens.coordinator)).reactivateOrganization).toEqual({
        id: net.ara.partner,
        deactivatedAt: null,
        deactivationReason: null,
      });
      expect((await t.run(OrgsReactivateDocument, { organizationId: net.ara.partner }, net.ara.tokens.coordinator)).errors?.[0]?.extensions?.code).toBe(
        'CONFLICT',
      );
      expect(await codeOf(deactivate(net.ara.coordinatorOrg, net.adminToken))).toBe('OK');
    });

    it('a deactivated donor declares nothing (nor does staff for it); its users still sign in and read their history; reactivated, it declares again', async () => {
      const before = await declareDonation(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom });
      expect(await codeOf(deactivate(net.ara.donor))).toBe('OK');
      const input = { pickupAddress: LYON, availableFrom, lines: [{ category: 'LAPTOP' as const, quantity: 1 }] };
      const refused = await t.run(OrgsDeclareDocument, { input }, net.ara.tokens.donor);
      expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toMatch(/Donor ARA was deactivated on .* and cannot declare donations; ask the coordinator/);
      expect(await codeOf(t.run(OrgsDeclareDocument, { input: { ...input, donorId: net.ara.donor } }, net.ara.tokens.coordinator))).toBe('CONFLICT');
      expect(await t.count('donation')).toBe(1);
      const token = await t.login('donor@ara.test', PASSWORD);
      expect((await t.runOk(OrgsDonationsDocument, {}, token)).donations.edges.map((e) => e.node.id)).toEqual([before]);

      await t.runOk(OrgsReactivateDocument, { organizationId: net.ara.donor }, net.ara.tokens.coordinator);
      expect(await codeOf(t.run(OrgsDeclareDocument, { input }, net.ara.tokens.donor))).toBe('OK');
    });

    it('a deactivated partner submits no order (nor does staff for it); reactivated, it does', async () => {
      const input = { lines: [{ category: 'LAPTOP' as const, quantity: 1, profile: 'STUDENT' as const }] };
      expect(await codeOf(deactivate(net.ara.partner))).toBe('OK');
      const refused = await t.run(OrgsSubmitOrderDocument, { input }, net.ara.tokens.partner);
      expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toMatch(/cannot submit orders/);
      expect(await codeOf(t.run(OrgsSubmitOrderDocument, { input: { ...input, partnerId: net.ara.partner } }, net.ara.tokens.coordinator))).toBe('CONFLICT');
      expect(await t.count('partner_order')).toBe(0);
      await t.runOk(OrgsReactivateDocument, { organizationId: net.ara.partner }, net.ara.tokens.coordinator);
      expect(await codeOf(t.run(OrgsSubmitOrderDocument, { input }, net.ara.tokens.partner))).toBe('OK');
    });

    it('a deactivated refurbisher claims no offer; reactivated, it claims', async () => {
      const lot = await offeredLot();
      expect(await codeOf(deactivate(net.ara.refurbisher))).toBe('OK');
      const refused = await t.run(OrgsClaimDocument, { lotId: lot.id }, net.ara.tokens.refurbisher);
      expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toMatch(/Refurbisher ARA was deactivated on .* and cannot claim offers/);
      expect((await t.runOk(OrgsLotDocument, { id: lot.id }, net.ara.tokens.refurbisher)).lot!.status).toBe('OFFERED');
      await t.runOk(OrgsReactivateDocument, { organizationId: net.ara.refurbisher }, net.ara.tokens.coordinator);
      expect((await t.runOk(OrgsClaimDocument, { lotId: lot.id }, net.ara.tokens.refurbisher)).claimLot.status).toBe('CLAIMED');
    });
  });

  describe('setRefurbisherCapacity', () => {
    it('a refurbisher sets its own capacities; not another’s (FORBIDDEN); staff as before', async () => {
      const capacities = [{ category: 'LAPTOP' as const, weeklyCapacity: 12 }];
      expect(
        (await t.runOk(OrgsSetCapacityDocument, { organizationId: net.ara.refurbisher, capacities }, net.ara.tokens.refurbisher)).setRefurbisherCapacity
          .capacities,
      ).toEqual([{ category: 'LAPTOP', weeklyCapacity: 12 }]);
      expect(
        (await t.run(OrgsSetCapacityDocument, { organizationId: net.bfc.refurbisher, capacities }, net.ara.tokens.refurbisher)).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
      for (const role of ['donor', 'partner'] as const)
        expect(
          (await t.run(OrgsSetCapacityDocument, { organizationId: net.ara.refurbisher, capacities }, net.ara.tokens[role])).errors?.[0]?.extensions?.code,
        ).toBe('FORBIDDEN');
      expect(
        (await t.run(OrgsSetCapacityDocument, { organizationId: net.ara.refurbisher, capacities }, net.bfc.tokens.coordinator)).errors?.[0]?.extensions?.code,
      ).toBe('NOT_FOUND');
      expect(
        (
          await t.runOk(
            OrgsSetCapacityDocument,
            { organizationId: net.ara.refurbisher, capacities: [{ category: 'LAPTOP', weeklyCapacity: 20 }] },
            net.ara.tokens.coordinator,
          )
        ).setRefurbisherCapacity.capacities,
      ).toEqual([{ category: 'LAPTOP', weeklyCapacity: 20 }]);
    });
  });
});
