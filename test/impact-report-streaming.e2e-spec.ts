import { APP_CONFIG, AppConfig } from '@app/common';
import { signLink } from '@app/reporting/links/signed-link';
import { get, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFParse } from 'pdf-parse';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

/** enough certificates for the attestation to take seconds of CPU to render */
const DEVICES = 6000;
const DAY = 24 * 3600_000;

/**
 * The report files of a large donor are made off the event loop: while its attestation renders,
 * the API still answers, and its CSV streams out whole, in order, batch after batch.
 */
describe('impact report files of a large donor', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let base = '';
  const from = new Date(Date.now() - DAY).toISOString();
  const to = new Date(Date.now() + DAY).toISOString();

  /** A signed link to the donor's file, as the report would give it. */
  const link = (kind: 'pdf' | 'csv') => {
    const secret = t.app.get<AppConfig>(APP_CONFIG).jwtSecret;
    const { expires, signature } = signLink(secret, { kind: `impact-${kind}`, donorId: net.ara.donor, from, to }, new Date(Date.now() + 3600_000));
    return `${base}/reports/impact/${net.ara.donor}.${kind}?${new URLSearchParams({ from, to, expires: String(expires), signature }).toString()}`;
  };

  /** A GET whose events the test can order: when the answer began, and when it ended. */
  const fetchBody = (url: string, onResponse?: (res: IncomingMessage) => void) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer; endedAt: bigint }>((resolve, reject) => {
      get(url, (res) => {
        onResponse?.(res);
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), endedAt: process.hrtime.bigint() }));
        res.on('error', reject);
      }).on('error', reject);
    });

  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
    // One donation of DEVICES laptops, received and erased, in bulk (the flows have their own suites).
    await t.dataSource.query(
      `WITH dn AS (
         INSERT INTO donation (reference, donor_id, region_id, status, available_from, pickup_address_postal_code, pickup_address_city, pickup_address_location_lat, pickup_address_location_lon)
         VALUES ('DON-BIG-000001', $1, $2, 'PROCESSED', now(), '69003', 'Lyon', 45.76, 4.85) RETURNING id
       ), lot AS (
         INSERT INTO lot (reference, donation_id, refurbisher_id, region_id, status, quantity, distance_km, claimed_at)
         SELECT 'LOT-BIG-000001', dn.id, $3, $2, 'CLOSED', $4, 12, now() FROM dn RETURNING id, donation_id
       ), dev AS (
         INSERT INTO device (serial_number, serial_number_key, category, brand, model, status, data_bearing, lot_id, donation_id, donor_id, refurbisher_id, region_id, created_at)
         SELECT 'BIG-' || lpad(i::text, 6, '0'), 'BIG' || lpad(i::text, 6, '0'), 'LAPTOP', 'Lenovo', 'ThinkPad T480', 'WIPED', true, lot.id, lot.donation_id, $1, $3, $2,
                now() - interval '1 hour' + (i % 7) * interval '1 second'
           FROM lot, generate_series(1, $4) i RETURNING id, serial_number
       )
       INSERT INTO erasure_record (device_id, method, operator, certificate_number, verified, performed_at)
       SELECT id, 'NIST_800_88_PURGE', 'Camille Martin', 'ERA-BIG-' || substr(serial_number, 5), true, now() FROM dev`,
      [net.ara.donor, net.ara.id, net.ara.refurbisher, DEVICES],
    );
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers /health/live while the attestation renders, and the attestation is whole', async () => {
    let health: Promise<{ status: number; endedAt: bigint }> | undefined;
    // The health probe leaves once the report's answer has begun, i.e. once the API has read the
    // figures and handed the rendering over: from then on the report is CPU work only.
    const pdf = await fetchBody(link('pdf'), () => {
      health = fetchBody(`${base}/health/live`);
    });
    const live = await health!;
    expect([pdf.status, live.status]).toEqual([200, 200]);
    expect(live.endedAt < pdf.endedAt).toBe(true);

    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(pdf.body) });
    const { text } = await parser.getText();
    await parser.destroy();
    // 6 000 with the French thousands separator, however the PDF's text comes out
    expect(text).toMatch(/\b6\D{0,3}000 certificats d’effacement des données/);
    expect(text).toContain('ERA-BIG-000001');
    expect(text).toContain(`ERA-BIG-${String(DEVICES).padStart(6, '0')}`);
  });

  it('streams the CSV whole and in order across its batches', async () => {
    const csv = await fetchBody(link('csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFFserial_number;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(DEVICES);
    const keys = rows.map((row) => {
      const cells = row.split(';');
      return `${cells[5]} ${cells[0]}`;
    });
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(DEVICES);
    expect(rows.every((row) => row.split(';')[11]!.startsWith('ERA-BIG-'))).toBe(true);
  });
});
