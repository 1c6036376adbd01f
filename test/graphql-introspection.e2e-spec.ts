import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import WebSocket from 'ws';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

/** What the console's explorer sends first: the whole schema, as GraphiQL asks for it. */
const FULL_INTROSPECTION = getIntrospectionQuery();

describe('in production, introspection answers an authenticated ADMIN only', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    // introspection off, as NODE_ENV=production leaves it without GRAPHQL_INTROSPECTION
    t = await TestApp.start({ graphqlIntrospection: false });
    await t.reset();
    net = await seedNetwork(t);
  });
  afterAll(() => t.close());

  it('an ADMIN gets the whole schema, within the query limits every caller has', async () => {
    const res = await t.gql<{ __schema: { queryType: { name: string }; types: Array<{ name: string }> } }>(FULL_INTROSPECTION, {}, net.adminToken);
    expect(res.errors).toBeUndefined();
    expect(res.data?.__schema.queryType.name).toBe('Query');
    expect(res.data?.__schema.types.map((type) => type.name)).toEqual(expect.arrayContaining(['Donation', 'PartnerOrder', 'Notification']));
    // the same text again is served from Mercurius' cache of validated queries: still the ADMIN's
    expect((await t.gql(FULL_INTROSPECTION, {}, net.adminToken)).errors).toBeUndefined();
  });

  it('a coordinator, a refurbisher and an anonymous caller are refused, even after an ADMIN ran the same text', async () => {
    for (const token of [net.ara.tokens.coordinator, net.ara.tokens.refurbisher, undefined]) {
      const res = await t.gql(FULL_INTROSPECTION, {}, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/introspection has been disabled/);
      expect(res.data ?? null).toBeNull();
    }
    // hidden inside an ordinary query, by a caller allowed the rest
    const mixed = await t.gql('{ me { email } __type(name: "Donation") { fields { name } } }', {}, net.ara.tokens.coordinator);
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(mixed.data ?? null).toBeNull();
  });

  it('a forged or tampered ADMIN token opens nothing', async () => {
    const [header, payload] = net.adminToken.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const res = await t.gql('{ __schema { queryType { name } } }', {}, forged);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data ?? null).toBeNull();
  });

  it('ordinary queries and __typename are untouched', async () => {
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect((await t.gql('{ me { email } }', {}, net.ara.tokens.coordinator)).data).toEqual({ me: { email: 'coordinator@ara.test' } });
  });

  it('the WebSocket is no way round: it runs subscriptions only', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${net.ara.tokens.coordinator}` },
      retryAttempts: 0,
    });
    try {
      const answer = await new Promise<unknown>((resolve) => {
        let data: unknown = null;
        client.subscribe(
          { query: '{ __schema { queryType { name } } }' },
          { next: (value) => (data = value.data ?? null), error: (errors) => resolve({ data, errors }), complete: () => resolve({ data }) },
        );
      });
      expect(answer).toMatchObject({ data: null, errors: [{ message: expect.stringMatching(/Invalid operation/) }] });
    } finally {
      await client.dispose();
    }
  });

  it("Mercurius' GraphiQL (from a CDN) is gone: its address leads to the console's explorer", async () => {
    const res = await request(t.app.getHttpServer()).get('/graphiql');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/explorer');
    expect((await request(t.app.getHttpServer()).get('/graphiql/main.js')).status).toBe(404);
  });
});
