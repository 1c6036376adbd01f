import { greatCircleKm } from '@app/common';
import { aggregate, type MatchingAggregation } from './aggregate';
import { assignmentCost, distanceCost, fitCost, resolveCostWeights, type MatchingCostWeights } from './cost';
import { solveTransportation } from './network-simplex';
import { servedQuantities } from './served-quantities';
import type { MatchAssignment, MatchDevice, MatchLine, MatchingSolution } from './types';

/**
 * Serving order under shortage: higher priority, then the earlier `neededBy` (lines without a
 * date after those with one: a date is a promise someone made), then older (smaller age), then id.
 */
export function compareLinesForService(a: MatchLine, b: MatchLine): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const aNeeded = a.neededBy ?? Infinity;
  const bNeeded = b.neededBy ?? Infinity;
  if (aNeeded !== bNeeded) return aNeeded < bNeeded ? -1 : 1;
  if (a.age !== b.age) return a.age - b.age;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function validate(devices: readonly MatchDevice[], lines: readonly MatchLine[]): void {
  const deviceIds = new Set<string>();
  for (const d of devices) {
    if (deviceIds.has(d.id)) throw new RangeError(`device ${d.id} is given twice`);
    deviceIds.add(d.id);
    if (!Number.isFinite(d.lat) || !Number.isFinite(d.lon)) throw new RangeError(`device ${d.id} has no valid location`);
    if (d.batteryHealthPercent != null && !Number.isFinite(d.batteryHealthPercent)) throw new RangeError(`device ${d.id} has a non-finite battery health`);
  }
  const lineIds = new Set<string>();
  for (const l of lines) {
    if (lineIds.has(l.id)) throw new RangeError(`order line ${l.id} is given twice`);
    lineIds.add(l.id);
    if (!Number.isInteger(l.quantity) || l.quantity < 0) {
      throw new RangeError(`order line ${l.id} has quantity ${l.quantity}; expected a non-negative integer`);
    }
    if (!Number.isFinite(l.priority) || !Number.isFinite(l.age) || (l.neededBy != null && !Number.isFinite(l.neededBy))) {
      throw new RangeError(`order line ${l.id} needs a finite priority, age and neededBy`);
    }
    if (l.minBatteryHealthPercent != null && !Number.isFinite(l.minBatteryHealthPercent)) {
      throw new RangeError(`order line ${l.id} has a non-finite minBatteryHealthPercent`);
    }
    if (!Number.isFinite(l.lat) || !Number.isFinite(l.lon)) throw new RangeError(`order line ${l.id} has no valid location`);
  }
}

/** Above this many location pairs the distance cache is skipped (locations then barely repeat). */
const MAX_CACHED_DISTANCES = 4_000_000;

/** Distance cost between a device location and a line location, each computed once. */
function distanceTable(agg: MatchingAggregation, weights: MatchingCostWeights): (device: number, line: number) => number {
  const compute = (device: number, line: number): number => distanceCost(greatCircleKm(agg.deviceLocations[device], agg.lineLocations[line]), weights);
  const lineCount = agg.lineLocations.length;
  if (agg.deviceLocations.length * lineCount > MAX_CACHED_DISTANCES) return compute;
  const cache = new Float64Array(agg.deviceLocations.length * lineCount).fill(NaN);
  return (device, line) => {
    const k = device * lineCount + line;
    let value = cache[k];
    if (Number.isNaN(value)) {
      value = compute(device, line);
      cache[k] = value;
    }
    return value;
  };
}

/**
 * Step 2: among assignments serving exactly `served`, the cheapest. One transportation
 * problem per category (categories never share a fit), device classes → line classes, solved
 * exactly by network simplex. Returns the flow per (device class, line class) as a list.
 */
function cheapestClassFlows(
  agg: MatchingAggregation,
  served: Int32Array,
  weights: MatchingCostWeights,
): { deviceClass: number; lineClass: number; amount: number }[] {
  const demand = new Int32Array(agg.lineClasses.length);
  agg.lineClasses.forEach((c, i) => {
    for (const line of c.lines) demand[i] += served[line];
  });

  const fitCostByFit = new Float64Array(agg.fitSpec.length);
  for (let arc = 0; arc < agg.fitSpec.length; arc++) {
    fitCostByFit[arc] = fitCost(agg.specs[agg.fitSpec[arc]], agg.groups[agg.fitGroup[arc]], weights);
  }
  const distanceOf = distanceTable(agg, weights);

  const linesByCategory = new Map<string, number[]>();
  agg.lineClasses.forEach((c, i) => {
    if (demand[i] === 0) return;
    const category = agg.groups[c.group].category;
    const list = linesByCategory.get(category);
    if (list) list.push(i);
    else linesByCategory.set(category, [i]);
  });

  const classLocation = Int32Array.from(agg.deviceClasses, (c) => c.location);
  const result: { deviceClass: number; lineClass: number; amount: number }[] = [];
  const sourceOfClass = new Int32Array(agg.deviceClasses.length).fill(-1);
  for (const lineClasses of linesByCategory.values()) {
    // Sized first and written into typed arrays: a million boxed pushes cost more than the solve.
    let arcCount = 0;
    for (const lc of lineClasses) {
      for (const fit of agg.groupFits[agg.lineClasses[lc].group]) arcCount += agg.specClasses[agg.fitSpec[fit]].length;
    }
    const arcSource = new Int32Array(arcCount);
    const arcSink = new Int32Array(arcCount);
    const arcCost = new Float64Array(arcCount);
    const sourceClasses: number[] = [];
    let e = 0;
    lineClasses.forEach((lc, sink) => {
      const { group, location } = agg.lineClasses[lc];
      for (const fit of agg.groupFits[group]) {
        const waste = fitCostByFit[fit];
        for (const dc of agg.specClasses[agg.fitSpec[fit]]) {
          if (sourceOfClass[dc] < 0) {
            sourceOfClass[dc] = sourceClasses.length;
            sourceClasses.push(dc);
          }
          arcSource[e] = sourceOfClass[dc];
          arcSink[e] = sink;
          arcCost[e] = waste + distanceOf(classLocation[dc], location);
          e++;
        }
      }
    });
    const flows = solveTransportation({
      supply: sourceClasses.map((dc) => agg.deviceClasses[dc].devices.length),
      demand: lineClasses.map((lc) => demand[lc]),
      arcSource,
      arcSink,
      arcCost,
    });
    flows.forEach((amount, arc) => {
      if (amount === 0) return;
      result.push({ deviceClass: sourceClasses[arcSource[arc]], lineClass: lineClasses[arcSink[arc]], amount });
    });
  }
  return result;
}

/**
 * Matches IN_STOCK devices to open order lines: first the served quantities (as many units as
 * possible, by priority then age — see servedQuantities), then the cheapest assignment with
 * exactly those quantities (see MatchingCostWeights for the cost). Both steps are exact.
 * Pure and synchronous: callers should run it off the API's event loop for large regions.
 */
export function solveMatching(devices: MatchDevice[], lines: MatchLine[], weights?: Partial<MatchingCostWeights>): MatchingSolution {
  const resolvedWeights = resolveCostWeights(weights);
  validate(devices, lines);

  const agg = aggregate(devices, lines);
  const lineOrder = lines.map((_, i) => i).sort((a, b) => compareLinesForService(lines[a], lines[b]));
  const served = servedQuantities(
    agg,
    lineOrder,
    lines.map((l) => l.quantity),
  );

  // Split class flows back into devices and lines: within a class all members are equivalent,
  // so devices are taken in input order and lines filled in input order.
  const remaining = Int32Array.from(served);
  const nextDevice = new Int32Array(agg.deviceClasses.length);
  const nextLineSlot = new Int32Array(agg.lineClasses.length);
  const assignedDevices: number[][] = lines.map(() => []);
  for (const { deviceClass, lineClass, amount } of cheapestClassFlows(agg, served, resolvedWeights)) {
    const pool = agg.deviceClasses[deviceClass].devices;
    const members = agg.lineClasses[lineClass].lines;
    for (let k = 0; k < amount; k++) {
      while (remaining[members[nextLineSlot[lineClass]]] === 0) nextLineSlot[lineClass]++;
      const line = members[nextLineSlot[lineClass]];
      remaining[line]--;
      assignedDevices[line].push(pool[nextDevice[deviceClass]++]);
    }
  }

  const assignments: MatchAssignment[] = [];
  let totalCost = 0;
  let allocatedQuantity = 0;
  let requestedQuantity = 0;
  for (const lineIndex of lineOrder) {
    const line = lines[lineIndex];
    requestedQuantity += line.quantity;
    for (const deviceIndex of assignedDevices[lineIndex]) {
      const device = devices[deviceIndex];
      const cost = assignmentCost(device, line, resolvedWeights);
      assignments.push({ deviceId: device.id, lineId: line.id, cost });
      totalCost += cost;
      allocatedQuantity++;
    }
  }
  return { assignments, allocatedQuantity, unfilledQuantity: requestedQuantity - allocatedQuantity, totalCost };
}
