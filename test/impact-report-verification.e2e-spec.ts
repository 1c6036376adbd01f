import { APP_CONFIG, AppConfig } from '@app/common';
import { PDFParse } from 'pdf-parse';
import request from 'supertest';
import { ImpactReportDonorImpactDocument, ImpactReportVerifyAttestationDocument } from './generated/graphql';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { addOrganization, Member } from './support/organization-fixture';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const PUBLIC_URL = 'https://reemploi.test';
const K1 = { id: 'k1', secret: 'first-attestation-key-'.repeat(2) };
const K2 = { id: 'k2', secret: 'second-attestation-key-'.repeat(2) };

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

/**
 * Anyone holding an attestation checks it by its code, without an account: verifyAttestation and
 * the page its QR code opens. Genuine, altered, unknown, after a key rotation, and after the
 * donor's figures changed; and nothing more than what the attestation states is told.
 */
describe('attestation verification', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let donor: Member;
  let config: AppConfig;
  const from = new Date(Date.now() - DAY).toISOString();
  const to = new Date(Date.now() + DAY).toISOString();
  const http = () => request(t.app.getHttpServer());
  const verify = async (code: string, token?: string) => (await t.runOk(ImpactReportVerifyAttestationDocument, { code }, token)).verifyAttestation;

  /** Adds `n` received, erased laptops to the donor (the flows have their own suites). */
  const receive = async (n: number, tag: string) => {
    await t.dataSource.query(
      `WITH dn AS (
         INSERT INTO donation (reference, donor_id, region_id, status, available_from, pickup_address_postal_code, pickup_address_city, pickup_address_location_lat, pickup_address_location_lon)
         VALUES ('DON-VER-' || $5, $1, $2, 'PROCESSED', now(), '69003', 'Lyon', 45.76, 4.85) RETURNING id
       ), lot AS (
         INSERT INTO lot (reference, donation_id, refurbisher_id, region_id, status, quantity, distance_km, claimed_at)
         SELECT 'LOT-VER-' || $5, dn.id, $3, $2, 'CLOSED', $4, 12, now() FROM dn RETURNING id, donation_id
       ), dev AS (
         INSERT INTO device (serial_number, category, brand, model, status, data_bearing, lot_id, donation_id, donor_id, refurbisher_id, region_id, serial_number_key)
         SELECT 'VER-' || $5 || '-' || i, 'LAPTOP', 'Lenovo', 'ThinkPad T480', 'WIPED', true, lot.id, lot.donation_id, $1, $3, $2, 'VER' || $5 || i
           FROM lot, generate_series(1, $4) i RETURNING id, serial_number
       )
       INSERT INTO erasure_record (device_id, method, operator, certificate_number, verified, performed_at)
       SELECT id, 'NIST_800_88_PURGE', 'Camille Martin', 'ERA-' || serial_number, true, now() FROM dev`,
      [donor.id, net.ara.id, net.ara.refurbisher, n, tag],
    );
  };

  /** The report's code, registered by fetching its PDF (the attestation is issued when its PDF is made). */
  const issue = async (): Promise<{ code: string; text: string }> => {
    const r = (await t.runOk(ImpactReportDonorImpactDocument, { from, to }, donor.token)).donorImpactReport;
    const u = new URL(r.pdfUrl);
    const res = await http().get(`${u.pathname}${u.search}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    return { code: r.verificationCode, text: await pdfText(res.body as Buffer) };
  };

  beforeAll(async () => {
    t = await TestApp.start({ publicUrl: PUBLIC_URL });
    await t.reset();
    net = await seedNetwork(t);
    config = t.app.get<AppConfig>(APP_CONFIG);
    config.attestationKeys = [K1];
    donor = await addOrganization(
      t,
      { kind: 'DONOR', name: 'Œuvre de Łódź', regionId: net.ara.id, address: { postalCode: '69003', city: 'Lyon', location: { lat: 45.76, lon: 4.85 } } },
      { email: 'donateur@lodz.test', role: 'DONOR' },
      net.ara.tokens.coordinator,
    );
    await receive(3, 'A');
  });
  afterAll(() => t?.close());

  it('a genuine code, without logging in: valid, current, and exactly what the attestation states', async () => {
    const { code, text } = await issue();
    expect(code).toMatch(/^K1(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(text).toContain('Œuvre de Łódź');
    expect(text).toContain(code);
    expect(text).toContain(`reemploi.test/verifier/${code}`);
    const v = await verify(code);
    expect(v).toEqual({
      valid: true,
      stillCurrent: true,
      donorName: 'Œuvre de Łódź',
      issuerName: 'Coordination ARA',
      from,
      to,
      issuedAt: expect.any(String),
      figures: {
        // the bulk donation has no declared lines
        devicesDeclared: 0,
        devicesReceived: 3,
        devicesReused: 0,
        devicesAwaitingBeneficiary: 0,
        devicesRecycled: 0,
        peopleEquipped: 0,
        erasureCertificates: 3,
        co2eAvoidedKg: 0,
        byCategory: [{ category: 'LAPTOP', declared: 0, received: 3, reused: 0, awaitingBeneficiary: 0, recycled: 0, co2eAvoidedKg: 0 }],
      },
    });
    // as typed by a person, and the same answer for a signed-in caller
    expect((await verify(` ${code.toLowerCase()} `)).valid).toBe(true);
    expect(await verify(code, net.ara.tokens.partner)).toEqual(v);
    // making the PDF again issues nothing new: the first issue date stays
    const again = await issue();
    expect(again.code).toBe(code);
    expect((await verify(code)).issuedAt).toBe(v.issuedAt);
    expect(await t.count('issued_attestation')).toBe(1);
  });

  it('reveals nothing but the statement: no device, no certificate number, no id', async () => {
    const { code } = await issue();
    const res = await t.run(ImpactReportVerifyAttestationDocument, { code });
    const json = JSON.stringify(res);
    for (const secret of ['VER-A-', 'ERA-', donor.id, net.ara.id, 'DON-VER']) expect([secret, json.includes(secret)]).toEqual([secret, false]);
    // the schema offers nothing more to select on it
    const extra = await t.gql(`query($code: String!) { verifyAttestation(code: $code) { valid donor { id } } }`, { code });
    expect(extra.errors?.[0]?.message).toMatch(/Cannot query field "donor"/);
  });

  it('a tampered code (one character changed), an unknown one and garbage: valid false, nothing else', async () => {
    const { code } = await issue();
    const last = code.at(-1)!;
    const tampered = `${code.slice(0, -1)}${last === '0' ? '1' : '0'}`;
    const nothing = { valid: false, stillCurrent: null, donorName: null, issuerName: null, from: null, to: null, issuedAt: null, figures: null };
    for (const c of [tampered, 'K1-0000-0000-0000-0000', 'K9-ABCD-EFGH-JKMN-PQRS', 'not a code', '']) expect([c, await verify(c)]).toEqual([c, nothing]);
    expect(await t.runError(ImpactReportVerifyAttestationDocument, { code: 'K'.repeat(65) })).toBe('BAD_USER_INPUT');
  });

  it('a row edited in the database no longer verifies: the signature covers the statement', async () => {
    const { code } = await issue();
    await t.dataSource.query(`UPDATE issued_attestation SET statement = jsonb_set(statement, '{donorName}', '"Autre donateur"') WHERE code = $1`, [code]);
    expect((await verify(code)).valid).toBe(false);
    await t.dataSource.query(`UPDATE issued_attestation SET statement = jsonb_set(statement, '{donorName}', '"Œuvre de Łódź"') WHERE code = $1`, [code]);
    expect((await verify(code)).valid).toBe(true);
  });

  it('a key rotation keeps issued codes genuine; a key retired altogether no longer vouches for its codes', async () => {
    config.attestationKeys = [K1];
    const { code: old } = await issue();
    config.attestationKeys = [K2, K1];
    expect(await verify(old)).toMatchObject({ valid: true, stillCurrent: true });
    const { code: fresh } = await issue();
    expect(fresh).toMatch(/^K2-/);
    expect(await verify(fresh)).toMatchObject({ valid: true, donorName: 'Œuvre de Łódź' });
    config.attestationKeys = [K2];
    expect((await verify(old)).valid).toBe(false);
    config.attestationKeys = [K2, K1];
  });

  it('when the donor’s figures change after issue, the attestation stays genuine but is no longer current', async () => {
    const { code } = await issue();
    await receive(1, 'B');
    const v = await verify(code);
    expect(v).toMatchObject({ valid: true, stillCurrent: false });
    expect(v.figures!.devicesReceived).toBe(3);
  });

  it('the page the QR code opens: plain French HTML, escaped, no script', async () => {
    const { code } = await issue();
    const page = await http().get(`/verifier/${code}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.text).toContain('Attestation authentique');
    expect(page.text).toContain('Œuvre de Łódź');
    expect(page.text).toContain('Coordination ARA');
    expect(page.text).not.toMatch(/<script/i);

    const unknown = await http().get(`/verifier/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('Attestation non reconnue');
    expect(unknown.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(unknown.text).not.toContain('<img');

    // a hostile donor name, issued as such: shown as text, never as markup
    await t.dataSource.query(`UPDATE organization SET name = $2 WHERE id = $1`, [donor.id, '<script>alert("x")</script> & Cie']);
    const { code: hostile } = await issue();
    const shown = await http().get(`/verifier/${hostile}`);
    expect(shown.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie');
    expect(shown.text).not.toMatch(/<script/i);
    await t.dataSource.query(`UPDATE organization SET name = $2 WHERE id = $1`, [donor.id, 'Œuvre de Łódź']);
  });
});
