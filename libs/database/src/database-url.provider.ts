import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import { EmbeddedPostgres } from './embedded-postgres';

/** Resolves where PostgreSQL is: DATABASE_URL, or an embedded server started here. */
@Injectable()
export class DatabaseLocation implements OnApplicationShutdown {
  private embedded?: EmbeddedPostgres;
  private url?: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get isEmbedded(): boolean {
    return this.config.databaseUrl === null;
  }

  async resolve(): Promise<string> {
    if (this.url) return this.url;
    if (this.config.databaseUrl) {
      this.url = this.config.databaseUrl;
    } else {
      this.embedded = new EmbeddedPostgres(this.config.dataDir);
      this.url = await this.embedded.start();
    }
    return this.url;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}
