import fc from 'fast-check';
import { solveRouting } from './index';
import { denseRandomInstance } from './testing/dense-random-instance';
import { optimalityCertificateViolations } from './testing/optimality-certificate';
import { routingProblemArbitrary } from './testing/routing-problem-arbitrary';
import { routingSolutionViolations } from './testing/routing-solution-violations';

describe('solveRouting passes the residual-graph optimality certificate', () => {
  it('on random small and medium instances', () => {
    const size = { maxSupplies: 40, maxSinks: 10, maxQuantity: 15, maxCapacity: 30 };
    fc.assert(
      fc.property(routingProblemArbitrary(size), (problem) => {
        const solution = solveRouting(problem);
        expect(routingSolutionViolations(problem, solution)).toEqual([]);
        expect(optimalityCertificateViolations(problem, solution)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    { seed: 11, supplyCount: 2000, sinkCount: 50, capacityShare: 0.6, forbiddenCount: 300 },
    { seed: 12, supplyCount: 2000, sinkCount: 50, capacityShare: 1.2, forbiddenCount: 300 },
    { seed: 13, supplyCount: 10000, sinkCount: 50, capacityShare: 0.8, forbiddenCount: 1000, span: { latDegrees: 2, lonDegrees: 2.5 } },
  ])('on a $supplyCount x $sinkCount instance, capacity $capacityShare of supply', (options) => {
    const problem = denseRandomInstance(options);
    const solution = solveRouting(problem);
    expect(routingSolutionViolations(problem, solution)).toEqual([]);
    expect(optimalityCertificateViolations(problem, solution)).toEqual([]);
    expect(solution.routedQuantity).toBeGreaterThan(0);
  });
});
