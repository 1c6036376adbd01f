import request from 'supertest';
import { seriousA11yViolations, signIn, webConsoleSuite } from './support/web-console';

/** The web console as the API serves it, and a session from login to logout, expiry and a refused token. */
describe('web console: serving and session', () => {
  const suite = webConsoleSuite();

  it('serves the console at / and at every console path, with strict security headers, and leaves API paths alone', async () => {
    const server = suite.t.app.getHttpServer();
    for (const path of ['/', '/dons/123', '/offres']) {
      const res = await request(server).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self';/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const index = (await request(server).get('/')).text;
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(asset).toBeDefined();
    const script = await request(server).get(asset!);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toMatch(/immutable/);
    // API paths stay the API's: a mistyped one is a 404, never the console's page
    for (const path of ['/health/nowhere', '/graphql/x', '/reports/impact', '/verifier', '/admin/nothing', '/metrics/x']) {
      const res = await request(server).get(path);
      expect([404, 401, 403]).toContain(res.status);
      expect(res.text).not.toContain('<div id="root">');
    }
    expect((await request(server).get('/health/live')).status).toBe(200);
    // nothing outside the build is served
    expect((await request(server).get('/assets/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await request(server).get('/nope.js')).status).toBe(404);
  });

  it('signs in, shows the home of the role, and signs out; a wrong password is told in French', async () => {
    const { context, page, problems } = await suite.open();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Adresse e-mail').fill('donor@ara.test');
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();

    await signIn(page, 'donor@ara.test');
    await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
    await page.getByText('Donateur — Donor ARA, Auvergne-Rhône-Alpes').waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const name of ['Déclarer un don', 'Mes dons', 'Rapport d’impact']) await nav.getByRole('link', { name }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(1);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByText('Vous êtes déconnecté.').waitFor();
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    // the token is gone from memory too: a reload stays on the login page
    await page.reload();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives each role its own home and menu', async () => {
    const { context, page, problems } = await suite.open({ mobile: true });
    const menus: Array<[string, string[]]> = [
      ['refurbisher@ara.test', ['Offres', 'Enlèvements et réception', 'Atelier', 'Stock']],
      ['partner@ara.test', ['Commander', 'Mes commandes']],
      ['coordinator@ara.test', ['Tableau de bord', 'À traiter', 'Organisations']],
      ['admin@platform.test', ['Régions', 'Organisations']],
    ];
    for (const [email, links] of menus) {
      await signIn(page, email);
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      for (const name of links) await nav.getByRole('link', { name, exact: true }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sets a new password from a reset link, and asks for one without telling whether the account exists', async () => {
    const [user] = await suite.t.dataSource.query(`SELECT id FROM "user" WHERE email = 'refurbisher@ara.test'`);
    const issued = await suite.t.ok<{ issuePasswordReset: { link: string } }>(
      `mutation($userId: ID!) { issuePasswordReset(userId: $userId) { link } }`,
      { userId: user.id },
      suite.net.ara.tokens.coordinator,
    );
    const link = new URL(issued.issuePasswordReset.link);
    expect(link.pathname).toBe('/reinitialiser');

    const { context, page, problems } = await suite.open({ mobile: true });
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Nouveau mot de passe').fill('atelier-lyon-sud-2026');
    await page.getByLabel('Le même, une seconde fois').fill('atelier-lyon-sud-2026');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByText('Mot de passe enregistré : connectez-vous avec lui.').waitFor();
    await page.getByRole('link', { name: 'Aller à la connexion' }).click();
    await signIn(page, 'refurbisher@ara.test', 'atelier-lyon-sud-2026');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();

    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill('nobody@nowhere.test');
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await page.getByText('Si un compte existe à cette adresse').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ends the session when the token expires, and when the API refuses it, saying so in French', async () => {
    const { context, page } = await suite.signedIn('partner@ara.test');
    // the token's lifetime as the console read it, shortened: the console signs out on its own at that time
    await page.evaluate(() => {
      const sessionStorage = (globalThis as any).sessionStorage;
      const key = 'reuse-console.session';
      const session = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...session, expiresAt: Date.now() + 1500 }));
    });
    await page.reload();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByText('Votre session a expiré : reconnectez-vous.').waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);

    // a token the API no longer accepts (here: forged) is answered UNAUTHENTICATED, and the console goes back to login
    await signIn(page, 'partner@ara.test');
    await page.evaluate(() => {
      const sessionStorage = (globalThis as any).sessionStorage;
      const key = 'reuse-console.session';
      const session = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...session, token: `${session.token.slice(0, -4)}AAAA` }));
    });
    await page.reload();
    // the catalogue's sentence for the reason the API gives (a refused token, or no session at all)
    await page
      .getByRole('status')
      .getByText(/^Votre session .*connectez-vous\.$/)
      .waitFor();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    await context.close();
    expect(suite.net.ara.id).toBeDefined();
  });
});
