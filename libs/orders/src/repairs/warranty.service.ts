import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Organization, OrganizationKind } from '@app/network';
import { actorUserIdOf } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { WarrantyPolicy } from './warranty-policy.entity';
import { WarrantyView } from './warranty-policy.type';

/** A refurbisher sets its warranty (ACT_RULES.Organization.setWarranty): devices delivered afterwards get it; those delivered before keep theirs. */
@Injectable()
export class WarrantyService {
  constructor(private readonly tx: TransactionRunner) {}

  set(ctx: RequestContext, refurbisherId: string | null | undefined, months: number): Promise<WarrantyView> {
    return this.tx.run(ctx, async (_, manager) => {
      const id = await this.refurbisherId(ctx, manager, refurbisherId, 'setWarranty');
      const [row]: Array<{ months: number; updated_at: Date }> = await manager.query(
        `INSERT INTO warranty_policy (refurbisher_id, months, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (refurbisher_id) DO UPDATE SET months = EXCLUDED.months, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING months, updated_at`,
        [id, months, actorUserIdOf(ctx)],
      );
      return { refurbisherId: id, months: row!.months, updatedAt: row!.updated_at };
    });
  }

  /** The warranty as set; a refurbisher that never set one gives none (0 months, updatedAt null). */
  get(ctx: RequestContext, refurbisherId: string | null | undefined): Promise<WarrantyView> {
    return this.tx.run(ctx, async (_, manager) => {
      const id = await this.refurbisherId(ctx, manager, refurbisherId, 'readWarranty');
      const policy = await manager.getRepository(WarrantyPolicy).findOne({ where: { refurbisherId: id } });
      return { refurbisherId: id, months: policy?.months ?? 0, updatedAt: policy?.updatedAt ?? null };
    });
  }

  private async refurbisherId(
    ctx: RequestContext,
    manager: EntityManager,
    refurbisherId: string | null | undefined,
    action: 'setWarranty' | 'readWarranty',
  ): Promise<string> {
    const id = refurbisherId ?? ctx.user.organizationId;
    if (!id) throw new BadInputError('name the refurbisher (refurbisherId)', { field: 'refurbisherId' }, ErrorReason.ORGANIZATION_REQUIRED);
    const org = await manager.getRepository(Organization).findOne({ where: { id } });
    if (!org) throw new NotFoundError('Organization', id);
    ActAccess.assert(ctx, 'Organization', action, org, 'Organization');
    if (org.kind !== OrganizationKind.REFURBISHER) {
      throw new BadInputError(
        'only a refurbisher gives a warranty',
        { field: 'refurbisherId', expected: OrganizationKind.REFURBISHER },
        ErrorReason.WRONG_ORGANIZATION_KIND,
      );
    }
    return id;
  }
}
