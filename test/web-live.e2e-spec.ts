import { AddressInfo } from 'node:net';
import { Browser, Page } from 'playwright-core';
import { claimLot, declareAndRoute, eraseAndGrade, LYON, markCollected, receiveLot } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { matchOrders, submitOrder } from './support/order-flow';
import { TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';
import { ensureWebBuild, launchBrowser, openConsole, seriousA11yViolations, signIn } from './support/web-console';

const DAY = 86_400_000;

/**
 * Resolves once the page has asked, over its WebSocket, for the given subscription. Registered
 * before the page opens its socket (a socket opened earlier is not seen).
 */
function subscribedTo(page: Page, field: string): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) =>
      socket.on('framesent', (frame) => {
        const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
        if (text.includes('"type":"subscribe"') && text.includes(field)) resolve();
      }),
    );
  });
}

/** The server registers a subscription on Redis a moment after the frame: what the notifications test waits too. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

/** A mark in the page's window: still there later means the page was never reloaded. */
const markDocument = (page: Page) => page.evaluate(() => ((globalThis as any).__sameDocument = true));
const sameDocument = (page: Page) => page.evaluate(() => (globalThis as any).__sameDocument === true);

describe('web console: live updates, the notification inbox, the explorer', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let net: NetworkFixture;
  const referenceOf = async (lotId: string) => (await t.dataSource.query(`SELECT reference FROM lot WHERE id = $1`, [lotId]))[0].reference as string;

  beforeAll(async () => {
    ensureWebBuild();
    // the worker records the notifications and publishes them; routing is the tests' own call
    t = await TestApp.start({ routingDebounceMs: 600_000 }, { withWorker: true });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    await t.reset();
    net = await seedNetwork(t);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("a lot routed to the workshop appears on its offers page and in the header's count, without a reload", async () => {
    const { context, page, problems } = await openConsole(browser, baseUrl);
    const listening = subscribedTo(page, 'offerMade');
    await signIn(page, 'refurbisher@ara.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Offres' }).click();
    await page.getByText('Aucune offre en attente.').waitFor();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await listening;
    await settle();
    await markDocument(page);

    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 3 }], {
      pickupAddress: LYON,
      availableFrom: new Date(Date.now() + 2 * DAY).toISOString(),
    });
    const reference = await referenceOf(lot.id);
    await page.getByRole('heading', { name: `Lot ${reference}` }).waitFor({ timeout: 20_000 });
    await page.getByText(`Mise à jour : nouvelle offre, lot ${reference}.`).waitFor();
    await page.getByRole('link', { name: 'Notifications 1 non lue' }).waitFor({ timeout: 20_000 });
    expect(await sameDocument(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('the inbox lists each notification in French with its link, marks one or all read, and keeps the e-mail preferences', async () => {
    // a second offer: two unread notifications
    const second = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 2 }], {
      pickupAddress: LYON,
      availableFrom: new Date(Date.now() + 2 * DAY).toISOString(),
    });
    const secondRef = await referenceOf(second.id);
    const [refurbisher] = await t.dataSource.query(`SELECT id FROM "user" WHERE email = 'refurbisher@ara.test'`);
    const unreadRows = async () =>
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [refurbisher.id]))[0].n as number;
    await waitFor('two unread notifications', async () => (await unreadRows()) === 2);

    const { context, page, problems } = await openConsole(browser, baseUrl, { mobile: true });
    await signIn(page, 'refurbisher@ara.test');
    await page.getByRole('link', { name: 'Notifications 2 non lues' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Nouveau lot proposé : ${secondRef}` }) });
    await item.getByText(/^\d{1,2} \S+ \d{4}/).waitFor();
    await item.getByRole('link', { name: `Voir ${secondRef}` }).waitFor();
    expect(await item.getByRole('link', { name: `Voir ${secondRef}` }).getAttribute('href')).toBe('/offres');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await item.getByRole('button', { name: /^Marquer comme lue/ }).click();
    await page.getByText('Notification marquée comme lue.').waitFor();
    await page.getByRole('link', { name: 'Notifications 1 non lue' }).waitFor();
    expect(await unreadRows()).toBe(1);

    await page.getByLabel('Non lues seulement').check();
    await page.getByText('1 notification non lue.').waitFor();
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await page.getByText('1 notification marquée comme lue.').waitFor();
    await page.getByText('Aucune notification non lue.').waitFor();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    expect(await unreadRows()).toBe(0);

    // preferences: per event, the password reset always sent
    await page.getByText(/Réinitialisation du mot de passe\s*: toujours envoyé/).waitFor();
    await page.getByLabel('Nouveau lot proposé').selectOption('DAILY_DIGEST');
    await page.getByText('« Nouveau lot proposé » : résumé quotidien.').waitFor();
    const [preference] = await t.dataSource.query(`SELECT delivery FROM notification_preference WHERE user_id = $1 AND event = 'LOT_OFFERED'`, [
      refurbisher.id,
    ]);
    expect(preference).toEqual({ delivery: 'DAILY_DIGEST' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // the link leads to where the workshop acts
    await page.getByLabel('Non lues seulement').uncheck();
    await page.getByRole('link', { name: `Voir ${secondRef}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Offres' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("the partner's order page shows its allocation as the coordinator's matching makes it", async () => {
    const orderId = await submitOrder(t, [{ category: 'LAPTOP', quantity: 1, profile: 'OTHER' }], net.ara.tokens.partner);
    const { context, page, problems } = await openConsole(browser, baseUrl);
    const listening = subscribedTo(page, 'orderUpdated');
    await signIn(page, 'partner@ara.test');
    await page.goto(`/commandes/${orderId}`);
    await page.getByText('Attribués : 0').waitFor();
    await listening;
    await settle();
    await markDocument(page);

    // a laptop in stock at the region's workshop, then matching
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1, dataBearing: true }], {
      pickupAddress: LYON,
      availableFrom: new Date(Date.now() - DAY).toISOString(),
    });
    await claimLot(t, lot.id, net.ara.tokens.refurbisher);
    await markCollected(t, lot.id);
    const specs = { ramGb: 8, storageGb: 256, ssd: true };
    const [device] = await receiveLot(
      t,
      lot.id,
      [{ serialNumber: 'WEB-L-001', category: 'LAPTOP', brand: 'Dell', model: 'Latitude 5490', specs }],
      net.ara.tokens.refurbisher,
    );
    await eraseAndGrade(t, device.id, net.ara.tokens.refurbisher, 'A', specs);
    // the coordinator's matching, unless the worker's own (due 10 s after the order) came first: the page shows either
    await matchOrders(t, net.ara);

    await page.getByText('Attribués : 1').waitFor({ timeout: 20_000 });
    // the line's devices (the quote lists them too)
    await page.getByRole('table', { name: 'Appareils de ce besoin' }).getByRole('rowheader', { name: 'WEB-L-001' }).waitFor();
    await page.getByText(/^Mise à jour : Commande attribuée \(/).waitFor();
    await page.getByRole('link', { name: 'Notifications 1 non lue' }).waitFor({ timeout: 20_000 });
    expect(await sameDocument(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('an administrator opens the explorer and runs a query with nothing fetched from outside the machine', async () => {
    const { context, page, problems } = await openConsole(browser, baseUrl);
    const outside: string[] = [];
    const scripts: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== '127.0.0.1') {
        outside.push(url.toString());
        return route.abort();
      }
      return route.continue();
    });
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await signIn(page, 'admin@platform.test');
    expect(scripts.some((path) => /explorer-page/.test(path))).toBe(false);
    await page.getByRole('navigation').getByRole('link', { name: 'Explorateur GraphQL' }).click();
    await page.getByRole('heading', { level: 1, name: 'Explorateur GraphQL' }).waitFor();
    expect(scripts.some((path) => /explorer-page/.test(path))).toBe(true);

    // the schema came through introspection (the Docs pane lists the root types)
    const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ me { email } }');
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.locator('.graphiql-response').getByText('"admin@platform.test"').waitFor();
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page.getByText('Query', { exact: true }).first().waitFor();

    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('anyone else gets no explorer: no menu entry, no page, no chunk, no schema', async () => {
    const { context, page, problems } = await openConsole(browser, baseUrl);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await signIn(page, 'coordinator@ara.test');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Explorateur GraphQL' }).count()).toBe(0);
    await page.goto('/explorer');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    expect(scripts.some((path) => /explorer-page/.test(path))).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});
