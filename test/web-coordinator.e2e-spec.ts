import { Browser } from 'playwright-core';
import { declareDonation, LYON } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';
import { launchBrowser, openConsole, seriousA11yViolations, signIn, startConsoleServer } from './support/web-console';

/** The region coordinator's day in the console: the dashboard, what is stuck, routing and matching, organizations and accounts. */
describe('web console: coordinator', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let net: NetworkFixture;

  beforeAll(async () => {
    ({ t, baseUrl } = await startConsoleServer());
    await t.reset();
    net = await seedNetwork(t);
    browser = await launchBrowser();
    const availableFrom = new Date(Date.now() + 86400_000).toISOString();
    // no workshop of the region takes desktops: these wait, and say why
    await declareDonation(t, net.ara, [{ category: 'DESKTOP', quantity: 5 }], { pickupAddress: LYON, availableFrom });
    await declareDonation(t, net.ara, [{ category: 'LAPTOP', quantity: 3 }], { pickupAddress: LYON, availableFrom });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('reads the region dashboard with its weekly chart, runs routing and matching, and sees what is stuck', async () => {
    const { context, page, problems } = await openConsole(browser, baseUrl);
    await signIn(page, 'coordinator@ara.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord — Auvergne-Rhône-Alpes' }).waitFor();
    const declared = page.locator('.figures div').filter({ has: page.getByText('Déclarés', { exact: true }) });
    expect(await declared.locator('dd').innerText()).toBe('8');
    await page.getByRole('img', { name: /par semaine/ }).waitFor();
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Lancer l’orientation des dons' }).click();
    await page.getByText('Orientation faite : 3 appareils orientés, 5 en attente').waitFor();
    await page.getByRole('button', { name: 'Lancer l’attribution du stock' }).click();
    await page.getByText('Attribution faite : 0 appareils attribués').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'À traiter' }).click();
    await page.getByRole('heading', { level: 2, name: 'Appareils non orientés' }).waitFor();
    await page.getByText(/5 × Ordinateur fixe : aucun atelier (pour cette catégorie|à portée)/).waitFor();
    await page
      .getByText(/À faire :/)
      .first()
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // the item to act on: the waiting donation, offered by hand to the region's workshop
    const stuck = page.getByRole('region', { name: 'Appareils non orientés' }).getByRole('listitem').filter({ hasText: 'Ordinateur fixe' });
    await stuck.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Don D/ }).waitFor();
    // the workshop starts taking desktops (a workshop with no capacity for them is refused the lot)
    await t.dataSource.query(`INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) VALUES ($1, 'DESKTOP', 20)`, [net.ara.refurbisher]);
    await page.getByLabel('Atelier pour ordinateur fixe').selectOption({ label: 'Refurbisher ARA (Lyon)' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Attribuer à cet atelier' }).click();
    await page.getByText(/^Lot L.* proposé \(5 appareils\)\./).waitFor();
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM lot l JOIN lot_item i ON i.lot_id = l.id WHERE l.status = 'OFFERED' AND i.category = 'DESKTOP' AND i.quantity = 5`,
    );
    expect(n).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates, edits and deactivates an organization, and creates then deactivates an account', async () => {
    const { context, page, problems } = await openConsole(browser, baseUrl, { mobile: true });
    await signIn(page, 'coordinator@ara.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await page.getByRole('heading', { name: 'Partner ARA' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByText('Créer une organisation').click();
    await page.getByLabel('Type', { exact: true }).last().selectOption('PARTNER');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('CCAS de Bron');
    await page.getByRole('textbox', { name: 'Adresse', exact: true }).fill('1 place de la Mairie');
    await page.getByLabel('Code postal').fill('69500');
    await page.getByLabel('Commune').fill('Bron');
    await page.getByRole('button', { name: 'Créer l’organisation' }).click();
    await page.getByText('Organisation « CCAS de Bron » créée.').waitFor();

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'CCAS de Bron' }) });
    await card.getByRole('button', { name: 'Gérer CCAS de Bron' }).click();
    await card.getByLabel('Nom du contact').fill('Anne Moreau');
    await card.getByLabel('Téléphone du contact').fill('04 72 00 00 00');
    await card.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Organisation « CCAS de Bron » modifiée.').waitFor();
    const [org] = await t.dataSource.query(`SELECT id FROM organization WHERE name = 'CCAS de Bron'`);

    await card.getByLabel('E-mail du compte').fill('anne@ccas-bron.test');
    await card.getByLabel('Mot de passe initial').fill('un-long-mot-de-passe-sûr');
    await card.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Compte anne@ccas-bron.test créé.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Désactiver anne@ccas-bron.test' }).click();
    await page.getByText('Compte anne@ccas-bron.test désactivé').waitFor();
    const [user] = await t.dataSource.query(`SELECT deactivated_at, role FROM "user" WHERE email = 'anne@ccas-bron.test'`);
    expect(user.role).toBe('PARTNER');
    expect(user.deactivated_at).not.toBeNull();

    await card.getByLabel('Raison de la désactivation').fill('association dissoute');
    await card.getByRole('button', { name: 'Désactiver l’organisation' }).click();
    await page.getByText('Organisation « CCAS de Bron » désactivée').waitFor();
    const [after] = await t.dataSource.query(`SELECT deactivated_at FROM organization WHERE id = $1`, [org.id]);
    expect(after.deactivated_at).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });
});
