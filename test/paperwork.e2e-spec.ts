import { PDFParse } from 'pdf-parse';
import request from 'supertest';
import { publicReuseTargetPercent } from '@app/paperwork/reuse-report/public-reuse-targets';
import {
  DeviceIntakeInput,
  DonationLineInput,
  GradeDeviceDocument,
  PapersAgreementDocument,
  PapersImpactDocument,
  PapersIssueTaxReceiptDocument,
  PapersPublicReuseReportDocument,
  PapersRecordDestinationDocument,
  PapersRecycleDocument,
  PapersTaxReceiptsDocument,
  PapersWasteRegisterDocument,
} from './generated/graphql';
import { claimLot, collectLot, declareAndRoute, eraseDevice, LYON, receiveLot } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const PUBLIC_URL = 'https://reemploi.test';
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY);
const LAPTOP = { ramGb: 8, storageGb: 256, ssd: true };
/** a real SIRET shape (Luhn-valid): the eco-organisation of the story */
const ECO = { name: 'Ecosystem collecte professionnelle', siret: '83033936200022', address: '1 rue du Recyclage, 69007 Lyon', treatmentCode: 'R13' };
const parisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

const binary = (res: any, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The PDF's text as a reader reads it: line breaks as spaces. */
async function pdfText(body: Buffer): Promise<string> {
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** The register's CSV as rows of cells by header (no cell of the story holds a quoted semicolon). */
function csvRows(text: string): Array<Record<string, string>> {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
  const columns = header!.split(';');
  return lines.map((line) => Object.fromEntries(line.split(';').map((cell, i) => [columns[i]!, cell])));
}

describe('paperwork: agreements, tax receipts, public reuse report, waste register', () => {
  let t: TestApp;
  let net: NetworkFixture;
  const http = () => request(t.app.getHttpServer());
  const fetchPdf = async (url: string) => {
    const res = await http().get(pathOf(url)).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    return pdfText(res.body as Buffer);
  };
  const dev: Record<string, string> = {};
  const serial: Record<string, string> = {};
  let d1 = '';
  const later: string[] = [];
  const window = () => ({ from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() });

  /** A donation of the ARA donor, routed to the ARA refurbisher, claimed, collected and received with these devices. */
  const receivedDonation = async (
    lines: DonationLineInput[],
    intake: Array<{ name: string; category: 'LAPTOP' | 'MONITOR' }>,
    beforeClaim?: (donationId: string) => Promise<void>,
  ) => {
    const lot = await declareAndRoute(t, net.ara, lines, { pickupAddress: LYON, availableFrom: availableFrom.toISOString() });
    await beforeClaim?.(lot.donationId);
    const token = net.ara.tokens.refurbisher;
    await claimLot(t, lot.id, token);
    await collectLot(t, lot.id, token, new Date(availableFrom.getTime() + 9 * 3600_000).toISOString(), intake.length);
    const devices: DeviceIntakeInput[] = intake.map((d) => ({
      serialNumber: `PAPERS-${d.name}-${Math.random().toString(36).slice(2, 8)}`.toUpperCase(),
      category: d.category,
      specs: d.category === 'LAPTOP' ? LAPTOP : undefined,
    }));
    const received = await receiveLot(t, lot.id, devices, token);
    intake.forEach((d, i) => {
      serial[d.name] = devices[i]!.serialNumber;
      dev[d.name] = received.find((r) => r.serialNumber === devices[i]!.serialNumber)!.id;
    });
    return lot.donationId;
  };

  beforeAll(async () => {
    t = await TestApp.start({ publicUrl: PUBLIC_URL });
    await t.reset();
    net = await seedNetwork(t);
    await t.dataSource.query(`INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) VALUES ($1, 'MONITOR', 50)`, [net.ara.refurbisher]);
    await t.dataSource.query(
      `UPDATE organization SET address_street = '12 rue de l’Atelier', address_postal_code = '69007', address_city = 'Lyon' WHERE id = $1`,
      [net.ara.refurbisher],
    );
  }, 120_000);
  afterAll(() => t?.close());

  describe('the donation agreement', () => {
    it('is not ready before a refurbisher accepts a lot; then the donor, the refurbisher and staff get it, nobody else', async () => {
      d1 = await receivedDonation(
        [
          { category: 'LAPTOP', quantity: 3 },
          { category: 'MONITOR', quantity: 1 },
        ],
        [
          { name: 'L1', category: 'LAPTOP' },
          { name: 'L2', category: 'LAPTOP' },
          { name: 'L3', category: 'LAPTOP' },
          { name: 'M1', category: 'MONITOR' },
        ],
        async (donationId) => {
          const res = await t.run(PapersAgreementDocument, { donationId }, net.ara.tokens.donor);
          expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'AGREEMENT_NOT_READY' });
        },
      );
      for (const token of [net.ara.tokens.donor, net.ara.tokens.refurbisher, net.ara.tokens.coordinator, net.adminToken]) {
        const agreements = (await t.runOk(PapersAgreementDocument, { donationId: d1 }, token)).donationAgreement;
        expect(agreements).toHaveLength(1);
        expect(agreements[0]).toMatchObject({ refurbisherId: net.ara.refurbisher, refurbisherName: 'Refurbisher ARA' });
        expect(agreements[0]!.reference).toMatch(/^CD-LOT-\d{4}-\d{6}$/);
      }
      expect(await t.runError(PapersAgreementDocument, { donationId: d1 }, net.bfc.tokens.donor)).toBe('NOT_FOUND');
      expect(await t.runError(PapersAgreementDocument, { donationId: d1 }, net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
      expect(await t.runError(PapersAgreementDocument, { donationId: d1 }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await t.runError(PapersAgreementDocument, { donationId: d1 }, net.ara.tokens.partner)).toBe('FORBIDDEN');
    }, 60_000);

    it('as a PDF names the parties, the inventory with its serials, the erasure commitment with the certificates, and the transfer of ownership', async () => {
      await eraseDevice(t, dev.L1!, net.ara.tokens.refurbisher);
      const [{ certificateNumber }] = await t.dataSource.query(`SELECT certificate_number AS "certificateNumber" FROM erasure_record WHERE device_id = $1`, [
        dev.L1,
      ]);
      const [agreement] = (await t.runOk(PapersAgreementDocument, { donationId: d1 }, net.ara.tokens.donor)).donationAgreement;
      const [sirets] = await t.dataSource.query(
        `SELECT (SELECT siret FROM organization WHERE id = $1) AS donor, (SELECT siret FROM organization WHERE id = $2) AS refurbisher`,
        [net.ara.donor, net.ara.refurbisher],
      );
      const text = await fetchPdf(agreement!.pdfUrl);
      expect(text).toContain('Convention de don de matériel informatique');
      expect(text).toContain(agreement!.reference);
      expect(text).toContain(`Le donateur : Donor ARA — SIRET ${sirets.donor}`);
      expect(text).toContain(`Refurbisher ARA — SIRET ${sirets.refurbisher} — 12 rue de l’Atelier, 69007 Lyon`);
      expect(text).toContain('3 ordinateurs portables acceptés — 3 ordinateurs portables reçus et enregistrés');
      expect(text).toContain('1 écran accepté — 1 écran reçu et enregistré');
      for (const name of ['L1', 'L2', 'L3', 'M1']) expect(text).toContain(serial[name]);
      expect(text).toContain('Article 3 — Effacement des données');
      expect(text).toContain('NIST SP 800-88');
      expect(text).toContain(`${certificateNumber} — n° de série ${serial.L1}`);
      expect(text).toContain('Article 4 — Transfert de propriété');
      expect(text).toMatch(/au moment de son enlèvement chez le donateur, intervenu le \d{1,2} \S+ \d{4}/);
      // the link is the authorization: altered, it is refused
      const forged = agreement!.pdfUrl.replace(/signature=[^&]+/, 'signature=AAAA');
      expect((await http().get(pathOf(forged))).status).toBe(403);
      const otherRefurbisher = agreement!.pdfUrl.replace(`${net.ara.refurbisher}.pdf`, `${net.bfc.refurbisher}.pdf`);
      expect((await http().get(pathOf(otherRefurbisher))).status).toBe(403);
    });
  });

  describe('recycling and the register of outgoing waste', () => {
    const register = async (token = net.ara.tokens.refurbisher) =>
      (await t.runOk(PapersWasteRegisterDocument, { refurbisherId: net.ara.refurbisher, ...window() }, token)).wasteRegister;
    const recycle = (name: string, extra: Record<string, unknown> = {}) =>
      t.run(PapersRecycleDocument, { input: { deviceId: dev[name]!, reason: 'carte mère morte', ...extra } }, net.ara.tokens.refurbisher);
    const attestation = async () => {
      const r = (await t.runOk(PapersImpactDocument, { donorId: net.ara.donor, ...window() }, net.ara.tokens.donor)).donorImpactReport;
      return { recycled: r.devicesRecycled, text: await fetchPdf(r.pdfUrl) };
    };

    it('refuses a destination without its weight, a weight without a destination, and a bad SIRET, changing nothing', async () => {
      await eraseDevice(t, dev.L3!, net.ara.tokens.refurbisher);
      for (const extra of [
        { destination: ECO },
        { weightKg: 2 },
        { transportDocument: 'BSD-1' },
        { destination: { ...ECO, siret: '12345678901234' }, weightKg: 2 },
      ]) {
        const res = await recycle('L3', extra);
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect((await t.dataSource.query(`SELECT status FROM device WHERE id = $1`, [dev.L3]))[0].status).toBe('WIPED');
    });

    it('a device recycled without a destination is "destination à renseigner", and the attestation claims no approved channel', async () => {
      expect((await recycle('L3')).data?.recycleDevice.status).toBe('RECYCLED');
      expect((await recycle('M1')).data?.recycleDevice.status).toBe('RECYCLED');
      const r = await register();
      expect(r.pendingDeviceCount).toBe(2);
      expect(r.rows.map((row) => [row.destinationPending, row.serialNumbers])).toEqual([
        [true, [serial.L3]],
        [true, [serial.M1]],
      ]);
      const { recycled, text } = await attestation();
      expect(recycled).toBe(2);
      expect(text).toContain('2 appareils recyclés');
      expect(text).not.toContain('filière agréée');
    });

    it('recycled with its destination, a device leaves in a load: a register line, and the attestation says "filière agréée" for it alone', async () => {
      await eraseDevice(t, dev.L2!, net.ara.tokens.refurbisher);
      const res = await recycle('L2', { destination: ECO, weightKg: 2.35, transportDocument: 'BSD-20261204-PAPERS01', carrier: 'Transports Rhône' });
      expect(res.errors).toBeUndefined();
      const r = await register();
      expect(r.pendingDeviceCount).toBe(2);
      const shipped = r.rows.filter((row) => !row.destinationPending);
      expect(shipped).toEqual([
        expect.objectContaining({
          wasteCode: '16 02 14',
          hazardous: false,
          weightKg: 2.35,
          deviceCount: 1,
          destinationName: ECO.name,
          destinationSiret: ECO.siret,
          destinationAddress: ECO.address,
          treatmentCode: 'R13',
          transportDocument: 'BSD-20261204-PAPERS01',
          carrier: 'Transports Rhône',
          serialNumbers: [serial.L2],
          wasteLabel: 'Déchets d’équipements électriques et électroniques (1 ordinateur portable)',
        }),
      ]);
      const { text } = await attestation();
      expect(text).toContain('3 appareils recyclés, dont 1 confié à une filière agréée');
    });

    it('the pending devices are completed in one load; the CSV has the register’s columns; a device leaves once', async () => {
      const load = (
        await t.runOk(
          PapersRecordDestinationDocument,
          { input: { deviceIds: [dev.L3!, dev.M1!], destination: ECO, weightKg: 9.5, wasteCode: '16 02 13*' } },
          net.ara.tokens.refurbisher,
        )
      ).recordRecyclingDestination;
      expect(load).toMatchObject({ deviceCount: 2, weightKg: 9.5, wasteCode: '16 02 13*', destinationSiret: ECO.siret, transportDocument: null });
      const again = await t.run(
        PapersRecordDestinationDocument,
        { input: { deviceIds: [dev.L3!], destination: ECO, weightKg: 1 } },
        net.ara.tokens.refurbisher,
      );
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RECYCLING_DESTINATION_RECORDED' });
      const inStock = await t.run(
        PapersRecordDestinationDocument,
        { input: { deviceIds: [dev.L1!], destination: ECO, weightKg: 1 } },
        net.ara.tokens.refurbisher,
      );
      expect(inStock.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DEVICE_NOT_RECYCLED' });
      expect(
        await t.runError(PapersRecordDestinationDocument, { input: { deviceIds: [dev.L3!], destination: ECO, weightKg: 1 } }, net.bfc.tokens.refurbisher),
      ).toBe('NOT_FOUND');

      const r = await register();
      expect(r.pendingDeviceCount).toBe(0);
      expect(r.shippedWeightKg).toBe(11.85);
      const res = await http().get(pathOf(r.csvUrl));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const rows = csvRows(res.text);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        Statut: 'expédié',
        'Code déchet': '16 02 14',
        'Déchet dangereux': 'non',
        'Quantité (t)': '0,00235',
        'Quantité (kg)': '2,35',
        'N° du document de traçabilité (Trackdéchets)': 'BSD-20261204-PAPERS01',
        'Destination — raison sociale': ECO.name,
        'Destination — SIRET': ECO.siret,
        'Code du traitement (R/D)': 'R13',
        'Qualification du traitement': 'recyclage',
        Transporteur: 'Transports Rhône',
        'Numéros de série': serial.L2,
      });
      expect(rows[0]!['Date d’expédition']).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(rows[1]).toMatchObject({ 'Code déchet': '16 02 13*', 'Déchet dangereux': 'oui', 'Quantité (kg)': '9,5', 'Nombre d’appareils': '2' });
      expect(rows[1]!['Dénomination usuelle du déchet']).toBe('Déchets d’équipements électriques et électroniques (1 ordinateur portable, 1 écran)');
      const { text } = await attestation();
      expect(text).toContain('3 appareils recyclés, dont 3 confiés à une filière agréée');
    });

    it('is the refurbisher’s own and its region staff’s', async () => {
      expect((await register(net.ara.tokens.coordinator)).rows).toHaveLength(2);
      expect((await register(net.adminToken)).rows).toHaveLength(2);
      expect(await t.runError(PapersWasteRegisterDocument, { refurbisherId: net.ara.refurbisher, ...window() }, net.bfc.tokens.refurbisher)).toBe('FORBIDDEN');
      expect(await t.runError(PapersWasteRegisterDocument, { refurbisherId: net.ara.refurbisher, ...window() }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await t.runError(PapersWasteRegisterDocument, { refurbisherId: net.ara.refurbisher, ...window() }, net.ara.tokens.donor)).toBe('FORBIDDEN');
      expect(
        (await t.runOk(PapersWasteRegisterDocument, { refurbisherId: net.bfc.refurbisher, ...window() }, net.bfc.tokens.refurbisher)).wasteRegister.rows,
      ).toEqual([]);
      const reversed = await t.run(
        PapersWasteRegisterDocument,
        { refurbisherId: net.ara.refurbisher, from: window().to, to: window().from },
        net.ara.tokens.refurbisher,
      );
      expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERIOD_REVERSED' });
    });
  });

  describe('tax receipts', () => {
    const issue = (donationId: string, valuationCents: number, token = net.ara.tokens.refurbisher) =>
      t.run(PapersIssueTaxReceiptDocument, { input: { donationId, valuationCents } }, token);

    it('are refused to a refurbisher not recorded as eligible', async () => {
      const res = await issue(d1, 45_000);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TAX_RECEIPT_NOT_ELIGIBLE' });
      expect(await t.count('tax_receipt')).toBe(0);
      expect(await t.count('tax_receipt_counter')).toBe(0);
    });

    it('take a valuation in whole cents above zero', async () => {
      await t.dataSource.query(`UPDATE organization SET tax_receipt_eligible = true WHERE id IN ($1, $2)`, [net.ara.refurbisher, net.bfc.refurbisher]);
      for (const valuation of [0, -100, 12.5, 3_000_000_000]) expect((await issue(d1, valuation)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // only the refurbisher that received the devices, never another one
      expect((await issue(d1, 45_000, net.bfc.tokens.refurbisher)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await issue(d1, 45_000, net.ara.tokens.donor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await t.count('tax_receipt')).toBe(0);
    });

    it('are numbered, one per donation, and the PDF carries the Cerfa 2041-MEC-SD fields', async () => {
      const receipt = (await issue(d1, 45_000)).data!.issueTaxReceipt;
      expect(receipt).toMatchObject({
        number: `RF-${parisYear}-00001`,
        donorName: 'Donor ARA',
        refurbisherName: 'Refurbisher ARA',
        valuationCents: 45_000,
        goodsDescription: '3 ordinateurs portables, 1 écran',
        deviceCount: 4,
      });
      const again = await issue(d1, 50_000);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TAX_RECEIPT_ALREADY_ISSUED', details: { number: receipt.number } });
      const [siret] = await t.dataSource.query(`SELECT siret FROM organization WHERE id = $1`, [net.ara.donor]);
      const text = await fetchPdf(receipt.pdfUrl);
      expect(text).toContain('Reçu des dons et versements effectués par les entreprises');
      expect(text).toContain('article 238 bis du code général des impôts');
      expect(text).toContain('2041-MEC-SD');
      expect(text).toContain(`Numéro d’ordre du reçu : ${receipt.number}`);
      expect(text).toContain('Dénomination : Refurbisher ARA');
      expect(text).toContain('Adresse : 12 rue de l’Atelier, 69007 Lyon');
      expect(text).toContain('organisme d’intérêt général');
      expect(text).toContain('Dénomination : Donor ARA');
      expect(text).toContain(`SIRET : ${siret.siret}`);
      expect(text).toMatch(/Montant : 450,00\s€/);
      expect(text).toContain('Somme en toutes lettres : quatre cent cinquante euros');
      expect(text).toContain('Forme du don : don en nature');
      expect(text).toContain('3 ordinateurs portables, 1 écran');
      expect(text).toMatch(/Date du don : \d{1,2} \S+ \d{4}/);
    });

    it('issued at once, get consecutive numbers without gaps; the same donation twice at once gets one', async () => {
      for (let i = 0; i < 4; i++) later.push(await receivedDonation([{ category: 'LAPTOP', quantity: 1 }], [{ name: `X${i}`, category: 'LAPTOP' }]));
      const results = await Promise.all([...later.map((id) => issue(id, 10_000 + later.indexOf(id))), issue(later[3]!, 99_999)]);
      const numbers = results.filter((r) => !r.errors).map((r) => r.data!.issueTaxReceipt.number);
      const refused = results.filter((r) => r.errors).map((r) => r.errors![0]!.extensions);
      expect(refused).toEqual([expect.objectContaining({ code: 'CONFLICT', reason: 'TAX_RECEIPT_ALREADY_ISSUED' })]);
      expect(numbers.sort()).toEqual([2, 3, 4, 5].map((n) => `RF-${parisYear}-0000${n}`));
      const [counter] = await t.dataSource.query(`SELECT last_sequence FROM tax_receipt_counter WHERE refurbisher_id = $1`, [net.ara.refurbisher]);
      expect(counter.last_sequence).toBe(5);
    }, 120_000);

    it('are listed for their donor, their refurbisher and staff of the region; nobody else', async () => {
      const list = (token: string, first?: number, after?: string) => t.runOk(PapersTaxReceiptsDocument, { first, after }, token);
      for (const token of [net.ara.tokens.donor, net.ara.tokens.refurbisher, net.ara.tokens.coordinator, net.adminToken]) {
        expect((await list(token)).taxReceipts.totalCount).toBe(5);
      }
      for (const token of [net.bfc.tokens.donor, net.bfc.tokens.refurbisher, net.bfc.tokens.coordinator])
        expect((await list(token)).taxReceipts.totalCount).toBe(0);
      expect(await t.runError(PapersTaxReceiptsDocument, {}, net.ara.tokens.partner)).toBe('FORBIDDEN');
      const page = (await list(net.ara.tokens.donor, 2)).taxReceipts;
      expect(page.pageInfo.hasNextPage).toBe(true);
      const rest = (await list(net.ara.tokens.donor, 10, page.pageInfo.endCursor!)).taxReceipts;
      expect([...page.edges, ...rest.edges].map((e) => e.node.number).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `RF-${parisYear}-0000${n}`));
    });
  });

  describe('the public reuse report', () => {
    it('is refused for a donor that is not a public body', async () => {
      const res = await t.run(PapersPublicReuseReportDocument, { donorId: net.ara.donor, year: parisYear }, net.ara.tokens.donor);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PUBLIC_BODY' });
    });

    it('gives the year’s figures by category beside the decree’s target, to the donor and staff only', async () => {
      await t.dataSource.query(`UPDATE organization SET public_body = true WHERE id = $1`, [net.ara.donor]);
      // L1 refurbished and in stock; L2, L3, M1 recycled; the four later laptops still on the workbench
      const graded = await t.runOk(GradeDeviceDocument, { input: { deviceId: dev.L1!, grade: 'B', os: 'Xubuntu 24.04' } }, net.ara.tokens.refurbisher);
      expect(graded.gradeDevice.status).toBe('IN_STOCK');
      const report = (await t.runOk(PapersPublicReuseReportDocument, { donorId: net.ara.donor, year: parisYear }, net.ara.tokens.donor)).publicReuseReport;
      expect(report).toMatchObject({
        donorName: 'Donor ARA',
        year: parisYear,
        declared: 8,
        received: 8,
        reused: 0,
        awaitingBeneficiary: 1,
        recycled: 3,
        pending: 4,
        missing: 0,
        reuseSharePercent: 25,
        targetPercent: publicReuseTargetPercent(parisYear),
      });
      expect(report.shareReachesTarget).toBe(report.targetPercent === null ? null : 25 >= report.targetPercent);
      expect(report.targetSource).toContain('décret n° 2023-266');
      expect(report.method).toContain('au 1er janvier');
      expect(report.byCategory).toEqual([
        { category: 'LAPTOP', declared: 7, received: 7, reused: 0, awaitingBeneficiary: 1, recycled: 2, pending: 4, missing: 0, reuseSharePercent: 33.3 },
        { category: 'MONITOR', declared: 1, received: 1, reused: 0, awaitingBeneficiary: 0, recycled: 1, pending: 0, missing: 0, reuseSharePercent: 0 },
      ]);
      const previous = (await t.runOk(PapersPublicReuseReportDocument, { donorId: net.ara.donor, year: parisYear - 1 }, net.ara.tokens.coordinator))
        .publicReuseReport;
      expect(previous).toMatchObject({ declared: 0, received: 0, reuseSharePercent: null, byCategory: [] });
      expect(await t.runError(PapersPublicReuseReportDocument, { donorId: net.ara.donor, year: parisYear }, net.bfc.tokens.donor)).toBe('NOT_FOUND');
      expect(await t.runError(PapersPublicReuseReportDocument, { donorId: net.ara.donor, year: parisYear }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await t.runError(PapersPublicReuseReportDocument, { donorId: net.ara.donor, year: parisYear }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
    });
  });
});
