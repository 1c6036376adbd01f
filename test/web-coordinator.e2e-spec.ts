import { declareDonation, LYON } from './support/donation-flow';
import { seriousA11yViolations, webConsoleSuite } from './support/web-console';

/** The region coordinator's day in the console: the dashboard, what is stuck, routing and matching, organizations and accounts. */
describe('web console: coordinator', () => {
  const suite = webConsoleSuite({
    prepare: async ({ t, net }) => {
      const availableFrom = new Date(Date.now() + 86400_000).toISOString();
      // no workshop of the region takes desktops: these wait, and say why
      await declareDonation(t, net.ara, [{ category: 'DESKTOP', quantity: 5 }], { pickupAddress: LYON, availableFrom });
      await declareDonation(t, net.ara, [{ category: 'LAPTOP', quantity: 3 }], { pickupAddress: LYON, availableFrom });
    },
  });

  it('reads the region dashboard with its weekly chart, runs routing and matching, and sees what is stuck', async () => {
    const { context, page, problems } = await suite.signedIn('coordinator@ara.test');
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
    await suite.t.dataSource.query(`INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) VALUES ($1, 'DESKTOP', 20)`, [
      suite.net.ara.refurbisher,
    ]);
    await page.getByLabel('Atelier pour ordinateur fixe').selectOption({ label: 'Refurbisher ARA (Lyon)' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Attribuer à cet atelier' }).click();
    await page.getByText(/^Lot L.* proposé \(5 appareils\)\./).waitFor();
    const [{ n }] = await suite.t.dataSource.query(
      `SELECT count(*)::int AS n FROM lot l JOIN lot_item i ON i.lot_id = l.id WHERE l.status = 'OFFERED' AND i.category = 'DESKTOP' AND i.quantity = 5`,
    );
    expect(n).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates, edits and deactivates an organization, and creates then deactivates an account', async () => {
    const { context, page, problems } = await suite.signedIn('coordinator@ara.test', { mobile: true });
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
    const [org] = await suite.t.dataSource.query(`SELECT id FROM organization WHERE name = 'CCAS de Bron'`);

    await card.getByLabel('E-mail du compte').fill('anne@ccas-bron.test');
    await card.getByLabel('Mot de passe initial').fill('un-long-mot-de-passe-sûr');
    await card.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Compte anne@ccas-bron.test créé.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Désactiver anne@ccas-bron.test' }).click();
    await page.getByText('Compte anne@ccas-bron.test désactivé').waitFor();
    const [user] = await suite.t.dataSource.query(`SELECT deactivated_at, role FROM "user" WHERE email = 'anne@ccas-bron.test'`);
    expect(user.role).toBe('PARTNER');
    expect(user.deactivated_at).not.toBeNull();

    await card.getByLabel('Raison de la désactivation').fill('association dissoute');
    await card.getByRole('button', { name: 'Désactiver l’organisation' }).click();
    await page.getByText('Organisation « CCAS de Bron » désactivée').waitFor();
    const [after] = await suite.t.dataSource.query(`SELECT deactivated_at FROM organization WHERE id = $1`, [org.id]);
    expect(after.deactivated_at).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists the region’s accounts, creates one, hands over a reset link and deactivates it', async () => {
    const { context, page, problems } = await suite.signedIn('coordinator@ara.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    await page.getByRole('heading', { name: 'partner@ara.test' }).waitFor();
    // the other region's accounts are never listed
    expect(await page.getByRole('heading', { name: 'partner@bfc.test' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByText('Créer un compte').click();
    await page.getByLabel('Organisation du compte').selectOption({ label: 'Partner ARA (Partenaire)' });
    await page.getByLabel('E-mail du compte').fill('lea@partner-ara.test');
    await page.getByLabel('Mot de passe initial').fill('un-long-mot-de-passe-sûr');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Compte lea@partner-ara.test créé.').waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'lea@partner-ara.test' }) });
    await card.getByRole('button', { name: 'Gérer lea@partner-ara.test' }).click();
    await card.getByLabel('Nom affiché (lea@partner-ara.test)').fill('Léa Martin');
    await card.getByRole('button', { name: 'Enregistrer lea@partner-ara.test' }).click();
    await page.getByText('Compte lea@partner-ara.test modifié.').waitFor();
    await card.getByRole('button', { name: 'Créer un lien de réinitialisation pour lea@partner-ara.test' }).click();
    const link = await card.getByLabel('Lien de réinitialisation pour lea@partner-ara.test').inputValue();
    expect(new URL(link).pathname).toBe('/reinitialiser');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'Désactiver lea@partner-ara.test' }).click();
    await page.getByText('Compte lea@partner-ara.test désactivé : ses sessions sont terminées.').waitFor();
    // deactivated accounts leave the list until asked for
    await card.waitFor({ state: 'detached' });
    await page.getByLabel('Afficher les comptes désactivés').check();
    await card.getByText(/^Désactivé le/).waitFor();
    const [user] = await suite.t.dataSource.query(`SELECT name, role, deactivated_at FROM "user" WHERE email = 'lea@partner-ara.test'`);
    expect(user).toMatchObject({ name: 'Léa Martin', role: 'PARTNER' });
    expect(user.deactivated_at).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reviews a workshop’s stock count and decides its discrepancy', async () => {
    // the workshop counts a serial the network does not know
    const counted = await suite.t.ok<{ submitStockCount: { id: string } }>(
      `mutation { submitStockCount(input: { serialNumbers: ["GHOST-0001"] }) { id } }`,
      {},
      suite.net.ara.tokens.refurbisher,
    );
    const { context, page, problems } = await suite.signedIn('coordinator@ara.test', { mobile: true });
    await page.getByRole('navigation').getByRole('link', { name: 'Inventaires' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inventaires' }).waitFor();
    await page.getByRole('rowheader', { name: 'GHOST-0001' }).waitFor();
    await page.getByText('inconnu du réseau').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Décision pour GHOST-0001').selectOption('MISSCANNED');
    await page.getByRole('button', { name: 'Décider pour GHOST-0001' }).click();
    await page.getByText('GHOST-0001 : erreur de comptage.').waitFor();
    await page.getByRole('cell', { name: 'Erreur de comptage (coordinator@ara.test)' }).waitFor();
    // its last discrepancy decided, the count is closed
    const [count] = await suite.t.dataSource.query(`SELECT status FROM reconciliation WHERE id = $1`, [counted.submitStockCount.id]);
    expect(count.status).toBe('RESOLVED');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no background jobs page: they are the administrator’s', async () => {
    const { context, page } = await suite.signedIn('coordinator@ara.test');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Tâches de fond' }).count()).toBe(0);
    await page.goto('/taches-de-fond');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await context.close();
  });
});
