import { Caller, ForbiddenError, NotFoundError, RequestContext } from '@app/common';
import { EntityManager } from 'typeorm';
import { ActAction, actCell, ActCell, ActResource, ActRow, EVERYTHING } from './act-rules';
import type { ScopeSql } from './scope-sql';

const NOT_ALLOWED = 'You are not allowed to do this';

/** The table a resource's rows live in, for the SQL forms of its rules. */
const TABLES: Record<ActResource, string> = {
  Region: 'region',
  Organization: 'organization',
  // the query builder quotes the name itself ("user" is a reserved word)
  User: 'user',
  Donation: 'donation',
  Lot: 'lot',
  Pickup: 'pickup',
  Device: 'device',
  PartnerOrder: 'partner_order',
  Loan: 'loan',
  RepairTicket: 'repair_ticket',
  Need: 'need',
  Reconciliation: 'reconciliation',
  // acts on the caller's own rows: the row named is the user itself
  Notification: 'user',
  // no row at all (files): the rule is the role's
  CapturedEmail: 'user',
};

function refusal(cell: ActCell | undefined, entity: string, id: string | undefined): Error {
  if (!cell) return new ForbiddenError(NOT_ALLOWED);
  return cell.denied.code === 'NOT_FOUND' ? new NotFoundError(entity, id) : new ForbiddenError(cell.denied.message);
}

function params(caller: Caller): Record<string, unknown> {
  return { actOrg: caller.organizationId, actRegion: caller.regionId };
}

/**
 * The checker over ACT_RULES: a command asks it, once, before it changes anything, about the
 * rows it loaded (and locked); a conditional UPDATE takes the rule as SQL; a command over many
 * ids asks for them all at once. One method per question, as Immich's access repository.
 */
export const ActAccess = {
  /** Does the rule of the caller's role hold for this row (as loaded)? */
  allows<R extends ActResource>(caller: Caller, resource: R, action: ActAction<R>, row: ActRow): boolean {
    const cell = actCell(resource, action, caller.role);
    if (!cell) return false;
    if (!cell.rule.holds) throw new Error(`${resource}.${action}: "${cell.rule.says}" is decided in SQL (ActAccess.permitted)`);
    return cell.rule.holds(caller, row);
  },

  /**
   * Refuses unless the rule holds: NOT_FOUND (as `entity`, the name the API has always used) or
   * FORBIDDEN, as the cell declares; a role with no cell is FORBIDDEN.
   */
  assert<R extends ActResource>(ctx: RequestContext, resource: R, action: ActAction<R>, row: ActRow, entity: string = resource): void {
    if (ActAccess.allows(ctx.user, resource, action, row)) return;
    throw refusal(actCell(resource, action, ctx.user.role), entity, row.id);
  },

  /** An action on no row in particular (creating a region, a sweep over every region): only a role whose rule is EVERYTHING. */
  assertRole<R extends ActResource>(ctx: RequestContext, resource: R, action: ActAction<R>): void {
    const cell = actCell(resource, action, ctx.user.role);
    if (cell?.rule === EVERYTHING) return;
    throw refusal(cell, resource, undefined);
  },

  /** The rule as a WHERE fragment on `alias` (bare columns when null), for a conditional UPDATE. */
  where<R extends ActResource>(ctx: RequestContext, resource: R, action: ActAction<R>, alias: string | null): ScopeSql {
    const cell = actCell(resource, action, ctx.user.role);
    if (!cell) return { sql: 'false', params: {} };
    return { sql: `(${cell.rule.sql(alias)})`, params: params(ctx.user) };
  },

  /** Of these ids, those the caller may act on, in one query (rules over other tables are decided here). */
  async permitted<R extends ActResource>(
    ctx: RequestContext,
    manager: EntityManager,
    resource: R,
    action: ActAction<R>,
    ids: readonly string[],
  ): Promise<Set<string>> {
    const cell = actCell(resource, action, ctx.user.role);
    if (!cell || !ids.length) return new Set();
    const rows: Array<{ id: string }> = await manager
      .createQueryBuilder()
      .select('a.id', 'id')
      .from(TABLES[resource], 'a')
      .where('a.id IN (:...ids)', { ids: [...new Set(ids)] })
      .andWhere(`(${cell.rule.sql('a')})`, params(ctx.user))
      .getRawMany();
    return new Set(rows.map((r) => r.id));
  },

  /** `permitted` for one id, refusing as the cell declares. */
  async assertPermitted<R extends ActResource>(
    ctx: RequestContext,
    manager: EntityManager,
    resource: R,
    action: ActAction<R>,
    id: string,
    entity: string = resource,
  ): Promise<void> {
    if ((await ActAccess.permitted(ctx, manager, resource, action, [id])).has(id)) return;
    throw refusal(actCell(resource, action, ctx.user.role), entity, id);
  },
};
