import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/common';

/** The general per-caller request limit (placeholder until the rate limit lands). */
export async function registerRateLimit(_app: NestFastifyApplication, _config: AppConfig): Promise<void> {}
