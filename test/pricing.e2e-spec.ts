import { PDFParse } from 'pdf-parse';
import request from 'supertest';
import {
  Grade,
  PricingInvoiceDocument,
  PricingInvoicesDocument,
  PricingPriceListDocument,
  PricingQuoteDocument,
  PricingSetPricesDocument,
  PricingSetVatMentionDocument,
  PriceInput,
} from './generated/graphql';
import { claimLot, declareAndRoute, eraseAndGrade, inIntakeOrder, LYON, markCollected, receiveLot } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { matchOrders, orderDeviceIds, shipDevices, submitOrder } from './support/order-flow';
import { addOrganization, Member } from './support/organization-fixture';
import { TestApp } from './support/test-app';
import { uncheckedVariables } from './support/typed-client';

const DAY = 24 * 3600_000;
const FUTURE = new Date(Date.now() + 30 * DAY).toISOString();
const YEAR = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

/** The path and query of an absolute link: supertest talks to the app, not to PUBLIC_URL. */
const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};
// supertest types the response as a Response; it is the raw stream here
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};
async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

let serialCounter = 0;

describe('money: prices under the legal caps, quotes, invoices', () => {
  let t: TestApp;
  let net: NetworkFixture;
  /** a town hall of ARA: a public body, whose equipment is resold under the caps */
  let townHall: Member;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    townHall = await addOrganization(
      t,
      {
        kind: 'DONOR',
        name: 'Mairie de Villeurbanne',
        regionId: net.ara.id,
        address: { postalCode: '69100', city: 'Villeurbanne', location: { lat: 45.77, lon: 4.88 } },
        publicBody: true,
      },
      { email: 'dsi@villeurbanne.test', role: 'DONOR' },
      net.ara.tokens.coordinator,
    );
  });

  const setPrices = (prices: PriceInput[], token = net.ara.tokens.refurbisher, refurbisherId?: string) =>
    t.run(PricingSetPricesDocument, { input: { refurbisherId, prices } }, token);
  const priceList = async (token = net.ara.tokens.refurbisher, refurbisherId?: string) =>
    (await t.runOk(PricingPriceListDocument, { refurbisherId }, token)).priceList;
  const invoices = async (token: string, orderId?: string) =>
    (await t.runOk(PricingInvoicesDocument, { first: 100, orderId }, token)).invoices.edges.map((e) => e.node);
  const fetchPdf = (url: string) => request(t.app.getHttpServer()).get(pathOf(url)).buffer(true).parse(binary);

  /** Laptops IN_STOCK at ARA's refurbisher, given by the donor (the town hall when `publicDonor`), graded as asked. */
  const stock = async (grades: Grade[], publicDonor: boolean): Promise<Array<{ id: string; serial: string }>> => {
    const token = net.ara.tokens.refurbisher;
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: grades.length }], {
      pickupAddress: LYON,
      availableFrom: FUTURE,
      donorToken: publicDonor ? townHall.token : net.ara.tokens.donor,
    });
    await claimLot(t, lot.id, token);
    await markCollected(t, lot.id);
    const intake = grades.map(() => ({
      serialNumber: `PRICE-SN-${++serialCounter}`,
      category: 'LAPTOP' as const,
      brand: 'Lenovo',
      model: 'ThinkPad T480',
      specs: { ramGb: 8, storageGb: 256, ssd: true },
    }));
    const devices = inIntakeOrder(intake, await receiveLot(t, lot.id, intake, token));
    for (const [i, d] of devices.entries()) await eraseAndGrade(t, d.id, token, grades[i]!, { ramGb: 8, storageGb: 256, ssd: true });
    return devices.map((d) => ({ id: d.id, serial: d.serialNumber }));
  };

  /** An order of `quantity` laptops by ARA's partner, matched against the stock: its allocated devices. */
  const orderMatched = async (quantity: number): Promise<{ orderId: string; deviceIds: string[] }> => {
    const orderId = await submitOrder(t, [{ category: 'LAPTOP', quantity, profile: 'STUDENT' }], net.ara.tokens.partner);
    await matchOrders(t, net.ara);
    return { orderId, deviceIds: await orderDeviceIds(t, orderId, net.ara.tokens.partner) };
  };

  const LIST: PriceInput[] = [
    { category: 'LAPTOP', grade: 'A', priceCents: 15_000 },
    { category: 'LAPTOP', grade: 'A', priceCents: 25_000, privateDonorsOnly: true },
    { category: 'LAPTOP', grade: 'B', priceCents: 9_000 },
    { category: 'LAPTOP', grade: 'B', priceCents: 12_000, privateDonorsOnly: true },
  ];

  describe('price lists', () => {
    it('a refurbisher sets its list in cents and reads it back with the legal caps and their source; a new list replaces the old', async () => {
      const set = (await setPrices([...LIST, { category: 'OTHER', grade: 'C', priceCents: 0 }])).data!.setPrices;
      expect(set.rows).toEqual([
        { category: 'LAPTOP', grade: 'A', priceCents: 15_000, privateDonorsOnly: false, capCents: 18_000 },
        { category: 'LAPTOP', grade: 'A', priceCents: 25_000, privateDonorsOnly: true, capCents: 18_000 },
        { category: 'LAPTOP', grade: 'B', priceCents: 9_000, privateDonorsOnly: false, capCents: 18_000 },
        { category: 'LAPTOP', grade: 'B', priceCents: 12_000, privateDonorsOnly: true, capCents: 18_000 },
        { category: 'OTHER', grade: 'C', priceCents: 0, privateDonorsOnly: false, capCents: null },
      ]);
      expect(set.vatMention).toBe('TVA non applicable, art. 293 B du CGI');
      expect(set.legalCapSource).toContain('7 novembre 2022');
      expect(set.legalCaps).toContainEqual({ category: 'PRINTER', label: 'Imprimante individuelle', capCents: 3_000 });

      await setPrices([{ category: 'TABLET', grade: 'B', priceCents: 4_000 }]);
      expect((await priceList()).rows).toEqual([{ category: 'TABLET', grade: 'B', priceCents: 4_000, privateDonorsOnly: false, capCents: 10_000 }]);
      // the region's coordinator reads it and may set it for the workshop
      expect((await priceList(net.ara.tokens.coordinator, net.ara.refurbisher)).rows).toHaveLength(1);
      expect((await setPrices(LIST, net.ara.tokens.coordinator, net.ara.refurbisher)).errors).toBeUndefined();
      expect((await priceList()).rows).toHaveLength(4);
    });

    it('a public donor’s laptop priced €181 is refused, with the cap, the category and the decree; €180 is accepted', async () => {
      await setPrices(LIST);
      const res = await setPrices([{ category: 'LAPTOP', grade: 'A', priceCents: 18_100 }]);
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'PRICE_ABOVE_LEGAL_CAP',
        details: { field: 'prices', category: 'LAPTOP', grade: 'A', priceCents: 18_100, capCents: 18_000 },
      });
      expect(String((res.errors![0]!.extensions!.details as Record<string, unknown>).source)).toContain('7 novembre 2022');
      // nothing half-written: the list is as it was
      expect((await priceList()).rows).toHaveLength(4);
      // a cent above the cap of each capped category, as much as the cap, and prices for private donors' devices only
      for (const [category, cap] of [
        ['DESKTOP', 15_000],
        ['TABLET', 10_000],
        ['SMARTPHONE', 10_000],
        ['MONITOR', 3_000],
        ['PRINTER', 3_000],
      ] as const) {
        expect((await setPrices([{ category, grade: 'A', priceCents: cap + 1 }])).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const ok = await setPrices([
        { category: 'LAPTOP', grade: 'A', priceCents: 18_000 },
        { category: 'LAPTOP', grade: 'A', priceCents: 18_100, privateDonorsOnly: true },
        { category: 'OTHER', grade: 'A', priceCents: 50_000 },
      ]);
      expect(ok.errors).toBeUndefined();
    });

    it('refuses negative, fractional, duplicated and absurd prices, and prices for an organization that is not a refurbisher; nothing changes', async () => {
      await setPrices(LIST);
      const negative = await setPrices([{ category: 'LAPTOP', grade: 'A', priceCents: -1 }]);
      expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
      const fractional = await t.run(
        PricingSetPricesDocument,
        uncheckedVariables({ input: { prices: [{ category: 'LAPTOP', grade: 'A', priceCents: 150.5 }] } }),
        net.ara.tokens.refurbisher,
      );
      expect(fractional.errors?.length).toBeGreaterThan(0);
      const asText = await t.run(
        PricingSetPricesDocument,
        uncheckedVariables({ input: { prices: [{ category: 'LAPTOP', grade: 'A', priceCents: '150' }] } }),
        net.ara.tokens.refurbisher,
      );
      expect(asText.errors?.length).toBeGreaterThan(0);
      const twice = await setPrices([
        { category: 'LAPTOP', grade: 'B', priceCents: 1_000 },
        { category: 'LAPTOP', grade: 'B', priceCents: 2_000 },
      ]);
      expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_VALUE' });
      expect((await setPrices([{ category: 'OTHER', grade: 'A', priceCents: 2_000_000_000 }])).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const partner = await setPrices(LIST, net.ara.tokens.coordinator, net.ara.partner);
      expect(partner.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_ORGANIZATION_KIND' });
      expect((await priceList()).rows.map((r) => r.priceCents)).toEqual([15_000, 25_000, 9_000, 12_000]);
    });

    it('a refurbisher reads and sets only its own list; staff only their region’s; partners and donors none', async () => {
      const code = async (res: Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>) => (await res).errors?.[0]?.extensions?.code ?? 'OK';
      expect(await code(setPrices(LIST, net.ara.tokens.refurbisher, net.bfc.refurbisher))).toBe('FORBIDDEN');
      expect(await code(t.run(PricingPriceListDocument, { refurbisherId: net.bfc.refurbisher }, net.ara.tokens.refurbisher))).toBe('FORBIDDEN');
      expect(await code(t.run(PricingPriceListDocument, { refurbisherId: net.bfc.refurbisher }, net.ara.tokens.coordinator))).toBe('NOT_FOUND');
      expect(await code(setPrices(LIST, net.ara.tokens.coordinator, net.bfc.refurbisher))).toBe('NOT_FOUND');
      expect(await code(t.run(PricingPriceListDocument, { refurbisherId: net.ara.refurbisher }, net.ara.tokens.partner))).toBe('FORBIDDEN');
      expect(await code(t.run(PricingPriceListDocument, { refurbisherId: net.ara.refurbisher }, net.ara.tokens.donor))).toBe('FORBIDDEN');
      expect(await code(t.run(PricingPriceListDocument, { refurbisherId: net.bfc.refurbisher }, net.adminToken))).toBe('OK');
    });
  });

  describe('quotes', () => {
    it('a partly allocated order shows each allocated device at its list price (a public donor’s under the cap) and the total, per refurbisher', async () => {
      await setPrices(LIST);
      const [publicLaptop] = await stock(['A'], true);
      const [privateLaptop] = await stock(['B'], false);
      const { orderId, deviceIds } = await orderMatched(3);
      expect(deviceIds.sort()).toEqual([publicLaptop!.id, privateLaptop!.id].sort());

      const quote = (await t.runOk(PricingQuoteDocument, { orderId }, net.ara.tokens.partner)).quote;
      expect(quote.totalCents).toBe(15_000 + 12_000);
      const byDevice = Object.fromEntries(quote.lines.map((l) => [l.deviceId, l]));
      expect(byDevice[publicLaptop!.id]).toMatchObject({ priceCents: 15_000, publicDonor: true, capCents: 18_000, listed: true, shipped: false, grade: 'A' });
      expect(byDevice[privateLaptop!.id]).toMatchObject({ priceCents: 12_000, publicDonor: false, capCents: null, listed: true, shipped: false, grade: 'B' });
      expect(quote.byRefurbisher).toEqual([{ refurbisherId: net.ara.refurbisher, refurbisherName: 'Refurbisher ARA', deviceCount: 2, totalCents: 27_000 }]);

      // the same figures for staff and the refurbisher; nobody else reads them
      expect((await t.runOk(PricingQuoteDocument, { orderId }, net.ara.tokens.coordinator)).quote.totalCents).toBe(27_000);
      expect((await t.runOk(PricingQuoteDocument, { orderId }, net.ara.tokens.refurbisher)).quote.totalCents).toBe(27_000);
      expect(await t.runError(PricingQuoteDocument, { orderId }, net.bfc.tokens.partner)).toBe('NOT_FOUND');
      expect(await t.runError(PricingQuoteDocument, { orderId }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await t.runError(PricingQuoteDocument, { orderId }, net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
      expect(await t.runError(PricingQuoteDocument, { orderId }, net.ara.tokens.donor)).toBe('FORBIDDEN');
    });

    it('a device the list does not price is a gift, and says so', async () => {
      await setPrices([{ category: 'LAPTOP', grade: 'A', priceCents: 25_000, privateDonorsOnly: true }]);
      await stock(['A'], true);
      const { orderId } = await orderMatched(1);
      const quote = (await t.runOk(PricingQuoteDocument, { orderId }, net.ara.tokens.partner)).quote;
      expect(quote.lines).toEqual([expect.objectContaining({ priceCents: 0, listed: false, publicDonor: true })]);
      expect(quote.totalCents).toBe(0);
    });
  });

  describe('invoices', () => {
    it('shipping issues the invoice in the same transaction, numbered per refurbisher and year, its prices frozen; the PDF reads back in French', async () => {
      await setPrices(LIST);
      const [publicLaptop] = await stock(['A'], true);
      const [privateLaptop] = await stock(['B'], false);
      const { orderId, deviceIds } = await orderMatched(2);
      expect(await invoices(net.ara.tokens.refurbisher)).toEqual([]);
      await shipDevices(t, orderId, deviceIds, net.ara.tokens.refurbisher);

      const [invoice] = await invoices(net.ara.tokens.refurbisher);
      expect(invoice).toMatchObject({
        kind: 'INVOICE',
        number: `${YEAR}-000001`,
        year: YEAR,
        sequence: 1,
        totalCents: 27_000,
        vatMention: 'TVA non applicable, art. 293 B du CGI',
        refurbisherId: net.ara.refurbisher,
        partnerId: net.ara.partner,
        orderId,
      });
      const lines = Object.fromEntries(invoice!.lines.map((l) => [l.serialNumber, l]));
      expect(lines[publicLaptop!.serial]).toMatchObject({
        priceCents: 15_000,
        publicDonor: true,
        capCents: 18_000,
        description: 'Ordinateur portable Lenovo ThinkPad T480',
      });
      expect(lines[privateLaptop!.serial]).toMatchObject({ priceCents: 12_000, publicDonor: false, capCents: null });

      // a later price change alters neither the issued invoice nor the quote of what shipped
      await setPrices([{ category: 'LAPTOP', grade: 'A', priceCents: 1_000 }]);
      expect((await t.runOk(PricingInvoiceDocument, { id: invoice!.id }, net.ara.tokens.partner)).invoice!.totalCents).toBe(27_000);
      const quote = (await t.runOk(PricingQuoteDocument, { orderId }, net.ara.tokens.partner)).quote;
      expect(quote).toMatchObject({ totalCents: 27_000 });
      expect(quote.lines.every((l) => l.shipped)).toBe(true);

      const res = await fetchPdf(invoice!.pdfUrl);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(res.body as Buffer);
      expect(text).toContain(`Facture n° ${YEAR}-000001`);
      expect(text).toContain('Refurbisher ARA');
      expect(text).toContain('Partner ARA');
      expect(text).toContain(publicLaptop!.serial);
      expect(text).toContain(privateLaptop!.serial);
      // the text layer gives the no-break spaces of French amounts back as spaces
      expect(text).toMatch(/Grade A 150,00\s€ \*/);
      expect(text).toMatch(/Grade B 120,00\s€/);
      expect(text).toMatch(/Total TTC : 270,00\s€/);
      expect(text).toContain('TVA non applicable, art. 293 B du CGI');
      expect(text).toContain('prix solidaire plafonné par le décret du 7 novembre 2022');

      // a forged or tampered link opens nothing
      const forged = invoice!.pdfUrl.replace(/signature=[^&]+/, 'signature=AAAA');
      expect((await fetchPdf(forged)).status).toBe(403);
      const other = invoice!.pdfUrl.replace(invoice!.id, '00000000-0000-4000-8000-000000000000');
      expect((await fetchPdf(other)).status).toBe(403);
    });

    it('the VAT mention is the refurbisher’s to set; a shipment given free gets a delivery note of its own series', async () => {
      const mention = 'TVA acquittée sur les débits';
      expect(
        (await t.runOk(PricingSetVatMentionDocument, { input: { vatMention: `  ${mention} ` } }, net.ara.tokens.refurbisher)).setVatMention.vatMention,
      ).toBe(mention);
      expect(await t.runError(PricingSetVatMentionDocument, { input: { vatMention: '   ' } }, net.ara.tokens.refurbisher)).toBe('BAD_USER_INPUT');
      expect(await t.runError(PricingSetVatMentionDocument, { input: { vatMention: 'x', refurbisherId: net.ara.refurbisher } }, net.ara.tokens.partner)).toBe(
        'FORBIDDEN',
      );
      await setPrices([{ category: 'LAPTOP', grade: 'B', priceCents: 5_000 }]);
      await stock(['B'], false);
      const paid = await orderMatched(1);
      await shipDevices(t, paid.orderId, paid.deviceIds, net.ara.tokens.refurbisher);
      await stock(['C'], false);
      const gift = await orderMatched(1);
      await shipDevices(t, gift.orderId, gift.deviceIds, net.ara.tokens.refurbisher);

      const [paidInvoice] = await invoices(net.ara.tokens.refurbisher, paid.orderId);
      const [giftNote] = await invoices(net.ara.tokens.refurbisher, gift.orderId);
      expect(paidInvoice).toMatchObject({ kind: 'INVOICE', number: `${YEAR}-000001`, totalCents: 5_000, vatMention: mention });
      expect(giftNote).toMatchObject({ kind: 'DELIVERY_NOTE', number: `BL-${YEAR}-000001`, totalCents: 0 });
      const text = await pdfText((await fetchPdf(giftNote!.pdfUrl)).body as Buffer);
      expect(text).toContain(`Bon de livraison n° BL-${YEAR}-000001`);
      expect(text).toContain('aucun paiement n’est dû');
    });

    it('each sees its own: the refurbisher its invoices, the partner those sent to it, staff their region; donors none', async () => {
      await setPrices(LIST);
      await stock(['A'], false);
      const { orderId, deviceIds } = await orderMatched(1);
      await shipDevices(t, orderId, deviceIds, net.ara.tokens.refurbisher);
      const [invoice] = await invoices(net.ara.tokens.refurbisher);
      for (const token of [net.ara.tokens.partner, net.ara.tokens.coordinator, net.adminToken]) {
        expect((await invoices(token)).map((i) => i.id)).toEqual([invoice!.id]);
      }
      for (const token of [net.bfc.tokens.partner, net.bfc.tokens.coordinator, net.bfc.tokens.refurbisher]) {
        expect(await invoices(token)).toEqual([]);
        expect((await t.runOk(PricingInvoiceDocument, { id: invoice!.id }, token)).invoice).toBeNull();
      }
      expect(await t.runError(PricingInvoicesDocument, {}, net.ara.tokens.donor)).toBe('FORBIDDEN');
      expect(await t.runError(PricingInvoiceDocument, { id: invoice!.id }, net.ara.tokens.donor)).toBe('FORBIDDEN');
    });

    it('shipments at once get consecutive numbers, and a shipment that fails leaves no hole', async () => {
      await setPrices([{ category: 'LAPTOP', grade: 'B', priceCents: 5_000 }]);
      const devices = await stock(['B', 'B', 'B', 'B', 'B', 'B', 'B'], false);
      const orders: Array<{ orderId: string; deviceIds: string[] }> = [];
      for (let i = 0; i < devices.length; i++) orders.push(await orderMatched(1));
      expect(orders.every((o) => o.deviceIds.length === 1)).toBe(true);

      const [first, ...rest] = orders;
      const concurrent = rest.slice(0, 5);
      await Promise.all(concurrent.map((o) => shipDevices(t, o.orderId, o.deviceIds, net.ara.tokens.refurbisher)));
      const numbers = (await invoices(net.ara.tokens.refurbisher)).map((i) => i.sequence).sort((a, b) => a - b);
      expect(numbers).toEqual([1, 2, 3, 4, 5]);

      // the shipment fails after its number was taken (a line the database refuses): it rolls back whole
      const failing = first!;
      const [serial] = (await t.dataSource.query(`SELECT serial_number FROM device WHERE id = $1`, [failing.deviceIds[0]])) as Array<{ serial_number: string }>;
      await t.dataSource.query(`CREATE FUNCTION pricing_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.serial_number = '${serial!.serial_number}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
      await t.dataSource.query(`CREATE TRIGGER pricing_test_refuse BEFORE INSERT ON invoice_line FOR EACH ROW EXECUTE FUNCTION pricing_test_refuse()`);
      try {
        await expect(shipDevices(t, failing.orderId, failing.deviceIds, net.ara.tokens.refurbisher)).rejects.toThrow();
      } finally {
        await t.dataSource.query(`DROP TRIGGER pricing_test_refuse ON invoice_line`);
        await t.dataSource.query(`DROP FUNCTION pricing_test_refuse()`);
      }
      const [status] = (await t.dataSource.query(`SELECT status FROM device WHERE id = $1`, [failing.deviceIds[0]])) as Array<{ status: string }>;
      expect(status!.status).toBe('RESERVED');
      expect(await invoices(net.ara.tokens.refurbisher, failing.orderId)).toEqual([]);

      const last = rest[5]!;
      await shipDevices(t, last.orderId, last.deviceIds, net.ara.tokens.refurbisher);
      await shipDevices(t, failing.orderId, failing.deviceIds, net.ara.tokens.refurbisher);
      const all = await invoices(net.ara.tokens.refurbisher);
      expect(all.map((i) => i.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(new Set(all.map((i) => i.number)).size).toBe(7);
      // numbers go up with the dates of issue
      const byDate = [...all].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.sequence - b.sequence).map((i) => i.sequence);
      expect(byDate).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });
  });
});
