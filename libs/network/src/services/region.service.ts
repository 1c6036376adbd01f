import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AccessPolicy, ActAccess } from '@app/auth';
import { In } from 'typeorm';
import { CreateRegionInput } from '../dto/network.inputs';
import { Region } from '../entities/region.entity';

@Injectable()
export class RegionService {
  constructor(private readonly tx: TransactionRunner) {}

  list(ctx: RequestContext): Promise<Region[]> {
    const scope = AccessPolicy.regionScope(ctx);
    const repo = this.tx.manager(ctx).getRepository(Region);
    return scope ? repo.find({ where: { id: scope } }) : repo.find({ order: { code: 'ASC' } });
  }

  async get(ctx: RequestContext, id: string): Promise<Region> {
    const region = await this.tx.manager(ctx).getRepository(Region).findOne({ where: { id } });
    if (!region) throw new NotFoundError('Region', id);
    return region;
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Region[]> {
    return this.tx
      .manager(ctx)
      .getRepository(Region)
      .find({ where: { id: In([...ids]) } });
  }

  create(ctx: RequestContext, input: CreateRegionInput): Promise<Region> {
    ActAccess.assertRole(ctx, 'Region', 'create');
    return this.tx.run(ctx, async (_, manager) => {
      const repo = manager.getRepository(Region);
      if (await repo.exists({ where: { code: input.code } })) {
        throw new ConflictError(`Region ${input.code} exists already: choose another code`, { field: 'code', code: input.code }, ErrorReason.REGION_CODE_TAKEN);
      }
      return repo.save(repo.create({ code: input.code, name: input.name.trim() }));
    });
  }
}
