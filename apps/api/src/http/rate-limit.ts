import rateLimit from '@fastify/rate-limit';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, ErrorCode, ErrorReason } from '@app/common';
import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { createHmac, timingSafeEqual } from 'node:crypto';

const WINDOW_MS = 60_000;

type Counted = { current: number; ttl: number };
type Caller = { method: string; url: string; ip: string; headers: { authorization?: string } };
type Verdict = { isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttlInSeconds: number };
type IncrCallback = (error: Error | null, result?: Counted) => void;

/** One fixed window per key: the first request of a minute sets its expiry. */
const COUNT_IN_WINDOW = `
  local current = redis.call('INCR', KEYS[1])
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
  return {current, ttl}
`;

/**
 * Counts in Redis, so that every API process shares one count per caller. While Redis is away
 * (or slower than a quarter of a second) each process counts in its own memory instead: the limit
 * stays on, per process, and the API never waits on Redis nor fails because of it.
 */
class SharedOrLocalCounter {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new LRUCache<string, { current: number; resetAt: number }>({ max: 50_000 });
  private warned = false;

  constructor(
    private readonly redis: Redis & { countInWindow?: (key: string, windowMs: number) => Promise<[number, number]> },
    private readonly prefix: string,
  ) {
    redis.defineCommand('countInWindow', { numberOfKeys: 1, lua: COUNT_IN_WINDOW });
    redis.on('error', (error: Error) => this.degraded(error.message));
    redis.on('ready', () => {
      if (this.warned) this.logger.log('Redis is back: request counts are shared again');
      this.warned = false;
    });
  }

  incr(key: string, callback: IncrCallback, timeWindow: number): void {
    if (this.redis.status !== 'ready') return callback(null, this.countLocally(key, timeWindow));
    this.redis.countInWindow!(`${this.prefix}${key}`, timeWindow).then(
      ([current, ttl]) => callback(null, { current, ttl }),
      (error: Error) => {
        this.degraded(error.message);
        callback(null, this.countLocally(key, timeWindow));
      },
    );
  }

  child(): this {
    return this;
  }

  private countLocally(key: string, timeWindow: number): Counted {
    const now = Date.now();
    let entry = this.local.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { current: 0, resetAt: now + timeWindow };
      this.local.set(key, entry);
    }
    entry.current += 1;
    return { current: entry.current, ttl: entry.resetAt - now };
  }

  private degraded(reason: string): void {
    if (this.warned) return;
    this.warned = true;
    this.logger.warn(`Redis unavailable for the request limit (${reason}): each API process counts on its own until it is back`);
  }
}

/**
 * The subject of a bearer token this server signed and that has not expired, else null. Checked
 * here, cheaply (one HMAC), because an unchecked token would let anyone pick a fresh count by
 * inventing a subject; a refused token is counted against its address.
 */
function verifiedSubject(token: string, secret: Buffer): string | null {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown };
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return null;
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

/** Probes of an orchestrator, and CORS preflights, which carry no work. */
function exempt(request: Caller): boolean {
  if (request.method === 'OPTIONS') return true;
  const path = request.url.split('?')[0]!;
  return path === '/health' || path.startsWith('/health/');
}

/**
 * The general request limit: RATE_LIMIT_PER_MINUTE requests per minute per signed-in user, or per
 * client address (as TRUST_PROXY lets Fastify see it) for anonymous calls; 0 turns it off.
 * Past it: HTTP 429, a Retry-After header, and a GraphQL error with code RATE_LIMITED.
 */
export async function registerRateLimit(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  if (config.rateLimitPerMinute <= 0) return;
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: 250,
    retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
  });
  const counter = new SharedOrLocalCounter(redis, `${config.queuePrefix}:rate:`);
  redis.connect().catch(() => undefined);
  const secret = Buffer.from(config.jwtSecret);

  // Nest's Fastify adapter carries its own copy of Fastify's types, which the plugin's do not extend
  await app.register(rateLimit as unknown as Parameters<NestFastifyApplication['register']>[0], {
    global: false,
    max: config.rateLimitPerMinute,
    timeWindow: WINDOW_MS,
    // the plugin builds its store with `new`; a constructor returning an object yields that object
    store: function Store() {
      return counter;
    },
    keyGenerator: (request: Caller) => {
      const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const subject = bearer ? verifiedSubject(bearer, secret) : null;
      return subject ? `user:${subject}` : `ip:${request.ip}`;
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const check = (fastify as unknown as { createRateLimit(): (request: unknown) => Promise<Verdict> }).createRateLimit();
  fastify.addHook('onRequest', async (request, reply) => {
    if (exempt(request)) return;
    const verdict = await check(request);
    if (verdict.isAllowed || !verdict.isExceeded) return;
    const retryAfterSeconds = Math.max(1, verdict.ttlInSeconds);
    return reply
      .code(429)
      .header('retry-after', String(retryAfterSeconds))
      .type('application/json; charset=utf-8')
      .send({
        data: null,
        errors: [
          {
            message: `Too many requests; try again in ${retryAfterSeconds} s`,
            extensions: { code: ErrorCode.RATE_LIMITED, reason: ErrorReason.RATE_LIMITED, details: { retryAfterSeconds } },
          },
        ],
      });
  });
  fastify.addHook('onClose', async () => {
    redis.disconnect();
  });
}
