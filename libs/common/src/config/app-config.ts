import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeviceCategory } from '../domain/device-category';
import { passwordWeakness } from '../security/password-policy';

/** Every setting of the service, read from the environment once and validated at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** null: embedded PostgreSQL (PGlite) in dataDir */
  databaseUrl: string | null;
  dataDir: string;
  redisUrl: string;
  adminEmail: string | null;
  adminPassword: string | null;
  /** null: decide at start (on when embedded and the database is empty) */
  seedDemo: boolean | null;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** how long a token's caller (role, organization, region), once read, serves its requests; 0: read on each */
  authCacheSeconds: number;
  offerTtlHours: number;
  runWorker: boolean;
  /**
   * Which reverse proxies may say who the client is (X-Forwarded-For): false (none), a hop count,
   * or a list of proxy addresses/CIDRs. Never a blanket true: anyone could then forge their address.
   */
  trustProxy: false | number | string[];
  logLevel: string;
  /** failed logins for one account from one address before that pair is refused, in loginWindowMinutes */
  loginFailuresPerAccountAddress: number;
  /** failed logins from one address, whatever the account, before that address is refused */
  loginFailuresPerAddress: number;
  /** failed logins for one account from everywhere before each further try is slowed (never a lockout) */
  loginFailuresPerAccount: number;
  loginWindowMinutes: number;
  /** requests per minute per caller (user, or address when anonymous); 0: no limit */
  rateLimitPerMinute: number;
  /** introspection and "did you mean" suggestions (default: on outside production) */
  graphqlIntrospection: boolean;
  /** SIGTERM: how long the API and the worker may take to finish before they exit anyway */
  shutdownTimeoutMs: number;
  /** how long sent outbox messages are kept before the purge job deletes them */
  outboxRetentionDays: number;
  /** how long failed logins are kept before the purge job deletes them */
  loginFailureRetentionDays: number;
  /** the standalone worker's health endpoint (it serves no API) */
  workerHealthPort: number;
  /** a bearer token Prometheus sends to read /metrics; without it, /metrics answers loopback callers only */
  metricsToken: string | null;
  /** origins (scheme://host[:port]) of consoles hosted elsewhere that may call the API from a browser; none by default */
  corsOrigins: string[];
  /** percent of a refurbisher's weekly capacity, per category, one donation may hold in unclaimed offers */
  routingDonationOfferSharePercent: number;
  /** days a decline (or a lapsed offer) bars that refurbisher from that donation; the coordinator may lift it sooner */
  declineCooldownDays: number;
  /** stuck work: an offer expiring within this many hours */
  stuckOfferHours: number;
  /** stuck work: a lot claimed this many days ago and not collected */
  stuckClaimedDays: number;
  /** stuck work: an order open or allocated for this many days */
  stuckOrderDays: number;
  /** stuck work: a device reserved this many days ago and not shipped */
  stuckReservedDays: number;
  /** BullMQ: how long a worker holds a job before others may take it over (a dead worker's job) */
  jobLockMs: number;
  /** route-region runs once per window after declarations */
  routingDebounceMs: number;
  /** how often the relay moves outbox rows to BullMQ */
  outboxPollMs: number;
  queuePrefix: string;
  maxQueryDepth: number;
  maxQueryComplexity: number;
  /** the address clients reach this server at, no trailing slash: absolute links (report files) start with it */
  publicUrl: string;
  /** how long a signed report link (PDF, CSV) works */
  reportLinkTtlHours: number;
  /** how long a password reset link works (single use) */
  passwordResetTtlMinutes: number;
  /** kg CO2e per device that replace the documented defaults (CO2E_FACTORS, JSON), per category */
  co2eFactors: Partial<Record<DeviceCategory, number>>;
  /** an addok / Base Adresse Nationale API for street-level points; null: commune points from offline data only */
  geocoderUrl: string | null;
  /** how long one geocoder request may take before the offline data is used instead */
  geocoderTimeoutMs: number;
  /** smtp(s)://user:password@host:port; null: e-mails are captured as .eml files under dataDir/mail (docs/notifications.md) */
  smtpUrl: string | null;
  /** the From of every e-mail, e.g. `Réseau réemploi <no-reply@reemploi.example.org>` */
  mailFrom: string;
  /** how long a worker owns an e-mail it is sending; past it, another worker may send it (longer than the SMTP timeouts) */
  emailLeaseMs: number;
  /**
   * The keys that sign attestation codes (ATTESTATION_KEYS: `k2:secret2,k1:secret1`): the first
   * signs, all verify, so a rotation keeps every issued code verifiable. Apart from the JWT secret.
   */
  attestationKeys: AttestationKey[];
}

export interface AttestationKey {
  /** printed at the head of each code it signs: letters and digits, at most 8 */
  id: string;
  secret: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

function readInt(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function readBool(env: Env, name: string, problems: string[]): boolean | null {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return null;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  problems.push(`${name} must be true or false (got "${env[name]}")`);
  return null;
}

/** Embedded mode keeps its signing key beside its data, so tokens survive a restart. */
function embeddedJwtSecret(dataDir: string): string {
  return embeddedSecret(dataDir, 'jwt-secret');
}

function embeddedSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** TRUST_PROXY: false, a hop count, or a comma-separated list of proxy addresses or CIDRs. */
function readTrustProxy(env: Env, problems: string[]): false | number | string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase()) && raw !== '1') {
    problems.push(
      'TRUST_PROXY must name the proxies (addresses or CIDRs, comma-separated) or a hop count, not "true": with true any client could forge its address',
    );
    return false;
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) problems.push(`TRUST_PROXY as a hop count must be from 0 to 10 (got "${raw}")`);
    return hops;
  }
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)(\/\d{1,3})?$|^(loopback|linklocal|uniquelocal)$/i;
  const bad = entries.filter((e) => !address.test(e));
  if (bad.length) problems.push(`TRUST_PROXY: not an address, CIDR or hop count: ${bad.join(', ')}`);
  return entries;
}

/** GEOCODER_URL: the root of an addok-compatible API (e.g. a BAN instance), without /search. */
function readGeocoderUrl(env: Env, problems: string[]): string | null {
  const raw = env.GEOCODER_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`GEOCODER_URL must be an absolute http(s) URL such as https://api-adresse.data.gouv.fr (got "${raw}")`);
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    problems.push(`GEOCODER_URL must be an http(s) URL without query, fragment or credentials (got "${raw}")`);
    return null;
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function readSmtpUrl(env: Env, problems: string[]): string | null {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return null;
  try {
    if (['smtp:', 'smtps:'].includes(new URL(raw).protocol)) return raw;
  } catch {
    // reported below, without the URL: it may hold a password
  }
  problems.push('SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587');
  return null;
}

function readMailFrom(env: Env, publicUrl: string, problems: string[]): string {
  const raw = env.MAIL_FROM?.trim();
  if (!raw) return `Réseau de réemploi <no-reply@${URL.canParse(publicUrl) ? new URL(publicUrl).hostname : 'localhost'}>`;
  if (raw.length > 254 || !/[^\s@<>]+@[^\s@<>]+/.test(raw) || /[\r\n]/.test(raw)) {
    problems.push(`MAIL_FROM must be an address, optionally with a name: "Réseau réemploi <no-reply@example.org>" (got "${raw}")`);
  }
  return raw;
}

function readPublicUrl(env: Env, port: number, problems: string[]): string {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`PUBLIC_URL must be an absolute http(s) URL such as https://reemploi.example.org (got "${raw}")`);
    return raw;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    problems.push(`PUBLIC_URL must be an http(s) URL without query, fragment or credentials (got "${raw}")`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The largest factor accepted: well above any device's manufacturing footprint, so a typo (15600 for 156) is caught. */
const MAX_CO2E_KG_PER_DEVICE = 5000;

function readCo2eFactors(env: Env, problems: string[]): Partial<Record<DeviceCategory, number>> {
  const raw = env.CO2E_FACTORS?.trim();
  if (!raw) return {};
  const example = 'e.g. {"LAPTOP": 156, "MONITOR": 86} (kg CO2e per device)';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(`CO2E_FACTORS must be a JSON object of category to kg CO2e, ${example}; it is not valid JSON`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`CO2E_FACTORS must be a JSON object of category to kg CO2e, ${example}`);
    return {};
  }
  const categories = Object.values(DeviceCategory) as string[];
  const factors: Partial<Record<DeviceCategory, number>> = {};
  for (const [category, value] of Object.entries(parsed)) {
    if (!categories.includes(category)) {
      problems.push(`CO2E_FACTORS: unknown category "${category}" (known: ${categories.join(', ')})`);
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_CO2E_KG_PER_DEVICE) {
      problems.push(`CO2E_FACTORS: ${category} must be a number of kg CO2e from 0 to ${MAX_CO2E_KG_PER_DEVICE} (got ${JSON.stringify(value)})`);
    } else {
      factors[category as DeviceCategory] = value;
    }
  }
  return factors;
}

/**
 * ATTESTATION_KEYS, required in production. Elsewhere a key is made for the embedded start (kept
 * beside its data, as the JWT secret) or, with DATABASE_URL outside production (tests, a local
 * server), derived from the JWT secret under its own label: never the JWT secret itself.
 */
function readAttestationKeys(env: Env, dataDir: string, databaseUrl: string | null, jwtSecret: string, problems: string[]): AttestationKey[] {
  const raw = env.ATTESTATION_KEYS?.trim();
  if (!raw) {
    if (env.NODE_ENV === 'production') {
      problems.push('ATTESTATION_KEYS is required in production, e.g. `k1:<at least 32 random characters>` (newest key first, comma-separated)');
      return [];
    }
    if (!databaseUrl) return [{ id: 'k1', secret: embeddedSecret(dataDir, 'attestation-key') }];
    return [{ id: 'dev', secret: createHmac('sha256', 'attestation-key').update(jwtSecret).digest('base64url') }];
  }
  const keys: AttestationKey[] = [];
  for (const entry of raw.split(',').map((e) => e.trim())) {
    const at = entry.indexOf(':');
    const id = at > 0 ? entry.slice(0, at) : '';
    const secret = at > 0 ? entry.slice(at + 1) : '';
    if (!/^[A-Za-z0-9]{1,8}$/.test(id) || secret.length < 32) {
      problems.push('ATTESTATION_KEYS must be `id:secret` pairs, comma-separated: an id of 1 to 8 letters or digits, a secret of at least 32 characters');
      return [];
    }
    if (keys.some((k) => k.id.toUpperCase() === id.toUpperCase())) problems.push(`ATTESTATION_KEYS names the key "${id}" twice`);
    if (secret === jwtSecret) problems.push('ATTESTATION_KEYS must not reuse JWT_SECRET: attestation keys outlive token keys');
    keys.push({ id, secret });
  }
  return keys;
}

/**
 * Where PostgreSQL is: DATABASE_URL, or its parts (DATABASE_HOST, DATABASE_PORT, DATABASE_USER,
 * DATABASE_PASSWORD or DATABASE_PASSWORD_FILE, DATABASE_NAME) for deployments that keep the
 * password apart — each part encoded here, so a password with `/`, `@` or `#` stays a password.
 * Neither: the embedded server.
 */
function readDatabaseUrl(env: Env, problems: string[]): string | null {
  const url = env.DATABASE_URL?.trim() || null;
  const host = env.DATABASE_HOST?.trim() || null;
  if (url && host) {
    problems.push('DATABASE_URL and DATABASE_HOST both set: give the URL or its parts, not both');
    return url;
  }
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) problems.push('DATABASE_URL must be a postgres:// URL');
    return url;
  }
  if (!host) return null;
  const port = readInt(env, 'DATABASE_PORT', 5432, 1, 65535, problems);
  const user = env.DATABASE_USER?.trim() || 'postgres';
  let password = env.DATABASE_PASSWORD ?? '';
  const passwordFile = env.DATABASE_PASSWORD_FILE?.trim();
  if (passwordFile) {
    try {
      password = readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '');
    } catch {
      problems.push(`DATABASE_PASSWORD_FILE cannot be read: ${passwordFile}`);
    }
  }
  const name = env.DATABASE_NAME?.trim() || user;
  const credentials = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user);
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `postgres://${credentials}@${hostPart}:${port}/${encodeURIComponent(name)}`;
}

/** CORS_ORIGINS: a comma-separated list of origins, each `https://host[:port]` (or http), never `*` or a path. */
function readCorsOrigins(env: Env, problems: string[]): string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = origins.filter((o) => !/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o));
  if (bad.length) problems.push(`CORS_ORIGINS: name each origin as https://host[:port], comma-separated (not ${bad.join(', ')})`);
  return origins.filter((o) => !bad.includes(o));
}

const README_JWT_SECRET = 'change-me-to-48-random-characters-change-me-please';
const README_ADMIN_PASSWORD = 'change-me-too';

export function loadAppConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const databaseUrl = readDatabaseUrl(env, problems);
  const redisUrl = env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must be a redis:// URL');
  const dataDir = resolve(env.DATA_DIR?.trim() || 'data');

  const adminEmail = env.ADMIN_EMAIL?.trim().toLowerCase() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if (!!adminEmail !== !!adminPassword) problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together');
  // The README's example values are public: an install that kept them has no secret at all.
  if (adminPassword === README_ADMIN_PASSWORD) problems.push("ADMIN_PASSWORD is the README's example; choose your own");
  else if (adminPassword) {
    const weakness = passwordWeakness(adminPassword, adminEmail ?? undefined);
    if (weakness) problems.push(`ADMIN_PASSWORD ${weakness.message}`);
  }

  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (databaseUrl) problems.push('JWT_SECRET is required when DATABASE_URL is set (at least 32 characters)');
    else jwtSecret = embeddedJwtSecret(dataDir);
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must have at least 32 characters');
  } else if (jwtSecret === README_JWT_SECRET) {
    problems.push("JWT_SECRET is the README's example; generate one, e.g. `openssl rand -base64 48`");
  }

  const port = readInt(env, 'PORT', 3000, 0, 65535, problems);
  const config: AppConfig = {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir,
    redisUrl,
    adminEmail,
    adminPassword,
    seedDemo: readBool(env, 'SEED_DEMO', problems),
    jwtSecret,
    jwtTtlSeconds: readInt(env, 'JWT_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600, problems),
    authCacheSeconds: readInt(env, 'AUTH_CACHE_SECONDS', 30, 0, 3600, problems),
    offerTtlHours: readInt(env, 'OFFER_TTL_HOURS', 48, 1, 24 * 30, problems),
    runWorker: readBool(env, 'RUN_WORKER', problems) ?? true,
    trustProxy: readTrustProxy(env, problems),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    loginFailuresPerAccountAddress: readInt(env, 'LOGIN_FAILURES_PER_ACCOUNT_ADDRESS', 5, 1, 1000, problems),
    loginFailuresPerAddress: readInt(env, 'LOGIN_FAILURES_PER_ADDRESS', 30, 1, 100000, problems),
    loginFailuresPerAccount: readInt(env, 'LOGIN_FAILURES_PER_ACCOUNT', 50, 1, 100000, problems),
    loginWindowMinutes: readInt(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60, problems),
    rateLimitPerMinute: readInt(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000, problems),
    graphqlIntrospection: readBool(env, 'GRAPHQL_INTROSPECTION', problems) ?? env.NODE_ENV !== 'production',
    shutdownTimeoutMs: readInt(env, 'SHUTDOWN_TIMEOUT_MS', 25_000, 1000, 600_000, problems),
    outboxRetentionDays: readInt(env, 'OUTBOX_RETENTION_DAYS', 7, 1, 3650, problems),
    loginFailureRetentionDays: readInt(env, 'LOGIN_FAILURE_RETENTION_DAYS', 30, 1, 3650, problems),
    workerHealthPort: readInt(env, 'WORKER_HEALTH_PORT', 3001, 0, 65535, problems),
    metricsToken: env.METRICS_TOKEN?.trim() || null,
    corsOrigins: readCorsOrigins(env, problems),
    routingDonationOfferSharePercent: readInt(env, 'ROUTING_DONATION_OFFER_SHARE_PERCENT', 50, 1, 100, problems),
    declineCooldownDays: readInt(env, 'DECLINE_COOLDOWN_DAYS', 7, 0, 365, problems),
    stuckOfferHours: readInt(env, 'STUCK_OFFER_HOURS', 12, 1, 24 * 30, problems),
    stuckClaimedDays: readInt(env, 'STUCK_CLAIMED_DAYS', 7, 1, 365, problems),
    stuckOrderDays: readInt(env, 'STUCK_ORDER_DAYS', 21, 1, 365, problems),
    stuckReservedDays: readInt(env, 'STUCK_RESERVED_DAYS', 5, 1, 365, problems),
    jobLockMs: readInt(env, 'JOB_LOCK_MS', 30_000, 500, 3_600_000, problems),
    routingDebounceMs: readInt(env, 'ROUTING_DEBOUNCE_MS', 10_000, 0, 3_600_000, problems),
    outboxPollMs: readInt(env, 'OUTBOX_POLL_MS', 1000, 50, 60_000, problems),
    queuePrefix: env.QUEUE_PREFIX?.trim() || 'reuse',
    maxQueryDepth: readInt(env, 'MAX_QUERY_DEPTH', 12, 2, 100, problems),
    maxQueryComplexity: readInt(env, 'MAX_QUERY_COMPLEXITY', 50_000, 10, 10_000_000, problems),
    publicUrl: readPublicUrl(env, port, problems),
    reportLinkTtlHours: readInt(env, 'REPORT_LINK_TTL_HOURS', 24, 1, 24 * 90, problems),
    passwordResetTtlMinutes: readInt(env, 'PASSWORD_RESET_TTL_MINUTES', 60, 5, 7 * 24 * 60, problems),
    co2eFactors: readCo2eFactors(env, problems),
    geocoderUrl: readGeocoderUrl(env, problems),
    geocoderTimeoutMs: readInt(env, 'GEOCODER_TIMEOUT_MS', 1500, 100, 30_000, problems),
    smtpUrl: readSmtpUrl(env, problems),
    mailFrom: readMailFrom(env, readPublicUrl(env, port, []), problems),
    emailLeaseMs: readInt(env, 'EMAIL_LEASE_MS', 120_000, 1000, 3_600_000, problems),
    attestationKeys: readAttestationKeys(env, dataDir, databaseUrl, jwtSecret, problems),
  };
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
