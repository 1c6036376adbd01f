import { EARTH_RADIUS_KM } from '@app/common';
import { RoutingProblem, RoutingSink, RoutingSupply, solveRouting } from './index';
import { routingSolutionViolations, servedBySupply } from './testing/routing-solution-violations';

/** Points on the Greenwich meridian, so distances are plain differences of km positions. */
const latAtKm = (km: number): number => (km / (EARTH_RADIUS_KM * Math.PI)) * 180;
const supply = (id: string, km: number, quantity: number, age: number): RoutingSupply => ({ id, lat: latAtKm(km), lon: 0, quantity, age });
const sink = (id: string, km: number, capacity: number, radiusKm = 1000): RoutingSink => ({ id, lat: latAtKm(km), lon: 0, radiusKm, capacity });

function solve(problem: RoutingProblem) {
  const solution = solveRouting(problem);
  expect(routingSolutionViolations(problem, solution)).toEqual([]);
  return { solution, served: Object.fromEntries(servedBySupply(problem, solution)), flows: solution.flows.map((f) => [f.supplyId, f.sinkId, f.quantity]) };
}

describe('solveRouting, hand-computed optima', () => {
  it('re-routes an older donation when that lowers the total (25 km, not the greedy 35 km)', () => {
    // old at 10 km, young at 0 km; X at 5 km, Y at 30 km. Greedy: old->X (5), young->Y (30).
    const { solution, flows } = solve({
      supplies: [supply('young', 0, 1, 2), supply('old', 10, 1, 1)],
      sinks: [sink('X', 5, 1), sink('Y', 30, 1)],
    });
    expect(flows).toEqual([
      ['old', 'Y', 1],
      ['young', 'X', 1],
    ]);
    expect(solution.totalDeviceKm).toBeCloseTo(25, 9);
  });

  it('splits a donation across refurbishers at minimum cost', () => {
    // a at 0 (5 units), b at 100 (5 units); X at 10 (cap 6), Y at 90 (cap 6).
    const { solution, flows } = solve({
      supplies: [supply('a', 0, 5, 1), supply('b', 100, 5, 2)],
      sinks: [sink('X', 10, 6), sink('Y', 90, 6)],
    });
    expect(flows).toEqual([
      ['a', 'X', 5],
      ['b', 'Y', 5],
    ]);
    expect(solution.totalDeviceKm).toBeCloseTo(100, 9);
  });

  it('spills to a farther refurbisher once the nearest is full', () => {
    const { solution, flows } = solve({
      supplies: [supply('a', 0, 10, 1)],
      sinks: [sink('near', 3, 4), sink('far', 20, 10)],
    });
    expect(flows).toEqual([
      ['a', 'far', 6],
      ['a', 'near', 4],
    ]);
    expect(solution.totalDeviceKm).toBeCloseTo(4 * 3 + 6 * 20, 9);
  });

  it('under shortage serves the oldest first even when a younger one is closer', () => {
    const { solution, served } = solve({
      supplies: [supply('young-close', 99, 3, 2), supply('old-far', 0, 3, 1)],
      sinks: [sink('X', 100, 3)],
    });
    expect(served).toEqual({ 'young-close': 0, 'old-far': 3 });
    expect(solution.unroutedQuantity).toBe(3);
  });

  it('breaks equal ages by id', () => {
    const { served } = solve({
      supplies: [supply('b', 0, 2, 5), supply('a', 0, 2, 5)],
      sinks: [sink('X', 1, 3)],
    });
    expect(served).toEqual({ a: 2, b: 1 });
  });

  it('moves an older donation away to make room for a younger one (maximum flow)', () => {
    // old reaches X (1 km) and Y (40 km); young reaches X only (Y is 42 km away, radius 41).
    const { solution, flows } = solve({
      supplies: [supply('old', 0, 2, 1), supply('young', -2, 2, 2)],
      sinks: [sink('X', 1, 2, 10), sink('Y', 40, 2, 41)],
    });
    expect(flows).toEqual([
      ['old', 'Y', 2],
      ['young', 'X', 2],
    ]);
    expect(solution.routedQuantity).toBe(4);
    expect(solution.totalDeviceKm).toBeCloseTo(2 * 40 + 2 * 3, 9);
  });

  it('re-routes along a chain of refurbishers to serve the young donation', () => {
    // X full of a, a can go to Y, Y full of b, b can go to Z: young (reaching only X) needs both moves.
    const { solution, served } = solve({
      supplies: [supply('a', 0, 1, 1), supply('b', 100, 1, 2), supply('young', -20, 1, 3)],
      sinks: [sink('X', -10, 1, 15), sink('Y', 50, 1, 60.5), sink('Z', 160, 1, 60.5)],
    });
    expect(served).toEqual({ a: 1, b: 1, young: 1 });
    expect(solution.flows.map((f) => [f.supplyId, f.sinkId])).toEqual([
      ['a', 'Y'],
      ['b', 'Z'],
      ['young', 'X'],
    ]);
    expect(solution.totalDeviceKm).toBeCloseTo(50 + 60 + 10, 9);
  });
});

describe('solveRouting, constraints', () => {
  it('keeps arcs within the radius, inclusive', () => {
    const { served } = solve({
      supplies: [supply('in', 0, 1, 1), supply('out', 0.5, 1, 2)],
      sinks: [sink('X', 100, 5, 99.75)],
    });
    expect(served).toEqual({ in: 0, out: 1 });
    const onRadius = solve({ supplies: [{ id: 's', lat: 0, lon: 0, quantity: 1, age: 0 }], sinks: [{ id: 'X', lat: 0, lon: 0, radiusKm: 0, capacity: 1 }] });
    expect(onRadius.served).toEqual({ s: 1 });
  });

  it('never sends flow over a forbidden pair, even if it leaves devices unrouted', () => {
    const { served, flows } = solve({
      supplies: [supply('a', 0, 2, 1), supply('b', 0, 2, 2)],
      sinks: [sink('X', 1, 2), sink('Y', 5, 2)],
      forbidden: [
        ['a', 'X'],
        ['b', 'X'],
        ['b', 'Y'],
      ],
    });
    expect(flows).toEqual([['a', 'Y', 2]]);
    expect(served).toEqual({ a: 2, b: 0 });
  });

  it('ignores forbidden pairs naming unknown ids', () => {
    const { served } = solve({ supplies: [supply('a', 0, 1, 1)], sinks: [sink('X', 1, 1)], forbidden: [['ghost', 'X']] });
    expect(served).toEqual({ a: 1 });
  });
});

describe('solveRouting, edge cases', () => {
  it('returns an empty solution without sinks or supplies', () => {
    expect(solveRouting({ supplies: [], sinks: [] })).toEqual({ flows: [], routedQuantity: 0, unroutedQuantity: 0, totalDeviceKm: 0 });
    expect(solveRouting({ supplies: [supply('a', 0, 4, 1)], sinks: [] })).toEqual({ flows: [], routedQuantity: 0, unroutedQuantity: 4, totalDeviceKm: 0 });
    expect(solveRouting({ supplies: [], sinks: [sink('X', 0, 4)] })).toEqual({ flows: [], routedQuantity: 0, unroutedQuantity: 0, totalDeviceKm: 0 });
  });

  it('handles zero capacity, zero quantity and unreachable supplies', () => {
    const { solution, served } = solve({
      supplies: [supply('empty', 0, 0, 1), supply('far', 5000, 3, 2), supply('ok', 0, 3, 3)],
      sinks: [sink('closed', 0, 0), sink('open', 1, 2, 10)],
    });
    expect(served).toEqual({ empty: 0, far: 0, ok: 2 });
    expect(solution.unroutedQuantity).toBe(4);
  });

  it('handles duplicate coordinates (zero distances)', () => {
    const { solution } = solve({
      supplies: [supply('a', 7, 2, 1), supply('b', 7, 2, 1)],
      sinks: [sink('X', 7, 3), sink('Y', 7, 3)],
    });
    expect(solution.routedQuantity).toBe(4);
    expect(solution.totalDeviceKm).toBe(0);
  });

  it('gives the same flows whatever the order of the input arrays', () => {
    const supplies = Array.from({ length: 30 }, (_, i) => supply(`s${i}`, (i * 37) % 101, 1 + (i % 4), i % 5));
    const sinks = Array.from({ length: 6 }, (_, j) => sink(`r${j}`, j * 20, 8, 30));
    const reference = solveRouting({ supplies, sinks });
    const shuffled = solveRouting({ supplies: [...supplies].reverse(), sinks: [...sinks].reverse() });
    expect(shuffled).toEqual(reference);
  });

  it('rejects inputs it cannot give a meaning to', () => {
    const ok = supply('a', 0, 1, 1);
    expect(() => solveRouting({ supplies: [ok, ok], sinks: [] })).toThrow(RangeError);
    expect(() => solveRouting({ supplies: [{ ...ok, quantity: 1.5 }], sinks: [] })).toThrow(RangeError);
    expect(() => solveRouting({ supplies: [{ ...ok, quantity: -1 }], sinks: [] })).toThrow(RangeError);
    expect(() => solveRouting({ supplies: [{ ...ok, age: Number.NaN }], sinks: [] })).toThrow(RangeError);
    expect(() => solveRouting({ supplies: [], sinks: [{ ...sink('X', 0, 1), capacity: Infinity }] })).toThrow(RangeError);
    expect(() => solveRouting({ supplies: [], sinks: [{ ...sink('X', 0, 1), lat: Number.NaN }] })).toThrow(RangeError);
  });
});
