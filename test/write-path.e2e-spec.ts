import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  WritePathClaimDocument,
  WritePathClaimFullDocument,
  WritePathDeclareDocument,
  WritePathDeclareFullDocument,
  WritePathDonationDocument,
  WritePathLotDocument,
} from './generated/graphql';
import { declareAndRoute, LYON } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { SqlRecorder } from './support/sql-recorder';
import { TestApp } from './support/test-app';

/**
 * The hot commands answer from what they wrote, in as few round trips to PostgreSQL as their
 * guarantees allow: counted by wrapping TypeORM's PostgreSQL query runner, through which every
 * query of the application passes (BEGIN and COMMIT included), so that a regression shows here.
 */
describe('write path: declareDonation and claimLot in a bounded number of round trips', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let sql: SqlRecorder;

  const declaration = { pickupAddress: LYON, availableFrom: '2026-12-01T08:00:00.000Z' };

  beforeAll(async () => {
    t = await TestApp.start();
    sql = new SqlRecorder(t);
    await t.reset();
    net = await seedNetwork(t);
  });

  afterAll(async () => {
    sql.restore();
    await t.close();
  });

  const counted = <TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, token: string) =>
    sql.counted(document, variables, token);

  /** The statements of the command itself: the caller's lookup belongs to the guard, which may cache it. */
  const ofCommand = (issued: string[]) => issued.filter((q) => !/ FROM "user" /.test(q));
  const report = (what: string, issued: string[]) =>
    process.stdout.write(`${what}: ${issued.length} SQL round trips\n${issued.map((q) => `  ${q}`).join('\n')}\n`);

  it('declareDonation: donation, lines, dashboard event and outbox in one transaction, the answer built from what was written', async () => {
    const lines = [
      { category: 'LAPTOP' as const, quantity: 12, brand: ' Dell ', model: 'Latitude', year: 2019 },
      { category: 'MONITOR' as const, quantity: 5 },
    ];
    const { data, issued } = await counted(WritePathDeclareDocument, { input: { ...declaration, lines } }, net.ara.tokens.donor);
    report('declareDonation as a donor', issued);
    expect(data.declareDonation).toMatchObject({ status: 'DECLARED', quantity: 17 });
    expect(data.declareDonation.reference).toMatch(/^DON-\d{4}-\d{6,}$/);
    // BEGIN, donation and lines, outbox, dashboard counters (read in the upsert), COMMIT (was 10, and a read of the lines after it)
    expect(ofCommand(issued)).toHaveLength(5);
    expect(issued.some((q) => /^SELECT .*donation_line/i.test(q))).toBe(false);

    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n, sum(quantity)::int AS q FROM donation_line WHERE donation_id = $1`, [
      data.declareDonation.id,
    ]);
    expect(row).toEqual({ n: 2, q: 17 });
    const [outbox] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE payload->>'regionId' = $1`, [net.ara.id]);
    expect(outbox.n).toBeGreaterThanOrEqual(1);
  });

  it('declareDonation answers what a later read of the donation says, lines and CSV rows in their order', async () => {
    const input = {
      ...declaration,
      donorId: net.ara.donor,
      lines: [{ category: 'DESKTOP' as const, quantity: 3, dataBearing: false }],
      inventoryCsv: 'category,quantity,brand,model,year\nSMARTPHONE,4,Apple,iPhone 8,2018\nLAPTOP,2,,,\n',
    };
    const { data, issued } = await counted(WritePathDeclareFullDocument, { input }, net.ara.tokens.coordinator);
    report('declareDonation as a coordinator, every field', issued);
    const read = await t.runOk(WritePathDonationDocument, { id: data.declareDonation.id }, net.ara.tokens.coordinator);
    expect(data.declareDonation).toEqual(read.donation);
    expect(data.declareDonation.quantity).toBe(9);
    expect(data.declareDonation.lines.map((l) => l.category)).toEqual(['DESKTOP', 'SMARTPHONE', 'LAPTOP']);
  });

  it('declareDonation refuses as before: another region’s donor, an organization that is not a donor, a donor declaring for another', async () => {
    const input = { ...declaration, lines: [{ category: 'LAPTOP' as const, quantity: 1 }] };
    const before = await t.dataSource.query(`SELECT last_value FROM donation_reference_seq`);
    expect(await t.runError(WritePathDeclareDocument, { input: { ...input, donorId: net.bfc.donor } }, net.ara.tokens.coordinator)).toBe('NOT_FOUND');
    expect(await t.runError(WritePathDeclareDocument, { input: { ...input, donorId: net.ara.refurbisher } }, net.ara.tokens.coordinator)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await t.runError(WritePathDeclareDocument, { input }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
    expect(await t.runError(WritePathDeclareDocument, { input: { ...input, donorId: net.bfc.donor } }, net.ara.tokens.donor)).toBe('FORBIDDEN');
    expect(await t.runError(WritePathDeclareDocument, { input }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
    // an admin may declare for any donor
    expect((await t.runOk(WritePathDeclareDocument, { input: { ...input, donorId: net.bfc.donor } }, net.adminToken)).declareDonation.quantity).toBe(1);
    const after = await t.dataSource.query(`SELECT last_value FROM donation_reference_seq`);
    expect(Number(after[0].last_value)).toBe(Number(before[0].last_value) + 1);
  });

  it('claimLot: one conditional UPDATE … RETURNING, no re-read of the lot', async () => {
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 2 }], declaration);
    const { data, issued } = await counted(WritePathClaimDocument, { lotId: lot.id }, net.ara.tokens.refurbisher);
    report('claimLot', issued);
    expect(data.claimLot).toEqual({ id: lot.id, status: 'CLAIMED' });
    expect(issued.some((q) => /^SELECT .* FROM "lot"/i.test(q))).toBe(false);
    // BEGIN, claim, donation status (unrouted, lots, donation, its update when it changes), COMMIT (was one more: the lot read back)
    expect(ofCommand(issued).length).toBeLessThanOrEqual(7);
    expect(await t.runError(WritePathClaimDocument, { lotId: lot.id }, net.ara.tokens.refurbisher)).toBe('CONFLICT');
  });

  it('claimLot answers what a later read of the lot says; refusals as before', async () => {
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 3 }], declaration);
    expect(await t.runError(WritePathClaimDocument, { lotId: lot.id }, net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
    expect(await t.runError(WritePathClaimDocument, { lotId: lot.id }, net.ara.tokens.donor)).toBe('FORBIDDEN');
    const claimed = await t.runOk(WritePathClaimFullDocument, { lotId: lot.id }, net.ara.tokens.refurbisher);
    const read = await t.runOk(WritePathLotDocument, { id: lot.id }, net.ara.tokens.refurbisher);
    expect(claimed.claimLot).toEqual(read.lot);
    expect(claimed.claimLot.status).toBe('CLAIMED');
  });
});
