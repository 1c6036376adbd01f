import { availableParallelism, loadavg } from 'node:os';
import loadHighs from 'highs';
import { solveMatching, type MatchDevice, type MatchLine, type MatchingSolution } from '@app/matching';
import { aggregate, overQualification, checkWithLp, type LpReport, generateInstance, type MatchingInstance } from '@app/matching/testing';
import { firstFit } from './first-fit';

/**
 * Matching bench: 20,000 devices × 2,000 order lines in one region, 10 refurbishers and 100
 * partners at real French communes (offline INSEE / La Poste data). Prints our solve time and peak memory, the
 * HiGHS LP optima our answer must hit, and a first-fit baseline.
 *
 *   npx ts-node -r tsconfig-paths/register bench/matching/matching.bench.ts   (npm run bench:matching)
 *
 * The LPs (see lp-reference.ts) are over device-class × line arcs, one block per category:
 *  - max units: we must allocate that many (our served vector is a maximum matching);
 *  - priority-weighted units: an equal optimum proves our served vector is the priority/age
 *    greedy one;
 *  - min cost with each line's amount fixed to ours: our total cost must equal it (gap 0
 *    within 1e-6 relative).
 * Their constraint matrix is totally unimodular, so the LP optima are the integral optima.
 * HiGHS runs primal simplex (simplex_strategy 4): on these ~800k-column LPs it was faster here
 * than its default dual simplex (≈2×) and than IPM with crossover.
 */
const SEED = 42;
const DEVICES = 20_000;
const LINES = 2_000;
const REFURBISHERS = 10;
const PARTNERS = 100;
const RUNS = 5;

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (kb: number): string => `${fmt(kb / 1024)} MB`;
const verdict = (ok: boolean, yes: string, no: string): string => (ok ? yes : no);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Total over-qualification (the cost without distance) of a solution. */
function waste(devices: readonly MatchDevice[], lines: readonly MatchLine[], solution: MatchingSolution): number {
  const deviceById = new Map(devices.map((d) => [d.id, d]));
  const lineById = new Map(lines.map((l) => [l.id, l]));
  let total = 0;
  for (const a of solution.assignments) {
    const device = deviceById.get(a.deviceId);
    const line = lineById.get(a.lineId);
    if (device && line) total += overQualification(device, line);
  }
  return total;
}

function describeInstance({ devices, lines }: MatchingInstance): void {
  const requested = lines.reduce((sum, l) => sum + l.quantity, 0);
  const agg = aggregate(devices, lines);
  let arcs = 0;
  for (const lc of agg.lineClasses) {
    for (const fit of agg.groupFits[lc.group]) arcs += agg.specClasses[agg.fitSpec[fit]].length;
  }
  console.log(
    `instance: ${fmt(devices.length)} devices × ${fmt(lines.length)} lines (${fmt(requested)} units requested), ` +
      `${REFURBISHERS} refurbishers, ${PARTNERS} partners in Auvergne-Rhône-Alpes, seed ${SEED}`,
  );
  console.log(
    `aggregated: ${agg.specs.length} specs × ${agg.groups.length} requirement groups; ` +
      `${fmt(agg.deviceClasses.length)} device classes × ${fmt(agg.lineClasses.length)} line classes, ${fmt(arcs)} arcs`,
  );
}

/**
 * Median wall time of RUNS solves, and their median CPU time (user + system), which is the
 * fairer figure when other processes share the machine. maxRSS is the process peak, before and
 * after solving.
 */
function timeOurs({ devices, lines }: MatchingInstance): { solution: MatchingSolution; medianMs: number } {
  const rssBefore = process.resourceUsage().maxRSS;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const coldStarted = performance.now();
  let solution = solveMatching(devices, lines);
  const coldMs = performance.now() - coldStarted;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    solution = solveMatching(devices, lines);
    const cpu = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  const rssAfter = process.resourceUsage().maxRSS;
  console.log(
    `ours: median ${fmt(median(times))} ms over ${RUNS} runs (${times.map((t) => fmt(t)).join(', ')} ms), ` +
      `CPU median ${fmt(median(cpuTimes))} ms, first (cold) run ${fmt(coldMs)} ms; ` +
      `peak RSS ${mb(rssAfter)}, ${mb(rssBefore)} before solving (+${mb(rssAfter - rssBefore)})`,
  );
  console.log(
    `ours: ${fmt(solution.allocatedQuantity)} units allocated, ${fmt(solution.unfilledQuantity)} unfilled; ` + `total cost ${fmt(solution.totalCost, 3)}`,
  );
  return { solution, medianMs: median(times) };
}

async function compareWithHighs({ devices, lines }: MatchingInstance, ours: MatchingSolution, oursMs: number) {
  const highs = await loadHighs();
  const report = checkWithLp(highs, devices, lines, ours, { highsOptions: { simplex_strategy: 4 } }) as LpReport;
  const { maxUnits, priorityWeight, minCost } = report;
  console.log(
    `HiGHS max-units LP (${fmt(maxUnits.columns)} columns): optimum ${fmt(maxUnits.optimum)}, ours ${fmt(maxUnits.ours)} ` +
      `-> ${verdict(maxUnits.ours === Math.round(maxUnits.optimum), 'equal', 'DIFFERENT')}; ${fmt(maxUnits.seconds, 1)} s`,
  );
  const sameVector = Math.abs(priorityWeight.ours - priorityWeight.optimum) < 0.5;
  console.log(
    `HiGHS priority-weighted LP (weight = lines − rank in serving order): optimum ${fmt(priorityWeight.optimum)}, ` +
      `ours ${fmt(priorityWeight.ours)} -> ${verdict(sameVector, 'equal (greedy served vector)', 'DIFFERENT')}; ` +
      `${fmt(priorityWeight.seconds, 1)} s`,
  );
  const gap = (minCost.ours - minCost.optimum) / minCost.optimum;
  console.log(
    `HiGHS min-cost LP (${fmt(minCost.columns)} columns, amounts fixed to ours): optimum ${fmt(minCost.optimum, 6)}, ` +
      `ours ${fmt(minCost.ours, 6)}, relative gap ${gap.toExponential(2)} ` +
      `-> ${verdict(Math.abs(gap) <= 1e-6, 'OPTIMAL', 'NOT OPTIMAL')}; ${fmt(minCost.seconds, 1)} s ` +
      `(${fmt(minCost.seconds / (oursMs / 1000))}× our whole solve)`,
  );
}

function compareWithFirstFit(label: string, { devices, lines }: MatchingInstance, ours: MatchingSolution): void {
  const started = performance.now();
  const ff = firstFit(devices, lines);
  const ffMs = performance.now() - started;
  const oursWaste = waste(devices, lines, ours);
  const ffWaste = waste(devices, lines, ff);
  console.log(
    `${label} first-fit (${fmt(ffMs)} ms): ${fmt(ff.allocatedQuantity)} allocated vs ours ${fmt(ours.allocatedQuantity)}; ` +
      `waste ${fmt(ffWaste, 1)} vs ours ${fmt(oursWaste, 1)} -> first-fit / ours ${fmt(ffWaste / oursWaste, 2)}×; ` +
      `cost per unit ${fmt(ff.totalCost / ff.allocatedQuantity, 1)} vs ours ${fmt(ours.totalCost / ours.allocatedQuantity, 1)}`,
  );
}

async function main(): Promise<void> {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`machine: ${availableParallelism()} cores, load average ${load} at start; node ${process.version}`);

  const instance = generateInstance(SEED, DEVICES, LINES, REFURBISHERS, PARTNERS);
  describeInstance(instance);
  const { solution, medianMs } = timeOurs(instance);
  await compareWithHighs(instance, solution, medianMs);
  compareWithFirstFit('[main]', instance, solution);

  // The same region with lines of 1–8 units: demand well below stock, so most lines have a
  // choice of devices and waste is no longer mostly forced by the shortage.
  const surplus = generateInstance(SEED, DEVICES, LINES, REFURBISHERS, PARTNERS, 8);
  const started = performance.now();
  const surplusSolution = solveMatching(surplus.devices, surplus.lines);
  console.log(`[surplus stock, lines of 1–8 units] ours: ${fmt(performance.now() - started)} ms (one run)`);
  compareWithFirstFit('[surplus stock, lines of 1–8 units]', surplus, surplusSolution);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
