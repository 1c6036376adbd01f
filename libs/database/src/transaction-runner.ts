import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { DataSource, EntityManager } from 'typeorm';
import { withCommitHooks } from './before-commit';

/**
 * One transaction per command: a service runs its whole use case inside `run`, and nested
 * calls reuse the context's open transaction instead of opening another.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(ctx: RequestContext, work: (ctx: RequestContext, manager: EntityManager) => Promise<T>): Promise<T> {
    if (ctx.manager) return work(ctx, ctx.manager);
    return this.dataSource.transaction((manager) => withCommitHooks(manager, () => work(ctx.withManager(manager), manager)));
  }

  /** The context's transaction when one is open, the pool otherwise (for reads). */
  manager(ctx: RequestContext): EntityManager {
    return ctx.manager ?? this.dataSource.manager;
  }
}
