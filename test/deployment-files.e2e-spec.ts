import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from '@app/common';
import { parse } from 'yaml';

/**
 * No Docker engine runs the compose file here, so what makes it survive in production is
 * checked on the file itself: restarts, health checks, one image, shutdown bounds, pinned
 * versions, the proxy the API trusts, and settings the configuration actually reads.
 */
describe('docker-compose.yml and the Caddyfile', () => {
  const root = join(__dirname, '..');
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    'x-app-environment': Record<string, string>;
    services: Record<string, Record<string, any>>;
    networks: { internal: { ipam: { config: Array<{ subnet: string }> } } };
  };
  const services = compose.services;
  const appEnvironment = compose['x-app-environment'];
  /** `${NAME:-default}` and `${NAME:?message}` as a deployment with a complete .env would give them */
  const substituted = (value: string): string =>
    String(value).replace(/\$\{([A-Z_]+)(?::[-?]((?:[^{}]|\{[^}]*\})*))?\}/g, (_m, name: string, fallback?: string) => {
      const example: Record<string, string> = {
        POSTGRES_PASSWORD: 'p/ss@word#1',
        JWT_SECRET: 'j'.repeat(48),
        ATTESTATION_KEYS: `k1:${'a'.repeat(40)}`,
        SITE_ADDRESS: 'reseau.example.org',
      };
      return example[name] ?? (fallback && !fallback.includes(' ') ? substituted(fallback) : '');
    });

  it('restarts every service unless stopped, and checks the health of the stateful and app ones', () => {
    for (const [name, service] of Object.entries(services)) expect([name, service.restart]).toEqual([name, 'unless-stopped']);
    for (const name of ['postgres', 'redis', 'api', 'worker']) expect(services[name]!.healthcheck?.test).toBeDefined();
    expect(services.worker!.healthcheck.test.join(' ')).toContain('3001/health/ready');
  });

  it('builds the image once: the worker runs the image the api service builds', () => {
    expect(services.api!.build).toBeDefined();
    expect(services.worker!.build).toBeUndefined();
    expect(services.worker!.image).toBe(services.api!.image);
  });

  it('gives API and worker more time to stop than their own shutdown bound', () => {
    const bound = Number(appEnvironment.SHUTDOWN_TIMEOUT_MS) / 1000;
    for (const name of ['api', 'worker']) {
      const grace = Number(/^(\d+)s$/.exec(services[name]!.stop_grace_period)?.[1]);
      expect(grace).toBeGreaterThanOrEqual(bound + 5);
      expect(services[name]!.init).toBe(true);
    }
  });

  it('pins every image to a version, never latest', () => {
    for (const name of ['postgres', 'redis', 'caddy']) expect(services[name]!.image).toMatch(/:\d+\.\d+(\.\d+)?(-[a-z0-9]+)?$/);
    expect(readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8').match(/^FROM \S+/gm)).toEqual(
      expect.arrayContaining([expect.stringMatching(/node:\d+\.\d+\.\d+-/)]),
    );
  });

  it('trusts exactly the proxy in front: Caddy at its fixed address on the internal network', () => {
    const caddy = services.caddy!.networks.internal.ipv4_address as string;
    expect(appEnvironment.TRUST_PROXY).toBe(caddy);
    expect(compose.networks.internal.ipam.config[0]!.subnet).toBe('172.28.0.0/16');
    expect(caddy.startsWith('172.28.')).toBe(true);
    // nothing but Caddy is published on the host
    for (const [name, service] of Object.entries(services)) if (name !== 'caddy') expect([name, service.ports]).toEqual([name, undefined]);
  });

  it('sets only settings the configuration reads, and they start the service', () => {
    const configSource = readFileSync(join(root, 'libs', 'common', 'src', 'config', 'app-config.ts'), 'utf8');
    const read = (name: string) => configSource.includes(`env.${name}`) || configSource.includes(`'${name}'`);
    const runtimeOnly = new Set(['NODE_ENV', 'RUN_WORKER']);
    for (const name of Object.keys(appEnvironment)) if (!runtimeOnly.has(name)) expect([name, read(name)]).toEqual([name, true]);

    const env = Object.fromEntries(Object.entries(appEnvironment).map(([k, v]) => [k, substituted(v)]));
    const config = loadAppConfig({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'compose-')) });
    const database = new URL(config.databaseUrl!);
    expect(database.hostname).toBe('postgres');
    expect(decodeURIComponent(database.password)).toBe('p/ss@word#1');
    expect(config.trustProxy).toEqual(['172.28.0.10']);
    expect(config.publicUrl).toBe('https://reseau.example.org');
  });

  it('Caddy proxies to every API container and keeps /metrics inside', () => {
    const caddyfile = readFileSync(join(root, 'docker', 'Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(/dynamic a api 3000/);
    expect(caddyfile).toMatch(/@metrics path \/metrics\s+respond @metrics 404/);
    expect(services.caddy!.volumes).toContain('./docker/Caddyfile:/etc/caddy/Caddyfile:ro');
  });
});
