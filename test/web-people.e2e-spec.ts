import { claimLot, declareAndRoute, eraseAndGrade, LYON, markCollected, receiveLot } from './support/donation-flow';
import { matchOrders, orderDeviceIds, shipDevices } from './support/order-flow';
import { seriousA11yViolations, webConsoleSuite } from './support/web-console';

/** A day some months ahead, as a date field takes it (yyyy-mm-dd). */
function dayInMonths(months: number): string {
  const day = new Date();
  day.setMonth(day.getMonth() + months);
  return day.toISOString().slice(0, 10);
}

/**
 * The partner's programme in the console: two people on the waiting list, one order for them,
 * the devices lent to them, a breakdown reported, the workshop repairing it; the coordinator's
 * eligibility bases and dashboard figures.
 */
describe('web console: the people equipped', () => {
  const suite = webConsoleSuite({
    prepare: async ({ t, net }) => {
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
        ['WEB-PPL-001', 'WEB-PPL-002'].map((serialNumber) => ({ serialNumber, category: 'LAPTOP' as const, brand: 'Lenovo', model: 'T480', specs })),
        net.ara.tokens.refurbisher,
      );
      for (const device of devices) await eraseAndGrade(t, device.id, net.ara.tokens.refurbisher, 'A', specs);
    },
  });

  it('records two needs, orders for them, lends the devices, reports a breakdown that the workshop repairs', async () => {
    const partner = await suite.signedIn('partner@ara.test', { mobile: true });
    const { page } = partner;
    await page.getByRole('navigation').getByRole('link', { name: 'Personnes en attente' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personnes en attente' }).waitFor();
    await page.getByText('Personne n’attend un appareil de votre part.').waitFor();
    for (const ref of ['CCAS-2026-0101', 'CCAS-2026-0102']) {
      await page.getByLabel('Référence de la personne').fill(ref);
      // a profile without a webcam requirement: the laptops in stock were graded without the checklist
      await page.getByLabel('Profil').selectOption('OTHER');
      await page.getByLabel('Critère d’éligibilité').selectOption('SOCIAL_MINIMA');
      await page.getByRole('button', { name: 'Enregistrer le besoin' }).click();
      await page.getByText(`Besoin enregistré pour ${ref}`).waitFor();
    }
    await page.getByRole('row', { name: /CCAS-2026-0101 Autre Ordinateur portable/ }).waitFor();
    await page.getByRole('row', { name: /CCAS-2026-0102 Autre Ordinateur portable/ }).waitFor();
    await page.getByText('2 personnes en attente dans la région, dont 2 suivies par vous.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Choisir CCAS-2026-0101').check();
    await page.getByLabel('Choisir CCAS-2026-0102').check();
    await page.getByRole('button', { name: 'Commander pour ces personnes (2)' }).click();
    await page.getByRole('heading', { level: 1, name: /^Commande / }).waitFor();
    await page.getByText('Commande envoyée').waitFor();
    const orderId = new URL(page.url()).pathname.split('/').pop()!;

    // the coordinator matches, the workshop ships
    expect((await matchOrders(suite.t, suite.net.ara)).allocatedQuantity).toBe(2);
    await shipDevices(suite.t, orderId, await orderDeviceIds(suite.t, orderId, suite.net.ara.tokens.partner), suite.net.ara.tokens.refurbisher);

    await page.reload();
    for (const [serial, ref] of [
      ['WEB-PPL-001', 'CCAS-2026-0101'],
      ['WEB-PPL-002', 'CCAS-2026-0102'],
    ]) {
      await page.getByLabel(`Reçu : ${serial}`).check();
      await page.getByLabel(`Référence de la personne équipée (${serial})`).fill(ref);
    }
    await page.getByLabel('Prêt : l’appareil revient à l’atelier à une date prévue').check();
    await page.getByLabel('Date de retour prévue').fill(dayInMonths(6));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirmer la livraison' }).click();
    await page.getByText(/Livraison confirmée pour 2 appareils, en prêt jusqu’au/).waitFor();
    const loans = await suite.t.dataSource.query(`SELECT status FROM loan ORDER BY status`);
    expect(loans.map((l: { status: string }) => l.status)).toEqual(['ACTIVE', 'ACTIVE']);
    const needs = await suite.t.dataSource.query(`SELECT status FROM need ORDER BY beneficiary_ref`);
    expect(needs.map((n: { status: string }) => n.status)).toEqual(['SERVED', 'SERVED']);

    await page.getByRole('navigation').getByRole('link', { name: 'Prêts' }).click();
    await page.getByRole('heading', { level: 2, name: /^CCAS-2026-0101 — WEB-PPL-00/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^CCAS-2026-0102 — WEB-PPL-00/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: 'Réparations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Réparations' }).waitFor();
    const faulty = await page.getByLabel('Appareil livré').locator('option', { hasText: 'WEB-PPL-001' }).getAttribute('value');
    await page.getByLabel('Appareil livré').selectOption(faulty!);
    await page.getByLabel('Ce qui ne fonctionne pas').fill('Le clavier ne répond plus');
    await page.getByRole('button', { name: 'Ouvrir la demande de réparation' }).click();
    await page.getByText(/Demande de réparation ouverte pour WEB-PPL-001/).waitFor();
    await page.getByText('Panne : Le clavier ne répond plus').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(partner.problems).toEqual([]);
    await partner.context.close();

    const workshop = await suite.signedIn('refurbisher@ara.test');
    await workshop.page.getByRole('navigation').getByRole('link', { name: 'Réparations' }).click();
    await workshop.page.getByText('Panne : Le clavier ne répond plus').waitFor();
    expect(await seriousA11yViolations(workshop.page)).toEqual([]);
    await workshop.page.getByLabel('Issue de la réparation (WEB-PPL-001)').selectOption('REPAIRED');
    await workshop.page.getByLabel('Ce qui a été constaté ou fait (WEB-PPL-001)').fill('Nappe du clavier reconnectée');
    await workshop.page.getByRole('button', { name: 'Clore la demande (WEB-PPL-001)' }).click();
    await workshop.page.getByText(/WEB-PPL-001 .*: réparé\./).waitFor();
    await workshop.page.getByText('Aucune demande en cours.').waitFor();
    const [ticket] = await suite.t.dataSource.query(`SELECT status, outcome FROM repair_ticket`);
    expect(ticket).toEqual({ status: 'RESOLVED', outcome: 'REPAIRED' });
    // the workshop sees the two devices lent, due back to it
    await workshop.page.getByRole('navigation').getByRole('link', { name: 'Atelier' }).click();
    await workshop.page.getByText('2 appareils prêtés encore chez les personnes, dont 0 en retard.').waitFor();
    expect(await seriousA11yViolations(workshop.page)).toEqual([]);
    expect(workshop.problems).toEqual([]);
    await workshop.context.close();
  });

  it('lets the coordinator choose the accepted eligibility bases and read the people figures on the dashboard', async () => {
    const { context, page, problems } = await suite.signedIn('coordinator@ara.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Critères d’éligibilité' }).click();
    await page.getByRole('heading', { level: 1, name: 'Critères d’éligibilité' }).waitFor();
    await page.getByLabel('Étudiant boursier (déclaré)').uncheck();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer les critères' }).click();
    await page.getByText('5 critères acceptés pour les prochains besoins.').waitFor();
    const bases = await suite.t.dataSource.query(`SELECT count(*)::int AS n FROM region_eligibility_basis`);
    expect(bases[0].n).toBe(5);

    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('heading', { level: 2, name: 'Personnes équipées' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
