import { AuthCreateUserDocument, AuthLoginDocument, AuthMeDocument } from './generated/graphql';
import { NetworkFixture, PASSWORD, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const LOGIN = AuthLoginDocument;
const ME = AuthMeDocument;

/** A new donor of ARA, created through the API, and its token. */
async function newUserToken(t: TestApp, net: NetworkFixture, email: string): Promise<string> {
  await t.runOk(AuthCreateUserDocument, { input: { email, password: PASSWORD, role: 'DONOR', organizationId: net.ara.donor } }, net.adminToken);
  return t.login(email, PASSWORD);
}

async function deleteUser(t: TestApp, email: string): Promise<void> {
  const [, deleted] = await t.dataSource.query(`DELETE FROM "user" WHERE email = $1`, [email]);
  expect(deleted).toBe(1);
}

describe('login and tokens', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    // Callers read from the database on each request: with AUTH_CACHE_SECONDS, a deleted user's
    // token keeps its cached caller that long (no operation deletes users yet, so none evicts it).
    t = await TestApp.start({ authCacheSeconds: 0 });
    await t.reset();
    net = await seedNetwork(t);
  });
  afterAll(() => t.close());
  beforeEach(() => t.dataSource.query('DELETE FROM login_failure'));

  it('a good login returns a token that identifies the user', async () => {
    const data = await t.runOk(LOGIN, { email: 'Coordinator@ARA.test', password: PASSWORD });
    expect(data.login.user).toEqual({ email: 'coordinator@ara.test', role: 'COORDINATOR', organization: { name: 'Coordination ARA' } });
    const me = await t.runOk(ME, {}, data.login.accessToken);
    expect(me.me.organization?.region.code).toBe('ARA');
  });

  it('a wrong password or an unknown email is UNAUTHENTICATED, with the same message', async () => {
    const wrong = await t.run(LOGIN, { email: 'donor@ara.test', password: 'nope-nope' });
    const unknown = await t.run(LOGIN, { email: 'nobody@ara.test', password: 'nope-nope' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('no token, a forged token or a token of a deleted user is UNAUTHENTICATED', async () => {
    expect(await t.runError(ME, {})).toBe('UNAUTHENTICATED');
    expect(await t.runError(ME, {}, 'not.a.jwt')).toBe('UNAUTHENTICATED');
    const forged = net.ara.tokens.donor.slice(0, -4) + 'AAAA';
    expect(await t.runError(ME, {}, forged)).toBe('UNAUTHENTICATED');

    // a valid signature of a user who is gone: the token is checked against the database
    const token = await newUserToken(t, net, 'leaving@ara.test');
    expect((await t.runOk(ME, {}, token)).me.email).toBe('leaving@ara.test');
    await deleteUser(t, 'leaving@ara.test');
    expect(await t.runError(ME, {}, token)).toBe('UNAUTHENTICATED');
  });

  it('refuses an account after 5 failures in the window, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect(await t.runError(LOGIN, { email: 'partner@ara.test', password: `guess-${i}` })).toBe('UNAUTHENTICATED');
    expect(await t.runError(LOGIN, { email: 'partner@ara.test', password: PASSWORD })).toBe('RATE_LIMITED');
    // other accounts behind the same address are not locked out
    await t.runOk(LOGIN, { email: 'partner@bfc.test', password: PASSWORD });
  });

  it('refuses an address that fails on many accounts', async () => {
    for (let i = 0; i < 30; i++) await t.run(LOGIN, { email: `spray-${i}@x.test`, password: 'password1' });
    expect(await t.runError(LOGIN, { email: 'donor@bfc.test', password: PASSWORD })).toBe('RATE_LIMITED');
  });

  it('does not throttle a whole office logging in successfully (60 good logins in a row)', async () => {
    const emails = ['coordinator', 'donor', 'refurbisher', 'partner'].flatMap((r) => [`${r}@ara.test`, `${r}@bfc.test`]);
    for (let i = 0; i < 60; i++) {
      const res = await t.run(LOGIN, { email: emails[i % emails.length], password: PASSWORD });
      expect(res.errors).toBeUndefined();
    }
  });
});
