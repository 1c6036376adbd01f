import fc from 'fast-check';
import { RoutingProblem, solveRouting } from './index';
import { denseRandomInstance } from './testing/dense-random-instance';
import { routingProblemArbitrary, routingProblemWithSharesArbitrary } from './testing/routing-problem-arbitrary';
import { RoutingLpReference } from './testing/routing-lp-reference';
import { routingSolutionViolations, servedBySupply } from './testing/routing-solution-violations';

/** Larger than enumeration can reach: shortage, long re-routing chains and many ties. */
function expectLpOptimal(reference: RoutingLpReference, problem: RoutingProblem): void {
  const solution = solveRouting(problem);
  expect(routingSolutionViolations(problem, solution)).toEqual([]);
  const served = servedBySupply(problem, solution);
  const lpServed = reference.maximisePriorityWeightedServed(problem).servedBySupply;
  for (const [id, quantity] of served) expect(Math.abs(quantity - (lpServed.get(id) ?? 0))).toBeLessThanOrEqual(1e-6);
  const { costKm } = reference.minimiseCostForServed(problem, served);
  expect(Math.abs(solution.totalDeviceKm - costKm)).toBeLessThanOrEqual(1e-6 * Math.max(1, costKm));
}

describe('solveRouting against the HiGHS LP optimum', () => {
  let reference: RoutingLpReference;
  beforeAll(async () => {
    reference = await RoutingLpReference.load();
  });

  it('matches on random medium instances', () => {
    const size = { maxSupplies: 60, maxSinks: 8, maxQuantity: 12, maxCapacity: 40 };
    fc.assert(
      fc.property(routingProblemArbitrary(size), (problem) => expectLpOptimal(reference, problem)),
      // Shrinking would re-solve two LPs per step; the enumeration spec gives small counterexamples.
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('matches on random medium instances where sinks bound what one supply sends (maxPerSupply)', () => {
    const size = { maxSupplies: 60, maxSinks: 8, maxQuantity: 12, maxCapacity: 40, maxPerSupply: 10 };
    fc.assert(
      fc.property(routingProblemWithSharesArbitrary(size), (problem) => expectLpOptimal(reference, problem)),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it.each([1, 2, 3])('matches on a 400 x 25 instance where every sink takes at most 8 from one supply (seed %i)', (seed) => {
    const problem = denseRandomInstance({ seed, supplyCount: 400, sinkCount: 25, capacityShare: 0.75, forbiddenCount: 40 });
    expectLpOptimal(reference, { ...problem, sinks: problem.sinks.map((s) => ({ ...s, maxPerSupply: 8 })) });
  });

  it.each([1, 2, 3])('matches on a 400 x 25 instance with 75 %% capacity (seed %i)', (seed) => {
    expectLpOptimal(reference, denseRandomInstance({ seed, supplyCount: 400, sinkCount: 25, capacityShare: 0.75, forbiddenCount: 40 }));
  });
});
