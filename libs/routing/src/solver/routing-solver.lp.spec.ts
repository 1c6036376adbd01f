import fc from 'fast-check';
import { RoutingProblem, solveRouting } from './index';
import { routingProblemArbitrary } from './testing/routing-problem-arbitrary';
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
      { numRuns: 150, seed: 20261123 },
    );
  });

  it.each([1, 2, 3])('matches on a 400 x 25 instance with 75 %% capacity (seed %i)', (seed) => {
    expectLpOptimal(reference, denseInstance(seed, 400, 25, 0.75));
  });
});

/** Everything within ~60 km with 20-60 km radii, so sinks compete and exchanges chain. */
function denseInstance(seed: number, supplyCount: number, sinkCount: number, capacityShare: number): RoutingProblem {
  let state = seed;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const supplies = Array.from({ length: supplyCount }, (_, i) => ({
    id: `d${i}`,
    lat: 45 + random() * 0.5,
    lon: 5 + random() * 0.7,
    quantity: 1 + Math.floor(random() * 30),
    age: Math.floor(random() * 50),
  }));
  const total = supplies.reduce((sum, s) => sum + s.quantity, 0);
  const sinks = Array.from({ length: sinkCount }, (_, j) => ({
    id: `r${j}`,
    lat: 45 + random() * 0.5,
    lon: 5 + random() * 0.7,
    radiusKm: 20 + random() * 40,
    capacity: Math.floor(((0.5 + random()) * total * capacityShare) / sinkCount),
  }));
  const forbidden = Array.from({ length: 40 }, () => [`d${Math.floor(random() * supplyCount)}`, `r${Math.floor(random() * sinkCount)}`] as const);
  return { supplies, sinks, forbidden };
}
