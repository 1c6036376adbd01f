import { RoutingProblem } from './routing-types';

/**
 * Rejects inputs the solver cannot give a meaning to. They are caller bugs, not business outcomes,
 * so a RangeError is enough; silently dropping them would hide devices from routing.
 */
export function assertValidRoutingProblem(problem: RoutingProblem): void {
  const supplyIds = new Set<string>();
  for (const s of problem.supplies) {
    if (supplyIds.has(s.id)) throw new RangeError(`duplicate supply id ${s.id}`);
    supplyIds.add(s.id);
    assertCoordinates(`supply ${s.id}`, s.lat, s.lon);
    assertCount(`supply ${s.id} quantity`, s.quantity);
    if (!Number.isFinite(s.age)) throw new RangeError(`supply ${s.id} age must be finite, got ${s.age}`);
  }
  for (const [supplyId, sinkId, units] of problem.pairCapacities ?? []) assertCount(`pair (${supplyId}, ${sinkId}) capacity`, units);
  const sinkIds = new Set<string>();
  for (const s of problem.sinks) {
    if (sinkIds.has(s.id)) throw new RangeError(`duplicate sink id ${s.id}`);
    sinkIds.add(s.id);
    assertCoordinates(`sink ${s.id}`, s.lat, s.lon);
    assertCount(`sink ${s.id} capacity`, s.capacity);
    if (s.maxPerSupply !== undefined) assertCount(`sink ${s.id} maxPerSupply`, s.maxPerSupply);
    if (Number.isNaN(s.radiusKm)) throw new RangeError(`sink ${s.id} radiusKm is NaN`);
  }
}

function assertCoordinates(what: string, lat: number, lon: number): void {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90) {
    throw new RangeError(`${what} has invalid coordinates (${lat}, ${lon})`);
  }
}

function assertCount(what: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
}
