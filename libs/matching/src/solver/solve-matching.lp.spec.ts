import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { resolveCostWeights } from './cost';
import { solveMatching } from './solve-matching';
import { instanceArbitrary } from './testing/arbitraries';
import { checkWithLp, type LpReport } from './testing/lp-reference';
import { generateInstance } from './testing/regional-instance';
import { assertValidSolution } from './testing/solution-invariants';
import type { MatchDevice, MatchLine } from './types';

/**
 * Exactness beyond brute-force sizes: HiGHS solves the same problems as LPs over
 * (device class × line) arcs, independently of the solver's own aggregation and network
 * simplex (see lp-reference.ts for why the LP optima are the integral optima).
 */
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

function expectLpOptimal(devices: MatchDevice[], lines: MatchLine[]): Partial<LpReport> {
  const solution = solveMatching(devices, lines);
  assertValidSolution(devices, lines, solution, resolveCostWeights());
  const report = checkWithLp(highs, devices, lines, solution, { highsOptions: { simplex_strategy: 4 } });
  expect(report.maxUnits?.ours).toBe(Math.round(report.maxUnits?.optimum ?? NaN));
  expect(Math.abs((report.priorityWeight?.ours ?? 0) - (report.priorityWeight?.optimum ?? NaN))).toBeLessThan(0.5);
  const cost = report.minCost;
  expect(Math.abs((cost?.ours ?? 0) - (cost?.optimum ?? NaN))).toBeLessThanOrEqual(1e-6 * Math.max(1, cost?.optimum ?? 0));
  return report;
}

describe('solveMatching against the HiGHS LP optimum', () => {
  it('is optimal on random mid-size instances full of ties', () => {
    const instances = fc.sample(instanceArbitrary({ maxDevices: 250, maxLines: 40, maxQuantity: 12 }), {
      numRuns: 25,
      seed: 2026,
    });
    for (const { devices, lines } of instances) expectLpOptimal(devices, lines);
  });

  it('is optimal on a regional instance (2,000 devices × 200 lines, 10 refurbishers, 30 partners)', () => {
    for (const seed of [1, 2, 3]) {
      const { devices, lines } = generateInstance(seed, 2000, 200, 10, 30);
      const report = expectLpOptimal(devices, lines);
      expect(report.maxUnits?.ours).toBeGreaterThan(1000);
    }
  });
});
