import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { columnsHydrator, listedColumns, ListingStatements, markedQuery, parameterMarkers, TransactionRunner } from '@app/database';
import { ActAccess, ReadScope } from '@app/auth';
import { Organization } from '@app/network';
import { StockLevel } from '../entities/stock-level.entity';

/** What a stockLevels query asks for: the fields of each level, and those of its refurbisher. */
export interface StockLevelSelection {
  levels: ReadonlySet<string>;
  refurbisher: ReadonlySet<string>;
}

/** What the field resolvers of Organization read from their parent, whatever is asked (as the organizations listing). */
const ORGANIZATION_ALWAYS = new Set(['id', 'kind', 'name', 'regionId']);

/**
 * Stock levels as the counters hold them (never recounted from devices per request): staff of
 * a region (ADMIN: any, or one region), a refurbisher its own. Empty rows are left out.
 */
@Injectable()
export class StockLevelService {
  /** The listing's SQL per filter shape, projection and caller rule: built once, rows hydrated without TypeORM's per-call plan. */
  private readonly statements = new ListingStatements<StockLevel>();

  constructor(private readonly tx: TransactionRunner) {}

  /**
   * With `selection` (what the GraphQL query asks for), only the columns it needs are read, the
   * levels' keys always (they are the order) and the refurbisher's as the organizations listing
   * reads them; without, every column.
   */
  levels(ctx: RequestContext, filter: { regionId?: string | null; refurbisherId?: string | null }, selection?: StockLevelSelection): Promise<StockLevel[]> {
    // a filter the caller may not use is refused, not answered empty
    if (filter.refurbisherId) ActAccess.assert(ctx, 'Organization', 'filterStockBy', { id: filter.refurbisherId });
    if (filter.regionId) ActAccess.assert(ctx, 'Region', 'readStock', { id: filter.regionId });
    const manager = this.tx.manager(ctx);
    const scope = ReadScope.sql(ctx.user, 'StockLevel', 's');
    const levelFields = selection && new Set([...selection.levels].filter((field) => field !== 'refurbisher'));
    const levelColumns = listedColumns(manager, StockLevel, levelFields, new Set(['refurbisherId', 'category', 'grade']));
    // the join stays whatever is asked: a level whose refurbisher is gone is not listed
    const organizationColumns =
      selection && !selection.levels.has('refurbisher') ? [] : listedColumns(manager, Organization, selection?.refurbisher, ORGANIZATION_ALWAYS);
    const key = [
      filter.regionId ? 'region' : '',
      filter.refurbisherId ? 'refurbisher' : '',
      levelColumns.map((c) => c.databaseName).join(','),
      organizationColumns.map((c) => c.databaseName).join(','),
      scope.sql,
    ].join(' ');
    const statement = this.statements.get(key, () => {
      const qb = manager
        .getRepository(StockLevel)
        .createQueryBuilder('s')
        .innerJoin('s.refurbisher', 'refurbisher')
        .select([...levelColumns.map((c) => `s.${c.propertyPath}`), ...organizationColumns.map((c) => `refurbisher.${c.propertyPath}`)])
        .where('(s.available > 0 OR s.reserved > 0)');
      if (scope.sql !== 'true') qb.andWhere(`(${scope.sql})`, parameterMarkers(Object.keys(scope.params)));
      if (filter.regionId) qb.andWhere('s.region_id = :region', parameterMarkers(['region']));
      if (filter.refurbisherId) qb.andWhere('s.refurbisher_id = :rid', parameterMarkers(['rid']));
      qb.orderBy('s.refurbisher_id').addOrderBy('s.category').addOrderBy('s.grade');
      const { sql, parameters } = markedQuery(qb);
      const level = columnsHydrator(manager, sql, 's', levelColumns);
      const organization = organizationColumns.length ? columnsHydrator(manager, sql, 'refurbisher', organizationColumns) : null;
      return {
        sql,
        parameters,
        hydrate: (row) => {
          const stockLevel = new StockLevel();
          level(row, stockLevel);
          if (organization) {
            stockLevel.refurbisher = new Organization();
            organization(row, stockLevel.refurbisher);
          }
          return stockLevel;
        },
      };
    });
    return this.statements.run(manager, statement, { ...scope.params, region: filter.regionId, rid: filter.refurbisherId });
  }
}
