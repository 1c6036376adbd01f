import fc from 'fast-check';
import { RoutingProblem, RoutingSink, RoutingSupply } from '../routing-types';

export interface ProblemSize {
  maxSupplies: number;
  maxSinks: number;
  maxQuantity: number;
  maxCapacity: number;
  /** when set, some sinks bound what one supply may send them (maxPerSupply, 0 .. this) */
  maxPerSupply?: number;
}

/**
 * Points come mostly from a small grid (~0.1 degree steps, so ~10 km apart) to produce duplicate
 * coordinates, equal distances and arcs lying exactly on a radius; the rest are free within ~40 km.
 */
const point = fc.oneof(
  fc.record({ lat: fc.integer({ min: 0, max: 3 }).map((k) => 45 + k / 10), lon: fc.integer({ min: 0, max: 3 }).map((k) => 5 + k / 10) }),
  fc.record({ lat: fc.double({ min: 45, max: 45.3, noNaN: true }), lon: fc.double({ min: 5, max: 5.4, noNaN: true }) }),
);

/** Small integer ages make ties (broken by id) common; ids are drawn so input order differs from id order. */
export function routingProblemArbitrary(size: ProblemSize): fc.Arbitrary<RoutingProblem> {
  const supply = fc.record({
    point,
    quantity: fc.integer({ min: 0, max: size.maxQuantity }),
    age: fc.integer({ min: 0, max: 3 }),
  });
  const sink = fc.record({
    point,
    radiusKm: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 50, noNaN: true })),
    capacity: fc.integer({ min: 0, max: size.maxCapacity }),
  });
  return fc
    .record({
      supplies: fc.array(supply, { minLength: 0, maxLength: size.maxSupplies }),
      sinks: fc.array(sink, { minLength: 0, maxLength: size.maxSinks }),
      supplyIdNumbers: fc.uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: size.maxSupplies, maxLength: size.maxSupplies }),
      sinkIdNumbers: fc.uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: size.maxSinks, maxLength: size.maxSinks }),
      forbidden: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    })
    .map(({ supplies, sinks, supplyIdNumbers, sinkIdNumbers, forbidden }) => {
      const routingSupplies: RoutingSupply[] = supplies.map((s, i) => ({ id: `d${supplyIdNumbers[i]}`, ...s.point, quantity: s.quantity, age: s.age }));
      const routingSinks: RoutingSink[] = sinks.map((s, j) => ({ id: `r${sinkIdNumbers[j]}`, ...s.point, radiusKm: s.radiusKm, capacity: s.capacity }));
      const forbiddenPairs =
        routingSupplies.length > 0 && routingSinks.length > 0
          ? forbidden.map(([i, j]) => [routingSupplies[i % routingSupplies.length].id, routingSinks[j % routingSinks.length].id] as const)
          : [];
      return { supplies: routingSupplies, sinks: routingSinks, forbidden: forbiddenPairs };
    });
}

/** The same problems, with a per-supply bound on about half the sinks, and a few pair capacities. */
export function routingProblemWithSharesArbitrary(size: ProblemSize & { maxPerSupply: number }): fc.Arbitrary<RoutingProblem> {
  return fc
    .tuple(
      routingProblemArbitrary(size),
      fc.array(fc.option(fc.integer({ min: 0, max: size.maxPerSupply }), { freq: 2, nil: undefined }), { minLength: size.maxSinks, maxLength: size.maxSinks }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: size.maxPerSupply })), { maxLength: 4 }),
    )
    .map(([problem, bounds, pairs]) => ({
      ...problem,
      sinks: problem.sinks.map((sink, j) => (bounds[j] === undefined ? sink : { ...sink, maxPerSupply: bounds[j] })),
      pairCapacities:
        problem.supplies.length > 0 && problem.sinks.length > 0
          ? pairs.map(([i, j, units]) => [problem.supplies[i % problem.supplies.length].id, problem.sinks[j % problem.sinks.length].id, units] as const)
          : [],
    }));
}
