import { Injectable } from '@nestjs/common';
import { deferUntilCommit, preparedQuery } from '@app/database';
import { EntityManager } from 'typeorm';
import {
  byMonth,
  FLOW_TABLE,
  FLOW_TABLES,
  FlowRow,
  FlowTable,
  incrementSql,
  incrementFromSourceSql,
  LEAD_TIME_TABLE,
  mergeRows,
  MONTHLY_LEAD_TIME_TABLE,
  REUSE_TABLE,
} from './flow-tables';
import { reportDaySql } from './report-calendar';
import { deviceFlows, deviceLeadTimes, deviceReuse, donationFlows, FlowSource, orderFlows, pickupFlows, pickupLeadTimes } from './region-flow-sources';

type Sign = 1 | -1;

/** What a transaction has yet to add: rows read already, and donations declared (read at the write). */
interface Pending {
  tables: Map<FlowTable, Map<string, FlowRow>>;
  declared: Set<string>;
}

/** Donations declared, their ids in $1: the source the declared counter is read from. */
const DECLARED = donationFlows('d.id = ANY($1::uuid[])');
/**
 * The declared counter of donations just declared, read by the upsert itself. What a donation
 * counts (its region, its day, its lines' quantities) is written with it and no command changes it
 * in the transaction that declares it, so reading it at the commit finds what reading it at once
 * would, with one round trip fewer on the most frequent command.
 */
const DECLARED_INCREMENT = incrementFromSourceSql(FLOW_TABLE, DECLARED);

/**
 * The dashboard's daily counters, moved in the transaction of the command that changes what
 * they count (RegionFlowSubscriber calls it on the events the domains record). Each method
 * restricts a definition of region-flow-sources.ts to the rows the command just wrote (so what is
 * added is exactly what a recount would find for them) and reads it at once (declared donations:
 * in the upsert, see DECLARED_INCREMENT); the sums are written once, just before the commit, by one upsert per
 * table in key order. Those rows are shared by every command of a region and day: taken last
 * and in order, their locks are held briefly and cannot deadlock.
 */
@Injectable()
export class RegionFlowLedger {
  private readonly pending = new WeakMap<EntityManager, Pending>();

  /** Custody events just written: refurbished, delivered, recycled, the reuse by category, two lead times. */
  async deviceEvents(manager: EntityManager, eventIds: readonly string[]): Promise<void> {
    if (!eventIds.length) return;
    const where = 'ce.id = ANY($1::bigint[])';
    await this.addFlows(manager, deviceFlows(where), [eventIds]);
    await this.add(manager, REUSE_TABLE, deviceReuse(where), [eventIds]);
    await this.add(manager, LEAD_TIME_TABLE, deviceLeadTimes(where), [eventIds]);
  }

  /** Donations declared (+1), or cancelled (-1: they are no longer counted as declared). */
  async donations(manager: EntityManager, donationIds: readonly string[], sign: Sign): Promise<void> {
    if (!donationIds.length) return;
    if (sign === -1) return this.addFlows(manager, DECLARED, [donationIds], sign);
    const { pending, fresh } = this.pendingOf(manager);
    for (const id of donationIds) pending.declared.add(id);
    await this.settle(manager, fresh);
  }

  /** Pickups just completed: the devices collected and the declaration-to-pickup lead time. */
  async pickupsCompleted(manager: EntityManager, pickupIds: readonly string[]): Promise<void> {
    if (!pickupIds.length) return;
    await this.addFlows(manager, pickupFlows('p.id = ANY($1::uuid[])'), [pickupIds]);
    await this.add(manager, LEAD_TIME_TABLE, pickupLeadTimes('p.id = ANY($1::uuid[])'), [pickupIds]);
  }

  /**
   * Orders submitted (+1), or cancelled (-1, once their reservations are released): their units
   * leave the fill rate and the open demand.
   */
  async orders(manager: EntityManager, orderIds: readonly string[], sign: Sign): Promise<void> {
    if (orderIds.length) await this.addFlows(manager, orderFlows('o.id = ANY($1::uuid[])'), [orderIds], sign);
  }

  /** Units allocated (+) or released (-) on order lines, filed under their order's day. */
  async allocations(manager: EntityManager, deltaByLineId: ReadonlyMap<string, number>): Promise<void> {
    const lines = [...deltaByLineId].filter(([, delta]) => delta !== 0);
    if (!lines.length) return;
    const source: FlowSource = {
      counters: ['allocated'],
      sql: `SELECT o.region_id, ${reportDaySql('o.created_at')} AS day, sum(m.delta)::int AS allocated
              FROM unnest($1::uuid[], $2::int[]) AS m(line_id, delta)
              JOIN order_line l ON l.id = m.line_id JOIN partner_order o ON o.id = l.order_id
             GROUP BY 1, 2`,
    };
    await this.addFlows(manager, source, [lines.map(([id]) => id), lines.map(([, delta]) => delta)]);
  }

  private addFlows(manager: EntityManager, source: FlowSource, params: unknown[], sign: Sign = 1): Promise<void> {
    return this.add(manager, FLOW_TABLE, source.sql, params, sign);
  }

  private async add(manager: EntityManager, table: FlowTable, sql: string, params: unknown[], sign: Sign = 1): Promise<void> {
    // the day again as text, last, so it wins over the date column: pg makes a date a local-midnight Date
    const rows = await preparedQuery<FlowRow>(manager, `SELECT s.*, s.day::text AS day FROM (${sql}) s`, params);
    if (!rows.length) return;
    const { pending, fresh } = this.pendingOf(manager);
    mergeRows(table, this.rowsOf(pending.tables, table), rows, sign);
    if (table === LEAD_TIME_TABLE) mergeRows(MONTHLY_LEAD_TIME_TABLE, this.rowsOf(pending.tables, MONTHLY_LEAD_TIME_TABLE), byMonth(rows), sign);
    await this.settle(manager, fresh);
  }

  private pendingOf(manager: EntityManager): { pending: Pending; fresh: boolean } {
    let pending = this.pending.get(manager);
    const fresh = !pending;
    if (!pending) this.pending.set(manager, (pending = { tables: new Map(), declared: new Set() }));
    return { pending, fresh };
  }

  /** Writes at the commit; not in a transaction of ours, now (still one sorted statement per table). */
  private async settle(manager: EntityManager, fresh: boolean): Promise<void> {
    if (fresh && !deferUntilCommit(manager, 'region-flows', () => this.flush(manager))) await this.flush(manager);
  }

  private rowsOf(tables: Map<FlowTable, Map<string, FlowRow>>, table: FlowTable): Map<string, FlowRow> {
    let rows = tables.get(table);
    if (!rows) tables.set(table, (rows = new Map()));
    return rows;
  }

  private async flush(manager: EntityManager): Promise<void> {
    const pending = this.pending.get(manager);
    this.pending.delete(manager);
    if (!pending) return;
    const declared = [...pending.declared];
    if (declared.length && pending.tables.has(FLOW_TABLE)) {
      // other flows of the same rows too: read the declared ones and write them all in one sorted statement
      const rows = await preparedQuery<FlowRow>(manager, `SELECT s.*, s.day::text AS day FROM (${DECLARED.sql}) s`, [declared]);
      mergeRows(FLOW_TABLE, this.rowsOf(pending.tables, FLOW_TABLE), rows);
    } else if (declared.length) {
      await preparedQuery(manager, DECLARED_INCREMENT, [declared]);
    }
    for (const table of FLOW_TABLES) {
      const rows = [...(pending.tables.get(table)?.values() ?? [])].filter((r) => table.counters.some((c) => Number(r[c]) !== 0));
      if (rows.length) await preparedQuery(manager, incrementSql(table), [JSON.stringify(rows)]);
    }
  }
}
