import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Role } from '@app/common';
import { AuthService, CallerCache, PasswordResetRequested, UserAccounts } from '@app/auth';
import { EventPhase, TransactionEvents } from '@app/database';
import {
  AccountsChangePasswordDocument,
  AccountsDeactivateDocument,
  AccountsIssueResetDocument,
  AccountsLoginDocument,
  AccountsMeDocument,
  AccountsReactivateDocument,
  AccountsRequestResetDocument,
  AccountsResetPasswordDocument,
  AccountsUpdateUserDocument,
} from './generated/graphql';
import { compiledEntry } from './support/compiled-build';
import { NetworkFixture, PASSWORD, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';
import { TEST_DATABASE_URL, TEST_QUEUE_PREFIX, TEST_REDIS_URL } from './support/test-database';
import { fixturePasswordHash } from './support/test-password';

const ROOT = join(__dirname, '..');
const JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
const NEW_PASSWORD = 'lanterne-violette-fjord';
const ROLES = ['admin', 'coordinator', 'donor', 'refurbisher', 'partner'] as const;
type RoleName = (typeof ROLES)[number];

let counter = 0;

describe('accounts run day to day', () => {
  let t: TestApp;
  let net: NetworkFixture;
  const tokens = {} as Record<RoleName, string>;
  /** self-service reset links, as the e-mail sender would get them */
  const requested: PasswordResetRequested[] = [];

  const idOf = async (email: string): Promise<string> => (await t.dataSource.query(`SELECT id FROM "user" WHERE email = $1`, [email]))[0].id as string;
  const orgOf = (role: RoleName, region: 'ara' | 'bfc' = 'ara'): string | null =>
    role === 'admin' ? null : role === 'coordinator' ? net[region].coordinatorOrg : net[region][role];

  let passwordHash: Promise<string> | undefined;
  /** A fresh account of that role (in ARA unless said) and a token as login issues it (login itself is tested in auth). */
  const account = async (role: RoleName, region: 'ara' | 'bfc' = 'ara') => {
    const email = `acc-${role}-${++counter}@${region}.test`;
    passwordHash ??= fixturePasswordHash(PASSWORD);
    const [row] = await t.dataSource.query(`INSERT INTO "user" (email, password_hash, role, organization_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
      email,
      await passwordHash,
      role.toUpperCase(),
      orgOf(role, region),
    ]);
    const id = row.id as string;
    return { id, email, token: t.app.get(AuthService).issueToken({ id, role: role.toUpperCase() as Role, tokenVersion: 0 }) };
  };

  const code = async (res: Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>): Promise<string> =>
    (await res).errors?.[0]?.extensions?.code ?? 'OK';
  const meCode = (app: TestApp, token: string) => code(app.run(AccountsMeDocument, {}, token));
  const loginCode = (email: string, password: string) => code(t.run(AccountsLoginDocument, { email, password }));

  beforeAll(async () => {
    // the caller cache on, as in production: every refusal below must beat it
    t = await TestApp.start({ authCacheSeconds: 30, publicUrl: 'https://reemploi.example.org' });
    await t.reset();
    net = await seedNetwork(t);
    for (const role of ROLES) tokens[role] = role === 'admin' ? net.adminToken : net.ara.tokens[role];
    t.app.get(TransactionEvents).subscribe(PasswordResetRequested, 'test.reset-links', EventPhase.OWNER, async (_, event) => void requested.push(event));
  }, 60_000);
  afterAll(() => t?.close());
  beforeEach(() => t.dataSource.query('DELETE FROM login_failure'));

  describe('changePassword', () => {
    it.each(ROLES)('as %s: ends every session but the one the answer gives, and the old password', async (role) => {
      const me = await account(role);
      const otherSession = await t.login(me.email, PASSWORD);
      const res = await t.runOk(AccountsChangePasswordDocument, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, me.token);
      expect(res.changePassword.user.email).toBe(me.email);
      expect(await meCode(t, res.changePassword.accessToken)).toBe('OK');
      expect(await meCode(t, me.token)).toBe('UNAUTHENTICATED');
      expect(await meCode(t, otherSession)).toBe('UNAUTHENTICATED');
      expect(await loginCode(me.email, PASSWORD)).toBe('UNAUTHENTICATED');
      expect(await loginCode(me.email, NEW_PASSWORD)).toBe('OK');
    });

    it('applies the password policy and refuses the same password', async () => {
      const me = await account('donor');
      const short = await t.run(AccountsChangePasswordDocument, { currentPassword: PASSWORD, newPassword: 'short' }, me.token);
      expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'PASSWORD_TOO_SHORT' } });
      const common = await t.run(AccountsChangePasswordDocument, { currentPassword: PASSWORD, newPassword: 'P@ssw0rd2024!' }, me.token);
      expect(common.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'PASSWORD_TOO_COMMON' } });
      expect(await code(t.run(AccountsChangePasswordDocument, { currentPassword: PASSWORD, newPassword: PASSWORD }, me.token))).toBe('BAD_USER_INPUT');
      expect(await meCode(t, me.token)).toBe('OK');
    });

    it('a wrong current password is a failed login: five and even the right one waits', async () => {
      const me = await account('partner');
      for (let i = 0; i < 5; i++) {
        const res = await t.run(AccountsChangePasswordDocument, { currentPassword: `guess-${i}-guess`, newPassword: NEW_PASSWORD }, me.token);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'WRONG_PASSWORD' } });
      }
      expect(await t.count('login_failure')).toBe(5);
      expect(await code(t.run(AccountsChangePasswordDocument, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, me.token))).toBe('RATE_LIMITED');
      expect(await loginCode(me.email, PASSWORD)).toBe('RATE_LIMITED');
    });

    it('needs a signed-in caller', async () => {
      expect(await code(t.run(AccountsChangePasswordDocument, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('requestPasswordReset and resetPassword', () => {
    const requestTimed = async (email: string) => {
      const started = process.hrtime.bigint();
      const res = await t.run(AccountsRequestResetDocument, { email });
      return { res, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };

    it('answers the same, in about the same time, for an unknown address; only a real account gets a link (its hash stored)', async () => {
      const me = await account('donor');
      requested.length = 0;
      const known = await requestTimed(me.email.toUpperCase());
      const unknown = await requestTimed(`nobody-${counter}@ara.test`);
      expect(known.res).toEqual(unknown.res);
      expect(known.res).toEqual({ data: { requestPasswordReset: true } });
      expect(known.ms).toBeGreaterThanOrEqual(290);
      expect(unknown.ms).toBeGreaterThanOrEqual(290);
      expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(200);
      expect(requested.map((e) => e.userId)).toEqual([me.id]);
      const link = requested[0]!.link;
      expect(link).toMatch(/^https:\/\/reemploi\.example\.org\/reinitialiser\?token=[A-Za-z0-9_-]{43}$/);
      const rows = await t.dataSource.query(`SELECT token_hash, used_at, expires_at - created_at AS ttl FROM password_reset WHERE user_id = $1`, [me.id]);
      expect(rows).toHaveLength(1);
      // only the hash: the token itself is nowhere in the database
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].token_hash).not.toContain(new URL(link).searchParams.get('token'));
      expect(rows[0].ttl.minutes ?? rows[0].ttl.hours * 60).toBeGreaterThanOrEqual(59);
    });

    it('is throttled per address and e-mail the same way for known and unknown addresses', async () => {
      const me = await account('refurbisher');
      for (const email of [me.email, `ghost-${counter}@ara.test`]) {
        for (let i = 0; i < 5; i++) expect(await code(t.run(AccountsRequestResetDocument, { email }))).toBe('OK');
        expect(await code(t.run(AccountsRequestResetDocument, { email }))).toBe('RATE_LIMITED');
      }
      // the owner's logins are not blocked by reset requests for their address
      expect(await loginCode(me.email, PASSWORD)).toBe('OK');
    });

    it('a link sets a new password once; every old token ends; failed logins are forgotten', async () => {
      const me = await account('partner');
      requested.length = 0;
      await t.runOk(AccountsRequestResetDocument, { email: me.email });
      const token = new URL(requested[0]!.link).searchParams.get('token')!;
      await t.run(AccountsLoginDocument, { email: me.email, password: 'wrong-wrong-wrong' });
      expect(await t.count('login_failure')).toBeGreaterThan(0);

      const weak = await t.run(AccountsResetPasswordDocument, { token, newPassword: 'azerty123456' });
      expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'PASSWORD_TOO_COMMON' } });
      expect(await t.runOk(AccountsResetPasswordDocument, { token, newPassword: NEW_PASSWORD })).toEqual({ resetPassword: true });
      expect(await t.dataSource.query(`SELECT 1 FROM login_failure WHERE email = $1`, [me.email])).toEqual([]);
      expect(await meCode(t, me.token)).toBe('UNAUTHENTICATED');
      expect(await loginCode(me.email, NEW_PASSWORD)).toBe('OK');

      const again = await t.run(AccountsResetPasswordDocument, { token, newPassword: 'une-autre-phrase-longue' });
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'RESET_LINK_INVALID' } });
      expect(await loginCode(me.email, NEW_PASSWORD)).toBe('OK');
    });

    it('an expired link, a wrong token and a superseded link are refused alike; wrong tokens are throttled', async () => {
      const me = await account('donor');
      const meId = me.id;
      const first = (await t.runOk(AccountsIssueResetDocument, { userId: meId }, net.adminToken)).issuePasswordReset.link;
      const second = (await t.runOk(AccountsIssueResetDocument, { userId: meId }, net.adminToken)).issuePasswordReset.link;
      const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
      expect(await code(t.run(AccountsResetPasswordDocument, { token: tokenOf(first), newPassword: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
      await t.dataSource.query(`UPDATE password_reset SET expires_at = now() - interval '1 minute' WHERE user_id = $1 AND used_at IS NULL`, [meId]);
      expect(await code(t.run(AccountsResetPasswordDocument, { token: tokenOf(second), newPassword: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
      for (let i = 0; i < 3; i++)
        expect(await code(t.run(AccountsResetPasswordDocument, { token: `made-up-${i}`, newPassword: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
      expect(await code(t.run(AccountsResetPasswordDocument, { token: 'made-up-again', newPassword: NEW_PASSWORD }))).toBe('RATE_LIMITED');
      expect(await loginCode(me.email, PASSWORD)).toBe('OK');
    });
  });

  describe('issuePasswordReset, updateUser, deactivateUser, reactivateUser: who may', () => {
    /** per role, the answer about a donor of its region, a donor of the other region and a coordinator of its region */
    const EXPECTED: Record<RoleName, { own: string; foreign: string; staff: string }> = {
      admin: { own: 'OK', foreign: 'OK', staff: 'OK' },
      coordinator: { own: 'OK', foreign: 'NOT_FOUND', staff: 'FORBIDDEN' },
      donor: { own: 'FORBIDDEN', foreign: 'FORBIDDEN', staff: 'FORBIDDEN' },
      refurbisher: { own: 'FORBIDDEN', foreign: 'FORBIDDEN', staff: 'FORBIDDEN' },
      partner: { own: 'FORBIDDEN', foreign: 'FORBIDDEN', staff: 'FORBIDDEN' },
    };
    const OPERATIONS = {
      issuePasswordReset: (userId: string, token: string) => code(t.run(AccountsIssueResetDocument, { userId }, token)),
      updateUser: (userId: string, token: string) => code(t.run(AccountsUpdateUserDocument, { userId, name: 'Camille Martin' }, token)),
      deactivateUser: (userId: string, token: string) => code(t.run(AccountsDeactivateDocument, { userId }, token)),
      reactivateUser: (userId: string, token: string) => code(t.run(AccountsReactivateDocument, { userId }, token)),
    };
    const cases = (Object.keys(OPERATIONS) as Array<keyof typeof OPERATIONS>).flatMap((op) => ROLES.map((role) => [op, role] as const));

    it.each(cases)('%s as %s', async (op, role) => {
      const targets = { own: await account('donor'), foreign: await account('donor', 'bfc'), staff: await account('coordinator') };
      const seen: Record<string, string> = {};
      for (const [target, user] of Object.entries(targets)) seen[target] = await OPERATIONS[op](user.id, tokens[role]);
      expect(seen).toEqual(EXPECTED[role]);
    });

    it('a coordinator cannot act on an administrator (not in its region) nor give staff roles', async () => {
      const admin = await idOf('admin@platform.test');
      expect(await OPERATIONS.deactivateUser(admin, tokens.coordinator)).toBe('NOT_FOUND');
      const donor = await account('donor');
      expect(await code(t.run(AccountsUpdateUserDocument, { userId: donor.id, role: 'COORDINATOR' }, tokens.coordinator))).toBe('FORBIDDEN');
    });

    it("a coordinator issues a link to its region's user, who resets with it", async () => {
      const user = await account('refurbisher');
      const { link, expiresAt } = (await t.runOk(AccountsIssueResetDocument, { userId: user.id }, tokens.coordinator)).issuePasswordReset;
      expect(link.startsWith('https://reemploi.example.org/reinitialiser?token=')).toBe(true);
      expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(55 * 60_000);
      await t.runOk(AccountsResetPasswordDocument, { token: new URL(link).searchParams.get('token')!, newPassword: NEW_PASSWORD });
      expect(await meCode(t, user.token)).toBe('UNAUTHENTICATED');
      expect(await loginCode(user.email, NEW_PASSWORD)).toBe('OK');
    });
  });

  describe('updateUser', () => {
    it('renames; the role must be the one of the organization kind', async () => {
      const user = await account('donor');
      expect((await t.runOk(AccountsUpdateUserDocument, { userId: user.id, name: 'Dominique Petit', role: 'DONOR' }, tokens.coordinator)).updateUser).toEqual({
        id: user.id,
        name: 'Dominique Petit',
        role: 'DONOR',
      });
      // the same role keeps the sessions
      expect(await meCode(t, user.token)).toBe('OK');
      const wrong = await t.run(AccountsUpdateUserDocument, { userId: user.id, role: 'PARTNER' }, net.adminToken);
      expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(wrong.errors?.[0]?.message).toContain('A user of a DONOR organization has role DONOR');
      const tooLong = await t.run(AccountsUpdateUserDocument, { userId: user.id, name: 'x'.repeat(201) }, net.adminToken);
      expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('a role change ends the tokens issued with the old role, in every process', async () => {
      const user = await account('partner');
      expect(await meCode(t, user.token)).toBe('OK');
      // no organization kind allows two roles today: the change is made where the owner allows it
      await t.dataSource.transaction((manager) => UserAccounts.update(manager, user.id, { name: null, role: Role.DONOR }));
      await t.app.get(CallerCache).changed(user.id);
      expect(await meCode(t, user.token)).toBe('UNAUTHENTICATED');
      const fresh = await t.runOk(AccountsMeDocument, {}, await t.login(user.email, PASSWORD));
      expect(fresh.me.role).toBe('DONOR');
    });
  });

  describe('deactivateUser and reactivateUser', () => {
    it('a deactivated account cannot log in (as with a wrong password) nor use its tokens; reactivated, it logs in, old tokens stay dead', async () => {
      const user = await account('refurbisher');
      expect(await meCode(t, user.token)).toBe('OK');
      const res = await t.runOk(AccountsDeactivateDocument, { userId: user.id }, tokens.coordinator);
      expect(res.deactivateUser.deactivatedAt).not.toBeNull();
      expect(await meCode(t, user.token)).toBe('UNAUTHENTICATED');
      const refused = await t.run(AccountsLoginDocument, { email: user.email, password: PASSWORD });
      const wrong = await t.run(AccountsLoginDocument, { email: user.email, password: 'not-the-password' });
      expect(refused.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // deactivating again changes nothing
      await t.runOk(AccountsDeactivateDocument, { userId: user.id }, tokens.coordinator);
      // no self-service link for a deactivated account, and staff must reactivate first
      expect(await code(t.run(AccountsIssueResetDocument, { userId: user.id }, tokens.coordinator))).toBe('CONFLICT');

      expect((await t.runOk(AccountsReactivateDocument, { userId: user.id }, tokens.coordinator)).reactivateUser.deactivatedAt).toBeNull();
      await t.dataSource.query('DELETE FROM login_failure');
      expect(await loginCode(user.email, PASSWORD)).toBe('OK');
      expect(await meCode(t, user.token)).toBe('UNAUTHENTICATED');
    });

    it('nobody deactivates themselves', async () => {
      const admin = await idOf('admin@platform.test');
      const res = await t.run(AccountsDeactivateDocument, { userId: admin }, net.adminToken);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('your own account');
    });
  });

  describe("the operators' CLI (npm run admin)", () => {
    const cli = (args: string[], env: Record<string, string> = {}) =>
      new Promise<{ code: number; out: string; err: string }>((resolve) => {
        execFile(
          process.execPath,
          [compiledEntry('apps/api/src/cli/admin.ts'), ...args],
          {
            cwd: ROOT,
            env: {
              ...process.env,
              NODE_OPTIONS: '',
              DATABASE_URL: TEST_DATABASE_URL,
              REDIS_URL: TEST_REDIS_URL,
              QUEUE_PREFIX: TEST_QUEUE_PREFIX,
              JWT_SECRET,
              PUBLIC_URL: 'https://reemploi.example.org',
              ...env,
            },
            timeout: 90_000,
          },
          (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
        );
      });

    it('creates an administrator, refusing a weak password', async () => {
      const weak = await cli(['create-admin', 'ops@platform.test', 'Ops'], { ADMIN_PASSWORD: 'password1234' });
      expect(weak.code).toBe(1);
      expect(weak.err).toContain('The password');
      expect(await t.dataSource.query(`SELECT 1 FROM "user" WHERE email = 'ops@platform.test'`)).toEqual([]);

      const made = await cli(['create-admin', 'Ops@Platform.test', 'Équipe Ops'], { ADMIN_PASSWORD: NEW_PASSWORD });
      expect(made).toMatchObject({ code: 0 });
      expect(made.out).toContain('Administrator ops@platform.test created');
      expect(await t.dataSource.query(`SELECT role, name, organization_id FROM "user" WHERE email = 'ops@platform.test'`)).toEqual([
        { role: 'ADMIN', name: 'Équipe Ops', organization_id: null },
      ]);
      expect(await loginCode('ops@platform.test', NEW_PASSWORD)).toBe('OK');
      expect((await cli(['create-admin', 'ops@platform.test', 'Ops'], { ADMIN_PASSWORD: NEW_PASSWORD })).code).toBe(1);
      expect((await cli(['no-such-command'])).code).toBe(2);
    }, 180_000);

    it('prints a reset link, or sets the password from NEW_PASSWORD', async () => {
      const user = await account('donor');
      const printed = await cli(['reset-password', user.email]);
      expect(printed.code).toBe(0);
      const link = /https:\/\/reemploi\.example\.org\/reinitialiser\?token=\S+/.exec(printed.out)![0];
      await t.runOk(AccountsResetPasswordDocument, { token: new URL(link).searchParams.get('token')!, newPassword: NEW_PASSWORD });
      expect(await loginCode(user.email, NEW_PASSWORD)).toBe('OK');

      const set = await cli(['reset-password', user.email], { NEW_PASSWORD: 'encore-une-phrase-solide' });
      expect(set.code).toBe(0);
      expect(await loginCode(user.email, 'encore-une-phrase-solide')).toBe('OK');
    }, 180_000);

    it('deactivates (the API refuses the token at once) and reactivates; never the last administrator', async () => {
      const user = await account('partner');
      expect(await meCode(t, user.token)).toBe('OK');
      expect((await cli(['deactivate-user', user.email])).code).toBe(0);
      expect(await meCode(t, user.token)).toBe('UNAUTHENTICATED');
      expect(await loginCode(user.email, PASSWORD)).toBe('UNAUTHENTICATED');
      expect((await cli(['reactivate-user', user.email])).code).toBe(0);
      expect(await loginCode(user.email, PASSWORD)).toBe('OK');

      // every administrator but one deactivated (straight in SQL), then that one through the CLI
      await t.dataSource.query(`UPDATE "user" SET deactivated_at = now() WHERE role = 'ADMIN' AND email <> 'admin@platform.test'`);
      const last = await cli(['deactivate-user', 'admin@platform.test']);
      expect(last.code).toBe(1);
      expect(last.err).toContain('last active administrator');
      await t.dataSource.query(`UPDATE "user" SET deactivated_at = NULL WHERE role = 'ADMIN'`);
    }, 180_000);
  });

  // Last: a second application in this process re-registers passport's global 'local' strategy,
  // which then belongs to the closed application, and logins through the first would fail after it.
  describe('two API processes', () => {
    it('a token is refused at once in a second API process that had its caller cached', async () => {
      const second = await TestApp.start({ authCacheSeconds: 30 });
      try {
        const [unannounced, user] = [await account('donor'), await account('donor')];
        // both processes have read (and cached) the callers
        for (const app of [t, second]) for (const u of [unannounced, user]) expect(await meCode(app, u.token)).toBe('OK');
        // a change nobody announces is not seen for AUTH_CACHE_SECONDS: the cache is really in play
        await t.dataSource.query(`UPDATE "user" SET deactivated_at = now() WHERE id = $1`, [unannounced.id]);
        expect(await meCode(second, unannounced.token)).toBe('OK');
        // deactivated through the first process: the second refuses at once
        await t.runOk(AccountsDeactivateDocument, { userId: user.id }, net.adminToken);
        expect(await meCode(second, user.token)).toBe('UNAUTHENTICATED');
        expect(await meCode(t, user.token)).toBe('UNAUTHENTICATED');

        // and the other way round, for a password reset made in the second process
        const other = await account('partner');
        expect(await meCode(t, other.token)).toBe('OK');
        const link = (await second.runOk(AccountsIssueResetDocument, { userId: other.id }, net.adminToken)).issuePasswordReset.link;
        await second.runOk(AccountsResetPasswordDocument, { token: new URL(link).searchParams.get('token')!, newPassword: NEW_PASSWORD });
        expect(await meCode(t, other.token)).toBe('UNAUTHENTICATED');
      } finally {
        await second.close();
      }
    });
  });
});
