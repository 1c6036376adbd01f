import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FLOW_TABLE, FLOW_TABLES, FlowRow, FlowTable, incrementSql, keyOut, LEAD_TIME_TABLE, MONTHLY_LEAD_TIME_TABLE, REUSE_TABLE } from './flow-tables';
import { deviceFlows, deviceLeadTimes, deviceReuse, donationFlows, FLOW_COUNTERS, orderFlows, pickupFlows, pickupLeadTimes } from './region-flow-sources';

/** What a recount found the counters to be off by: rows corrected per table and the sum of |difference|. */
export interface FlowDrift {
  regionId: string;
  flowRows: number;
  reuseRows: number;
  leadTimeRows: number;
  monthlyLeadTimeRows: number;
  /** Σ |recount − counter| over every corrected cell */
  magnitude: number;
}

/**
 * Recounts a region's dashboard counters from the domain tables and corrects any drift. The
 * recount and the counters are read in one REPEATABLE READ snapshot, and the correction is
 * then added as a difference, like any other increment: commands that commit meanwhile add
 * their own increments, which stay right, so the correction needs no lock on the region and
 * never stops anyone. Run nightly (a counter moved by hand, a bug fixed since) and after a
 * bulk load (the benchmark seeds a million devices in SQL, then calls this).
 */
@Injectable()
export class RegionFlowRebuild {
  private readonly logger = new Logger(RegionFlowRebuild.name);

  constructor(private readonly dataSource: DataSource) {}

  async correct(regionId: string): Promise<FlowDrift> {
    const recounts = this.recounts();
    const diffs = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const out: FlowRow[][] = [];
      for (const table of FLOW_TABLES) out.push(await manager.query(this.diffSql(table, recounts.get(table)!), [regionId]));
      return out;
    });
    if (diffs.some((rows) => rows.length)) {
      await this.dataSource.transaction(async (manager) => {
        for (const [i, table] of FLOW_TABLES.entries()) {
          for (let at = 0; at < diffs[i].length; at += 5000) {
            await manager.query(incrementSql(table), [JSON.stringify(diffs[i].slice(at, at + 5000))]);
          }
        }
      });
    }
    const magnitude = FLOW_TABLES.reduce(
      (sum, table, i) => sum + diffs[i].reduce((s, r) => s + table.counters.reduce((c, k) => c + Math.abs(Number(r[k])), 0), 0),
      0,
    );
    const drift: FlowDrift = {
      regionId,
      flowRows: diffs[0].length,
      reuseRows: diffs[1].length,
      leadTimeRows: diffs[2].length,
      monthlyLeadTimeRows: diffs[3].length,
      magnitude,
    };
    if (magnitude) this.logger.warn({ drift }, `Dashboard counters of region ${regionId} corrected`);
    return drift;
  }

  /** Each table's counters as a recount from the domain tables of region $1 would have them. */
  private recounts(): Map<FlowTable, string> {
    const region = (alias: string) => `${alias}.region_id = $1`;
    const flows = [
      deviceFlows(region('d')),
      donationFlows(`${region('d')} AND d.status <> 'CANCELLED'`),
      pickupFlows(region('l')),
      orderFlows(`${region('o')} AND o.status <> 'CANCELLED'`),
    ].map((f) => `SELECT region_id, day, ${FLOW_COUNTERS.map((c) => (f.counters.includes(c) ? c : `0 AS ${c}`)).join(', ')} FROM (${f.sql}) s`);
    const leadTimes = `SELECT region_id, day, kind, bucket_hours, sum(samples)::int AS samples
                         FROM (${deviceLeadTimes(region('d'))} UNION ALL ${pickupLeadTimes(region('l'))}) u GROUP BY 1, 2, 3, 4`;
    return new Map<FlowTable, string>([
      [
        FLOW_TABLE,
        `SELECT region_id, day, ${FLOW_COUNTERS.map((c) => `sum(${c})::int AS ${c}`).join(', ')} FROM (${flows.join(' UNION ALL ')}) u GROUP BY 1, 2`,
      ],
      [REUSE_TABLE, deviceReuse(region('d'))],
      [LEAD_TIME_TABLE, leadTimes],
      [
        MONTHLY_LEAD_TIME_TABLE,
        `SELECT region_id, date_trunc('month', day)::date AS month, kind, bucket_hours, sum(samples)::int AS samples FROM (${leadTimes}) d GROUP BY 1, 2, 3, 4`,
      ],
    ]);
  }

  /** Rows where the recount and the counters differ, with recount − counter per counter. */
  private diffSql(t: FlowTable, recount: string): string {
    const on = t.keys.map((k) => `r.${k} = c.${k}`).join(' AND ');
    const diff = t.counters.map((c) => `(coalesce(r.${c}, 0) - coalesce(c.${c}, 0))::int AS ${c}`).join(', ');
    const differs = t.counters.map((c) => `coalesce(r.${c}, 0) <> coalesce(c.${c}, 0)`).join(' OR ');
    return `SELECT ${t.keys.map((k) => keyOut(t, k, `coalesce(r.${k}, c.${k})`)).join(', ')}, ${diff}
              FROM (${recount}) r
              FULL JOIN (SELECT * FROM ${t.name} WHERE region_id = $1) c ON ${on}
             WHERE ${differs}`;
  }
}
