import { parse } from 'graphql';
import request from 'supertest';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

/** A document whose alias, pasted into generated JavaScript, would run code in the server. */
function hostileDocument(): unknown {
  const document = JSON.parse(JSON.stringify(parse('{ __typename }', { noLocation: true }))) as any;
  document.definitions[0].selectionSet.selections[0].alias = { kind: 'Name', value: 'a": (globalThis.__hostileRan = true, "x"), "b' };
  return document;
}

describe('only GraphQL source text reaches the executor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
  });
  afterAll(() => t.close());
  afterEach(() => delete (globalThis as any).__hostileRan);

  const post = (body: unknown) =>
    request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(body as object);

  it('a pre-parsed document (an object as `query`) is refused and nothing runs, however often it is sent', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await post({ query: hostileDocument() });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.data ?? null).toBeNull();
    }
    expect((globalThis as any).__hostileRan).toBeUndefined();
  });

  it('a JSON-encoded document (a string that is not GraphQL) is refused and nothing runs, however often it is sent', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await post({ query: JSON.stringify(hostileDocument()) });
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.data ?? null).toBeNull();
    }
    expect((globalThis as any).__hostileRan).toBeUndefined();
  });

  it('a list as `query` (GET ?query=a&query=b) is refused', async () => {
    const res = await request(t.app.getHttpServer()).get('/graphql').query('query=%7B__typename%7D&query=%7B__typename%7D');
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('the same query as text still works, compiled or not', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await post({ query: '{ a: __typename }' });
      expect(res.body).toEqual({ data: { a: 'Query' } });
    }
  });
});

describe('what HTTP requests may execute', () => {
  let t: TestApp;
  let net: NetworkFixture;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
  });
  afterAll(() => t.close());

  const LOGIN = 'mutation { login(email: "donor@ara.test", password: "wrong-wrong-wrong") { accessToken } }';

  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded', `query=${encodeURIComponent(LOGIN)}`],
    ['multipart', 'multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${LOGIN}\r\n--x--\r\n`],
    ['text/plain', 'text/plain', JSON.stringify({ query: LOGIN })],
    ['application/graphql', 'application/graphql', LOGIN],
  ])('a %s POST (what a page on another site can send unasked) executes nothing', async (_name, type, body) => {
    const before = await t.count('login_failure');
    const res = await request(t.app.getHttpServer()).post('/graphql').set('content-type', type).send(body);
    expect(res.status).toBe(415);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await t.count('login_failure')).toBe(before);
  });

  it('a mutation sent by GET is a client error (405), not a server error, and executes nothing', async () => {
    const before = await t.count('login_failure');
    const res = await request(t.app.getHttpServer()).get('/graphql').query({ query: LOGIN });
    expect(res.status).toBe(405);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await t.count('login_failure')).toBe(before);
  });

  it('a query by GET still works', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/graphql')
      .query({ query: '{ me { email } }' })
      .set('authorization', `Bearer ${net.ara.tokens.donor}`);
    expect(res.body).toEqual({ data: { me: { email: 'donor@ara.test' } } });
  });

  it('variables that are not an object are refused', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }', variables: [1] });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('no request holds the server', () => {
  let t: TestApp;
  let net: NetworkFixture;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
  });
  afterAll(() => t.close());

  const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

  it('thousands of aliases of `me` are refused before anything runs', async () => {
    const res = await t.gql(aliases(5000, 'me { id }'), {}, net.ara.tokens.donor);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.data ?? null).toBeNull();
  });

  it('more top-level fields than allowed are refused, with the limit named', async () => {
    const res = await t.gql(aliases(21, 'me { id }'), {}, net.ara.tokens.donor);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toMatch(/21 top-level fields; at most 20/);
    expect((await t.gql(aliases(20, 'me { id }'), {}, net.ara.tokens.donor)).errors).toBeUndefined();
  });

  it('tens of thousands of aliased __typename are refused', async () => {
    const res = await t.gql(`{ me { ${Array.from({ length: 56_000 }, (_, i) => `t${i}: __typename`).join(' ')} } }`, {}, net.ara.tokens.donor);
    expect(res.errors?.[0]?.extensions?.code).toMatch(/QUERY_TOO_COMPLEX|BAD_USER_INPUT/);
    expect(res.data ?? null).toBeNull();
  });

  it('aliases count in the cost: a nested list asked many times over is refused', async () => {
    const page = 'devices(first: 500) { edges { node { id serialNumber history { at action } } } }';
    const res = await t.gql(`{ ${Array.from({ length: 5 }, (_, i) => `p${i}: ${page}`).join(' ')} }`, {}, net.ara.tokens.coordinator);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('fragments spread into each other many times are weighed at once and refused', async () => {
    const levels = 40;
    const fragments = [`fragment F0 on Query { me { id email role } }`];
    for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    const res = await t.gql(`{ ...F${levels} } ${fragments.join(' ')}`, {}, net.ara.tokens.donor);
    // the same field reached twice is one field when executed; neither weighing nor execution explodes
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ me: { id: expect.any(String), email: 'donor@ara.test', role: 'DONOR' } });

    const nested = [`fragment U0 on User { id email role }`];
    for (let i = 1; i <= levels; i++) nested.push(`fragment U${i} on User { ...U${i - 1} ...U${i - 1} }`);
    const below = await t.gql(`{ me { ...U${levels} } } ${nested.join(' ')}`, {}, net.ara.tokens.donor);
    // below the root the weighing counts each spread (it cannot know the fields merge): refused, at once
    expect(below.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('a literal nested thousands deep is refused with a code, not a server error', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const res = await t.gql(`{ devices(first: ${deep}) { totalCount } }`, {}, net.ara.tokens.coordinator);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('variables nested thousands deep are refused with a code, not a server error', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    const res = await t.gql('query($n: Int) { devices(first: $n) { totalCount } }', { n: deep }, net.ara.tokens.coordinator);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an ordinary screen fits: 50 orders with their lines and devices', async () => {
    const res = await t.gql(
      `{ orders(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
          id reference status createdAt neededBy partner { id name }
          lines { id category profile quantity allocatedQuantity shippedQuantity deliveredQuantity
            devices { id serialNumber status category grade } } } } } }`,
      {},
      net.ara.tokens.partner,
    );
    expect(res.errors).toBeUndefined();
  });

  it('a refused cost says what to lower', async () => {
    const res = await t.gql(
      `{ orders(first: 500) { edges { node { id reference lines { id quantity devices { id serialNumber status category grade history { at action } } } } } } }`,
      {},
      net.ara.tokens.partner,
    );
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(error?.message).toMatch(/`orders` \(first: 500/);
    const details = error?.extensions?.details as { cost: number; limit: number; largest: { field: string; first: number; firstThatFits: number } };
    expect(details.largest).toMatchObject({ field: 'orders', first: 500 });
    expect(details.cost).toBeGreaterThan(details.limit);
    // the advice is right: the page it names fits
    const fits = await t.gql(
      `{ orders(first: ${details.largest.firstThatFits}) { edges { node { id reference lines { id quantity devices { id serialNumber status category grade history { at action } } } } } } }`,
      {},
      net.ara.tokens.partner,
    );
    expect(fits.errors).toBeUndefined();
  });
});

describe('in production, the schema is not handed to strangers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ graphqlIntrospection: false });
  });
  afterAll(() => t.close());

  it('introspection is refused', async () => {
    const res = await t.gql('{ __schema { types { name } } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data ?? null).toBeNull();
  });

  it('errors make no "did you mean" guesses', async () => {
    const res = await t.gql('{ organisations { id } }');
    expect(res.errors?.[0]?.message).toMatch(/Cannot query field "organisations"/);
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const enumRes = await t.gql('query($k: OrganizationKind) { organizations(kind: $k) { id } }', { k: 'DONNOR' });
    expect(enumRes.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('__typename still answers (clients use it)', async () => {
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});
