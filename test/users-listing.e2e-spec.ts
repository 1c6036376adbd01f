import { UsersListDeactivateDocument, UsersListPageDocument, UsersListPageQuery } from './generated/graphql';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

type Listed = UsersListPageQuery['users']['edges'][number]['node'];

/** `users`: the accounts staff administer, each kept to its scope, page by page, filtered. */
describe('users listing', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
    // more partner accounts in each region than one page holds, all made within a few milliseconds
    for (const region of [net.ara, net.bfc]) {
      const prefix = region.code.toLowerCase();
      await t.dataSource.query(
        `INSERT INTO "user" (email, password_hash, role, organization_id, created_at)
         SELECT 'agent' || n || '@' || $2 || '.test', 'none', 'PARTNER', $1, now() - (n % 3) * interval '1 microsecond' FROM generate_series(1, 12) n`,
        [region.partner, prefix],
      );
    }
  });

  afterAll(() => t?.close());

  /** Every account a caller reads with these filters, page after page. */
  const everyPage = async (token: string, variables: Record<string, unknown>, first: number): Promise<{ nodes: Listed[]; pages: number; total: number }> => {
    const nodes: Listed[] = [];
    let after: string | null = null;
    let pages = 0;
    let total = -1;
    for (;;) {
      const { users }: UsersListPageQuery = await t.runOk(UsersListPageDocument, { ...variables, first, after }, token);
      pages += 1;
      total = users.totalCount;
      nodes.push(...users.edges.map((e) => e.node));
      if (!users.pageInfo.hasNextPage) break;
      after = users.pageInfo.endCursor;
      expect(pages).toBeLessThan(50);
    }
    return { nodes, pages, total };
  };

  it('gives a coordinator its region’s accounts only, never another region’s, whatever it names', async () => {
    const { nodes, total } = await everyPage(net.ara.tokens.coordinator, {}, 100);
    // four seeded accounts and twelve agents of the region
    expect(total).toBe(16);
    expect(nodes.map((n) => n.organization?.region.code)).toEqual(Array(16).fill('ARA'));
    expect(nodes.map((n) => n.email)).toContain('coordinator@ara.test');
    expect(nodes.map((n) => n.email)).not.toContain('admin@platform.test');

    // naming the other region, or one of its organizations, narrows an empty scope: nothing leaks
    for (const filter of [{ regionId: net.bfc.id }, { organizationId: net.bfc.partner }]) {
      const { users } = await t.runOk(UsersListPageDocument, filter, net.ara.tokens.coordinator);
      expect(users).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    }
  });

  it('gives the administrator every account, itself included', async () => {
    const { nodes, total } = await everyPage(net.adminToken, {}, 100);
    expect(total).toBe(33);
    expect(new Set(nodes.map((n) => n.organization?.region.code ?? 'none'))).toEqual(new Set(['ARA', 'BFC', 'none']));
    expect(nodes.find((n) => n.email === 'admin@platform.test')).toMatchObject({ role: 'ADMIN', organization: null });
  });

  it('refuses everyone else, and answers no password hash', async () => {
    for (const token of [net.ara.tokens.donor, net.ara.tokens.refurbisher, net.ara.tokens.partner]) {
      expect(await t.runError(UsersListPageDocument, {}, token)).toBe('FORBIDDEN');
    }
    const res = await t.gql(`{ users(first: 1) { edges { node { passwordHash } } } }`, {}, net.adminToken);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/Cannot query field "passwordHash"/);
  });

  it('pages newest first without losing or repeating an account, even among accounts made in the same millisecond', async () => {
    const { nodes, pages, total } = await everyPage(net.ara.tokens.coordinator, {}, 5);
    expect(pages).toBe(4);
    expect(nodes).toHaveLength(total);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(total);
    const [{ newest }] = await t.dataSource.query(
      `SELECT u.email AS newest FROM "user" u JOIN organization o ON o.id = u.organization_id JOIN region r ON r.id = o.region_id
       WHERE r.code = 'ARA' ORDER BY date_trunc('milliseconds', u.created_at) DESC, u.id DESC LIMIT 1`,
    );
    expect(nodes[0]!.email).toBe(newest);
    // a cursor is read as strictly as any input
    expect(await t.runError(UsersListPageDocument, { after: 'not-a-cursor' }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
    expect(await t.runError(UsersListPageDocument, { first: 501 }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
    expect(await t.runError(UsersListPageDocument, { first: -1 }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
  });

  it('filters by organization, region and role, and shows deactivated accounts only when asked', async () => {
    const partners = await everyPage(net.adminToken, { organizationId: net.bfc.partner }, 100);
    expect(partners.total).toBe(13);
    expect(new Set(partners.nodes.map((n) => n.organization?.id))).toEqual(new Set([net.bfc.partner]));

    const bfc = await everyPage(net.adminToken, { regionId: net.bfc.id, role: 'REFURBISHER' }, 100);
    expect(bfc.nodes.map((n) => n.email)).toEqual(['refurbisher@bfc.test']);

    const coordinators = await everyPage(net.ara.tokens.coordinator, { role: 'COORDINATOR' }, 100);
    expect(coordinators.nodes.map((n) => n.email)).toEqual(['coordinator@ara.test']);

    const [agent] = await t.dataSource.query(`SELECT id FROM "user" WHERE email = 'agent3@ara.test'`);
    const { deactivateUser } = await t.runOk(UsersListDeactivateDocument, { userId: agent.id }, net.ara.tokens.coordinator);
    expect(deactivateUser.deactivatedAt).not.toBeNull();
    const active = await everyPage(net.ara.tokens.coordinator, { organizationId: net.ara.partner }, 100);
    expect(active.total).toBe(12);
    expect(active.nodes.map((n) => n.email)).not.toContain('agent3@ara.test');
    const all = await everyPage(net.ara.tokens.coordinator, { organizationId: net.ara.partner, includeDeactivated: true }, 100);
    expect(all.total).toBe(13);
    expect(all.nodes.find((n) => n.email === 'agent3@ara.test')?.deactivatedAt).toBe(deactivateUser.deactivatedAt);
  });

  it('refuses malformed filters as input', async () => {
    expect(await t.runError(UsersListPageDocument, { organizationId: 'nope' }, net.adminToken)).toBe('BAD_USER_INPUT');
    const res = await t.gql(`{ users(role: SUPERUSER) { totalCount } }`, {}, net.adminToken);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data ?? null).toBeNull();
  });
});
