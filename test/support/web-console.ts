import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, ConsoleMessage, Page } from 'playwright-core';
import { AppConfig } from '@app/common';
import { NetworkFixture, PASSWORD, seedNetwork } from './network-fixture';
import { TestApp } from './test-app';

const root = join(__dirname, '..', '..');

/**
 * Builds the console when its sources are newer than dist/web (scripts/build-web.mjs swaps a
 * finished build in, so two test files building at once never serve half of one).
 */
export function ensureWebBuild(): void {
  execFileSync('node', ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) throw new Error('dist/web/index.html is missing after the build');
}

/** Debian's chromium; the tests fail (never skip) without it, saying how to install it. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium is needed by the browser tests: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The API (with the built console) listening on a free port of the loopback. */
export async function startConsoleServer(config: Partial<AppConfig> = {}): Promise<{ t: TestApp; baseUrl: string }> {
  ensureWebBuild();
  const t = await TestApp.start(config);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { t, baseUrl: `http://127.0.0.1:${port}` };
}

/**
 * A browser tab on the console that fails the test on a script error or a Content-Security-Policy
 * violation (the console must run under the strict policy the API sends).
 */
export async function openConsole(
  browser: Browser,
  baseUrl: string,
  options: { mobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    ...(options.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } }),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) problems.push(`console: ${text}`);
  });
  page.setDefaultTimeout(8000);
  return { context, page, problems };
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it is now: the serious and critical violations, as readable lines. axe
 * is evaluated through the DevTools protocol, which the page's CSP does not govern (an injected
 * <script> would be refused, as it should be).
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // the page's globals (the test files are compiled without the DOM library)
    const page = globalThis as any;
    const result: { violations: any[] } = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n: any) => String(n.target)) }));
  });
  await screenshotOfPage(page);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' | ')}`);
}

/**
 * Where the browser tests leave a picture of each main page (README "Developing"): one folder,
 * git-ignored, kept by CI as an artifact; a later run overwrites the files of the same name.
 */
export const SCREENSHOTS_DIR = join(root, 'artifacts', 'screenshots');

/** The whole page as it is now, as `<SCREENSHOTS_DIR>/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/**
 * Every page a test checks for accessibility is a page worth a picture: named after the role
 * signed in, the path (ids as `id`) and a phone's size, e.g. `coordinator-utilisateurs.png`,
 * `refurbisher-lots-id-telephone.png`. The last check of a page in a run is the one kept.
 */
async function screenshotOfPage(page: Page): Promise<void> {
  const { role, path, width } = await page.evaluate(() => {
    const browser = globalThis as any;
    let role: string | null = null;
    try {
      role = JSON.parse(browser.sessionStorage.getItem('reuse-console.session') ?? 'null')?.user?.role ?? null;
    } catch {
      role = null;
    }
    return { role, path: browser.location.pathname as string, width: browser.innerWidth as number };
  });
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((segment) => (/^[0-9a-f-]{36}$/i.test(segment) ? 'id' : segment.replace(/[^a-z0-9-]/gi, '')));
  const name = [(role ?? 'public').toLowerCase(), ...(segments.length ? segments : ['accueil'])].join('-');
  await screenshot(page, width < 600 ? `${name}-telephone` : name);
}

type Tab = Awaited<ReturnType<typeof openConsole>>;

/** What a browser test file works with once its suite has started; read inside tests only. */
export interface WebConsoleSuite {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  net: NetworkFixture;
  /** a new tab on the console (desktop, or phone size with `mobile`) */
  open(options?: { mobile?: boolean }): Promise<Tab>;
  /** a new tab, signed in as that person (the fixture's password unless told) */
  signedIn(email: string, options?: { mobile?: boolean; password?: string }): Promise<Tab>;
}

/**
 * The setup every browser test file shares: the API serving the built console on a free port,
 * its database emptied and seeded with the two-region network, one chromium for the file, all
 * closed after it. `prepare` adds the file's own data once the network is there.
 */
export function webConsoleSuite(options: { config?: Partial<AppConfig>; prepare?: (suite: WebConsoleSuite) => Promise<void> } = {}): WebConsoleSuite {
  const suite = {
    open: (tab: { mobile?: boolean } = {}) => openConsole(suite.browser, suite.baseUrl, tab),
    signedIn: async (email: string, tab: { mobile?: boolean; password?: string } = {}) => {
      const opened = await openConsole(suite.browser, suite.baseUrl, tab);
      await signIn(opened.page, email, tab.password);
      return opened;
    },
  } as WebConsoleSuite;
  beforeAll(async () => {
    ({ t: suite.t, baseUrl: suite.baseUrl } = await startConsoleServer(options.config));
    await suite.t.reset();
    suite.net = await seedNetwork(suite.t);
    suite.browser = await launchBrowser();
    await options.prepare?.(suite);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.t?.close();
  });
  return suite;
}
