import { EARTH_RADIUS_KM, greatCircleKm } from '@app/common';
import { RoutingProblem, RoutingSink, RoutingSupply } from './routing-types';

/**
 * The problem in index form. Supplies are ranked by priority (age, then id) and sinks by id, so the
 * solver's tie-breaking, and therefore its output, does not depend on the order of the input arrays.
 * Arcs are stored by supply (compressed rows), one per reachable, allowed (supply, sink) pair.
 */
export interface TransportNetwork {
  readonly supplies: readonly RoutingSupply[];
  readonly sinks: readonly RoutingSink[];
  readonly supplyQuantity: Float64Array;
  readonly sinkCapacity: Float64Array;
  /** arcs of supply i are arcStart[i] .. arcStart[i + 1] - 1, in increasing sink rank */
  readonly arcStart: Int32Array;
  readonly arcSupply: Int32Array;
  readonly arcSink: Int32Array;
  readonly arcDistanceKm: Float64Array;
  /** upper bound of each arc's flow: its sink's maxPerSupply or its pair capacity, Infinity if neither */
  readonly arcCapacity: Float64Array;
  /** whether any arc is bounded: the solver then keeps every sink searchable (see its retirement) */
  readonly hasArcCapacities: boolean;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareSupplyPriority(a: RoutingSupply, b: RoutingSupply): number {
  return a.age - b.age || compareIds(a.id, b.id);
}

/** Great-circle distance is at least the latitude difference along a meridian; the slack absorbs rounding. */
const LATITUDE_PREFILTER_SLACK_KM = 1e-6;
const KM_PER_DEGREE_OF_LATITUDE = (EARTH_RADIUS_KM * Math.PI) / 180;

export function buildTransportNetwork(problem: RoutingProblem): TransportNetwork {
  const supplies = [...problem.supplies].sort(compareSupplyPriority);
  const sinks = [...problem.sinks].sort((a, b) => compareIds(a.id, b.id));
  const forbiddenSinksBySupply = indexForbiddenPairs(problem.forbidden ?? []);
  const pairCapacities = indexPairCapacities(problem.pairCapacities ?? []);

  const arcSupply: number[] = [];
  const arcSink: number[] = [];
  const arcDistanceKm: number[] = [];
  const arcCapacity: number[] = [];
  const arcStart = new Int32Array(supplies.length + 1);
  const latitudeReachDegrees = sinks.map((sink) => (sink.radiusKm + LATITUDE_PREFILTER_SLACK_KM) / KM_PER_DEGREE_OF_LATITUDE);
  for (let i = 0; i < supplies.length; i++) {
    const supply = supplies[i];
    const forbiddenSinks = forbiddenSinksBySupply.get(supply.id);
    for (let j = 0; j < sinks.length; j++) {
      const sink = sinks[j];
      if (Math.abs(supply.lat - sink.lat) > latitudeReachDegrees[j]) continue;
      if (forbiddenSinks !== undefined && forbiddenSinks.has(sink.id)) continue;
      const distanceKm = greatCircleKm(supply, sink);
      if (distanceKm > sink.radiusKm) continue;
      const capacity = Math.min(sink.maxPerSupply ?? Infinity, pairCapacities.get(supply.id)?.get(sink.id) ?? Infinity);
      if (capacity === 0) continue;
      arcCapacity.push(capacity);
      arcSupply.push(i);
      arcSink.push(j);
      arcDistanceKm.push(distanceKm);
    }
    arcStart[i + 1] = arcSupply.length;
  }

  return {
    supplies,
    sinks,
    supplyQuantity: Float64Array.from(supplies, (s) => s.quantity),
    sinkCapacity: Float64Array.from(sinks, (s) => s.capacity),
    arcStart,
    arcSupply: Int32Array.from(arcSupply),
    arcSink: Int32Array.from(arcSink),
    arcDistanceKm: Float64Array.from(arcDistanceKm),
    arcCapacity: Float64Array.from(arcCapacity),
    hasArcCapacities: arcCapacity.some((c) => c !== Infinity),
  };
}

function indexPairCapacities(pairs: ReadonlyArray<readonly [string, string, number]>): Map<string, Map<string, number>> {
  const bySupply = new Map<string, Map<string, number>>();
  for (const [supplyId, sinkId, units] of pairs) {
    const sinks = bySupply.get(supplyId) ?? new Map<string, number>();
    sinks.set(sinkId, Math.min(units, sinks.get(sinkId) ?? Infinity));
    bySupply.set(supplyId, sinks);
  }
  return bySupply;
}

function indexForbiddenPairs(pairs: ReadonlyArray<readonly [string, string]>): Map<string, Set<string>> {
  const bySupply = new Map<string, Set<string>>();
  for (const [supplyId, sinkId] of pairs) {
    const sinkIds = bySupply.get(supplyId) ?? new Set<string>();
    sinkIds.add(sinkId);
    bySupply.set(supplyId, sinkIds);
  }
  return bySupply;
}
