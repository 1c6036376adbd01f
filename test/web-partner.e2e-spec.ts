import { claimLot, declareAndRoute, eraseAndGrade, LYON, markCollected, receiveLot } from './support/donation-flow';
import { matchOrders, orderDeviceIds, shipDevices } from './support/order-flow';
import { seriousA11yViolations, webConsoleSuite } from './support/web-console';

/** The social worker's day in the console: order by profile, follow allocation and shipment, confirm delivery with their own references. */
describe('web console: partner', () => {
  const suite = webConsoleSuite({
    prepare: async ({ t, net }) => {
      // two laptops in stock at the region's workshop
      const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 2, dataBearing: true }], {
        pickupAddress: LYON,
        availableFrom: new Date(Date.now() - 86400_000).toISOString(),
      });
      await claimLot(t, lot.id, net.ara.tokens.refurbisher);
      await markCollected(t, lot.id);
      const specs = { ramGb: 8, storageGb: 256, ssd: true };
      const devices = await receiveLot(
        t,
        lot.id,
        ['WEB-P-001', 'WEB-P-002'].map((serialNumber) => ({ serialNumber, category: 'LAPTOP' as const, brand: 'HP', model: 'EliteBook 840', specs })),
        net.ara.tokens.refurbisher,
      );
      for (const device of devices) await eraseAndGrade(t, device.id, net.ara.tokens.refurbisher, 'A', specs);
    },
  });

  it('orders by beneficiary profile, sees the allocation and the shipment, and confirms a delivery', async () => {
    const { context, page, problems } = await suite.signedIn('partner@ara.test', { mobile: true });
    await page.getByRole('navigation').getByRole('link', { name: 'Commander' }).click();
    await page.getByRole('heading', { level: 1, name: 'Commander des appareils' }).waitFor();
    await page.getByLabel('Profil des bénéficiaires').selectOption('OTHER');
    await page.getByLabel('Nombre').fill('2');
    await page.getByLabel('Prioritaire').check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Envoyer la commande' }).click();
    await page.getByRole('heading', { level: 1, name: /^Commande / }).waitFor();
    await page.getByText('Commande envoyée').waitFor();
    await page.getByRole('heading', { name: 'Besoin 1 : 2 × Ordinateur portable, Autre' }).waitFor();
    const orderId = new URL(page.url()).pathname.split('/').pop()!;

    // the coordinator matches, the workshop ships
    expect((await matchOrders(suite.t, suite.net.ara)).allocatedQuantity).toBe(2);
    await shipDevices(suite.t, orderId, await orderDeviceIds(suite.t, orderId, suite.net.ara.tokens.partner), suite.net.ara.tokens.refurbisher);

    await page.getByRole('navigation').getByRole('link', { name: 'Mes commandes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes commandes' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByText('Attribués : 2 · Expédiés : 2 · Livrés : 0').waitFor();
    await page
      .getByRole('row', { name: /WEB-P-001/ })
      .getByText('Expédié')
      .waitFor();
    await page.getByLabel('Reçu : WEB-P-001').check();
    await page.getByLabel('Référence de la personne équipée (WEB-P-001)').fill('CCAS-2026-0042');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirmer la livraison' }).click();
    await page.getByText('Livraison confirmée pour 1 appareil.').waitFor();
    await page.getByText('Attribués : 2 · Expédiés : 2 · Livrés : 1').waitFor();
    const [device] = await suite.t.dataSource.query(`SELECT status FROM device WHERE serial_number = 'WEB-P-001'`);
    expect(device.status).toBe('DELIVERED');
    expect(problems).toEqual([]);
    await context.close();
  });
});
