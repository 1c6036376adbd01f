import { Injectable } from '@nestjs/common';
import { BadInputError, byKey, ConflictError, isValidSiret, NotFoundError, RequestContext, requestLoader, resolveAddress } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AccessPolicy } from '@app/auth/access-policy';
import { EntityManager, In } from 'typeorm';
import { CategoryCapacityInput, CreateOrganizationInput } from '../dto/network.inputs';
import { Organization } from '../entities/organization.entity';
import { OrganizationKind } from '../entities/organization-kind';
import { RefurbisherCapacity } from '../entities/refurbisher-capacity.entity';
import { Region } from '../entities/region.entity';

@Injectable()
export class OrganizationService {
  constructor(private readonly tx: TransactionRunner) {}

  /** Staff list their region (ADMIN: any); everybody else sees its own organization. */
  list(ctx: RequestContext, filter: { kind?: OrganizationKind | null; regionId?: string | null }): Promise<Organization[]> {
    const qb = this.tx.manager(ctx).getRepository(Organization).createQueryBuilder('o').orderBy('o.name', 'ASC');
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.regionId) qb.andWhere('o.region_id = :regionId', { regionId: filter.regionId });
    if (ctx.isCoordinator) qb.andWhere('o.region_id = :own', { own: ctx.user.regionId });
    else if (!ctx.isAdmin) qb.andWhere('o.id = :id', { id: ctx.organizationId });
    return qb.getMany();
  }

  /** null when absent or not visible to the caller: ids are not probed. */
  async find(ctx: RequestContext, id: string): Promise<Organization | null> {
    const org = await this.tx.manager(ctx).getRepository(Organization).findOne({ where: { id } });
    return org && AccessPolicy.canSeeOrganization(ctx, org) ? org : null;
  }

  async getForUpdate(manager: EntityManager, id: string): Promise<Organization> {
    const org = await manager.getRepository(Organization).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!org) throw new NotFoundError('Organization', id);
    return org;
  }

  /**
   * Batched, per-request load for nested fields (Lot.refurbisher, Donation.donor, ...). It does
   * not check visibility: the parent the caller could see decides that.
   */
  load(ctx: RequestContext, id: string): Promise<Organization | null> {
    return requestLoader<string, Organization | null>(ctx, 'organization', async (ids) =>
      byKey(ids, await this.tx.manager(ctx).getRepository(Organization).find({ where: { id: In([...ids]) } }), (o) => o.id),
    ).load(id);
  }

  capacitiesOf(ctx: RequestContext, organizationIds: readonly string[]): Promise<RefurbisherCapacity[]> {
    return this.tx
      .manager(ctx)
      .getRepository(RefurbisherCapacity)
      .find({ where: { organizationId: In([...organizationIds]) }, order: { category: 'ASC' } });
  }

  create(ctx: RequestContext, input: CreateOrganizationInput): Promise<Organization> {
    AccessPolicy.assertCanAdministerRegion(ctx, input.regionId);
    const isRefurbisher = input.kind === OrganizationKind.REFURBISHER;
    if (input.siret != null && !isValidSiret(input.siret)) {
      throw new BadInputError('siret must be 14 digits with a valid Luhn checksum', { field: 'siret' });
    }
    if (!isRefurbisher && (input.capacities?.length || input.serviceRadiusKm != null)) {
      throw new BadInputError('Only refurbishers have capacities and a service radius');
    }
    if (isRefurbisher && input.serviceRadiusKm == null) {
      throw new BadInputError('A refurbisher needs a serviceRadiusKm', { field: 'serviceRadiusKm' });
    }
    assertDistinctCategories(input.capacities ?? []);
    const address = resolveAddress(input.address);
    return this.tx.run(ctx, async (_, manager) => {
      if (!(await manager.getRepository(Region).exists({ where: { id: input.regionId } }))) throw new NotFoundError('Region', input.regionId);
      if (input.siret && (await manager.getRepository(Organization).exists({ where: { siret: input.siret } }))) {
        throw new ConflictError(`An organization with SIRET ${input.siret} exists already`);
      }
      const repo = manager.getRepository(Organization);
      const org = await repo.save(
        repo.create({
          kind: input.kind,
          name: input.name.trim(),
          siret: input.siret ?? null,
          regionId: input.regionId,
          address,
          serviceRadiusKm: isRefurbisher ? input.serviceRadiusKm! : null,
        }),
      );
      if (input.capacities?.length) await this.writeCapacities(manager, org.id, input.capacities);
      return org;
    });
  }

  setCapacities(ctx: RequestContext, organizationId: string, capacities: CategoryCapacityInput[]): Promise<Organization> {
    assertDistinctCategories(capacities);
    return this.tx.run(ctx, async (_, manager) => {
      const org = await this.getForUpdate(manager, organizationId);
      if (!AccessPolicy.canSeeOrganization(ctx, org)) throw new NotFoundError('Organization', organizationId);
      AccessPolicy.assertCanAdministerRegion(ctx, org.regionId);
      if (org.kind !== OrganizationKind.REFURBISHER) throw new BadInputError('Only refurbishers have capacities');
      await this.writeCapacities(manager, org.id, capacities);
      return org;
    });
  }

  /** Upserts the given categories; a category left out keeps its capacity, its load is never touched. */
  private async writeCapacities(manager: EntityManager, organizationId: string, capacities: CategoryCapacityInput[]): Promise<void> {
    for (const c of capacities) {
      await manager.query(
        `INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity, load) VALUES ($1, $2, $3, 0)
         ON CONFLICT (organization_id, category) DO UPDATE SET weekly_capacity = EXCLUDED.weekly_capacity`,
        [organizationId, c.category, c.weeklyCapacity],
      );
    }
  }
}

function assertDistinctCategories(capacities: CategoryCapacityInput[]): void {
  const seen = new Set<string>();
  for (const c of capacities) {
    if (seen.has(c.category)) throw new BadInputError(`Category ${c.category} is given twice`, { field: 'capacities' });
    seen.add(c.category);
  }
}
