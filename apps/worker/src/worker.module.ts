import { Module } from '@nestjs/common';
import { JobsModule } from '@app/jobs';

/** The BullMQ processors. Runs inside the API process by default, or alone (apps/worker/main). */
@Module({ imports: [JobsModule] })
export class WorkerModule {}
