import { greatCircleKm } from '@app/common';
import { RoutingProblem, RoutingSolution, RoutingSupply } from '../routing-types';

/**
 * Checks optimality from the solution alone, fast enough for bench-sized instances, via the
 * residual-graph conditions of the two min-cost-flow problems the definition amounts to:
 *
 * - Served vector: it maximises sum w_i * s_i for strictly decreasing priority weights (see the LP
 *   reference), and a circulation is optimal iff no cycle S -> i -> ... -> T -> S (an unsaturated i
 *   can still be routed) and no cycle S -> i -> ... -> k -> S with k younger than i (i could take
 *   k's place). So no unsaturated supply may reach T, nor a younger supply that has flow.
 * - Cost: the flow is cheapest for its served vector iff its residual graph (supplies, sinks, T)
 *   has no negative cycle. Such a cycle alternates sinks and supplies, so it is enough to look for
 *   one on the sinks, where j -> j' costs min over supplies i with x(i, j) > 0 of d(i, j') - d(i, j).
 *
 * Returns the violations found; empty means optimal.
 */
export function optimalityCertificateViolations(problem: RoutingProblem, solution: RoutingSolution): string[] {
  const graph = new ResidualGraph(problem, solution);
  return [...graph.priorityViolations(), ...graph.negativeCycleViolations()];
}

const NEGATIVE_CYCLE_TOLERANCE_KM = 1e-9;

class ResidualGraph {
  private readonly n: number;
  private readonly m: number;
  private readonly rank: number[];
  private readonly served: number[];
  private readonly room: number[];
  /** arcs within radius and allowed, per supply: [sink, km] */
  private readonly arcs: Array<Array<[number, number]>>;
  /** flow per supply: sink -> quantity */
  private readonly flow: Array<Map<number, number>>;
  /** supplies with an arc to each sink */
  private readonly suppliesOfSink: number[][];

  constructor(
    private readonly problem: RoutingProblem,
    solution: RoutingSolution,
  ) {
    const { supplies, sinks } = problem;
    this.n = supplies.length;
    this.m = sinks.length;
    const order = supplies.map((_, i) => i).sort((a, b) => byPriority(supplies[a], supplies[b]));
    this.rank = new Array<number>(this.n);
    order.forEach((i, r) => (this.rank[i] = r));
    const supplyIndex = new Map(supplies.map((s, i) => [s.id, i]));
    const sinkIndex = new Map(sinks.map((s, j) => [s.id, j]));
    const forbidden = new Set((problem.forbidden ?? []).map((pair) => JSON.stringify(pair)));

    this.arcs = supplies.map((supply) =>
      sinks
        .map((sink, j): [number, number] => [j, greatCircleKm(supply, sink)])
        .filter(([j, km]) => km <= sinks[j].radiusKm && !forbidden.has(JSON.stringify([supply.id, sinks[j].id]))),
    );
    this.suppliesOfSink = sinks.map(() => []);
    this.arcs.forEach((arcs, i) => arcs.forEach(([j]) => this.suppliesOfSink[j].push(i)));
    this.flow = supplies.map(() => new Map());
    this.served = supplies.map(() => 0);
    this.room = sinks.map((s) => s.capacity);
    for (const f of solution.flows) {
      const i = supplyIndex.get(f.supplyId) as number;
      const j = sinkIndex.get(f.sinkId) as number;
      this.flow[i].set(j, f.quantity);
      this.served[i] += f.quantity;
      this.room[j] -= f.quantity;
    }
  }

  priorityViolations(): string[] {
    const { n, m } = this;
    // Supplies are nodes 0..n-1, sinks n..n+m-1. Reverse residual arcs: into sink j from every
    // supply with an arc to j; into supply k from every sink where k has flow.
    const reachesT = new Uint8Array(n + m);
    const sinksWithRoom = this.problem.sinks.map((_, j) => j).filter((j) => this.room[j] > 0);
    this.reverseSearch(
      sinksWithRoom.map((j) => n + j),
      reachesT,
    );

    const youngestReachable = new Int32Array(n + m).fill(-1);
    const servedByRankDescending = [...Array(n).keys()].filter((k) => this.served[k] > 0).sort((a, b) => this.rank[b] - this.rank[a]);
    for (const k of servedByRankDescending) {
      this.reverseSearchLabel(k, this.rank[k], youngestReachable);
    }

    const violations: string[] = [];
    for (let i = 0; i < n; i++) {
      if (this.served[i] >= this.problem.supplies[i].quantity) continue;
      const id = this.problem.supplies[i].id;
      if (reachesT[i]) violations.push(`supply ${id} is not saturated yet can still reach a sink with room`);
      if (youngestReachable[i] > this.rank[i]) violations.push(`supply ${id} could displace a younger supply`);
    }
    return violations;
  }

  negativeCycleViolations(): string[] {
    const { m } = this;
    const t = m;
    const size = m + 1;
    const weight = new Float64Array(size * size).fill(Infinity);
    this.flow.forEach((sinksWithFlow, i) => {
      for (const [j] of sinksWithFlow) {
        const dj = this.arcs[i].find(([sink]) => sink === j)?.[1] as number;
        for (const [other, km] of this.arcs[i]) {
          if (other !== j) weight[j * size + other] = Math.min(weight[j * size + other], km - dj);
        }
      }
    });
    for (let j = 0; j < m; j++) {
      if (this.room[j] > 0) weight[j * size + t] = 0;
      if (this.room[j] < this.problem.sinks[j].capacity) weight[t * size + j] = 0;
    }
    // Bellman-Ford from a virtual source joined to every node at cost 0.
    const distance = new Float64Array(size);
    for (let round = 0; round < size; round++) {
      let changed = false;
      for (let u = 0; u < size; u++) {
        for (let v = 0; v < size; v++) {
          const w = weight[u * size + v];
          if (w !== Infinity && distance[u] + w < distance[v] - NEGATIVE_CYCLE_TOLERANCE_KM) {
            distance[v] = distance[u] + w;
            changed = true;
          }
        }
      }
      if (!changed) return [];
    }
    return ['the residual graph has a negative cycle: some devices could be re-routed more cheaply'];
  }

  private reverseSearch(starts: number[], reached: Uint8Array): void {
    const stack = [...starts];
    for (const s of starts) reached[s] = 1;
    while (stack.length > 0) {
      for (const p of this.reversePredecessors(stack.pop() as number)) {
        if (!reached[p]) {
          reached[p] = 1;
          stack.push(p);
        }
      }
    }
  }

  /** Nodes already labelled reach a younger supply, and so do all their predecessors: stop there. */
  private reverseSearchLabel(start: number, label: number, labels: Int32Array): void {
    if (labels[start] !== -1) return;
    labels[start] = label;
    const stack = [start];
    while (stack.length > 0) {
      for (const p of this.reversePredecessors(stack.pop() as number)) {
        if (labels[p] === -1) {
          labels[p] = label;
          stack.push(p);
        }
      }
    }
  }

  private reversePredecessors(node: number): number[] {
    if (node >= this.n) return this.suppliesOfSink[node - this.n];
    return [...this.flow[node].keys()].map((j) => this.n + j);
  }
}

function byPriority(a: RoutingSupply, b: RoutingSupply): number {
  return a.age - b.age || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
