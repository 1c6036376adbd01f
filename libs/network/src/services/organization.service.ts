import { Injectable } from '@nestjs/common';
import { AddressResolver, BadInputError, byKey, ConflictError, ErrorReason, isValidSiret, NotFoundError, RequestContext, requestLoader } from '@app/common';
import { normalizeSiret } from '@app/common';
import { columnsHydrator, ListingStatement, ListingStatements, markedQuery, parameterMarker, parameterMarkers, TransactionRunner } from '@app/database';
import { ActAccess, ReadScope } from '@app/auth';
import { EntityManager, In } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { CategoryCapacityInput, CreateOrganizationInput } from '../dto/network.inputs';
import { Organization } from '../entities/organization.entity';
import { OrganizationKind } from '../entities/organization-kind';
import { RefurbisherCapacity } from '../entities/refurbisher-capacity.entity';
import { Region } from '../entities/region.entity';

@Injectable()
export class OrganizationService {
  /**
   * The listing's SQL, built by the query builder once per filter shape and caller rule: building
   * it and hydrating through TypeORM took a quarter of the CPU of `{ organizations { id name kind } }`.
   */
  private readonly listStatements = new ListingStatements<Organization>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly addresses: AddressResolver,
  ) {}

  /**
   * The organizations the caller may read (READ_RULES): staff their region (ADMIN: any); everybody
   * else its own and those it works with (a donor the refurbishers of its lots, a refurbisher the
   * donors it collects from and the partners it ships to, a partner the refurbishers that ship to it).
   * With `fields` (the GraphQL fields asked for), only the columns those need are read, besides
   * what the organization's own field resolvers use (id, kind, region); without, every column.
   */
  async list(ctx: RequestContext, filter: { kind?: OrganizationKind | null; regionId?: string | null }, fields?: ReadonlySet<string>): Promise<Organization[]> {
    const manager = this.tx.manager(ctx);
    const scope = ReadScope.sql(ctx.user, 'Organization', 'o');
    const columns = listedColumns(manager, fields);
    const key = `${filter.kind ? 'kind ' : ''}${filter.regionId ? 'region ' : ''}${columns.map((c) => c.databaseName).join(',')} ${scope.sql}`;
    // the rules put caller values in parameters, so there is one text per role, filter and projection
    const statement = this.listStatements.get(key, () => listStatement(manager, filter, columns, scope.sql, Object.keys(scope.params)));
    return this.listStatements.run(manager, statement, { ...scope.params, kind: filter.kind, regionId: filter.regionId });
  }

  /** null when absent or not readable by the caller: ids are not probed. */
  find(ctx: RequestContext, id: string): Promise<Organization | null> {
    const qb = this.tx.manager(ctx).getRepository(Organization).createQueryBuilder('o').where('o.id = :id', { id });
    return ReadScope.apply(ctx, qb, 'Organization', 'o').getOne();
  }

  async getForUpdate(manager: EntityManager, id: string): Promise<Organization> {
    const org = await manager.getRepository(Organization).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!org) throw new NotFoundError('Organization', id);
    return org;
  }

  /**
   * Batched, per-request load for the edges that lead to an organization (Lot.refurbisher,
   * Donation.donor, CustodyEvent.organization, ...): null when the caller may not read it, by the
   * same rule as the root queries, whatever parent it was reached from.
   */
  load(ctx: RequestContext, id: string): Promise<Organization | null> {
    return requestLoader<string, Organization | null>(ctx, 'organization', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(Organization)
        .createQueryBuilder('o')
        .where('o.id IN (:...ids)', { ids: [...ids] });
      return byKey(ids, await ReadScope.apply(ctx, qb, 'Organization', 'o').getMany(), (o) => o.id);
    }).load(id);
  }

  capacitiesOf(ctx: RequestContext, organizationIds: readonly string[]): Promise<RefurbisherCapacity[]> {
    return this.tx
      .manager(ctx)
      .getRepository(RefurbisherCapacity)
      .find({ where: { organizationId: In([...organizationIds]) }, order: { category: 'ASC' } });
  }

  async create(ctx: RequestContext, input: CreateOrganizationInput): Promise<Organization> {
    ActAccess.assert(ctx, 'Region', 'administer', { id: input.regionId });
    const isRefurbisher = input.kind === OrganizationKind.REFURBISHER;
    // the input validator normalised it already; normalising again keeps callers inside the server to the same form
    const siret = input.siret == null ? null : normalizeSiret(input.siret);
    if (siret !== null && !isValidSiret(siret)) {
      throw new BadInputError(
        'siret must be 14 digits with a valid Luhn checksum: check it on the Insee notice',
        { field: 'siret' },
        ErrorReason.SIRET_INVALID,
      );
    }
    if (!isRefurbisher && (input.capacities?.length || input.serviceRadiusKm != null)) {
      throw new BadInputError(
        'Only refurbishers have capacities and a service radius: leave them out',
        { field: input.capacities?.length ? 'capacities' : 'serviceRadiusKm' },
        ErrorReason.REFURBISHER_ONLY,
      );
    }
    if (input.taxReceiptEligible && !isRefurbisher) {
      throw new BadInputError(
        'Only refurbishers issue tax receipts: leave taxReceiptEligible out',
        { field: 'taxReceiptEligible' },
        ErrorReason.REFURBISHER_ONLY,
      );
    }
    if (input.publicBody && input.kind !== OrganizationKind.DONOR) {
      throw new BadInputError('Only donors are public bodies here: leave publicBody out', { field: 'publicBody' }, ErrorReason.DONOR_ONLY);
    }
    if (isRefurbisher && input.serviceRadiusKm == null) {
      throw new BadInputError(
        'A refurbisher needs a serviceRadiusKm: give the distance it travels to collect, in km',
        { field: 'serviceRadiusKm' },
        ErrorReason.SERVICE_RADIUS_REQUIRED,
      );
    }
    assertDistinctCategories(input.capacities ?? []);
    // placed before the transaction: the street geocoder may take a network round trip
    const address = await this.addresses.resolve(input.address);
    return this.tx.run(ctx, async (_, manager) => {
      if (!(await manager.getRepository(Region).exists({ where: { id: input.regionId } }))) throw new NotFoundError('Region', input.regionId);
      if (siret && (await manager.getRepository(Organization).exists({ where: { siret } }))) {
        // the same answer wherever that organization is: a coordinator learns nothing of other regions
        throw new ConflictError(
          'This SIRET cannot be used for a new organization: check it, or ask an administrator',
          { field: 'siret' },
          ErrorReason.SIRET_TAKEN,
        );
      }
      const repo = manager.getRepository(Organization);
      const org = await repo.save(
        repo.create({
          kind: input.kind,
          name: input.name.trim(),
          siret,
          regionId: input.regionId,
          address,
          serviceRadiusKm: isRefurbisher ? input.serviceRadiusKm! : null,
          publicBody: input.publicBody ?? false,
          taxReceiptEligible: input.taxReceiptEligible ?? false,
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
      ActAccess.assert(ctx, 'Organization', 'setCapacities', org, 'Organization');
      if (org.kind !== OrganizationKind.REFURBISHER) {
        throw new BadInputError('Only refurbishers have capacities: choose a refurbisher', { field: 'capacities' }, ErrorReason.REFURBISHER_ONLY);
      }
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
    if (seen.has(c.category)) {
      throw new BadInputError(
        `Category ${c.category} is given twice: give each category once`,
        { field: 'capacities', value: c.category },
        ErrorReason.DUPLICATE_VALUE,
      );
    }
    seen.add(c.category);
  }
}

/** What the field resolvers of Organization read from their parent (region, capacities), whatever is asked. */
const ALWAYS_LISTED = new Set(['id', 'kind', 'name', 'regionId']);

/** The columns whose property (the embedded object's, for the address) is asked for, or always needed. */
function listedColumns(manager: EntityManager, fields: ReadonlySet<string> | undefined): ColumnMetadata[] {
  const all = manager.connection.getMetadata(Organization).columns;
  if (!fields) return all;
  return all.filter((column) => {
    const property = column.propertyPath.split('.')[0]!;
    return ALWAYS_LISTED.has(property) || fields.has(property);
  });
}

/**
 * The listing as the query builder writes it, with its parameters' order found by giving each a
 * marker value, and a hydration of the selected columns as TypeORM's (listing-statement.ts).
 */
function listStatement(
  manager: EntityManager,
  filter: { kind?: unknown; regionId?: unknown },
  selected: ColumnMetadata[],
  scopeSql: string,
  scopeParameters: string[],
): ListingStatement<Organization> {
  const qb = manager
    .getRepository(Organization)
    .createQueryBuilder('o')
    .select(selected.map((column) => `o.${column.propertyPath}`))
    .orderBy('o.name', 'ASC');
  if (filter.kind) qb.andWhere('o.kind = :kind', { kind: parameterMarker('kind') });
  if (filter.regionId) qb.andWhere('o.region_id = :regionId', { regionId: parameterMarker('regionId') });
  if (scopeSql !== 'true') qb.andWhere(`(${scopeSql})`, parameterMarkers(scopeParameters));
  const { sql, parameters } = markedQuery(qb);
  const hydrate = columnsHydrator(manager, sql, 'o', selected);
  return {
    sql,
    parameters,
    hydrate: (row) => {
      const organization = new Organization();
      hydrate(row, organization);
      return organization;
    },
  };
}
