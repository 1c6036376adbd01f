import { ErrorReason, frenchMessage } from '@app/common';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { CreateOrganizationDocument, CreateOrganizationInput } from './generated/graphql';
import { TestApp } from './support/test-app';
import { uncheckedVariables } from './support/typed-client';

describe('bad input is refused clearly and writes nothing', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let valid: CreateOrganizationInput;

  beforeAll(async () => {
    t = await TestApp.start({ maxQueryDepth: 3, maxQueryComplexity: 2000 });
    await t.reset();
    net = await seedNetwork(t);
    valid = {
      kind: 'DONOR',
      name: 'Entreprise Test',
      siret: '73282932000074',
      regionId: net.ara.id,
      address: { street: '1 rue de la Paix', postalCode: '69001', city: 'Lyon', location: { lat: 45.76, lon: 4.83 } },
    };
  });
  afterAll(() => t.close());

  const cases: Array<[string, (v: CreateOrganizationInput) => Record<string, unknown>]> = [
    ['a SIRET with a bad checksum', (v) => ({ ...v, siret: '73282932000075' })],
    ['a SIRET of 13 digits', (v) => ({ ...v, siret: '7328293200007' })],
    ['a missing name', ({ name: _n, ...v }) => v],
    ['an empty name', (v) => ({ ...v, name: '' })],
    ['a wrong enum value', (v) => ({ ...v, kind: 'BANK' })],
    ['a huge name', (v) => ({ ...v, name: 'x'.repeat(100_000) })],
    ['a latitude out of range', (v) => ({ ...v, address: { ...v.address, location: { lat: 123, lon: 4.8 } } })],
    ['a longitude out of range', (v) => ({ ...v, address: { ...v.address, location: { lat: 45, lon: -190 } } })],
    ['a bad postal code', (v) => ({ ...v, address: { ...v.address, postalCode: '6900' } })],
    ['an unknown city without coordinates', (v) => ({ ...v, address: { postalCode: '69001', city: 'Atlantis' } })],
    ['capacities on a donor', (v) => ({ ...v, capacities: [{ category: 'LAPTOP', weeklyCapacity: 3 }] })],
    ['a refurbisher without radius', (v) => ({ ...v, kind: 'REFURBISHER' })],
    ['a negative capacity', (v) => ({ ...v, kind: 'REFURBISHER', serviceRadiusKm: 50, capacities: [{ category: 'LAPTOP', weeklyCapacity: -1 }] })],
    ['an unknown field', (v) => ({ ...v, color: 'blue' })],
    ['a region id that is not an id', (v) => ({ ...v, regionId: 'ARA' })],
  ];

  it.each(cases)('%s is BAD_USER_INPUT', async (_label, mutate) => {
    const before = await t.count('organization');
    const res = await t.run(CreateOrganizationDocument, uncheckedVariables({ input: mutate(valid) }), net.adminToken);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(await t.count('organization')).toBe(before);
  });

  it('the valid input passes (the cases above fail for their own reason)', async () => {
    await t.runOk(CreateOrganizationDocument, { input: valid }, net.adminToken);
  });

  it('an unknown region is NOT_FOUND', async () => {
    expect(
      await t.runError(CreateOrganizationDocument, { input: { ...valid, siret: null, regionId: '00000000-0000-4000-8000-000000000000' } }, net.adminToken),
    ).toBe('NOT_FOUND');
  });

  it('every refusal carries a stable reason and its parameters, which a client turns into French', async () => {
    const unknownRegion = '00000000-0000-4000-8000-000000000000';
    const notFound = await t.run(CreateOrganizationDocument, { input: { ...valid, siret: null, regionId: unknownRegion } }, net.adminToken);
    expect(notFound.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND', details: { entity: 'Region', id: unknownRegion } });
    expect(frenchMessage(ErrorReason.NOT_FOUND, notFound.errors![0]!.extensions!.details as Record<string, unknown>)).toBe(
      'Cette région n’existe pas, ou vous n’y avez pas accès.',
    );

    const badInput = await t.run(CreateOrganizationDocument, uncheckedVariables({ input: { ...valid, kind: 'BANK' } }), net.adminToken);
    expect(badInput.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });

    const anonymous = await t.run(CreateOrganizationDocument, { input: valid });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED' });
  });

  it('a malformed query is BAD_USER_INPUT, not a server error', async () => {
    expect(await t.errorCode(`{ me { nonsense } }`, {}, net.adminToken)).toBe('BAD_USER_INPUT');
    expect(await t.errorCode(`{ me {`, {}, net.adminToken)).toBe('BAD_USER_INPUT');
    expect(await t.errorCode(`query($k: OrganizationKind) { organizations(kind: $k) { id } }`, { k: 'BANK' }, net.adminToken)).toBe('BAD_USER_INPUT');
  });

  it('a query nested deeper than the limit is QUERY_TOO_COMPLEX, fragments included', async () => {
    expect((await t.gql(`{ me { organization { id } } }`, {}, net.adminToken)).errors).toBeUndefined();
    expect(await t.errorCode(`{ me { organization { region { id } } } }`, {}, net.adminToken)).toBe('QUERY_TOO_COMPLEX');
    const viaFragment = `fragment R on Organization { region { id } } { me { organization { ...R } } }`;
    expect(await t.errorCode(viaFragment, {}, net.adminToken)).toBe('QUERY_TOO_COMPLEX');
  });

  it('a query whose estimated cost is too high is QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `o${i}: organizations { id name capacities { category load } }`).join(' ');
    expect(await t.errorCode(`{ ${aliases} }`, {}, net.adminToken)).toBe('QUERY_TOO_COMPLEX');
  });

  it('the cost is weighed on every request: a known query with a larger page is refused too', async () => {
    const page = `query($n: Int) { devices(first: $n) { edges { cursor } pageInfo { hasNextPage endCursor } totalCount } }`;
    expect((await t.gql(page, { n: 10 }, net.adminToken)).errors).toBeUndefined();
    // the same text again (parsed and validated once, then cached), now with a page of 500 (3,000 over a budget of 2,000)
    expect(await t.errorCode(page, { n: 500 }, net.adminToken)).toBe('QUERY_TOO_COMPLEX');
    expect((await t.gql(page, { n: 10 }, net.adminToken)).errors).toBeUndefined();
  });
});
