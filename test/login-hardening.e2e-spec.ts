import { randomInt } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import request from 'supertest';
import { LoginHardeningCreateUserDocument, LoginHardeningLoginDocument, LoginHardeningMeDocument, LoginHardeningTypenameDocument } from './generated/graphql';
import { NetworkFixture, PASSWORD, seedNetwork } from './support/network-fixture';
import { GqlResponse, TestApp } from './support/test-app';
import { sourceOf } from './support/typed-client';

const LOGIN = LoginHardeningLoginDocument;
const CREATE_USER = LoginHardeningCreateUserDocument;
const ME = LoginHardeningMeDocument;
const TYPENAME = LoginHardeningTypenameDocument;

/** An address of this run only (documentation ranges are not used: a rerun must not meet the last run's counts). */
const someAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function post<TResult, TVariables>(
  t: TestApp,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  headers: Record<string, string> = {},
) {
  const req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) req.set(name, value);
  const res = await req.send({ query: sourceOf(document), variables });
  return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as GqlResponse<TResult> };
}

/** A login as it reaches the API through a proxy that says the client is `from`. */
async function login(t: TestApp, email: string, password: string, from: string) {
  const { body } = await post(t, LOGIN, { email, password }, { 'x-forwarded-for': from });
  const error = body.errors?.[0];
  return {
    code: error?.extensions?.code ?? 'OK',
    details: error?.extensions?.details as { retryAfterSeconds?: number } | undefined,
    token: body.data?.login.accessToken,
  };
}

const failuresOf = async (t: TestApp, email: string): Promise<Array<{ ip: string }>> =>
  t.dataSource.query(`SELECT ip FROM login_failure WHERE email = $1`, [email]);

describe('login throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    // behind a proxy on this machine, so that tests can speak from many addresses
    t = await TestApp.start({
      trustProxy: ['loopback'],
      loginFailuresPerAccountAddress: 5,
      loginFailuresPerAddress: 10,
      loginFailuresPerAccount: 6,
      loginWindowMinutes: 15,
    });
    await t.reset();
    await seedNetwork(t);
  });
  afterAll(() => t.close());
  beforeEach(() => t.dataSource.query('DELETE FROM login_failure'));

  it('checks at most 5 of 24 simultaneous wrong passwords from one address; the owner still logs in from elsewhere', async () => {
    const attacker = someAddress();
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => login(t, 'partner@ara.test', `guess-number-${i}`, attacker)));
    const codes = answers.map((a) => a.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(19);
    expect(await failuresOf(t, 'partner@ara.test')).toEqual(Array(5).fill({ ip: attacker }));

    const refused = await login(t, 'partner@ara.test', PASSWORD, attacker);
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.details?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(refused.details?.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect((await login(t, 'partner@ara.test', PASSWORD, someAddress())).code).toBe('OK');
  });

  it('refuses an address that fails on many accounts, for every account, and no other address', async () => {
    const sprayer = someAddress();
    for (let i = 0; i < 10; i++) expect((await login(t, `spray-${i}@nowhere.test`, 'password-guess', sprayer)).code).toBe('UNAUTHENTICATED');
    expect((await login(t, 'donor@ara.test', PASSWORD, sprayer)).code).toBe('RATE_LIMITED');
    expect((await login(t, 'donor@ara.test', PASSWORD, someAddress())).code).toBe('OK');
  });

  it('blocks a pair that comes back for a second round twice as long', async () => {
    const from = someAddress();
    // a first round of five failures, 40 minutes ago: its 15-minute block is over
    await t.dataSource.query(
      `INSERT INTO login_failure (email, ip, at) SELECT 'donor@bfc.test', $1, now() - interval '40 minutes' FROM generate_series(1, 5)`,
      [from],
    );
    for (let i = 0; i < 5; i++) expect((await login(t, 'donor@bfc.test', `second-round-${i}`, from)).code).toBe('UNAUTHENTICATED');
    const refused = await login(t, 'donor@bfc.test', PASSWORD, from);
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.details?.retryAfterSeconds).toBeGreaterThan(25 * 60);
  });

  it('slows distributed guessing on one account past its ceiling, and never locks its owner out', async () => {
    // five addresses, two tries each: none reaches its own limit, the account passes its ceiling of 6
    for (let i = 0; i < 5; i++) {
      const from = someAddress();
      for (let k = 0; k < 2; k++) expect((await login(t, 'refurbisher@ara.test', `botnet-${i}-${k}`, from)).code).toBe('UNAUTHENTICATED');
    }
    // 10 failures against a ceiling of 6: the next try waits 100 ms × 2^4 before its check
    const started = Date.now();
    const owner = await login(t, 'refurbisher@ara.test', PASSWORD, someAddress());
    expect(owner.code).toBe('OK');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1550);
    // a correct login is not a failure: nothing of it is kept
    expect(await failuresOf(t, 'refurbisher@ara.test')).toHaveLength(10);
  });

  it('never throttles good logins, even from an address that has failed a few times', async () => {
    const office = someAddress();
    for (let i = 0; i < 4; i++) await login(t, 'coordinator@bfc.test', `typo-${i}`, office);
    const emails = ['coordinator', 'donor', 'refurbisher', 'partner'].flatMap((r) => [`${r}@ara.test`, `${r}@bfc.test`]);
    for (let i = 0; i < 16; i++) expect((await login(t, emails[i % emails.length]!, PASSWORD, office)).code).toBe('OK');
    expect(await t.count('login_failure')).toBe(4);
  });
});

describe('the client address', () => {
  it('is the connection, whatever X-Forwarded-For says, when no proxy is trusted', async () => {
    const t = await TestApp.start({ trustProxy: false, loginFailuresPerAccountAddress: 3 });
    try {
      await t.dataSource.query('DELETE FROM login_failure');
      for (let i = 0; i < 3; i++) expect((await login(t, 'forged@nowhere.test', `guess-${i}`, someAddress())).code).toBe('UNAUTHENTICATED');
      // a fresh forged address changes nothing: the three failures were all counted against this connection
      expect((await login(t, 'forged@nowhere.test', 'guess-3', someAddress())).code).toBe('RATE_LIMITED');
      const ips = (await failuresOf(t, 'forged@nowhere.test')).map((f) => f.ip);
      expect(ips).toHaveLength(3);
      for (const ip of ips) expect(ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    } finally {
      await t.close();
    }
  });
});

describe('the password policy where accounts are made', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
  });
  afterAll(() => t.close());

  it('refuses short, common and e-mail-derived passwords with a reason, and takes a passphrase', async () => {
    const create = (email: string, password: string) =>
      t.run(CREATE_USER, { input: { email, password, role: 'DONOR', organizationId: net.ara.donor } }, net.ara.tokens.coordinator);
    const reasons = async (email: string, password: string) => {
      const res = await create(email, password);
      return [res.errors?.[0]?.extensions?.code, (res.errors?.[0]?.extensions?.details as { reason?: string } | undefined)?.reason];
    };
    expect(await reasons('anne.martin@ccas-bron.fr', 'tiny-pass')).toEqual(['BAD_USER_INPUT', 'PASSWORD_TOO_SHORT']);
    expect(await reasons('anne.martin@ccas-bron.fr', 'Motdepasse2024!')).toEqual(['BAD_USER_INPUT', 'PASSWORD_TOO_COMMON']);
    expect(await reasons('anne.martin@ccas-bron.fr', 'azertyuiop123')).toEqual(['BAD_USER_INPUT', 'PASSWORD_TOO_COMMON']);
    expect(await reasons('anne.martin@ccas-bron.fr', 'Martin-Bron-1987')).toEqual(['BAD_USER_INPUT', 'PASSWORD_CONTAINS_EMAIL']);
    expect(await t.count('user')).toBe(9);
    const made = await create('anne.martin@ccas-bron.fr', 'Vélo-Pluie-Tartine-42');
    expect(made.errors).toBeUndefined();
    await t.login('anne.martin@ccas-bron.fr', 'Vélo-Pluie-Tartine-42');
  });
});

describe('the general request limit', () => {
  let seeded: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    seeded = await TestApp.start();
    await seeded.reset();
    net = await seedNetwork(seeded);
  });
  afterAll(() => seeded.close());

  it('refuses the 6th request of a minute with 429 and RATE_LIMITED, per user and per address, sparing health probes', async () => {
    const t = await TestApp.start({ rateLimitPerMinute: 5, trustProxy: ['loopback'] });
    try {
      const anonymous = someAddress();
      for (let i = 0; i < 5; i++) expect((await post(t, TYPENAME, {}, { 'x-forwarded-for': anonymous })).status).toBe(200);
      const refused = await post(t, TYPENAME, {}, { 'x-forwarded-for': anonymous });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(refused.body.errors?.[0]?.extensions).toEqual({
        code: 'RATE_LIMITED',
        reason: 'RATE_LIMITED',
        details: { retryAfterSeconds: Number(refused.headers['retry-after']) },
      });
      // another address is not affected, and health probes are never counted
      expect((await post(t, TYPENAME, {}, { 'x-forwarded-for': someAddress() })).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await request(t.app.getHttpServer()).get('/health').set('x-forwarded-for', anonymous)).status).not.toBe(429);

      // a signed-in user has a count of their own, wherever they connect from; a forged token does not
      const donor = { authorization: `Bearer ${net.ara.tokens.donor}` };
      for (let i = 0; i < 5; i++) expect((await post(t, ME, {}, { ...donor, 'x-forwarded-for': someAddress() })).body.errors).toBeUndefined();
      expect((await post(t, ME, {}, { ...donor, 'x-forwarded-for': someAddress() })).status).toBe(429);
      expect((await post(t, ME, {}, { authorization: `Bearer ${net.ara.tokens.partner}` })).body.data?.me).toEqual({ email: 'partner@ara.test' });
      const forged = { authorization: `Bearer ${net.ara.tokens.donor.slice(0, -4)}AAAA`, 'x-forwarded-for': anonymous };
      expect((await post(t, ME, {}, forged)).status).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('keeps the API answering when Redis is unreachable, counting in memory instead', async () => {
    const t = await TestApp.start({ rateLimitPerMinute: 5, redisUrl: 'redis://127.0.0.1:1' });
    try {
      const token = { authorization: `Bearer ${net.bfc.tokens.coordinator}` };
      for (let i = 0; i < 5; i++) expect((await post(t, ME, {}, token)).body.data?.me).toEqual({ email: 'coordinator@bfc.test' });
      expect((await post(t, ME, {}, token)).status).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('is off at RATE_LIMIT_PER_MINUTE=0', async () => {
    const t = await TestApp.start({ rateLimitPerMinute: 0 });
    try {
      for (let i = 0; i < 12; i++) expect((await post(t, TYPENAME, {})).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
