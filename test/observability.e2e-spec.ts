import request from 'supertest';
import { declareDonation, LYON } from './support/donation-flow';
import { NetworkFixture, PASSWORD, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** One sample of a Prometheus text scrape: the value of `name{labels...}` whose labels include all of `labels`. */
function sample(scrape: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of scrape.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('what an operator sees: request ids, the request log, metrics', () => {
  describe('one API with its worker', () => {
    let t: TestApp;
    let net: NetworkFixture;
    const http = () => request(t.app.getHttpServer());

    beforeAll(async () => {
      t = await TestApp.start({ queuePrefix: `obs${Date.now()}` }, { withWorker: true });
      await t.reset();
      net = await seedNetwork(t);
    });
    afterAll(() => t.close());

    it('answers with the X-Request-Id the caller sent, or with a new one', async () => {
      const traced = await http().get('/health/live').set('x-request-id', 'proxy-4f2a.19');
      expect(traced.headers['x-request-id']).toBe('proxy-4f2a.19');
      const fresh = await http().get('/health/live');
      expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('does not take an id that could forge a log line or grow without bound', async () => {
      for (const hostile of ['a b"c', 'x'.repeat(300), '<script>']) {
        const res = await http().get('/health/live').set('x-request-id', hostile);
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it('counts requests by route, GraphQL operations by name and errors by code', async () => {
      await t.gql('query ObservedOrganizations { organizations { id } }', {}, net.ara.tokens.coordinator);
      await t.gql('query ObservedRefusal { organizations { id } }');
      const scrape = (await http().get('/metrics')).text;
      expect(sample(scrape, 'http_requests_total', { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(2);
      expect(sample(scrape, 'graphql_operation_duration_seconds_count', { operation: 'ObservedOrganizations', type: 'query' })).toBe(1);
      expect(sample(scrape, 'graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
      expect(sample(scrape, 'database_pool_connections', { state: 'open' })).toBeGreaterThanOrEqual(1);
      expect(sample(scrape, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    });

    it('shows the outbox, the queues and each job run', async () => {
      await declareDonation(t, net.ara, [{ category: 'LAPTOP', quantity: 2, dataBearing: true }], {
        pickupAddress: LYON,
        availableFrom: '2026-01-05T08:00:00Z',
      });
      const scrape = await waitFor('a routing run counted', async () => {
        const text = (await http().get('/metrics')).text;
        return (sample(text, 'job_runs_total', { queue: 'routing', outcome: 'completed' }) ?? 0) >= 1 ? text : null;
      });
      expect(sample(scrape, 'job_duration_seconds_count', { queue: 'routing' })).toBeGreaterThanOrEqual(1);
      expect(sample(scrape, 'outbox_unsent_messages')).toBeGreaterThanOrEqual(0);
      expect(sample(scrape, 'outbox_oldest_unsent_seconds')).toBeGreaterThanOrEqual(0);
      expect(sample(scrape, 'queue_jobs', { queue: 'routing', state: 'waiting' })).toBeGreaterThanOrEqual(0);
    });
  });

  describe('the queue board', () => {
    let t: TestApp;
    const http = () => request(t.app.getHttpServer());
    const login = (email: string, password: string) => http().post('/admin/login').type('form').send({ email, password });

    beforeAll(async () => {
      t = await TestApp.start({ queuePrefix: `obsq${Date.now()}` });
      await t.reset();
      await seedNetwork(t);
    });
    afterAll(() => t.close());

    it('sends a visitor to its login page, and its API answers nobody without the ADMIN cookie', async () => {
      const page = await http().get('/admin/queues');
      expect(page.status).toBe(303);
      expect(page.headers.location).toBe('/admin/login');
      expect((await http().get('/admin/queues/api/queues')).status).toBe(401);
      const form = await http().get('/admin/login');
      expect(form.text).toContain('<html lang="fr">');
      expect(form.text).toContain('<label for="password">Mot de passe</label>');
    });

    it('lets only an administrator in, with an HttpOnly SameSite=Strict cookie scoped to /admin', async () => {
      expect((await login('admin@platform.test', 'wrong-password-123')).status).toBe(401);
      const coordinator = await login('coordinator@ara.test', PASSWORD);
      expect([401, 403]).toContain(coordinator.status);
      expect(coordinator.headers['set-cookie']).toBeUndefined();

      const admin = await login('admin@platform.test', PASSWORD);
      expect(admin.status).toBe(303);
      expect(admin.headers.location).toBe('/admin/queues');
      const cookie = String(admin.headers['set-cookie']);
      expect(cookie).toMatch(/^reuse_admin=[\w.-]+; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
      const pair = cookie.split(';')[0]!;
      expect((await http().get('/admin/queues').set('cookie', pair)).status).toBe(200);
      const queues = await http().get('/admin/queues/api/queues').set('cookie', pair);
      expect(queues.status).toBe(200);
      expect((queues.body as { queues: Array<{ name: string }> }).queues.map((q) => q.name)).toEqual(expect.arrayContaining(['routing', 'matching']));
      // a forged or foreign token is no key
      expect((await http().get('/admin/queues/api/queues').set('cookie', 'reuse_admin=eyJhbGciOiJub25lIn0.e30.')).status).toBe(401);
    });
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start({ metricsToken: 'scrape-secret-0123456789' });
    });
    afterAll(() => t.close());

    it('/metrics answers Prometheus with the token only', async () => {
      const http = () => request(t.app.getHttpServer());
      expect((await http().get('/metrics')).status).toBe(403);
      expect((await http().get('/metrics').set('authorization', 'Bearer wrong')).status).toBe(403);
      const ok = await http().get('/metrics').set('authorization', 'Bearer scrape-secret-0123456789');
      expect(ok.status).toBe(200);
      expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    });
  });
});
