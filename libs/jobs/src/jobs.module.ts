import { Global, Module } from '@nestjs/common';
import { RedisStatus } from './redis-status';

@Global()
@Module({ providers: [RedisStatus], exports: [RedisStatus] })
export class JobsModule {}
