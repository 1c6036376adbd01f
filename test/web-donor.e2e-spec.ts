import request from 'supertest';
import { claimLot, collectLot, declareAndRoute, eraseDevice, LYON, receiveLot } from './support/donation-flow';
import { seriousA11yViolations, webConsoleSuite } from './support/web-console';

/** The donor's day in the console: declare (lines or a spreadsheet), follow a donation to each device, the impact report. */
describe('web console: donor', () => {
  const suite = webConsoleSuite();

  it('declares a donation with lines, and reports every bad row of a spreadsheet in French', async () => {
    const { context, page, problems } = await suite.signedIn('donor@ara.test', { mobile: true });
    await page.getByRole('link', { name: 'Déclarer un don' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Déclarer un don' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // a sheet with two bad rows: both are listed at once, nothing is saved
    await page.getByRole('button', { name: 'Retirer la ligne 1' }).click();
    await page.getByLabel('Code postal').fill('69003');
    await page.getByLabel('Commune').fill('Lyon');
    await page.getByLabel(/Fichier d’inventaire/).setInputFiles({
      name: 'inventaire.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Catégorie;Qté;Marque\nBanane;2;Dell\nPC portable;-3;HP\n', 'utf8'),
    });
    await page.getByRole('button', { name: 'Déclarer le don' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('li').count()).toBe(2);
    expect(await alert.innerText()).toMatch(/Ligne 2/);
    expect(await alert.innerText()).toMatch(/Ligne 3/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await suite.t.count('donation')).toBe(0);

    // lines typed in the form
    await page.getByLabel(/Fichier d’inventaire/).setInputFiles([]);
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await page.getByLabel('Quantité').fill('12');
    await page.getByLabel('Marque').fill('Dell');
    await page.getByLabel('Année').fill('2019');
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await page.getByLabel('Catégorie').nth(1).selectOption('MONITOR');
    await page.getByLabel('Quantité').nth(1).fill('4');
    await page.getByLabel('Contient des données').nth(1).uncheck();
    await page.getByRole('button', { name: 'Déclarer le don' }).click();
    await page.getByRole('heading', { level: 1, name: /^Don D/ }).waitFor();
    await page.getByText('Don déclaré').waitFor();
    await page.getByRole('cell', { name: 'aucune' }).waitFor();
    expect(await suite.t.count('donation')).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('follows a donation to its lot, its pickup and history, and each device with its erasure certificate', async () => {
    const lot = await declareAndRoute(suite.t, suite.net.ara, [{ category: 'LAPTOP', quantity: 3, dataBearing: true }], {
      pickupAddress: LYON,
      availableFrom: new Date(Date.now() + 86400_000).toISOString(),
    });
    await claimLot(suite.t, lot.id, suite.net.ara.tokens.refurbisher);
    await collectLot(suite.t, lot.id, suite.net.ara.tokens.refurbisher, new Date(Date.now() + 2 * 86400_000).toISOString(), 2);
    const devices = await receiveLot(
      suite.t,
      lot.id,
      [
        { serialNumber: 'WEB-DONOR-001', category: 'LAPTOP', brand: 'Dell', model: 'Latitude 5490' },
        { serialNumber: 'WEB-DONOR-002', category: 'LAPTOP', brand: 'Dell', model: 'Latitude 5490' },
      ],
      suite.net.ara.tokens.refurbisher,
    );
    await eraseDevice(suite.t, devices.find((d) => d.serialNumber === 'WEB-DONOR-001')!.id, suite.net.ara.tokens.refurbisher);
    const [{ reference }] = await suite.t.dataSource.query(`SELECT reference FROM donation WHERE id = $1`, [lot.donationId]);

    const { context, page, problems } = await suite.signedIn('donor@ara.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Mes dons' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes dons' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: `Don ${reference}` }).waitFor();
    await page.getByRole('heading', { name: /Refurbisher ARA/ }).waitFor();
    await page.getByText(/2 appareils collectés/).waitFor();
    await page.getByText('(1 de moins que déclaré)').waitFor();
    await page.getByText('Historique de l’enlèvement').click();
    await page.getByText(/: Planifié pour le/).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: /: Effectué$/ })
      .waitFor();
    await page.getByRole('rowheader', { name: 'WEB-DONOR-001' }).waitFor();
    await page
      .getByRole('row', { name: /WEB-DONOR-001/ })
      .getByText(/Certificat /)
      .waitFor();
    await page
      .getByRole('row', { name: /WEB-DONOR-002/ })
      .getByText('À venir')
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the impact report of the year with its attestation and CSV links', async () => {
    const { context, page, problems } = await suite.signedIn('donor@ara.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Rapport d’impact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rapport d’impact' }).waitFor();
    const pdf = page.getByRole('link', { name: 'Télécharger l’attestation (PDF)' });
    await pdf.waitFor();
    await page.getByText('Certificats d’effacement').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (const [link, type] of [
      [pdf, /application\/pdf/],
      [page.getByRole('link', { name: /CSV/ }), /text\/csv/],
    ] as const) {
      const href = await link.getAttribute('href');
      const url = new URL(href!);
      const file = await request(suite.t.app.getHttpServer()).get(`${url.pathname}${url.search}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toMatch(type);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
