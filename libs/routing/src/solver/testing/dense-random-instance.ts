import { RoutingProblem } from '../routing-types';

/**
 * A seeded instance where everything lies within ~60-90 km and radii are 20-60 km (or as given),
 * so sinks compete for supplies and re-routing chains get long.
 */
export function denseRandomInstance(options: {
  seed: number;
  supplyCount: number;
  sinkCount: number;
  capacityShare: number;
  forbiddenCount?: number;
  span?: { latDegrees: number; lonDegrees: number };
}): RoutingProblem {
  const { supplyCount, sinkCount, capacityShare } = options;
  const span = options.span ?? { latDegrees: 0.5, lonDegrees: 0.7 };
  let state = options.seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const point = () => ({ lat: 45 + random() * span.latDegrees, lon: 5 + random() * span.lonDegrees });
  const supplies = Array.from({ length: supplyCount }, (_, i) => ({
    id: `d${i}`,
    ...point(),
    quantity: 1 + Math.floor(random() * 30),
    age: Math.floor(random() * 50),
  }));
  const total = supplies.reduce((sum, s) => sum + s.quantity, 0);
  const sinks = Array.from({ length: sinkCount }, (_, j) => ({
    id: `r${j}`,
    ...point(),
    radiusKm: 20 + random() * 40,
    capacity: Math.floor(((0.5 + random()) * total * capacityShare) / sinkCount),
  }));
  const forbidden = Array.from(
    { length: options.forbiddenCount ?? 0 },
    () => [`d${Math.floor(random() * supplyCount)}`, `r${Math.floor(random() * sinkCount)}`] as const,
  );
  return { supplies, sinks, forbidden };
}
