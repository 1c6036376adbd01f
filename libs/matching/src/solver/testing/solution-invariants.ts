import { assignmentCost, type MatchingCostWeights } from '../cost';
import { deviceFitsLine } from '../fit';
import type { MatchDevice, MatchLine, MatchingSolution } from '../types';

/**
 * Throws unless the solution is a valid assignment: every device at most once, every line at
 * most its quantity, every pair fits, each cost is the documented cost, totals add up.
 * Returns the served units per line id.
 */
export function assertValidSolution(
  devices: readonly MatchDevice[],
  lines: readonly MatchLine[],
  solution: MatchingSolution,
  weights?: MatchingCostWeights,
): Map<string, number> {
  const deviceById = new Map(devices.map((d) => [d.id, d]));
  const lineById = new Map(lines.map((l) => [l.id, l]));
  const usedDevices = new Set<string>();
  const served = new Map<string, number>(lines.map((l) => [l.id, 0]));
  let totalCost = 0;
  for (const a of solution.assignments) {
    const device = deviceById.get(a.deviceId);
    const line = lineById.get(a.lineId);
    if (!device || !line) throw new Error(`unknown device or line in ${JSON.stringify(a)}`);
    if (usedDevices.has(a.deviceId)) throw new Error(`device ${a.deviceId} assigned twice`);
    usedDevices.add(a.deviceId);
    if (!deviceFitsLine(device, line)) throw new Error(`device ${a.deviceId} does not fit line ${a.lineId}`);
    const count = (served.get(a.lineId) ?? 0) + 1;
    if (count > line.quantity) throw new Error(`line ${a.lineId} gets more than its quantity`);
    served.set(a.lineId, count);
    const expectedCost = assignmentCost(device, line, weights);
    if (a.cost !== expectedCost) throw new Error(`cost of ${JSON.stringify(a)} is not the documented ${expectedCost}`);
    totalCost += a.cost;
  }
  const requested = lines.reduce((sum, l) => sum + l.quantity, 0);
  if (solution.allocatedQuantity !== solution.assignments.length) {
    throw new Error('allocatedQuantity is not the number of assignments');
  }
  if (solution.unfilledQuantity !== requested - solution.allocatedQuantity) {
    throw new Error('unfilledQuantity does not add up');
  }
  if (Math.abs(solution.totalCost - totalCost) > 1e-9 * Math.max(1, Math.abs(totalCost))) {
    throw new Error('totalCost is not the sum of assignment costs');
  }
  return served;
}
