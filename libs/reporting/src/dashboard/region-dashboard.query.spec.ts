import { DASHBOARD_FIGURES, regionDashboardSql } from './region-dashboard.query';

const withParts = (sql: string) => [...sql.matchAll(/(\w+) AS \(/g)].map((m) => m[1]);

describe('regionDashboardSql', () => {
  it('sends only the parts of the asked figures, each after those it reads', () => {
    expect(withParts(regionDashboardSql(new Set(['openDemand'])))).toEqual(['days']);
    expect(withParts(regionDashboardSql(new Set(['totals'])))).toEqual(['days', 'period', 'flow', 'totals']);
    expect(withParts(regionDashboardSql(new Set(['loads'])))).toEqual(['days', 'stock', 'loads']);
    expect(withParts(regionDashboardSql(new Set(['medians', 'totals'])))).toEqual(['days', 'period', 'flow', 'totals', 'histogram', 'cumulative', 'medians']);
  });

  it('asked for every figure, has every part and column once', () => {
    const sql = regionDashboardSql(new Set(DASHBOARD_FIGURES));
    expect(withParts(sql)).toEqual([
      'days',
      'period',
      'flow',
      'totals',
      'weeks',
      'week_sums',
      'weekly',
      'reuse',
      'histogram',
      'cumulative',
      'medians',
      'stock',
      'loads',
    ]);
    for (const column of ['region_exists', 'totals', 'open_demand', 'weekly', 'reuse', 'medians', 'stock', 'loads']) {
      expect(sql.match(new RegExp(`\\) AS ${column}\\b`, 'g'))).toHaveLength(1);
    }
  });

  it('whatever is asked, reads $2 and $3 (their types) and whether the region exists', () => {
    const sql = regionDashboardSql(new Set());
    expect(sql).toContain('$2::timestamptz');
    expect(sql).toContain('$3::timestamptz');
    expect(sql).toContain('AS region_exists');
    expect(sql).not.toContain('region_daily_flow');
  });
});
