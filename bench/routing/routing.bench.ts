import { RoutingProblem, RoutingSolution, solveRouting } from '@app/routing';
import { optimalityCertificateViolations, RoutingLpReference } from '@app/routing/testing';
import { frenchInstance, citiesOfArea } from './french-instances';
import { greedyNearestWithRoom } from './greedy-baseline';
import { memoryDeltaMb, timeRuns } from './solver-measurements';

/**
 * Exactness is checked by HiGHS with two LPs (see RoutingLpReference for the argument):
 * 1. maximise sum w_i * s_i with w strictly decreasing by age: its served vector is unique and is
 *    the lexicographic one, so it must equal ours supply by supply (and its total is the max flow);
 * 2. with s fixed to our served vector, minimise device-km: the gap to our cost must be ~0.
 * Two LPs rather than one big-M objective keep both LPs well scaled.
 */
const SIZES = [1_000, 10_000];
const SINKS = 50;
const CAPACITY_SHARE = 0.8;
const SEED = 20261123;
const TIMED_RUNS = 7;

function servedBySupply(problem: RoutingProblem, solution: RoutingSolution): Map<string, number> {
  const served = new Map(problem.supplies.map((s) => [s.id, 0]));
  for (const f of solution.flows) served.set(f.supplyId, (served.get(f.supplyId) as number) + f.quantity);
  return served;
}

const fmt = (value: number, digits = 1): string => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const reference = await RoutingLpReference.load();
  console.log(`routing bench: ${SINKS} refurbishers, capacity ${CAPACITY_SHARE * 100} % of supply, seed ${SEED}`);
  console.log(`area: ${citiesOfArea().length} French communes within 250 km of Lyon (INSEE / La Poste data)\n`);

  for (const supplyCount of SIZES) {
    const problem = frenchInstance({ supplyCount, sinkCount: SINKS, capacityShare: CAPACITY_SHARE, seed: SEED });
    const totalSupply = problem.supplies.reduce((sum, s) => sum + s.quantity, 0);
    const totalCapacity = problem.sinks.reduce((sum, s) => sum + s.capacity, 0);

    const timed = timeRuns(TIMED_RUNS, () => solveRouting(problem));
    const memoryMb = memoryDeltaMb(5, () => solveRouting(problem));
    const ours = timed.result;
    const certificate = optimalityCertificateViolations(problem, ours);

    const lpServed = reference.maximisePriorityWeightedServed(problem);
    const served = servedBySupply(problem, ours);
    let maxServedDeviation = 0;
    let lpRouted = 0;
    for (const [id, quantity] of lpServed.servedBySupply) {
      maxServedDeviation = Math.max(maxServedDeviation, Math.abs(quantity - (served.get(id) as number)));
      lpRouted += quantity;
    }
    const lpCost = reference.minimiseCostForServed(problem, served);
    const relativeGap = (ours.totalDeviceKm - lpCost.costKm) / lpCost.costKm;

    const greedy = timeRuns(1, () => greedyNearestWithRoom(problem));
    // Greedy may serve a different set (it strands old donations), so also price its own served
    // vector optimally: solving with quantities cut to what greedy served routes them all, exactly.
    const greedyServed = servedBySupply(problem, greedy.result);
    const optimalForGreedyServed = solveRouting({
      ...problem,
      supplies: problem.supplies.map((s) => ({ ...s, quantity: greedyServed.get(s.id) as number })),
    });

    console.log(`== ${supplyCount} donations x ${SINKS} refurbishers: supply ${totalSupply} devices, capacity ${totalCapacity}`);
    console.log(
      `solver        median ${fmt(timed.medianMs)} ms wall (${fmt(timed.medianCpuMs)} ms CPU) of ${TIMED_RUNS} warm runs, cold first run ${fmt(timed.coldMs)} ms, heap+external allocated by a solve up to ${fmt(memoryMb)} MB`,
    );
    console.log(`              all runs (ms): ${timed.runsMs.map((ms) => fmt(ms)).join(', ')}`);
    console.log(
      `              routed ${ours.routedQuantity}, unrouted ${ours.unroutedQuantity}, ${fmt(ours.totalDeviceKm, 3)} device-km, ${ours.flows.length} lots, ${fmt(ours.totalDeviceKm / ours.routedQuantity, 2)} km/device`,
    );
    console.log(`certificate   ${certificate.length === 0 ? 'optimal (no priority exchange, no negative cycle)' : certificate.slice(0, 3).join('; ')}`);
    console.log(
      `HiGHS LP 1    weighted served: ${fmt(lpServed.seconds, 2)} s, LP routed ${fmt(lpRouted, 3)}, max |LP served - ours| per donation ${maxServedDeviation.toExponential(1)}`,
    );
    console.log(`HiGHS LP 2    min device-km for our served vector: ${fmt(lpCost.seconds, 2)} s, optimum ${fmt(lpCost.costKm, 6)}`);
    console.log(
      `gap           ours - LP = ${(ours.totalDeviceKm - lpCost.costKm).toExponential(2)} km, relative ${relativeGap.toExponential(2)} ${Math.abs(relativeGap) <= 1e-6 ? '(within 1e-6)' : '(NOT within 1e-6)'}`,
    );
    console.log(
      `greedy        ${fmt(greedy.medianMs)} ms, routed ${greedy.result.routedQuantity}, ${fmt(greedy.result.totalDeviceKm, 3)} device-km, ${fmt(greedy.result.totalDeviceKm / greedy.result.routedQuantity, 2)} km/device`,
    );
    console.log(
      `              greedy device-km / ours = ${fmt(greedy.result.totalDeviceKm / ours.totalDeviceKm, 3)}, per routed device ${fmt(greedy.result.totalDeviceKm / greedy.result.routedQuantity / (ours.totalDeviceKm / ours.routedQuantity), 3)}, routed ours - greedy = ${ours.routedQuantity - greedy.result.routedQuantity}`,
    );
    console.log(
      `              greedy's own served set routed optimally: ${fmt(optimalForGreedyServed.totalDeviceKm, 3)} device-km (routes all ${optimalForGreedyServed.routedQuantity}), greedy / that = ${fmt(greedy.result.totalDeviceKm / optimalForGreedyServed.totalDeviceKm, 3)}\n`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
