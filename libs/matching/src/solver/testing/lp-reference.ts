import type { Highs, ModelData, OptionValue } from 'highs';
import { assignmentCost, batteryBand, type MatchingCostWeights } from '../cost';
import { deviceFitsLine } from '../fit';
import { compareLinesForService } from '../solve-matching';
import type { MatchDevice, MatchLine, MatchingSolution } from '../types';

/**
 * Independent LP checks of a matching solution with HiGHS (a test and bench helper; `highs`
 * is a dev dependency, only its types are imported here).
 *
 * The LPs are written over (device class × line) arcs, where a device class groups devices of
 * identical spec and location (a battery by its cost band and the battery minimums it meets): x[c,l] = devices of class c given to line l. Rows: each class
 * supplies at most its size; each line receives at most its quantity (or exactly a fixed
 * amount). The constraint matrix of this bipartite b-matching is totally unimodular, so every
 * LP optimum equals the integral optimum: the LP values are the true optima of the matching
 * problems, and the solver's answers must hit them exactly.
 *
 *  - maxUnits: maximise Σ x. Our allocated quantity must equal it (a maximum matching).
 *  - priorityWeight: maximise Σ w_l x_l with w_l = (number of lines − rank of l in the serving
 *    order). Units form a matroid, and for a matroid the bases of maximum weight under strictly
 *    decreasing weights are exactly the greedy ones; with one weight per line they all have the
 *    greedy served vector. So our Σ w_l served_l equal to this optimum proves our served vector
 *    is the priority/age greedy one. Weights are integers, so "equal" means within 0.5.
 *  - minCost: with each line's amount fixed to what we serve, minimise Σ cost x. Our total
 *    cost must equal it (within 1e-6 relative).
 */
export interface LpCheck {
  ours: number;
  optimum: number;
  seconds: number;
  columns: number;
}

export interface LpReport {
  maxUnits: LpCheck;
  priorityWeight: LpCheck;
  minCost: LpCheck;
}

interface ClassArcs {
  classSizes: number[];
  arcClass: number[];
  arcLine: number[];
  arcCost: number[];
}

function classArcs(devices: readonly MatchDevice[], lines: readonly MatchLine[], weights?: MatchingCostWeights): ClassArcs {
  const thresholds = [...new Set(lines.map((l) => l.minBatteryHealthPercent ?? null))].filter((t): t is number => t !== null);
  const batteryMatters = thresholds.length > 0 || lines.some((l) => l.prefersQuality);
  const anyNeeds = { webcam: lines.some((l) => l.needsWebcam), microphone: lines.some((l) => l.needsMicrophone), os: lines.some((l) => l.needsOs) };
  const representatives: MatchDevice[] = [];
  const classSizes: number[] = [];
  const index = new Map<string, number>();
  for (const d of devices) {
    // Only what these lines look at, computed here from the definitions, not with the solver's
    // aggregation: a capability some line needs; a battery (as the documented cost sees it, its
    // band, and as each battery minimum sees it) where some line prefers quality or states one.
    const battery = d.batteryHealthPercent ?? null;
    const key = JSON.stringify([
      d.category,
      d.ramGb,
      d.storageGb,
      d.ssd,
      d.grade,
      !batteryMatters ? '' : battery === null ? null : [batteryBand(battery), thresholds.map((t) => battery >= t)],
      anyNeeds.webcam ? (d.webcam ?? null) : '',
      anyNeeds.microphone ? (d.microphone ?? null) : '',
      anyNeeds.os ? (d.osInstalled ?? null) : '',
      d.lat,
      d.lon,
    ]);
    const c = index.get(key);
    if (c === undefined) {
      index.set(key, representatives.length);
      representatives.push(d);
      classSizes.push(1);
    } else {
      classSizes[c]++;
    }
  }
  const arcs: ClassArcs = { classSizes, arcClass: [], arcLine: [], arcCost: [] };
  lines.forEach((line, l) => {
    representatives.forEach((d, c) => {
      if (!deviceFitsLine(d, line)) return;
      arcs.arcClass.push(c);
      arcs.arcLine.push(l);
      arcs.arcCost.push(assignmentCost(d, line, weights));
    });
  });
  return arcs;
}

function solveLp(
  highs: Highs,
  highsOptions: Readonly<Record<string, OptionValue>>,
  arcs: ClassArcs,
  columns: number[],
  objective: (arc: number) => number,
  lineRows: { lower: number[]; upper: number[] },
  maximize: boolean,
): { optimum: number; seconds: number } {
  const classCount = arcs.classSizes.length;
  const lineCount = lineRows.upper.length;
  const starts = new Int32Array(columns.length + 1);
  const rowIndex = new Int32Array(2 * columns.length);
  columns.forEach((arc, k) => {
    starts[k + 1] = 2 * (k + 1);
    rowIndex[2 * k] = arcs.arcClass[arc];
    rowIndex[2 * k + 1] = classCount + arcs.arcLine[arc];
  });
  const model: ModelData = {
    numCols: columns.length,
    numRows: classCount + lineCount,
    sense: maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: Float64Array.from(columns, objective),
    colLower: new Float64Array(columns.length),
    colUpper: new Float64Array(columns.length).fill(highs.infinity),
    rowLower: Float64Array.from([...arcs.classSizes.map(() => 0), ...lineRows.lower]),
    rowUpper: Float64Array.from([...arcs.classSizes, ...lineRows.upper]),
    matrix: {
      format: 'csc',
      numRows: classCount + lineCount,
      numCols: columns.length,
      starts,
      indices: rowIndex,
      values: new Float64Array(2 * columns.length).fill(1),
    },
  };
  const started = performance.now();
  const optimum = highs.withModel(model, (m) => {
    m.options.set({ output_flag: false, ...highsOptions });
    const { modelStatus } = m.run();
    if (modelStatus !== highs.constants.modelStatus.optimal && modelStatus !== highs.constants.modelStatus.empty) {
      throw new Error(`HiGHS ended with model status ${modelStatus}`);
    }
    return modelStatus === highs.constants.modelStatus.empty ? 0 : m.getObjectiveValue();
  });
  return { optimum, seconds: (performance.now() - started) / 1000 };
}

export interface LpCheckOptions {
  weights?: MatchingCostWeights;
  /** HiGHS options, e.g. { solver: 'ipm' } */
  highsOptions?: Readonly<Record<string, OptionValue>>;
  /** which LPs to solve; all three by default */
  checks?: readonly (keyof LpReport)[];
}

/**
 * Categories never share an arc, so each LP is block-diagonal by category: it is solved one
 * category at a time and the optima added, which is the same LP optimum and much faster.
 */
export function checkWithLp(
  highs: Highs,
  devices: readonly MatchDevice[],
  lines: readonly MatchLine[],
  solution: MatchingSolution,
  options: LpCheckOptions = {},
): Partial<LpReport> {
  const highsOptions = options.highsOptions ?? {};
  const checks = new Set<keyof LpReport>(options.checks ?? ['maxUnits', 'priorityWeight', 'minCost']);

  const served = new Map<string, number>();
  for (const a of solution.assignments) served.set(a.lineId, (served.get(a.lineId) ?? 0) + 1);
  const rank = new Map<string, number>();
  [...lines].sort(compareLinesForService).forEach((line, r) => rank.set(line.id, r));
  const weightOf = (line: MatchLine): number => lines.length - (rank.get(line.id) ?? 0);

  const totals: Record<keyof LpReport, { optimum: number; seconds: number; columns: number }> = {
    maxUnits: { optimum: 0, seconds: 0, columns: 0 },
    priorityWeight: { optimum: 0, seconds: 0, columns: 0 },
    minCost: { optimum: 0, seconds: 0, columns: 0 },
  };
  const add = (check: keyof LpReport, result: { optimum: number; seconds: number }, columns: number): void => {
    totals[check].optimum += result.optimum;
    totals[check].seconds += result.seconds;
    totals[check].columns += columns;
  };

  for (const category of new Set(lines.map((l) => l.category))) {
    const categoryLines = lines.filter((l) => l.category === category);
    const arcs = classArcs(
      devices.filter((d) => d.category === category),
      categoryLines,
      options.weights,
    );
    const allArcs = arcs.arcClass.map((_, i) => i);
    const quantities = categoryLines.map((l) => l.quantity);
    const zeros = categoryLines.map(() => 0);
    const servedOf = categoryLines.map((l) => served.get(l.id) ?? 0);

    if (checks.has('maxUnits')) {
      const units = solveLp(highs, highsOptions, arcs, allArcs, () => 1, { lower: zeros, upper: quantities }, true);
      add('maxUnits', units, allArcs.length);
    }
    if (checks.has('priorityWeight')) {
      const weight = (arc: number): number => weightOf(categoryLines[arcs.arcLine[arc]]);
      const weighted = solveLp(highs, highsOptions, arcs, allArcs, weight, { lower: zeros, upper: quantities }, true);
      add('priorityWeight', weighted, allArcs.length);
    }
    if (checks.has('minCost')) {
      const servedArcs = allArcs.filter((arc) => servedOf[arcs.arcLine[arc]] > 0);
      const cost = (arc: number): number => arcs.arcCost[arc];
      const cheapest = solveLp(highs, highsOptions, arcs, servedArcs, cost, { lower: servedOf, upper: servedOf }, false);
      add('minCost', cheapest, servedArcs.length);
    }
  }

  const ours: Record<keyof LpReport, number> = {
    maxUnits: solution.allocatedQuantity,
    priorityWeight: lines.reduce((sum, l) => sum + (served.get(l.id) ?? 0) * weightOf(l), 0),
    minCost: solution.totalCost,
  };
  const report: Partial<LpReport> = {};
  for (const check of checks) report[check] = { ours: ours[check], ...totals[check] };
  return report;
}
