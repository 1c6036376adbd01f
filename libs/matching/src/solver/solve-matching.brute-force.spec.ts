import fc from 'fast-check';
import { resolveCostWeights, type MatchingCostWeights } from './cost';
import { solveMatching } from './solve-matching';
import { instanceArbitrary, weightsArbitrary } from './testing/arbitraries';
import { bruteForceMatching } from './testing/brute-force';
import { assertValidSolution } from './testing/solution-invariants';
import type { MatchDevice, MatchLine } from './types';

/** Exactness: on every small instance, the solver's answer is the exhaustive optimum. */
function expectMatchesBruteForce(devices: MatchDevice[], lines: MatchLine[], weights?: MatchingCostWeights): void {
  const solution = solveMatching(devices, lines, weights);
  const served = assertValidSolution(devices, lines, solution, weights ?? resolveCostWeights());
  const optimum = bruteForceMatching(devices, lines, weights);
  expect(served).toEqual(optimum.served);
  expect(Math.abs(solution.totalCost - optimum.totalCost)).toBeLessThanOrEqual(1e-6 * Math.max(1, optimum.totalCost));
}

describe('solveMatching against brute force', () => {
  it('serves the lexicographic served vector at minimum cost (default weights)', () => {
    fc.assert(
      fc.property(instanceArbitrary({ maxDevices: 6, maxLines: 3 }), ({ devices, lines }) => expectMatchesBruteForce(devices, lines)),
      { numRuns: 400 },
    );
  });

  it('breaks priority and age ties by line id', () => {
    fc.assert(
      fc.property(instanceArbitrary({ maxDevices: 6, maxLines: 3, frequentTies: true }), ({ devices, lines }) => expectMatchesBruteForce(devices, lines)),
      { numRuns: 400 },
    );
  });

  it('is exact for any non-negative weights', () => {
    fc.assert(
      fc.property(instanceArbitrary({ maxDevices: 6, maxLines: 3 }), weightsArbitrary, ({ devices, lines }, weights) =>
        expectMatchesBruteForce(devices, lines, weights),
      ),
      { numRuns: 300 },
    );
  });

  it('is exact with more lines than the brief asks (7 devices, 4 lines)', () => {
    fc.assert(
      fc.property(instanceArbitrary({ maxDevices: 7, maxLines: 4 }), ({ devices, lines }) => expectMatchesBruteForce(devices, lines)),
      { numRuns: 100 },
    );
  });
});
