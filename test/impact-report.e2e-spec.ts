import { APP_CONFIG, AppConfig, RequestContext } from '@app/common';
import { DeviceStockService } from '@app/refurbishing/services/device-stock.service';
import { signLink } from '@app/reporting/links/signed-link';
import { PDFParse } from 'pdf-parse';
import request from 'supertest';
import {
  DeviceCategory,
  DonationLineInput,
  ErasureMethod,
  Grade,
  GradeDeviceDocument,
  ImpactReportCancelDonationDocument,
  ImpactReportDonorImpactDocument,
  ImpactReportDonorImpactQuery,
  ImpactReportOrderDocument,
  ImpactReportRecordErasureDocument,
  RecycleDeviceDocument,
} from './generated/graphql';
import { claimLot, collectLot, declareAndRoute, declareDonation, LYON, receiveLot } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { confirmDelivery, matchOrders, shipDevices, submitOrder } from './support/order-flow';
import { addOrganization } from './support/organization-fixture';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const PUBLIC_URL = 'https://reemploi.test';
/** midnight UTC three days from now: pickups may be scheduled from then on */
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY);
/** every laptop fits a STUDENT line (8 GB, 128 GB SSD) and a SENIOR one */
const LAPTOP_SPECS = { ramGb: 8, storageGb: 256, ssd: true };
const REFS = ['BEN-0042', 'BEN-0042', 'BEN-0077', 'BEN-0100'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Report = ImpactReportDonorImpactQuery['donorImpactReport'];

/** The path and query of an absolute link: supertest talks to the app, not to PUBLIC_URL. */
const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

function csvRows(text: string): Array<Record<string, string>> {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
  const columns = header!.split(';');
  // No cell of these rows holds a quoted semicolon: a plain split is enough here.
  return lines.map((line) => Object.fromEntries(line.split(';').map((cell, i) => [columns[i]!, cell])));
}

/** Binary bodies (the PDF) as a Buffer, whatever supertest would make of their type. */
const binary = (res: any, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('donor impact report', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let donor2: { id: string; token: string };
  /** DB clock marks between the phases of the story: start < T0 < T1 < T2 */
  const at: { start: Date; t0: Date; t1: Date; t2: Date } = {} as never;
  /** the devices of the story, by name */
  const dev: Record<string, string> = {};
  const serials: Record<string, string> = {};
  /** the SENIOR-line laptop left RESERVED (not shipped) */
  let leftReserved = '';
  let delivered: string[] = [];
  let certificates: Record<string, string> = {};
  /** L4's first erasure attempt, not verified: kept on record, with no certificate number */
  let failedAttempts: Array<{ certificate_number: string | null }> = [];

  const mark = async () => {
    await sleep(25);
    const [row] = await t.dataSource.query(`SELECT clock_timestamp() AS now`);
    await sleep(25);
    return row.now as Date;
  };
  const http = () => request(t.app.getHttpServer());
  const report = async (token: string, from: Date, to: Date, donorId?: string): Promise<Report> =>
    (await t.runOk(ImpactReportDonorImpactDocument, { donorId, from: from.toISOString(), to: to.toISOString() }, token)).donorImpactReport;
  const figures = ({ donor: _d, from: _f, to: _t, pdfUrl: _p, csvUrl: _c, linksExpireAt: _l, verificationCode: _v, co2eFactors: _k, ...rest }: Report) => rest;
  const fetchPdf = (url: string) => http().get(pathOf(url)).buffer(true).parse(binary);

  /** A donation of the ARA donor (or another), routed, claimed, picked up, received with these serials. */
  const receivedDonation = async (donorToken: string, lines: DonationLineInput[], intake: Array<{ name: string; category: DeviceCategory }>) => {
    const lot = await declareAndRoute(t, net.ara, lines, { pickupAddress: LYON, availableFrom: availableFrom.toISOString(), donorToken });
    const token = net.ara.tokens.refurbisher;
    await claimLot(t, lot.id, token);
    const collected = lines.reduce((n, l) => n + l.quantity, 0);
    await collectLot(t, lot.id, token, new Date(availableFrom.getTime() + 9 * 3600_000).toISOString(), collected);
    const devices = intake.map((d) => ({
      serialNumber: `IMPACT-${d.name}-${Math.random().toString(36).slice(2, 8)}`.toUpperCase(),
      category: d.category,
      brand: d.category === 'LAPTOP' ? 'Lenovo' : 'Dell',
      model: d.category === 'LAPTOP' ? 'ThinkPad T480' : 'P2419H',
      specs: d.category === 'LAPTOP' ? LAPTOP_SPECS : undefined,
    }));
    const received = await receiveLot(t, lot.id, devices, token);
    intake.forEach((d, i) => {
      serials[d.name] = devices[i]!.serialNumber;
      dev[d.name] = received.find((r) => r.serialNumber === devices[i]!.serialNumber)!.id;
    });
    return lot.donationId;
  };
  const erase = (name: string, verified = true, method: ErasureMethod = 'NIST_800_88_PURGE') =>
    t.runOk(ImpactReportRecordErasureDocument, { input: { deviceId: dev[name]!, method, operator: 'Camille Martin', verified } }, net.ara.tokens.refurbisher);
  // laptops with a working webcam and microphone: the senior line of the story asks for video calls
  const grade = async (name: string, g: Grade = 'B') => {
    const checklist = name.startsWith('L') ? { webcam: true, microphone: true } : undefined;
    const input = { deviceId: dev[name]!, grade: g, os: 'Xubuntu 24.04', checklist };
    expect((await t.runOk(GradeDeviceDocument, { input }, net.ara.tokens.refurbisher)).gradeDevice.status).toBe('IN_STOCK');
  };
  const recycle = (name: string) =>
    t.runOk(RecycleDeviceDocument, { input: { deviceId: dev[name]!, reason: 'cracked screen and dead board' } }, net.ara.tokens.refurbisher);

  /**
   * The story, through the real mutations. Before T0: L0 is given, received and refurbished.
   * T0..T1: donation D2 is declared and cancelled; D1 (7 laptops, 2 monitors declared) is picked
   * up and 7 laptops and 1 monitor arrive; L1-L3, L5 and M1 (NO_STORAGE) are refurbished, L5 then goes
   * missing; L4 is erased (after a failed attempt) and recycled; L7 is erased only; L6 waits.
   * T1..T2: a partner's order takes L0-L3 and M1; three laptops and the monitor are delivered to
   * three people (two laptops to the same one); L6 is erased and recycled; D3 (1 laptop,
   * 2 tablets) is declared. Meanwhile a second donor's laptop X1 goes through the same workshop.
   */
  beforeAll(async () => {
    t = await TestApp.start({ publicUrl: PUBLIC_URL });
    await t.reset();
    net = await seedNetwork(t);
    donor2 = await addOrganization(
      t,
      {
        kind: 'DONOR',
        name: 'Mairie de Villeurbanne',
        regionId: net.ara.id,
        address: { postalCode: '69100', city: 'Villeurbanne', location: { lat: 45.77, lon: 4.88 } },
      },
      { email: 'dsi@villeurbanne.test', role: 'DONOR' },
      net.ara.tokens.coordinator,
    );
    await t.dataSource.query(
      `INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity)
       SELECT o.id, c.category, 1000 FROM organization o CROSS JOIN unnest(enum_range(NULL::device_category)) AS c(category) WHERE o.kind = 'REFURBISHER'
       ON CONFLICT (organization_id, category) DO UPDATE SET weekly_capacity = 1000`,
    );

    at.start = await mark();
    await receivedDonation(net.ara.tokens.donor, [{ category: 'LAPTOP', quantity: 1 }], [{ name: 'L0', category: 'LAPTOP' }]);
    await erase('L0');
    await grade('L0');

    at.t0 = await mark();
    const d2 = await declareDonation(t, net.ara, [{ category: 'LAPTOP', quantity: 3 }], {
      pickupAddress: LYON,
      availableFrom: availableFrom.toISOString(),
      donorToken: net.ara.tokens.donor,
    });
    expect((await t.runOk(ImpactReportCancelDonationDocument, { id: d2 }, net.ara.tokens.donor)).cancelDonation.status).toBe('CANCELLED');
    await receivedDonation(
      net.ara.tokens.donor,
      [
        { category: 'LAPTOP', quantity: 7 },
        { category: 'MONITOR', quantity: 2 },
      ],
      [...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ name: `L${n}`, category: 'LAPTOP' as const })), { name: 'M1', category: 'MONITOR' as const }],
    );
    await receivedDonation(donor2.token, [{ category: 'LAPTOP', quantity: 1 }], [{ name: 'X1', category: 'LAPTOP' }]);
    for (const name of ['L1', 'L2', 'L3', 'L5']) {
      await erase(name);
      await grade(name);
    }
    // A monitor holds no data: its record says so (NO_STORAGE); that is no certificate of erasure.
    await erase('M1', true, 'NO_STORAGE');
    await grade('M1', 'A');
    await t.app.get(DeviceStockService).markMissing(RequestContext.system(), [dev.L5!], 'not on the shelves at the stock count');
    // a failed attempt certifies nothing: no certificate is shown, none is numbered
    expect((await erase('L4', false)).recordErasure).toMatchObject({ status: 'RECEIVED', erasure: null });
    await erase('L4');
    await recycle('L4');
    await erase('L7');
    await erase('X1');

    at.t1 = await mark();
    const orderId = await submitOrder(
      t,
      [
        { category: 'LAPTOP', quantity: 2, profile: 'STUDENT' },
        { category: 'LAPTOP', quantity: 2, profile: 'SENIOR' },
        { category: 'MONITOR', quantity: 1, profile: 'JOB_SEEKER' },
      ],
      net.ara.tokens.partner,
    );
    expect(await matchOrders(t, net.ara)).toEqual({ allocatedQuantity: 5, unfilledQuantity: 0 });
    const order = (await t.runOk(ImpactReportOrderDocument, { id: orderId }, net.ara.tokens.partner)).order!;
    const line = (profile: string) => order.lines.find((l) => l.profile === profile)!.devices.map((d) => d.id);
    expect([...line('STUDENT'), ...line('SENIOR'), ...line('JOB_SEEKER')].sort()).toEqual([dev.L0, dev.L1, dev.L2, dev.L3, dev.M1].sort());
    // Both student laptops, one senior laptop (L0 for sure, when the senior line has it) and the monitor.
    const senior = line('SENIOR');
    leftReserved = senior.find((d) => d !== dev.L0)!;
    delivered = [...line('STUDENT'), senior.find((d) => d !== leftReserved)!, dev.M1!];
    await shipDevices(t, orderId, delivered, net.ara.tokens.refurbisher);
    await confirmDelivery(t, orderId, delivered, net.ara.tokens.partner, REFS);
    await erase('L6');
    await recycle('L6');
    await declareDonation(
      t,
      net.ara,
      [
        { category: 'LAPTOP', quantity: 1 },
        { category: 'TABLET', quantity: 2 },
      ],
      { pickupAddress: LYON, availableFrom: availableFrom.toISOString(), donorToken: net.ara.tokens.donor },
    );
    at.t2 = await mark();

    const rows: Array<{ device_id: string; certificate_number: string }> = await t.dataSource.query(
      `SELECT device_id, certificate_number FROM erasure_record WHERE verified`,
    );
    failedAttempts = await t.dataSource.query(`SELECT certificate_number FROM erasure_record WHERE NOT verified`);
    certificates = Object.fromEntries(
      Object.entries(dev).map(([name, deviceId]) => [name, rows.find((r) => r.device_id === deviceId)?.certificate_number ?? '']),
    );
  });
  afterAll(() => t?.close());

  describe('the figures, checked by hand', () => {
    it('over [T0, T2): every figure, by category, by profile, with CO2e from the factor table', async () => {
      const r = await report(net.ara.tokens.donor, at.t0, at.t2);
      expect(r.donor).toEqual({ id: net.ara.donor, name: 'Donor ARA' });
      expect([r.from, r.to]).toEqual([at.t0.toISOString(), at.t2.toISOString()]);
      expect(figures(r)).toEqual({
        // D1's 9 and D3's 3; the cancelled D2 is not counted
        devicesDeclared: 12,
        // L1-L7 and M1; L0 arrived before T0, X1 is another donor's
        devicesReceived: 8,
        // handed to people in the period: three laptops (L0 among them, received before T0) and M1
        devicesReused: 4,
        // refurbished in the period and still reserved: the senior laptop left unshipped; L5 went missing
        devicesAwaitingBeneficiary: 1,
        // L4 and L6
        devicesRecycled: 2,
        // BEN-0042 (two laptops), BEN-0077, BEN-0100
        peopleEquipped: 3,
        // L1-L7: data-bearing, received in the period, with a verified erasure record (L4's failed attempt is none; M1's NO_STORAGE is no certificate)
        erasureCertificates: 7,
        // only the delivered devices: 3 laptops × 182.6 + 1 monitor × 65.9
        co2eAvoidedKg: 613.7,
        byCategory: [
          { category: 'LAPTOP', declared: 8, received: 7, reused: 3, awaitingBeneficiary: 1, recycled: 2, co2eAvoidedKg: 547.8 },
          { category: 'MONITOR', declared: 2, received: 1, reused: 1, awaitingBeneficiary: 0, recycled: 0, co2eAvoidedKg: 65.9 },
          { category: 'TABLET', declared: 2, received: 0, reused: 0, awaitingBeneficiary: 0, recycled: 0, co2eAvoidedKg: 0 },
        ],
        // L0 among them: delivered in the period although refurbished before it (in the order of the profile enum)
        beneficiaryProfiles: [
          { profile: 'STUDENT', count: 2 },
          { profile: 'JOB_SEEKER', count: 1 },
          { profile: 'SENIOR', count: 1 },
        ],
      });
      const ademe = {
        source: expect.stringMatching(/ADEME/),
        counted: true,
        version: expect.stringMatching(/ADEME-Arcep 2022/),
        scope: 'fabrication + distribution',
      };
      expect(r.co2eFactors).toEqual([
        { category: 'LAPTOP', kgPerDevice: 182.6, ...ademe },
        { category: 'MONITOR', kgPerDevice: 65.9, ...ademe },
        { category: 'TABLET', kgPerDevice: 59.7, ...ademe },
      ]);
      expect(r.verificationCode).toMatch(/^[0-9A-Z]{1,8}(-[0-9A-Z]{4}){4}$/);
      expect(r.pdfUrl.startsWith(`${PUBLIC_URL}/reports/impact/${net.ara.donor}.pdf?`)).toBe(true);
      expect(r.csvUrl.startsWith(`${PUBLIC_URL}/reports/impact/${net.ara.donor}.csv?`)).toBe(true);
      expect(Math.abs(new Date(r.linksExpireAt).getTime() - (Date.now() + DAY))).toBeLessThan(60_000);
    });

    it('each period counts only its own events: [start, T0), [T0, T1), [T1, T2), and nothing after T2', async () => {
      // L0 was refurbished before T0 but handed to a person after T1: not reused in this period, and no longer awaiting
      expect(figures(await report(net.ara.tokens.donor, at.start, at.t0))).toEqual({
        devicesDeclared: 1,
        devicesReceived: 1,
        devicesReused: 0,
        devicesAwaitingBeneficiary: 0,
        devicesRecycled: 0,
        peopleEquipped: 0,
        erasureCertificates: 1,
        co2eAvoidedKg: 0,
        byCategory: [{ category: 'LAPTOP', declared: 1, received: 1, reused: 0, awaitingBeneficiary: 0, recycled: 0, co2eAvoidedKg: 0 }],
        beneficiaryProfiles: [],
      });
      expect(figures(await report(net.ara.tokens.donor, at.t0, at.t1))).toEqual({
        devicesDeclared: 9,
        devicesReceived: 8,
        // nothing was handed to anyone before T1
        devicesReused: 0,
        devicesAwaitingBeneficiary: 1,
        devicesRecycled: 1,
        peopleEquipped: 0,
        // L6 was erased after T1, but it was received in the period: certificates follow the devices received
        erasureCertificates: 7,
        co2eAvoidedKg: 0,
        byCategory: [
          { category: 'LAPTOP', declared: 7, received: 7, reused: 0, awaitingBeneficiary: 1, recycled: 1, co2eAvoidedKg: 0 },
          { category: 'MONITOR', declared: 2, received: 1, reused: 0, awaitingBeneficiary: 0, recycled: 0, co2eAvoidedKg: 0 },
        ],
        beneficiaryProfiles: [],
      });
      expect(figures(await report(net.ara.tokens.donor, at.t1, at.t2))).toEqual({
        devicesDeclared: 3,
        devicesReceived: 0,
        // the deliveries: the people equipped and the devices reused are counted in the same period
        devicesReused: 4,
        devicesAwaitingBeneficiary: 0,
        devicesRecycled: 1,
        peopleEquipped: 3,
        erasureCertificates: 0,
        co2eAvoidedKg: 613.7,
        byCategory: [
          { category: 'LAPTOP', declared: 1, received: 0, reused: 3, awaitingBeneficiary: 0, recycled: 1, co2eAvoidedKg: 547.8 },
          { category: 'MONITOR', declared: 0, received: 0, reused: 1, awaitingBeneficiary: 0, recycled: 0, co2eAvoidedKg: 65.9 },
          { category: 'TABLET', declared: 2, received: 0, reused: 0, awaitingBeneficiary: 0, recycled: 0, co2eAvoidedKg: 0 },
        ],
        beneficiaryProfiles: [
          { profile: 'STUDENT', count: 2 },
          { profile: 'JOB_SEEKER', count: 1 },
          { profile: 'SENIOR', count: 1 },
        ],
      });
      const after = await report(net.ara.tokens.donor, at.t2, new Date(at.t2.getTime() + DAY));
      expect(figures(after)).toEqual({
        devicesDeclared: 0,
        devicesReceived: 0,
        devicesReused: 0,
        devicesAwaitingBeneficiary: 0,
        devicesRecycled: 0,
        peopleEquipped: 0,
        erasureCertificates: 0,
        co2eAvoidedKg: 0,
        byCategory: [],
        beneficiaryProfiles: [],
      });
      // The whole story: consecutive periods add up.
      const whole = await report(net.ara.tokens.donor, at.start, at.t2);
      expect(figures(whole)).toMatchObject({
        devicesDeclared: 13,
        devicesReceived: 9,
        devicesReused: 4,
        devicesAwaitingBeneficiary: 1,
        devicesRecycled: 2,
        peopleEquipped: 3,
        erasureCertificates: 8,
        co2eAvoidedKg: 613.7,
      });
    });

    it('the other donor’s report has only its own laptop', async () => {
      expect(figures(await report(donor2.token, at.start, at.t2))).toEqual({
        devicesDeclared: 1,
        devicesReceived: 1,
        devicesReused: 0,
        devicesAwaitingBeneficiary: 0,
        devicesRecycled: 0,
        peopleEquipped: 0,
        erasureCertificates: 1,
        co2eAvoidedKg: 0,
        byCategory: [{ category: 'LAPTOP', declared: 1, received: 1, reused: 0, awaitingBeneficiary: 0, recycled: 0, co2eAvoidedKg: 0 }],
        beneficiaryProfiles: [],
      });
    });

    it('bad periods are BAD_USER_INPUT', async () => {
      const token = net.ara.tokens.donor;
      const code = (from: string, to: string) => t.runError(ImpactReportDonorImpactDocument, { from, to }, token);
      expect(await code('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe('BAD_USER_INPUT');
      expect(await code('2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe('BAD_USER_INPUT');
      expect(await code('2020-01-01T00:00:00Z', '2026-01-01T00:00:01Z')).toBe('BAD_USER_INPUT');
      expect(await code('yesterday', '2026-01-01T00:00:00Z')).toBe('BAD_USER_INPUT');
      expect(
        await t.runError(
          ImpactReportDonorImpactDocument,
          { donorId: 'not-an-id', from: at.t0.toISOString(), to: at.t2.toISOString() },
          net.ara.tokens.coordinator,
        ),
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('who may read it', () => {
    const period = () => ({ from: at.t0.toISOString(), to: at.t2.toISOString() });

    it('the donor its own (by default or by its id), the coordinator of its region and ADMIN, with the same figures and code', async () => {
      const own = await report(net.ara.tokens.donor, at.t0, at.t2);
      const byId = await report(net.ara.tokens.donor, at.t0, at.t2, net.ara.donor);
      const coordinator = await report(net.ara.tokens.coordinator, at.t0, at.t2, net.ara.donor);
      const admin = await report(net.adminToken, at.t0, at.t2, net.ara.donor);
      for (const r of [byId, coordinator, admin]) {
        expect(figures(r)).toEqual(figures(own));
        expect(r.verificationCode).toBe(own.verificationCode);
      }
      expect(await t.runError(ImpactReportDonorImpactDocument, period(), net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
    });

    it('nobody else: another donor and a coordinator of another region get NOT_FOUND; refurbishers and partners FORBIDDEN', async () => {
      expect(await t.runError(ImpactReportDonorImpactDocument, { ...period(), donorId: net.ara.donor }, donor2.token)).toBe('NOT_FOUND');
      expect(await t.runError(ImpactReportDonorImpactDocument, { ...period(), donorId: donor2.id }, net.ara.tokens.donor)).toBe('NOT_FOUND');
      expect(await t.runError(ImpactReportDonorImpactDocument, { ...period(), donorId: net.ara.donor }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await t.runError(ImpactReportDonorImpactDocument, { ...period(), donorId: net.bfc.donor }, net.ara.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await t.runError(ImpactReportDonorImpactDocument, { ...period(), donorId: net.ara.refurbisher }, net.ara.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await t.runError(ImpactReportDonorImpactDocument, { ...period(), donorId: '00000000-0000-4000-8000-000000000000' }, net.adminToken)).toBe(
        'NOT_FOUND',
      );
      for (const role of ['refurbisher', 'partner'] as const) {
        expect(await t.runError(ImpactReportDonorImpactDocument, { ...period(), donorId: net.ara.donor }, net.ara.tokens[role])).toBe('FORBIDDEN');
        expect(await t.runError(ImpactReportDonorImpactDocument, period(), net.ara.tokens[role])).toBe('FORBIDDEN');
      }
      expect(await t.runError(ImpactReportDonorImpactDocument, period())).toBe('UNAUTHENTICATED');
    });
  });

  describe('the files', () => {
    it('the PDF is a real attestation in French: the donor, the figures, every certificate, the code, the sources', async () => {
      const r = await report(net.ara.tokens.donor, at.t0, at.t2);
      const res = await fetchPdf(r.pdfUrl);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="attestation-reemploi-donor-ara-\d{4}-\d{2}-\d{2}-au-\d{4}-\d{2}-\d{2}\.pdf"$/);
      expect(res.headers['cache-control']).toBe('private, no-store');
      const body = res.body as Buffer;
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      const text = (await pdfText(body)).replace(/[ \n]+/g, ' ');
      expect(text).toContain('Donor ARA');
      expect(text).toContain('7 certificats d’effacement des données');
      expect(text).toContain('12 appareils déclarés');
      expect(text).toContain('8 appareils reçus');
      expect(text).toContain('4 appareils remis à des personnes');
      expect(text).toContain('1 appareil reconditionné en attente de bénéficiaire');
      expect(text).toContain('2 appareils recyclés');
      expect(text).toContain('3 personnes équipées');
      // issued by the region's coordinator organization
      expect(text).toContain('Délivrée par : Coordination ARA');
      for (const name of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']) expect(text).toContain(certificates[name]);
      // the monitor's NO_STORAGE record is no certificate of erasure; no raw code anywhere
      expect(text).not.toContain(certificates.M1);
      for (const code of ['NO_STORAGE', 'NIST_800_88', 'LAPTOP', 'MONITOR', 'filière agréée', 'not counted'])
        expect([code, text.includes(code)]).toEqual([code, false]);
      expect(failedAttempts).toEqual([{ certificate_number: null }]);
      expect(text).not.toContain(certificates.L0);
      expect(text).not.toContain(certificates.X1);
      expect(text).toContain(r.verificationCode);
      expect(text).toMatch(/ADEME/);
      for (const secret of ['BEN-', 'Partner ARA']) expect(text).not.toContain(secret);
    });

    it('the CSV has one row per device a figure counts (received, delivered or recycled in the period), with its outcome, and no beneficiary', async () => {
      const r = await report(net.ara.tokens.donor, at.t0, at.t2);
      const res = await http().get(pathOf(r.csvUrl));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="equipements-donnes-donor-ara-.*\.csv"$/);
      const text = res.text;
      expect(text.split('\r\n')[0]).toBe(
        '\uFEFFserial_number;category;brand;model;donation;received_at;status;outcome;refurbished_at;recycled_at;delivered_at;erasure_certificate;erasure_method;erased_at;devenir;methode_effacement',
      );
      const rows = csvRows(text);
      const names = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'M1'];
      // every device a figure counts: those received in the period, and L0, received before but delivered in it
      expect(rows.map((row) => row.serial_number).sort()).toEqual([...names, 'L0'].map((n) => serials[n]).sort());
      expect(rows.find((x) => x.serial_number === serials.L0)).toMatchObject({ status: 'DELIVERED', outcome: 'REUSED', devenir: 'remis à une personne' });
      const row = (name: string) => rows.find((x) => x.serial_number === serials[name])!;
      const within = (iso: string, from: Date, to: Date) => iso !== '' && new Date(iso) >= from && new Date(iso) < to;
      const statusOf = (name: string) => (dev[name] === leftReserved ? 'RESERVED' : delivered.includes(dev[name]!) ? 'DELIVERED' : null);
      const reusedOrWaiting = (name: string) => (statusOf(name) === 'DELIVERED' ? 'REUSED' : 'AWAITING_BENEFICIARY');
      const expected: Record<string, { status: string; outcome: string }> = {
        L1: { status: statusOf('L1')!, outcome: reusedOrWaiting('L1') },
        L2: { status: statusOf('L2')!, outcome: reusedOrWaiting('L2') },
        L3: { status: statusOf('L3')!, outcome: reusedOrWaiting('L3') },
        L4: { status: 'RECYCLED', outcome: 'RECYCLED' },
        L5: { status: 'MISSING', outcome: 'MISSING' },
        L6: { status: 'RECYCLED', outcome: 'RECYCLED' },
        L7: { status: 'WIPED', outcome: 'IN_PROGRESS' },
        M1: { status: 'DELIVERED', outcome: 'REUSED' },
      };
      for (const name of names) {
        const x = row(name);
        expect([name, x.status, x.outcome]).toEqual([name, expected[name]!.status, expected[name]!.outcome]);
        expect([name, x.category, x.brand]).toEqual([name, name === 'M1' ? 'MONITOR' : 'LAPTOP', name === 'M1' ? 'Dell' : 'Lenovo']);
        expect(x.donation).toMatch(/^DON-\d{4}-\d{6}$/);
        expect(within(x.received_at!, at.t0, at.t1)).toBe(true);
        expect([name, x.erasure_certificate]).toEqual([name, certificates[name]]);
        expect(x.erasure_method).toBe(name === 'M1' ? 'NO_STORAGE' : 'NIST_800_88_PURGE');
        expect([name, x.refurbished_at !== '']).toEqual([name, ['L1', 'L2', 'L3', 'L5', 'M1'].includes(name)]);
        if (x.refurbished_at) expect(within(x.refurbished_at, at.t0, at.t1)).toBe(true);
        expect([name, x.recycled_at !== '']).toEqual([name, ['L4', 'L6'].includes(name)]);
        expect([name, x.delivered_at !== '']).toEqual([name, x.status === 'DELIVERED']);
        if (x.delivered_at) expect(within(x.delivered_at, at.t1, at.t2)).toBe(true);
      }
      expect(within(row('L4').recycled_at!, at.t0, at.t1)).toBe(true);
      expect(within(row('L6').recycled_at!, at.t1, at.t2)).toBe(true);
      // The same rules as the figures: reused = the rows delivered in the period, certificates = data-bearing devices received in it.
      expect(rows.filter((x) => x.outcome === 'REUSED' && within(x.delivered_at!, at.t0, at.t2)).length).toBe(r.devicesReused);
      expect(rows.filter((x) => x.outcome === 'AWAITING_BENEFICIARY' && within(x.refurbished_at!, at.t0, at.t2)).length).toBe(r.devicesAwaitingBeneficiary);
      expect(rows.filter((x) => x.outcome === 'RECYCLED' && within(x.recycled_at!, at.t0, at.t2)).length).toBe(r.devicesRecycled);
      expect(rows.filter((x) => x.erasure_certificate && x.erasure_method !== 'NO_STORAGE' && within(x.received_at!, at.t0, at.t2)).length).toBe(
        r.erasureCertificates,
      );
      for (const secret of ['BEN-', 'Partner ARA', 'ORD-']) expect(text).not.toContain(secret);
    });

    it('a donor never sees a beneficiary reference or a partner in the report', async () => {
      const res = await t.run(ImpactReportDonorImpactDocument, { from: at.start.toISOString(), to: at.t2.toISOString() }, net.ara.tokens.donor);
      const json = JSON.stringify(res);
      expect(res.errors).toBeUndefined();
      for (const ref of REFS) expect(json).not.toContain(ref);
      expect(json).not.toContain(net.ara.partner);
      expect(json).not.toContain('Partner ARA');
    });
  });

  describe('signed links', () => {
    it('need no login, and refuse another donor, a tampered period, kind or expiry, and a missing signature (403)', async () => {
      const r = await report(net.ara.tokens.donor, at.t0, at.t2);
      const pdf = new URL(r.pdfUrl);
      expect((await http().get(pathOf(r.csvUrl))).status).toBe(200);
      const variant = (path: string, change: (q: URLSearchParams) => void = () => undefined) => {
        const q = new URLSearchParams(pdf.search);
        change(q);
        return http().get(`${path}?${q.toString()}`);
      };
      const refused = [
        await variant(`/reports/impact/${donor2.id}.pdf`),
        await variant(`/reports/impact/${net.ara.donor}.csv`),
        await variant(pdf.pathname, (q) => q.set('to', new Date(at.t2.getTime() + DAY).toISOString())),
        await variant(pdf.pathname, (q) => q.set('from', new Date(at.start.getTime()).toISOString())),
        await variant(pdf.pathname, (q) => q.set('expires', String(Number(q.get('expires')) + 3600))),
        await variant(pdf.pathname, (q) => q.set('signature', `${q.get('signature')!.slice(0, -2)}AA`)),
        await variant(pdf.pathname, (q) => q.delete('signature')),
        await variant(`/reports/impact/not-a-donor.pdf`),
      ];
      for (const res of refused) {
        expect([res.status, res.headers['content-type']]).toEqual([403, expect.stringMatching(/^application\/json/)]);
        expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', message: expect.stringMatching(/not valid for this report/) });
      }
    });

    it('an expired link is 410 Gone, saying so', async () => {
      const secret = t.app.get<AppConfig>(APP_CONFIG).jwtSecret;
      const params = { donorId: net.ara.donor, from: at.t0.toISOString(), to: at.t2.toISOString() };
      const { expires, signature } = signLink(secret, { kind: 'impact-pdf', ...params }, new Date(Date.now() - 60_000));
      const res = await http().get(
        `/reports/impact/${net.ara.donor}.pdf?${new URLSearchParams({ from: params.from, to: params.to, expires: String(expires), signature }).toString()}`,
      );
      expect(res.status).toBe(410);
      expect(res.body).toMatchObject({ statusCode: 410, message: expect.stringMatching(/expired on .*ask for the report again/) });
      // The same signature made by the server a minute ahead still works: only the time differs.
      const fresh = signLink(secret, { kind: 'impact-pdf', ...params }, new Date(Date.now() + 60_000));
      const ok = await http()
        .get(
          `/reports/impact/${net.ara.donor}.pdf?${new URLSearchParams({ from: params.from, to: params.to, expires: String(fresh.expires), signature: fresh.signature }).toString()}`,
        )
        .buffer(true)
        .parse(binary);
      expect(ok.status).toBe(200);
    });
  });
});
