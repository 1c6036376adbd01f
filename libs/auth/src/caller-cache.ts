import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Caller } from '@app/common';
import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';

/** A token's caller as read from the database, with what decides whether its tokens still hold. */
export interface CachedCaller {
  caller: Caller;
  tokenVersion: number;
}

/** How long the start waits for the subscription before serving anyway (Redis down: TTL only). */
const SUBSCRIBE_WAIT_MS = 2000;

/**
 * The callers of tokens, kept for AUTH_CACHE_SECONDS so that a request costs no user lookup, and
 * dropped at once in every API process when an account changes (deactivated, password, role):
 * the process that changed it publishes the user id on Redis after its commit, each process
 * subscribes. With Redis unreachable, nothing is published or heard and an entry lives at most
 * its TTL; whenever the subscription (re)connects the whole cache is dropped, since changes may
 * have been missed meanwhile.
 *
 * A read that started before an eviction must not put the old row back: each eviction bumps the
 * user's generation, and a read caches its row only if the generation did not move meanwhile.
 */
@Injectable()
export class CallerCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CallerCache.name);
  private readonly entries?: LRUCache<string, CachedCaller>;
  private readonly generations = new Map<string, number>();
  private readonly channel: string;
  private subscriber?: Redis;
  private publisher?: Redis;
  private warned = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.channel = `${config.queuePrefix}:auth:user-changed`;
    if (config.authCacheSeconds > 0) this.entries = new LRUCache({ max: 10_000, ttl: config.authCacheSeconds * 1000 });
  }

  async onModuleInit(): Promise<void> {
    // nothing cached, nothing to invalidate: no connection at all
    if (!this.entries) return;
    const options = { lazyConnect: true, retryStrategy: (attempt: number) => Math.min(attempt * 500, 5000) };
    this.subscriber = new Redis(this.config.redisUrl, { ...options, maxRetriesPerRequest: null });
    this.publisher = new Redis(this.config.redisUrl, { ...options, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.subscriber.on('message', (_channel: string, userId: string) => this.evictLocally(userId));
    // a (re)connected subscription may have missed changes: forget everything read before
    this.subscriber.on('ready', () => this.entries?.clear());
    this.subscriber.on('error', (error: Error) => this.warnOnce(error));
    this.publisher.on('error', (error: Error) => this.warnOnce(error));
    this.publisher.connect().catch(() => undefined);
    this.subscriber.connect().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    // subscribed, or Redis refused the connection (nothing to wait for: TTL only until it is back), or it is slow
    await Promise.race([
      this.subscriber.subscribe(this.channel).catch(() => undefined),
      new Promise((resolve) => this.subscriber?.once('error', resolve)),
      new Promise((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }

  /** The generation to hand back to `set`: taken before the database read. */
  generationOf(userId: string): number {
    return this.generations.get(userId) ?? 0;
  }

  get(userId: string): CachedCaller | undefined {
    return this.entries?.get(userId);
  }

  set(entry: CachedCaller, generation: number): void {
    if (!this.entries || this.generationOf(entry.caller.userId) !== generation) return;
    this.entries.set(entry.caller.userId, entry);
  }

  /**
   * The account changed and the change is committed: forget it here, and tell every other
   * process. Never throws: with Redis down the other processes see it within AUTH_CACHE_SECONDS.
   */
  async changed(userId: string): Promise<void> {
    this.evictLocally(userId);
    if (!this.publisher) return;
    await this.publisher.publish(this.channel, userId).catch((error: Error) => this.warnOnce(error));
  }

  private evictLocally(userId: string): void {
    if (!this.entries) return;
    // generations only matter while a read may be in flight; bounded like the cache itself
    if (this.generations.size > 10_000) this.generations.clear();
    this.generations.set(userId, this.generationOf(userId) + 1);
    this.entries.delete(userId);
  }

  private warnOnce(error: Error): void {
    if (this.warned) return;
    this.warned = true;
    this.logger.warn(
      `Redis unreachable for account changes (${error.message}): other API processes see a deactivation or password change within AUTH_CACHE_SECONDS (${this.config.authCacheSeconds} s)`,
    );
  }
}
