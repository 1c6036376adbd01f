import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { RefurbishingQueriesDevicesPageDocument, RefurbishingQueriesLotsWithDevicesDocument, RefurbishingQueriesReceiveLotDocument } from './generated/graphql';
import { claimLot, declareAndRoute, eraseDevice, LYON, markCollected } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { addOrganization } from './support/organization-fixture';
import { SqlRecorder } from './support/sql-recorder';
import { TestApp } from './support/test-app';

/**
 * Nested fields of device lists go through per-request DataLoaders: the number of SQL queries
 * of a page does not grow with the page. Counted by wrapping TypeORM's PostgreSQL query runner,
 * through which every query of the application passes.
 */
describe('device lists issue a bounded number of SQL queries', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let sql: SqlRecorder;

  beforeAll(async () => {
    // A page of 500 devices, each with its history (a list reckoned at ten events), is beyond
    // the default cost limit; this test is about SQL, not cost.
    t = await TestApp.start({ maxQueryComplexity: 10_000_000 });
    sql = new SqlRecorder(t);

    await t.reset();
    net = await seedNetwork(t);
    await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 1000`);
    // a second refurbisher (Grenoble) and a second donor, so that the page spans several of each
    const grenoble = await addOrganization(
      t,
      {
        kind: 'REFURBISHER',
        name: 'Atelier Grenoble',
        regionId: net.ara.id,
        address: { postalCode: '38000', city: 'Grenoble', location: { lat: 45.19, lon: 5.72 } },
        serviceRadiusKm: 200,
        capacities: [{ category: 'LAPTOP', weeklyCapacity: 1000 }],
      },
      { email: 'atelier@grenoble.test', role: 'REFURBISHER' },
      net.ara.tokens.coordinator,
    );
    const donor2 = await addOrganization(
      t,
      { kind: 'DONOR', name: 'Mairie de Villeurbanne', regionId: net.ara.id, address: { postalCode: '69100', city: 'Villeurbanne' } },
      { email: 'it@villeurbanne.test', role: 'DONOR' },
      net.ara.tokens.coordinator,
    );
    const tokens = new Map([
      [net.ara.refurbisher, net.ara.tokens.refurbisher],
      [grenoble.id, grenoble.token],
    ]);

    let n = 0;
    for (const [donorToken, refurbisherId, quantity] of [
      [net.ara.tokens.donor, net.ara.refurbisher, 150],
      [donor2.token, grenoble.id, 150],
      [net.ara.tokens.donor, grenoble.id, 100],
      [donor2.token, net.ara.refurbisher, 100],
    ] as const) {
      await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = CASE WHEN organization_id = $1 THEN 1000 ELSE 0 END`, [refurbisherId]);
      const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity }], {
        pickupAddress: LYON,
        availableFrom: '2026-12-01T08:00:00.000Z',
        donorToken,
      });
      const token = tokens.get(lot.refurbisherId)!;
      await claimLot(t, lot.id, token);
      await markCollected(t, lot.id);
      const devices = Array.from({ length: quantity }, () => ({ serialNumber: `Q-${++n}`, category: 'LAPTOP' as const }));
      const received = (await t.runOk(RefurbishingQueriesReceiveLotDocument, { input: { lotId: lot.id, devices } }, token)).receiveLot;
      expect(received.receivedQuantity).toBe(quantity);
      for (const d of received.devices.slice(0, 10)) await eraseDevice(t, d.id, token, 'NIST_800_88_PURGE', 'op');
    }
  });

  afterAll(async () => {
    sql.restore();
    await t.close();
  });

  const counted = <TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, token: string) =>
    sql.counted(document, variables, token);

  it('a page of 500 devices with lot, donor, refurbisher, erasure and history: as many queries as a page of 5', async () => {
    const small = await counted(RefurbishingQueriesDevicesPageDocument, { first: 5 }, net.ara.tokens.coordinator);
    const large = await counted(RefurbishingQueriesDevicesPageDocument, { first: 500 }, net.ara.tokens.coordinator);
    expect(large.data.devices.edges).toHaveLength(500);
    const nodes = large.data.devices.edges.map((e) => e.node);
    expect(new Set(nodes.map((d) => d.donor.id)).size).toBe(2);
    expect(new Set(nodes.map((d) => d.refurbisher.id)).size).toBe(2);
    expect(new Set(nodes.map((d) => d.lot.id)).size).toBe(4);
    expect(nodes.filter((d) => d.erasure).length).toBe(40);
    expect(nodes.every((d) => d.history.length >= 1)).toBe(true);
    process.stdout.write(
      `devices(first: 500) with lot, donor, refurbisher, erasure, history: ${large.issued.length} SQL queries (first: 5: ${small.issued.length})\n${large.issued.map((q) => `  ${q}`).join('\n')}\n`,
    );
    // caller, count, page, lots, organizations, erasures, custody events, their organizations
    expect(large.issued.length).toBeLessThanOrEqual(8);
    expect(large.issued.length).toBe(small.issued.length);
  });

  it('lots with their devices and the devices’ own fields: one query per field, not per lot or device', async () => {
    const { data, issued } = await counted(RefurbishingQueriesLotsWithDevicesDocument, {}, net.adminToken);
    const lots = data.lots.edges.map((e) => e.node);
    expect(lots.map((l) => l.devices.length).reduce((a, b) => a + b, 0)).toBe(500);
    process.stdout.write(`lots(first: 10) with 500 devices and their lot, donor, refurbisher: ${issued.length} SQL queries\n`);
    expect(issued.length).toBeLessThanOrEqual(11);
  });
});
