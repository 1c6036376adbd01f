import request from 'supertest';
import { PricingPriceListDocument } from './generated/graphql';
import { claimLot, declareAndRoute, eraseAndGrade, LYON, markCollected, receiveLot } from './support/donation-flow';
import { matchOrders, orderDeviceIds, shipDevices, submitOrder } from './support/order-flow';
import { seriousA11yViolations, webConsoleSuite } from './support/web-console';

/** The path and query of an absolute link: supertest talks to the app, not to PUBLIC_URL. */
const pathOf = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};

/** Money and paperwork in the console: a workshop's prices under the legal caps, the partner's quote and invoice, the donor's agreement. */
describe('web console: money and paperwork', () => {
  let donationId: string;
  const suite = webConsoleSuite({
    prepare: async ({ t, net }) => {
      // two laptops of ARA's donor, graded A, in stock at ARA's workshop
      const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 2, dataBearing: true }], {
        pickupAddress: LYON,
        availableFrom: new Date(Date.now() - 86400_000).toISOString(),
      });
      donationId = lot.donationId;
      await claimLot(t, lot.id, net.ara.tokens.refurbisher);
      await markCollected(t, lot.id);
      const specs = { ramGb: 8, storageGb: 256, ssd: true };
      const devices = await receiveLot(
        t,
        lot.id,
        ['WEB-M-001', 'WEB-M-002'].map((serialNumber) => ({ serialNumber, category: 'LAPTOP' as const, brand: 'Dell', model: 'Latitude 5490', specs })),
        net.ara.tokens.refurbisher,
      );
      for (const device of devices) await eraseAndGrade(t, device.id, net.ara.tokens.refurbisher, 'A', specs);
    },
  });

  it('a workshop prices its laptops under the legal cap, the partner reads its quote, then opens the invoice of the shipment', async () => {
    const { t, net } = suite;
    const workshop = await suite.signedIn('refurbisher@ara.test');
    const { page } = workshop;
    await page.getByRole('navigation').getByRole('link', { name: 'Tarifs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tarifs' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    const row = page.getByRole('group', { name: 'Ligne 1' });
    await row.getByLabel('Catégorie').selectOption('LAPTOP');
    await row.getByLabel('Grade').selectOption('A');
    await row.getByLabel('Prix TTC (€)').fill('181');
    await row.getByText('Plafond légal pour les appareils de donateurs publics : 180,00').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // above the cap of public donors' laptops: refused, in French, and nothing saved
    await page.getByRole('button', { name: 'Enregistrer les tarifs' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect((await refusal.textContent())!.replace(/[\u202f\u00a0]/g, ' ')).toMatch(
      /^Le prix des ordinateurs portables donnés par un organisme public ne peut dépasser 180,00 €.*baissez ce prix, ou réservez-le aux appareils de donateurs privés\.$/,
    );
    expect((await t.runOk(PricingPriceListDocument, {}, net.ara.tokens.refurbisher)).priceList.rows).toEqual([]);

    await row.getByLabel('Prix TTC (€)').fill('150,50');
    await page.getByRole('button', { name: 'Enregistrer les tarifs' }).click();
    await page.getByText('Tarifs enregistrés : 1 ligne.').waitFor();
    expect((await t.runOk(PricingPriceListDocument, {}, net.ara.tokens.refurbisher)).priceList.rows).toMatchObject([
      { category: 'LAPTOP', grade: 'A', priceCents: 15_050, privateDonorsOnly: false },
    ]);

    // the partner orders, the coordinator matches: the quote is there before anything ships
    const orderId = await submitOrder(t, [{ category: 'LAPTOP', quantity: 2, profile: 'OTHER' }], net.ara.tokens.partner);
    expect((await matchOrders(t, net.ara)).allocatedQuantity).toBe(2);
    const partner = await suite.signedIn('partner@ara.test', { mobile: true });
    await partner.page.goto(`/commandes/${orderId}`);
    const quote = partner.page.getByRole('table', { name: 'Prix TTC de chaque appareil attribué' });
    await quote.waitFor();
    for (const serial of ['WEB-M-001', 'WEB-M-002']) await quote.getByRole('row', { name: new RegExp(`${serial}.*150,50`) }).waitFor();
    await quote.getByRole('row', { name: /Total TTC\s*301,00/ }).waitFor();
    await partner.page.getByText('Aucune facture : elle est émise par l’atelier à l’expédition des appareils.').waitFor();
    expect(await seriousA11yViolations(partner.page)).toEqual([]);

    // the workshop ships: the invoice is issued with the shipment, and its link serves the PDF without a login
    await shipDevices(t, orderId, await orderDeviceIds(t, orderId, net.ara.tokens.partner), net.ara.tokens.refurbisher);
    await partner.page.reload();
    const invoiceLink = partner.page.getByRole('link', { name: /^Ouvrir la facture \d{4}-\d{6} \(PDF\)$/ });
    await invoiceLink.waitFor();
    await quote.getByRole('row', { name: /WEB-M-001.*\(facturé\)/ }).waitFor();
    const pdf = await request(t.app.getHttpServer()).get(pathOf((await invoiceLink.getAttribute('href'))!));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);

    // the workshop finds it on its Factures page
    await page.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Factures' }).waitFor();
    await page.getByRole('row', { name: /Facture.*301,00/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    expect([...workshop.problems, ...partner.problems]).toEqual([]);
    await workshop.context.close();
    await partner.context.close();
  });

  it('a donor downloads the agreement of its donation', async () => {
    const { context, page, problems } = await suite.signedIn('donor@ara.test');
    await page.goto(`/dons/${donationId}`);
    await page.getByRole('heading', { name: 'Conventions de don' }).waitFor();
    const link = page.getByRole('link', { name: /^Convention CD-.+ avec .+ \(PDF\)$/ });
    await link.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const pdf = await request(suite.t.app.getHttpServer()).get(pathOf((await link.getAttribute('href'))!));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
