import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/common';

/** What HTTP requests may reach GraphQL at all (placeholder). */
export async function registerHttpSurface(_app: NestFastifyApplication, _config: AppConfig): Promise<void> {}
