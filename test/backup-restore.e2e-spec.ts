import { execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { OrganizationsWithCityDocument } from './generated/graphql';
import { NetworkFixture, PASSWORD, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';
import { assertDatabaseName, databaseUrl, TEST_DATABASE_NAME, TEST_DATABASE_URL, TEST_SERVER_URL } from './support/test-database';

const root = join(__dirname, '..');
const run = (script: string, args: string[], env: Record<string, string>) =>
  execFileSync('bash', [join(root, 'scripts', script), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('backup and restore, as the README tells an operator', () => {
  const restored = assertDatabaseName(`${TEST_DATABASE_NAME}_restored`);
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
    await admin(`DROP DATABASE IF EXISTS ${restored}`);
  });
  afterAll(async () => {
    await t.close();
    await admin(`DROP DATABASE IF EXISTS ${restored}`);
  });

  it('a dump restored into a fresh database serves the same network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-'));
    const file = join(dir, 'reuse.dump');
    expect(run('backup.sh', [file], { DATABASE_URL: TEST_DATABASE_URL })).toContain(`backup written: ${file}`);
    const before = (await t.runOk(OrganizationsWithCityDocument, {}, net.adminToken)).organizations.map((o) => o.name).sort();

    await admin(`CREATE DATABASE ${restored}`);
    run('restore.sh', [file], { DATABASE_URL: databaseUrl(restored) });

    // the service starts on the restored database (its migrations are all there) and logs in its users
    const back = await TestApp.start({ databaseUrl: databaseUrl(restored) });
    try {
      const token = await back.login('admin@platform.test', PASSWORD);
      const after = (await back.runOk(OrganizationsWithCityDocument, {}, token)).organizations.map((o) => o.name).sort();
      expect(after).toEqual(before);
      expect(after.length).toBeGreaterThan(0);
    } finally {
      await back.close();
    }
  });

  it('takes the database by its parts too (DATABASE_HOST, _USER, _NAME), as the compose file gives it', () => {
    const server = new URL(TEST_SERVER_URL);
    const file = join(mkdtempSync(join(tmpdir(), 'backup-')), 'parts.dump');
    const env = {
      DATABASE_HOST: server.hostname,
      DATABASE_PORT: server.port || '5432',
      DATABASE_USER: server.username,
      DATABASE_NAME: new URL(TEST_DATABASE_URL).pathname.slice(1),
    };
    expect(run('backup.sh', [file], env)).toContain('backup written');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
  });

  it('a restore never overwrites a database that has data, and fails as a whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-'));
    const file = join(dir, 'reuse.dump');
    run('backup.sh', [file], { DATABASE_URL: TEST_DATABASE_URL });
    // into the live test database itself: every table exists, pg_restore stops, nothing changes
    expect(() => run('restore.sh', [file], { DATABASE_URL: TEST_DATABASE_URL })).toThrow();
  });

  it('embedded mode: the data folder archived and restored whole, never over an existing one', () => {
    const base = mkdtempSync(join(tmpdir(), 'embedded-'));
    const data = join(base, 'data');
    mkdirSync(join(data, 'base'), { recursive: true });
    writeFileSync(join(data, 'jwt-secret'), 'secret-kept');
    writeFileSync(join(data, 'base', 'table'), 'rows');
    const file = join(base, 'reuse.tar.gz');
    run('backup.sh', [file], { DATA_DIR: data });

    const elsewhere = join(base, 'restored');
    run('restore.sh', [file], { DATA_DIR: elsewhere });
    expect(readFileSync(join(elsewhere, 'jwt-secret'), 'utf8')).toBe('secret-kept');
    expect(existsSync(join(elsewhere, 'base', 'table'))).toBe(true);
    expect(() => run('restore.sh', [file], { DATA_DIR: data })).toThrow();
  });
});
