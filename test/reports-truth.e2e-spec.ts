import { APP_CONFIG, AppConfig } from '@app/common';
import { RegionFlowRebuild } from '@app/reporting/flows/region-flow-rebuild.service';
import { signStatement } from '@app/reporting/impact/verification-code';
import { PDFParse } from 'pdf-parse';
import request from 'supertest';
import {
  TruthConfirmDeliveryDocument,
  TruthDashboardDocument,
  TruthDonorReportDocument,
  TruthLoansDocument,
  TruthRecordAccompanimentDocument,
  TruthReturnLoanDocument,
  TruthReturnToWorkshopDocument,
  TruthVerifyAttestationDocument,
} from './generated/graphql';
import { claimLot, declareAndRoute, eraseAndGrade, inIntakeOrder, markCollected, receiveLot } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { matchOrders, orderDeviceIds, shipDevices, submitOrder } from './support/order-flow';
import { addOrganization } from './support/organization-fixture';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const PUBLIC_URL = 'https://reemploi.test';
const LAPTOP_KG = 182.6;
const inDays = (days: number): string => new Date(Date.now() + days * DAY).toISOString();
const SPECS = { ramGb: 8, storageGb: 256, ssd: true };

const binary = (res: any, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    return (await parser.getText()).text.replace(/[ \n]+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** The dashboard's counter tables of a region, as comparable rows (no key order, no zero rows). */
const COUNTER_TABLES = ['region_daily_flow', 'region_daily_reuse', 'region_daily_lead_time', 'region_monthly_lead_time'] as const;

/**
 * The dashboard and the donor's papers tell the same story: a laptop lent to a person who was
 * accompanied, given back, erased and graded again, then given to someone else; a second laptop
 * sent back to the workshop from the shelf and graded again. Each device is refurbished once; the
 * lent laptop is delivered twice, reused once (CO2e, as the donor report counts it), and equipped
 * two people; the counters kept live equal a recount from scratch; the attestation states the
 * people accompanied, and an attestation issued before it did still verifies.
 */
describe('reports tell the truth', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let other: { id: string; token: string };
  let serial = 0;
  const from = inDays(-1);
  const to = inDays(1);
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await TestApp.start({ publicUrl: PUBLIC_URL });
  });
  afterAll(() => t?.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    other = await addOrganization(
      t,
      { kind: 'PARTNER', name: 'CCAS de Bron', regionId: net.ara.id, address: { postalCode: '69500', city: 'Bron', location: { lat: 45.73, lon: 4.91 } } },
      { email: 'anne@ccas-bron.test', role: 'PARTNER' },
      net.ara.tokens.coordinator,
    );
  });

  /** Laptops of ARA's donor IN_STOCK at ARA's refurbisher, through GraphQL (the lot put COLLECTED by SQL). */
  const stock = async (count: number): Promise<string[]> => {
    const token = net.ara.tokens.refurbisher;
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: count }], {
      pickupAddress: { postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } },
      availableFrom: inDays(30),
    });
    await claimLot(t, lot.id, token);
    await markCollected(t, lot.id);
    const intake = Array.from({ length: count }, () => ({ serialNumber: `TRUTH-SN-${++serial}`, category: 'LAPTOP' as const, specs: SPECS }));
    const ids = inIntakeOrder(intake, await receiveLot(t, lot.id, intake, token)).map((d) => d.id);
    for (const id of ids) await eraseAndGrade(t, id, token, 'B', SPECS);
    return ids;
  };

  /** One laptop ordered by a partner, matched, shipped and confirmed delivered to `ref`. */
  const deliverOne = async (partnerToken: string, ref: string, terms: 'GIFT' | 'LOAN'): Promise<string> => {
    const orderId = await submitOrder(t, [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }], partnerToken);
    await matchOrders(t, net.ara);
    const [deviceId] = await orderDeviceIds(t, orderId, partnerToken);
    await shipDevices(t, orderId, [deviceId!], net.ara.tokens.refurbisher);
    await t.runOk(
      TruthConfirmDeliveryDocument,
      { input: { orderId, deviceIds: [deviceId!], beneficiaryRefs: [ref], terms, dueDate: terms === 'LOAN' ? inDays(30) : undefined } },
      partnerToken,
    );
    return deviceId!;
  };

  const dashboard = async () => (await t.runOk(TruthDashboardDocument, { regionId: net.ara.id, from, to }, net.ara.tokens.coordinator)).regionDashboard;
  const donorReport = async () => (await t.runOk(TruthDonorReportDocument, { from, to }, net.ara.tokens.donor)).donorImpactReport;
  const counters = async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of COUNTER_TABLES) {
      const rows: Array<Record<string, unknown>> = await t.dataSource.query(`SELECT * FROM ${table} WHERE region_id = $1`, [net.ara.id]);
      out[table] = rows
        .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])))
        .filter((r) => Object.entries(r).some(([k, v]) => typeof v === 'number' && v !== 0 && k !== 'bucket_hours'))
        .map((r) => JSON.stringify(r))
        .sort();
    }
    return out;
  };

  /** The lent laptop's story and the re-graded one's; returns the lent laptop's id. */
  const story = async (): Promise<string> => {
    const [first, second] = await stock(2);
    // the order gets one of the two laptops: the story follows the one delivered
    const lent = await deliverOne(net.ara.tokens.partner, 'DOSSIER-1', 'LOAN');
    const regraded = lent === first ? second! : first!;
    await t.runOk(
      TruthRecordAccompanimentDocument,
      { input: { beneficiaryRef: 'DOSSIER-1', kind: 'FIRST_SETUP', date: inDays(0), durationMinutes: 45 } },
      net.ara.tokens.partner,
    );
    // the other laptop, found faulty on the shelf, goes back to the workshop
    await t.runOk(TruthReturnToWorkshopDocument, { input: { deviceId: regraded, reason: 'clavier défectueux' } }, net.ara.tokens.refurbisher);
    // the loan is given back, the laptop erased and graded again, then given to another partner's person
    const [{ node: loan }] = (await t.runOk(TruthLoansDocument, {}, net.ara.tokens.partner)).loans.edges;
    await t.runOk(TruthReturnLoanDocument, { loanId: loan!.id }, net.ara.tokens.partner);
    await eraseAndGrade(t, lent, net.ara.tokens.refurbisher, 'B', SPECS);
    expect(await deliverOne(other.token, 'B-77', 'GIFT')).toBe(lent);
    // the faulty one, repaired, is graded again
    await eraseAndGrade(t, regraded, net.ara.tokens.refurbisher, 'B', SPECS);
    return lent;
  };

  it('counts each device refurbished once, a delivery each time, CO2e once per device reused as the donor report does, and a person per person', async () => {
    await story();
    const d = await dashboard();
    // two devices reached stock, each counted once although each was graded twice
    expect(d.devicesRefurbished).toBe(2);
    expect(d.weekly.reduce((sum, w) => sum + w.refurbished, 0)).toBe(2);
    // the lent laptop was delivered twice
    expect(d.devicesDelivered).toBe(2);
    expect(d.weekly.reduce((sum, w) => sum + w.delivered, 0)).toBe(2);
    // two people equipped (the borrower who gave it back still was), one of them accompanied
    expect(d.people).toEqual({ peopleEquipped: 2, peopleEquippedAndAccompanied: 1 });

    // the donor report's reading of the same story, and the same CO2e: one device reused, not two refurbished nor two deliveries
    const r = await donorReport();
    expect(r).toMatchObject({ devicesReused: 1, peopleEquipped: 2, peopleAccompanied: 1, co2eAvoidedKg: LAPTOP_KG });
    expect(d.co2eAvoidedKg).toBeCloseTo(r.co2eAvoidedKg, 6);
  });

  it('the recount from scratch gives the counters the live commands kept, lead times included', async () => {
    await story();
    const live = await counters();
    const before = await dashboard();
    expect(live.region_daily_reuse).toHaveLength(1);
    expect(before.leadTimes.orderToDeliveryDays).not.toBeNull();
    // nothing to correct
    expect((await t.app.get(RegionFlowRebuild).correct(net.ara.id)).magnitude).toBe(0);
    // and from nothing, the recount rebuilds exactly them
    for (const table of COUNTER_TABLES) await t.dataSource.query(`DELETE FROM ${table} WHERE region_id = $1`, [net.ara.id]);
    expect((await dashboard()).devicesDelivered).toBe(0);
    expect((await t.app.get(RegionFlowRebuild).correct(net.ara.id)).magnitude).toBeGreaterThan(0);
    expect(await counters()).toEqual(live);
    expect(await dashboard()).toEqual(before);
  });

  it('the attestation states the people accompanied, its code seals them, and one issued before still verifies with what it stated', async () => {
    await story();
    const report = await donorReport();
    const u = new URL(report.pdfUrl);
    const pdf = await http().get(`${u.pathname}${u.search}`).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(await pdfText(pdf.body as Buffer)).toContain('2 personnes équipées, dont 1 ayant bénéficié d’un accompagnement au numérique');

    const verified = (await t.runOk(TruthVerifyAttestationDocument, { code: report.verificationCode })).verifyAttestation;
    expect(verified).toEqual({ valid: true, stillCurrent: true, figures: { peopleEquipped: 2, peopleAccompanied: 1, devicesReused: 1 } });
    const page = await http().get(`/verifier/${report.verificationCode}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('2 personnes équipées, dont 1 ayant bénéficié d’un accompagnement au numérique');

    // the people accompanied are sealed: a stored statement whose figure is changed no longer verifies
    await t.dataSource.query(`UPDATE issued_attestation SET statement = jsonb_set(statement, '{figures,peopleAccompanied}', '2') WHERE code = $1`, [
      report.verificationCode,
    ]);
    expect((await t.runOk(TruthVerifyAttestationDocument, { code: report.verificationCode })).verifyAttestation.valid).toBe(false);

    // an attestation issued before the people accompanied were stated: format 2, as stored then (no format, no such figure)
    const [row]: Array<{ statement: { format?: number; figures: Record<string, unknown> } }> = await t.dataSource.query(
      `SELECT statement FROM issued_attestation WHERE code = $1`,
      [report.verificationCode],
    );
    const { format: _format, ...older } = row!.statement;
    const { peopleAccompanied: _accompanied, ...olderFigures } = older.figures;
    const statement = { ...older, figures: olderFigures } as unknown as Parameters<typeof signStatement>[1];
    const signed = signStatement(t.app.get<AppConfig>(APP_CONFIG).attestationKeys, statement);
    expect(signed.code).not.toBe(report.verificationCode);
    await t.dataSource.query(
      `INSERT INTO issued_attestation (code, key_id, donor_id, period_from, period_to, statement, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [signed.code, signed.keyId, net.ara.donor, from, to, JSON.stringify(statement), signed.signature],
    );
    const old = (await t.runOk(TruthVerifyAttestationDocument, { code: signed.code })).verifyAttestation;
    // genuine and current for what it stated; it stated nothing of the people accompanied
    expect(old).toEqual({ valid: true, stillCurrent: true, figures: { peopleEquipped: 2, peopleAccompanied: null, devicesReused: 1 } });
    const oldPage = await http().get(`/verifier/${signed.code}`);
    expect(oldPage.text).toContain('2 personnes équipées');
    expect(oldPage.text).not.toContain('accompagnement');
  });
});
