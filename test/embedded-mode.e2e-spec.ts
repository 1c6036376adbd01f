import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrganizationsWithCityDocument } from './generated/graphql';
import { TestApp } from './support/test-app';

/** What a newcomer gets from `npm start` on a fresh machine: PGlite, migrations, the demo network. */
describe('embedded mode (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'reuse-embedded-'));
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ databaseUrl: null, dataDir, seedDemo: null });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts from an empty folder, seeds the demo region, and the demo coordinator lists its organizations', async () => {
    const token = await t.login('coordinator@demo.local', 'reuse-demo');
    const data = await t.runOk(OrganizationsWithCityDocument, {}, token);
    const kinds = data.organizations.map((o) => o.kind);
    expect(kinds.filter((k) => k === 'REFURBISHER')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'PARTNER')).toHaveLength(8);
    expect(kinds.filter((k) => k === 'DONOR')).toHaveLength(10);
    expect(data.organizations.map((o) => o.address.city)).toContain('Clermont-Ferrand');
  });

  it('every demo login works', async () => {
    for (const who of ['admin', 'donor', 'refurbisher', 'partner']) await t.login(`${who}@demo.local`, 'reuse-demo');
  });
});
