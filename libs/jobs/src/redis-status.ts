import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import Redis from 'ioredis';

/**
 * Watches Redis. When it cannot be reached the API keeps serving (jobs wait in the outbox):
 * this says so once, and once again when Redis is back.
 */
@Injectable()
export class RedisStatus implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly client: Redis;
  private up = false;
  private warned = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = new Redis(config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
    });
    this.client.on('ready', () => {
      this.up = true;
      if (this.warned) this.logger.log(`Redis is back at ${this.safeUrl}: queued jobs will run`);
      this.warned = false;
    });
    this.client.on('error', (error: Error) => {
      this.up = false;
      if (!this.warned) {
        this.warned = true;
        this.logger.warn(`Redis unreachable at ${this.safeUrl} (${error.message}): the API keeps serving; background jobs wait in the outbox until it is back`);
      }
    });
    this.client.connect().catch(() => undefined);
  }

  get isUp(): boolean {
    return this.up;
  }

  async ping(timeoutMs = 1000): Promise<boolean> {
    try {
      const answer = await Promise.race([this.client.ping(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs))]);
      return answer === 'PONG';
    } catch {
      return false;
    }
  }

  private get safeUrl(): string {
    return this.config.redisUrl.replace(/\/\/[^@]*@/, '//***@');
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
