import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'cfg-'));

  it('has working defaults in embedded mode and keeps a generated JWT secret', () => {
    const dir = dataDir();
    const config = loadAppConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadAppConfig({ DATA_DIR: dir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('says every problem at once, clearly', () => {
    let error: unknown;
    try {
      loadAppConfig({ DATABASE_URL: 'postgres://x/y', PORT: 'abc', SEED_DEMO: 'maybe', ADMIN_EMAIL: 'a@b.c' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/JWT_SECRET is required/);
    expect(message).toMatch(/PORT must be a whole number/);
    expect(message).toMatch(/SEED_DEMO must be true or false/);
    expect(message).toMatch(/ADMIN_EMAIL and ADMIN_PASSWORD go together/);
  });
});
