import fc from 'fast-check';
import { solveRouting } from './index';
import { bruteForceRouting } from './testing/brute-force-routing';
import { routingProblemArbitrary, routingProblemWithSharesArbitrary } from './testing/routing-problem-arbitrary';
import { routingSolutionViolations, servedBySupply } from './testing/routing-solution-violations';

describe('solveRouting against exhaustive enumeration', () => {
  it.each([
    { label: 'shortage-heavy', maxSupplies: 5, maxSinks: 3, maxQuantity: 3, maxCapacity: 4, numRuns: 400 },
    { label: 'many sinks', maxSupplies: 4, maxSinks: 4, maxQuantity: 2, maxCapacity: 3, numRuns: 300 },
    { label: 'bulky', maxSupplies: 3, maxSinks: 3, maxQuantity: 6, maxCapacity: 8, numRuns: 300 },
  ])('finds the lexicographic served vector and its minimum cost ($label)', ({ numRuns, ...size }) => {
    fc.assert(
      fc.property(routingProblemArbitrary(size), (problem) => {
        const solution = solveRouting(problem);
        expect(routingSolutionViolations(problem, solution)).toEqual([]);
        const optimum = bruteForceRouting(problem);
        expect(servedBySupply(problem, solution)).toEqual(optimum.served);
        expect(Math.abs(solution.totalDeviceKm - optimum.costKm)).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns },
    );
  });
});

describe('solveRouting with per-supply bounds (maxPerSupply) against exhaustive enumeration', () => {
  it.each([
    { label: 'shortage-heavy', maxSupplies: 5, maxSinks: 3, maxQuantity: 4, maxCapacity: 5, maxPerSupply: 3, numRuns: 500 },
    { label: 'many sinks', maxSupplies: 4, maxSinks: 4, maxQuantity: 3, maxCapacity: 4, maxPerSupply: 2, numRuns: 400 },
    { label: 'bulky', maxSupplies: 3, maxSinks: 3, maxQuantity: 7, maxCapacity: 8, maxPerSupply: 4, numRuns: 300 },
  ])('finds the lexicographic served vector and its minimum cost ($label)', ({ numRuns, ...size }) => {
    fc.assert(
      fc.property(routingProblemWithSharesArbitrary(size), (problem) => {
        const solution = solveRouting(problem);
        expect(routingSolutionViolations(problem, solution)).toEqual([]);
        const optimum = bruteForceRouting(problem);
        expect(servedBySupply(problem, solution)).toEqual(optimum.served);
        expect(Math.abs(solution.totalDeviceKm - optimum.costKm)).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns },
    );
  });
});
