import { seriousA11yViolations, webConsoleSuite } from './support/web-console';

/** The administrator in the console: a new region, its coordination and its first coordinator. */
describe('web console: admin', () => {
  const suite = webConsoleSuite();

  it('creates a region, its coordination and a coordinator account', async () => {
    const { context, page, problems } = await suite.signedIn('admin@platform.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Régions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Régions' }).waitFor();
    await page.getByRole('rowheader', { name: 'ARA' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Code').fill('naq');
    await page.getByLabel('Nom de la région').fill('Nouvelle-Aquitaine');
    await page.getByRole('button', { name: 'Créer la région' }).click();
    await page.getByText('Région « Nouvelle-Aquitaine » créée.').waitFor();
    await page.getByRole('rowheader', { name: 'NAQ' }).waitFor();

    // a region's code is unique: the refusal is in French
    await page.getByLabel('Code').fill('NAQ');
    await page.getByLabel('Nom de la région').fill('Encore');
    await page.getByRole('button', { name: 'Créer la région' }).click();
    await page.getByRole('alert').getByText(/déjà/).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await page.getByLabel('Région').selectOption({ label: 'Nouvelle-Aquitaine' });
    await page.getByText('Créer une organisation').click();
    await page.getByLabel('Type', { exact: true }).last().selectOption('COORDINATOR');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Coordination Nouvelle-Aquitaine');
    await page.getByLabel('Code postal').fill('33000');
    await page.getByLabel('Commune').fill('Bordeaux');
    await page.getByRole('button', { name: 'Créer l’organisation' }).click();
    await page.getByText('Organisation « Coordination Nouvelle-Aquitaine » créée.').waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Coordination Nouvelle-Aquitaine' }) });
    await card.getByRole('button', { name: 'Gérer Coordination Nouvelle-Aquitaine' }).click();
    await card.getByRole('heading', { name: 'Créer un compte (Coordination régionale)' }).waitFor();
    await card.getByLabel('E-mail du compte').fill('coordination@naq.test');
    await card.getByLabel('Mot de passe initial').fill('un-long-mot-de-passe-sûr');
    await card.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Compte coordination@naq.test créé.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [user] = await suite.t.dataSource.query(
      `SELECT u.role, r.code FROM "user" u JOIN organization o ON o.id = u.organization_id JOIN region r ON r.id = o.region_id WHERE u.email = 'coordination@naq.test'`,
    );
    expect(user).toEqual({ role: 'COORDINATOR', code: 'NAQ' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads the background jobs, with the way to the queue board, and every account of every region', async () => {
    const { context, page, problems } = await suite.signedIn('admin@platform.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Tâches de fond' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tâches de fond' }).waitFor();
    await page.getByRole('table', { name: 'Files de tâches' }).waitFor();
    await page.getByText('Retard de la boîte d’envoi').waitFor();
    expect(await page.getByRole('link', { name: /Bull Board/ }).getAttribute('href')).toBe('/admin/queues');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    for (const email of ['admin@platform.test', 'coordinator@ara.test', 'coordinator@bfc.test']) await page.getByRole('heading', { name: email }).waitFor();
    await page.getByLabel('Région').selectOption({ label: 'Bourgogne-Franche-Comté' });
    await page.getByRole('heading', { name: 'coordinator@ara.test' }).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'partner@bfc.test' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
