import {
  CategoryCapacityInput,
  CreateOrganizationInput,
  CreateUserInput,
  NetworkAccessCreateOrganizationDocument,
  NetworkAccessCreateRegionDocument,
  NetworkAccessCreateUserDocument,
  NetworkAccessMeDocument,
  NetworkAccessMeWithOrganizationDocument,
  NetworkAccessOrganizationDocument,
  NetworkAccessOrganizationsDocument,
  NetworkAccessRegionsDocument,
  NetworkAccessSetCapacityDocument,
} from './generated/graphql';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const partnerInput = (regionId: string, name = 'CCAS de Bron'): CreateOrganizationInput => ({
  kind: 'PARTNER',
  name,
  regionId,
  address: { street: '1 place de la Mairie', postalCode: '69500', city: 'Bron' },
});

describe('the network: who may read and change regions, organizations and users', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
  });
  afterAll(() => t.close());

  describe('regions', () => {
    it('ADMIN sees every region; everyone else only its own', async () => {
      expect((await t.runOk(NetworkAccessRegionsDocument, {}, net.adminToken)).regions.map((r) => r.code)).toEqual(['ARA', 'BFC']);
      for (const token of Object.values(net.ara.tokens)) {
        expect((await t.runOk(NetworkAccessRegionsDocument, {}, token)).regions).toEqual([{ code: 'ARA' }]);
      }
    });

    it('only ADMIN creates a region; a duplicate code is CONFLICT', async () => {
      const create = NetworkAccessCreateRegionDocument;
      for (const token of Object.values(net.ara.tokens))
        expect(await t.runError(create, { input: { code: 'OCC', name: 'Occitanie' } }, token)).toBe('FORBIDDEN');
      const data = await t.runOk(create, { input: { code: 'OCC', name: 'Occitanie' } }, net.adminToken);
      expect(data.createRegion.code).toBe('OCC');
      expect(await t.runError(create, { input: { code: 'OCC', name: 'Again' } }, net.adminToken)).toBe('CONFLICT');
    });
  });

  describe('organizations', () => {
    it('a coordinator lists its own region only, with filters', async () => {
      const all = (await t.runOk(NetworkAccessOrganizationsDocument, {}, net.ara.tokens.coordinator)).organizations;
      expect(all.map((o) => o.name).sort()).toEqual(['Coordination ARA', 'Donor ARA', 'Partner ARA', 'Refurbisher ARA']);
      const refurbishers = (await t.runOk(NetworkAccessOrganizationsDocument, { kind: 'REFURBISHER' }, net.ara.tokens.coordinator)).organizations;
      expect(refurbishers).toEqual([expect.objectContaining({ name: 'Refurbisher ARA', kind: 'REFURBISHER' })]);
      expect((await t.runOk(NetworkAccessOrganizationsDocument, { regionId: net.bfc.id }, net.ara.tokens.coordinator)).organizations).toEqual([]);
    });

    it('ADMIN lists every region', async () => {
      const all = (await t.runOk(NetworkAccessOrganizationsDocument, {}, net.adminToken)).organizations;
      expect(all.length).toBeGreaterThanOrEqual(8);
    });

    it('donors, refurbishers and partners see only their own organization', async () => {
      for (const role of ['donor', 'refurbisher', 'partner'] as const) {
        const list = (await t.runOk(NetworkAccessOrganizationsDocument, {}, net.ara.tokens[role])).organizations;
        expect(list).toEqual([expect.objectContaining({ id: net.ara[role] })]);
        expect((await t.runOk(NetworkAccessOrganizationDocument, { id: net.ara.coordinatorOrg }, net.ara.tokens[role])).organization).toBeNull();
      }
    });

    it('an organization of another region is not found, not forbidden (ids are not probed)', async () => {
      expect((await t.runOk(NetworkAccessOrganizationDocument, { id: net.bfc.donor }, net.ara.tokens.coordinator)).organization).toBeNull();
      expect((await t.runOk(NetworkAccessOrganizationDocument, { id: net.ara.donor }, net.ara.tokens.coordinator)).organization!.name).toBe('Donor ARA');
    });

    it('a coordinator creates organizations in its region, locating the address from the city', async () => {
      const data = await t.runOk(NetworkAccessCreateOrganizationDocument, { input: partnerInput(net.ara.id) }, net.ara.tokens.coordinator);
      expect(data.createOrganization).toMatchObject({ kind: 'PARTNER', name: 'CCAS de Bron', region: { code: 'ARA' }, capacities: [], serviceRadiusKm: null });
      expect(data.createOrganization.address.location.lat).toBeCloseTo(45.73, 1);
    });

    it('a coordinator may not create in another region; other roles may not create at all', async () => {
      expect(await t.runError(NetworkAccessCreateOrganizationDocument, { input: partnerInput(net.bfc.id, 'X') }, net.ara.tokens.coordinator)).toBe('FORBIDDEN');
      for (const role of ['donor', 'refurbisher', 'partner'] as const) {
        expect(await t.runError(NetworkAccessCreateOrganizationDocument, { input: partnerInput(net.ara.id, 'Y') }, net.ara.tokens[role])).toBe('FORBIDDEN');
      }
      expect(await t.runError(NetworkAccessCreateOrganizationDocument, { input: partnerInput(net.ara.id, 'Z') })).toBe('UNAUTHENTICATED');
    });

    it('a refurbisher is created with capacities and radius; its load starts at zero', async () => {
      const input: CreateOrganizationInput = {
        kind: 'REFURBISHER',
        name: 'Atelier Test',
        siret: '73282932000074',
        regionId: net.ara.id,
        address: { postalCode: '38000', city: 'Grenoble', location: { lat: 45.19, lon: 5.72 } },
        capacities: [
          { category: 'LAPTOP', weeklyCapacity: 40 },
          { category: 'SMARTPHONE', weeklyCapacity: 25 },
        ],
        serviceRadiusKm: 80,
      };
      const created = (await t.runOk(NetworkAccessCreateOrganizationDocument, { input }, net.adminToken)).createOrganization;
      expect(created.capacities).toEqual([
        { category: 'LAPTOP', weeklyCapacity: 40, load: 0 },
        { category: 'SMARTPHONE', weeklyCapacity: 25, load: 0 },
      ]);
      expect(created.serviceRadiusKm).toBe(80);
      expect(await t.runError(NetworkAccessCreateOrganizationDocument, { input: { ...input, name: 'Same SIRET' } }, net.adminToken)).toBe('CONFLICT');
    });
  });

  describe('refurbisher capacities', () => {
    it('the region coordinator sets them; the change is visible at once', async () => {
      const data = await t.runOk(
        NetworkAccessSetCapacityDocument,
        {
          id: net.ara.refurbisher,
          c: [
            { category: 'LAPTOP', weeklyCapacity: 70 },
            { category: 'TABLET', weeklyCapacity: 10 },
          ],
        },
        net.ara.tokens.coordinator,
      );
      expect(data.setRefurbisherCapacity.capacities).toEqual([
        { category: 'LAPTOP', weeklyCapacity: 70, load: 0 },
        { category: 'TABLET', weeklyCapacity: 10, load: 0 },
      ]);
    });

    it('another region’s coordinator gets NOT_FOUND; donors, partners and other refurbishers FORBIDDEN; a non-refurbisher BAD_USER_INPUT', async () => {
      const c: CategoryCapacityInput[] = [{ category: 'LAPTOP', weeklyCapacity: 1 }];
      expect(await t.runError(NetworkAccessSetCapacityDocument, { id: net.ara.refurbisher, c }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      for (const role of ['donor', 'partner'] as const) {
        expect(await t.runError(NetworkAccessSetCapacityDocument, { id: net.ara.refurbisher, c }, net.ara.tokens[role])).toBe('FORBIDDEN');
      }
      // a refurbisher sets its own workshop's capacities only
      expect(await t.runError(NetworkAccessSetCapacityDocument, { id: net.ara.refurbisher, c }, net.bfc.tokens.refurbisher)).toBe('FORBIDDEN');
      expect(await t.runError(NetworkAccessSetCapacityDocument, { id: net.ara.refurbisher, c }, net.ara.tokens.refurbisher)).toBeUndefined();
      expect(await t.runError(NetworkAccessSetCapacityDocument, { id: net.ara.donor, c }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
      expect(await t.runError(NetworkAccessSetCapacityDocument, { id: net.ara.refurbisher, c: [...c, ...c] }, net.ara.tokens.coordinator)).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('users', () => {
    it('a coordinator creates a user of its region who can then log in', async () => {
      const data = await t.runOk(
        NetworkAccessCreateUserDocument,
        { input: { email: 'New.Donor@ara.test', password: 'a-long-password', role: 'DONOR', organizationId: net.ara.donor } },
        net.ara.tokens.coordinator,
      );
      expect(data.createUser).toMatchObject({ email: 'new.donor@ara.test', role: 'DONOR', organization: { id: net.ara.donor } });
      await t.login('new.donor@ara.test', 'a-long-password');
    });

    it('refuses a duplicate email, a role that does not fit the organization, another region, and ADMIN from a coordinator', async () => {
      const base: Omit<CreateUserInput, 'email'> = { password: 'a-long-password', role: 'DONOR', organizationId: net.ara.donor };
      expect(await t.runError(NetworkAccessCreateUserDocument, { input: { ...base, email: 'donor@ara.test' } }, net.ara.tokens.coordinator)).toBe('CONFLICT');
      expect(await t.runError(NetworkAccessCreateUserDocument, { input: { ...base, email: 'x1@ara.test', role: 'PARTNER' } }, net.ara.tokens.coordinator)).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        await t.runError(
          NetworkAccessCreateUserDocument,
          { input: { ...base, email: 'x2@ara.test', organizationId: net.bfc.donor } },
          net.ara.tokens.coordinator,
        ),
      ).toBe('NOT_FOUND');
      expect(
        await t.runError(
          NetworkAccessCreateUserDocument,
          { input: { email: 'x3@ara.test', password: 'a-long-password', role: 'ADMIN' } },
          net.ara.tokens.coordinator,
        ),
      ).toBe('FORBIDDEN');
      for (const role of ['donor', 'refurbisher', 'partner'] as const) {
        expect(await t.runError(NetworkAccessCreateUserDocument, { input: { ...base, email: `x-${role}@ara.test` } }, net.ara.tokens[role])).toBe('FORBIDDEN');
      }
    });

    it('ADMIN creates another administrator', async () => {
      const data = await t.runOk(
        NetworkAccessCreateUserDocument,
        { input: { email: 'second-admin@platform.test', password: 'a-long-password', role: 'ADMIN' } },
        net.adminToken,
      );
      expect(data.createUser).toMatchObject({ role: 'ADMIN', organization: null });
    });

    it('me answers for every role', async () => {
      for (const [role, token] of Object.entries(net.bfc.tokens)) {
        expect((await t.runOk(NetworkAccessMeDocument, {}, token)).me.role).toBe(role.toUpperCase());
      }
      expect((await t.runOk(NetworkAccessMeWithOrganizationDocument, {}, net.adminToken)).me).toEqual({ role: 'ADMIN', organization: null });
    });
  });
});
