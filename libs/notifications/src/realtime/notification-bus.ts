import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import MQEmitterRedis from 'mqemitter-redis';

export type NotificationTopic = 'user' | 'offer' | 'order';

/**
 * The Redis pub/sub between whoever records a notification (a worker, maybe another process)
 * and the API processes holding WebSocket subscriptions: Mercurius takes this emitter as its
 * own, so a publish here reaches every API process. Topics are under QUEUE_PREFIX, like every
 * Redis key of an installation. Best effort: the inbox is the record, a live push only saves a poll.
 */
@Injectable()
export class NotificationBus implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationBus.name);
  private mq?: MQEmitterRedis.MQEmitterRedis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Made on first use: processes that neither publish nor subscribe open no connection. */
  emitter(): MQEmitterRedis.MQEmitterRedis {
    if (!this.mq) {
      this.mq = MQEmitterRedis({
        connectionString: this.config.redisUrl,
        maxRetriesPerRequest: 1,
        retryStrategy: (attempt: number) => Math.min(attempt * 500, 5000),
      } as MQEmitterRedis.MQEmitterOptions);
      // Redis away: said once (RedisStatus tells the rest); the connections retry by themselves
      let warned = false;
      (this.mq as unknown as { state: NodeJS.EventEmitter }).state.on('error', (error: Error) => {
        if (!warned) this.logger.warn(`live notifications paused: ${error.message}`);
        warned = true;
      });
    }
    return this.mq;
  }

  topic(kind: NotificationTopic, id: string): string {
    return `${this.config.queuePrefix}/notifications/${kind}/${id}`;
  }

  publish(topic: string, payload: unknown): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 2000);
      this.emitter().emit({ topic, payload }, (error) => {
        clearTimeout(timer);
        if (error) this.logger.warn(`live notification not published (${error.message}); the inbox has it`);
        resolve();
      });
    });
  }

  /** Bounded: with Redis away, a polite close would wait for ever; the connections are then cut. */
  async onApplicationShutdown(): Promise<void> {
    const mq = this.mq as (MQEmitterRedis.MQEmitterRedis & { subConn: { disconnect(): void }; pubConn: { disconnect(): void } }) | undefined;
    this.mq = undefined;
    if (!mq) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((resolve) => mq.close(() => resolve())), new Promise<void>((resolve) => (timer = setTimeout(resolve, 1000)))]);
    clearTimeout(timer);
    mq.subConn.disconnect();
    mq.pubConn.disconnect();
  }
}
