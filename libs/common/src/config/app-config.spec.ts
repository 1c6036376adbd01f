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

  it('builds the database address from its parts, a password with / @ # and : included', () => {
    const base = { DATA_DIR: dataDir() };
    const config = loadAppConfig({
      ...base,
      DATABASE_HOST: 'postgres',
      DATABASE_USER: 'reuse',
      DATABASE_PASSWORD: 'p/a@s#s:w%rd',
      DATABASE_NAME: 'reuse',
      JWT_SECRET: 'x'.repeat(40),
    });
    const url = new URL(config.databaseUrl!);
    expect(url.hostname).toBe('postgres');
    expect(url.port).toBe('5432');
    expect(decodeURIComponent(url.password)).toBe('p/a@s#s:w%rd');
    expect(url.pathname).toBe('/reuse');
    expect(() => loadAppConfig({ ...base, DATABASE_HOST: 'postgres', DATABASE_URL: 'postgres://a@b/c', JWT_SECRET: 'x'.repeat(40) })).toThrow(/not both/);
  });

  it('takes the origins of consoles hosted elsewhere, and refuses a wildcard or a path', () => {
    const base = { DATA_DIR: dataDir() };
    expect(loadAppConfig(base).corsOrigins).toEqual([]);
    expect(loadAppConfig({ ...base, CORS_ORIGINS: 'https://console.reseau.org, http://localhost:5173' }).corsOrigins).toEqual([
      'https://console.reseau.org',
      'http://localhost:5173',
    ]);
    expect(() => loadAppConfig({ ...base, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadAppConfig({ ...base, CORS_ORIGINS: 'https://console.reseau.org/app' })).toThrow(/CORS_ORIGINS/);
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

  it('keeps a caller in memory for AUTH_CACHE_SECONDS (30 by default, 0 to read it on every request, at most an hour)', () => {
    const dir = dataDir();
    expect(loadAppConfig({ DATA_DIR: dir }).authCacheSeconds).toBe(30);
    expect(loadAppConfig({ DATA_DIR: dir, AUTH_CACHE_SECONDS: '0' }).authCacheSeconds).toBe(0);
    expect(() => loadAppConfig({ DATA_DIR: dir, AUTH_CACHE_SECONDS: '7200' })).toThrow(/AUTH_CACHE_SECONDS/);
  });

  it('links report files from PUBLIC_URL, by default this server on its port, for REPORT_LINK_TTL_HOURS (24 by default)', () => {
    const dir = dataDir();
    expect(loadAppConfig({ DATA_DIR: dir })).toMatchObject({ publicUrl: 'http://localhost:3000', reportLinkTtlHours: 24, co2eFactors: {} });
    expect(loadAppConfig({ DATA_DIR: dir, PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    const behindProxy = loadAppConfig({ DATA_DIR: dir, PUBLIC_URL: ' https://reemploi.example.org/api/ ', REPORT_LINK_TTL_HOURS: '72' });
    expect(behindProxy).toMatchObject({ publicUrl: 'https://reemploi.example.org/api', reportLinkTtlHours: 72 });
    expect(loadAppConfig({ DATA_DIR: dir, PUBLIC_URL: 'https://reemploi.example.org' }).publicUrl).toBe('https://reemploi.example.org');
  });

  it('refuses a PUBLIC_URL that is not an http(s) address, and a link lifetime out of bounds', () => {
    const dir = dataDir();
    for (const url of ['reemploi.example.org', 'ftp://reemploi.example.org', 'https://reemploi.example.org/?x=1', 'https://user:pw@reemploi.example.org']) {
      expect(() => loadAppConfig({ DATA_DIR: dir, PUBLIC_URL: url })).toThrow(/PUBLIC_URL must be/);
    }
    expect(() => loadAppConfig({ DATA_DIR: dir, REPORT_LINK_TTL_HOURS: '0' })).toThrow(/REPORT_LINK_TTL_HOURS must be a whole number from 1 to 2160/);
    expect(() => loadAppConfig({ DATA_DIR: dir, REPORT_LINK_TTL_HOURS: '1.5' })).toThrow(/REPORT_LINK_TTL_HOURS/);
  });

  it('takes CO2E_FACTORS per category and refuses, at start, what is not a table of kg per known category', () => {
    const dir = dataDir();
    expect(loadAppConfig({ DATA_DIR: dir, CO2E_FACTORS: '{"LAPTOP": 200, "MONITOR": 0, "TABLET": 45.5}' }).co2eFactors).toEqual({
      LAPTOP: 200,
      MONITOR: 0,
      TABLET: 45.5,
    });
    const problems = (value: string) => {
      try {
        loadAppConfig({ DATA_DIR: dir, CO2E_FACTORS: value });
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error(`CO2E_FACTORS=${value} was accepted`);
    };
    expect(problems('LAPTOP=200')).toMatch(/CO2E_FACTORS must be a JSON object .* not valid JSON/);
    expect(problems('[156]')).toMatch(/CO2E_FACTORS must be a JSON object of category to kg CO2e/);
    expect(problems('{"TOASTER": 3}')).toMatch(/CO2E_FACTORS: unknown category "TOASTER" \(known: LAPTOP, DESKTOP/);
    expect(problems('{"LAPTOP": -1}')).toMatch(/CO2E_FACTORS: LAPTOP must be a number of kg CO2e from 0 to 5000 \(got -1\)/);
    expect(problems('{"LAPTOP": "156"}')).toMatch(/LAPTOP must be a number/);
    expect(problems('{"LAPTOP": 15600}')).toMatch(/LAPTOP must be a number of kg CO2e from 0 to 5000/);
    const both = problems('{"TOASTER": 3, "PRINTER": null}');
    expect(both).toMatch(/TOASTER/);
    expect(both).toMatch(/PRINTER must be a number/);
  });

  it("refuses at start the README's example JWT_SECRET and ADMIN_PASSWORD, and an administrator password the policy refuses", () => {
    const dir = dataDir();
    const production = { DATA_DIR: dir, DATABASE_URL: 'postgres://reuse@db/reuse', ADMIN_EMAIL: 'admin@your-network.org' };
    expect(() =>
      loadAppConfig({ ...production, JWT_SECRET: 'change-me-to-48-random-characters-change-me-please', ADMIN_PASSWORD: 'Vélo-Pluie-Tartine-42' }),
    ).toThrow(/JWT_SECRET is the README's example/);
    expect(() => loadAppConfig({ ...production, JWT_SECRET: 'x'.repeat(48), ADMIN_PASSWORD: 'change-me-too' })).toThrow(
      /ADMIN_PASSWORD is the README's example/,
    );
    expect(() => loadAppConfig({ ...production, JWT_SECRET: 'x'.repeat(48), ADMIN_PASSWORD: 'short-pw' })).toThrow(
      /ADMIN_PASSWORD must have at least 12 characters/,
    );
    expect(() => loadAppConfig({ ...production, JWT_SECRET: 'x'.repeat(48), ADMIN_PASSWORD: 'Motdepasse2024!' })).toThrow(
      /ADMIN_PASSWORD is one of the most common passwords/,
    );
    expect(() => loadAppConfig({ ...production, JWT_SECRET: 'x'.repeat(48), ADMIN_PASSWORD: 'admin-of-the-network' })).toThrow(
      /ADMIN_PASSWORD must not contain the e-mail address/,
    );
    expect(loadAppConfig({ ...production, JWT_SECRET: 'x'.repeat(48), ADMIN_PASSWORD: 'Vélo-Pluie-Tartine-42' }).adminPassword).toBe('Vélo-Pluie-Tartine-42');
  });
});
