import loadHighs, { Highs, ModelData } from 'highs';
import { greatCircleKm } from '@app/common';
import { RoutingProblem, RoutingSupply } from '../routing-types';
import { pairBound } from './routing-solution-violations';

/**
 * Independent check of the solver with HiGHS, as two LPs over the arcs within radius (both are
 * transportation LPs, totally unimodular, so their optima are those of the integral problems).
 *
 * 1. Served vector: maximise sum_i w_i * s_i with w_i = n - rank_i, ranks by (age, id). The
 *    servable vectors form a polymatroid, and for strictly decreasing positive weights its greedy
 *    vector, the one the solver must return, is the unique maximiser: writing the objective as
 *    sum_k (w_k - w_k+1) * s(first k) + w_n * s(all), every prefix sum must reach its maximum. So
 *    the LP's s must equal ours entry by entry, which also proves ours is a maximum flow.
 * 2. Cost: fix s to that vector and minimise device-km.
 * The arcs are rebuilt here from the problem, without the solver's network code.
 */
/**
 * Measured on the 10,000-supply bench instance: the weighted-served LP takes ~16 s with primal
 * simplex and ~180 s with HiGHS's automatic choice; the fixed-served cost LP is the other way
 * round (~14 s automatic, ~48 s primal).
 */
const AUTOMATIC_SIMPLEX = 0;
const PRIMAL_SIMPLEX = 4;

export class RoutingLpReference {
  private constructor(private readonly highs: Highs) {}

  static async load(): Promise<RoutingLpReference> {
    return new RoutingLpReference(await loadHighs());
  }

  maximisePriorityWeightedServed(problem: RoutingProblem): { servedBySupply: Map<string, number>; objective: number; seconds: number } {
    const lp = new TransportLp(problem);
    const ranked = [...problem.supplies].sort(byPriority);
    const weight = new Map(ranked.map((s, rank) => [s.id, ranked.length - rank]));
    const colCost = lp.arcs.map((a) => weight.get(problem.supplies[a.supply].id) as number);
    const rowUpper = [...problem.supplies.map((s) => s.quantity), ...problem.sinks.map((s) => s.capacity)];
    const started = performance.now();
    const colValue = this.solve(
      lp.model(colCost, new Array(rowUpper.length).fill(0), rowUpper, this.highs.constants.objectiveSense.maximize, this.highs.infinity),
      PRIMAL_SIMPLEX,
    );
    const seconds = (performance.now() - started) / 1000;
    const servedBySupply = new Map(problem.supplies.map((s) => [s.id, 0]));
    let objective = 0;
    lp.arcs.forEach((arc, k) => {
      const id = problem.supplies[arc.supply].id;
      servedBySupply.set(id, (servedBySupply.get(id) as number) + colValue[k]);
      objective += colCost[k] * colValue[k];
    });
    return { servedBySupply, objective, seconds };
  }

  minimiseCostForServed(problem: RoutingProblem, servedBySupply: ReadonlyMap<string, number>): { costKm: number; seconds: number } {
    const lp = new TransportLp(problem);
    const served = problem.supplies.map((s) => servedBySupply.get(s.id) ?? 0);
    const rowLower = [...served, ...problem.sinks.map(() => 0)];
    const rowUpper = [...served, ...problem.sinks.map((s) => s.capacity)];
    const colCost = lp.arcs.map((a) => a.distanceKm);
    const started = performance.now();
    const colValue = this.solve(lp.model(colCost, rowLower, rowUpper, this.highs.constants.objectiveSense.minimize, this.highs.infinity), AUTOMATIC_SIMPLEX);
    const seconds = (performance.now() - started) / 1000;
    const costKm = lp.arcs.reduce((sum, arc, k) => sum + arc.distanceKm * colValue[k], 0);
    return { costKm, seconds };
  }

  private solve(data: ModelData, simplexStrategy: number): Float64Array {
    return this.highs.withModel(data, (model) => {
      model.options.set({ output_flag: false, simplex_strategy: simplexStrategy });
      const { modelStatus } = model.run();
      const { optimal, empty } = this.highs.constants.modelStatus;
      if (modelStatus === empty) return new Float64Array(data.numCols);
      if (modelStatus !== optimal) throw new Error(`HiGHS ended with model status ${modelStatus}`);
      return model.getSolution().colValue;
    });
  }
}

function byPriority(a: RoutingSupply, b: RoutingSupply): number {
  return a.age - b.age || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface LpArc {
  supply: number;
  sink: number;
  distanceKm: number;
  /** the sink's maxPerSupply or the pair's capacity (Infinity when neither) */
  bound: number;
}

/** Rows: one per supply (sum of its arcs), then one per sink (sum into it). */
class TransportLp {
  readonly arcs: LpArc[] = [];

  constructor(private readonly problem: RoutingProblem) {
    const forbidden = new Set((problem.forbidden ?? []).map(([supplyId, sinkId]) => JSON.stringify([supplyId, sinkId])));
    problem.supplies.forEach((supply, i) =>
      problem.sinks.forEach((sink, j) => {
        const distanceKm = greatCircleKm(supply, sink);
        if (distanceKm <= sink.radiusKm && !forbidden.has(JSON.stringify([supply.id, sink.id]))) {
          this.arcs.push({ supply: i, sink: j, distanceKm, bound: pairBound(problem, supply.id, sink) });
        }
      }),
    );
  }

  model(colCost: number[], rowLower: number[], rowUpper: number[], sense: ModelData['sense'], infinity: number): ModelData {
    const n = this.problem.supplies.length;
    const numCols = this.arcs.length;
    const indices = new Int32Array(2 * numCols);
    this.arcs.forEach((arc, k) => {
      indices[2 * k] = arc.supply;
      indices[2 * k + 1] = n + arc.sink;
    });
    return {
      numCols,
      numRows: rowLower.length,
      sense,
      colCost,
      colLower: new Float64Array(numCols),
      colUpper: Float64Array.from(this.arcs, (arc) => (arc.bound === Infinity ? infinity : arc.bound)),
      rowLower,
      rowUpper,
      matrix: {
        format: 'csc',
        numRows: rowLower.length,
        numCols,
        starts: Int32Array.from({ length: numCols + 1 }, (_, k) => 2 * k),
        indices,
        values: new Float64Array(2 * numCols).fill(1),
      },
    };
  }
}
