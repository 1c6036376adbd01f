import { SinkExchangeGraph } from './sink-exchange-graph';
import { TransportNetwork } from './transport-network';

/**
 * Successive shortest paths, one supply at a time in priority order.
 *
 * Why this is exact:
 * - Served amounts. A supply keeps augmenting until no residual path leads from it to a sink with
 *   room. Paths only re-route earlier supplies, never unserve them, and "no path" is a cut proving
 *   nothing more can be added: this is the greedy algorithm on the polymatroid of servable vectors,
 *   whose result is the lexicographically best vector by priority and a maximum flow.
 * - Cost. Augmenting along a shortest path keeps the residual graph free of negative cycles (the
 *   classic successive-shortest-path invariant, holding for any choice of source), so at the end
 *   the flow has minimum cost for its served vector.
 *
 * Shortest paths run on the small sink exchange graph with Johnson potentials (p(T) pinned to 0),
 * so Dijkstra is a dense O(m^2) scan that usually stops after a few pops.
 *
 * Arc capacities (a sink's maxPerSupply) are residual capacities like any other: an arc at its
 * bound offers no entry and no exchange into it, and the bottleneck of a path counts them. Both
 * arguments above hold for any capacitated network. Only the retirement of sinks does not: with
 * bounded arcs, an exchange out of a full set of sinks can reopen when a later path lowers the
 * flow on its target arc, so sinks are never retired then (the searches just scan them again).
 */
export function solveMinCostTransport(network: TransportNetwork): Float64Array {
  return new LexicographicTransportSolver(network).solve();
}

class LexicographicTransportSolver {
  private readonly m: number;
  private readonly arcFlow: Float64Array;
  private readonly room: Float64Array;
  private readonly load: Float64Array;
  private readonly potential: Float64Array;
  /**
   * Sinks proven useless for ever: a failed search reached them, so they are full and every exchange
   * out of them stays inside that reached set, and flow into them can never change again.
   */
  private readonly retired: Uint8Array;
  private readonly exchanges: SinkExchangeGraph;

  /** Dijkstra state over the sinks plus the super-sink T at index m. */
  private readonly label: Float64Array;
  private readonly settled: Uint8Array;
  private readonly predecessor: Int32Array;
  private readonly entryArc: Int32Array;
  private readonly pathArcsReleased: number[] = [];
  private readonly pathArcsTaken: number[] = [];

  constructor(private readonly network: TransportNetwork) {
    const m = network.sinks.length;
    this.m = m;
    this.arcFlow = new Float64Array(network.arcSink.length);
    this.room = Float64Array.from(network.sinkCapacity);
    this.load = new Float64Array(m);
    this.potential = new Float64Array(m);
    this.retired = new Uint8Array(m);
    this.exchanges = new SinkExchangeGraph(network, this.arcFlow, this.retired);
    this.label = new Float64Array(m + 1);
    this.settled = new Uint8Array(m + 1);
    this.predecessor = new Int32Array(m + 1);
    this.entryArc = new Int32Array(m);
  }

  solve(): Float64Array {
    const { supplyQuantity } = this.network;
    for (let supply = 0; supply < supplyQuantity.length; supply++) {
      let remaining = supplyQuantity[supply];
      while (remaining > 0 && this.hasLiveArc(supply)) {
        if (!this.findShortestPath(supply)) {
          if (!this.network.hasArcCapacities) this.retireReachedSinks();
          break;
        }
        this.updatePotentials();
        remaining -= this.augment(remaining);
      }
    }
    return this.arcFlow;
  }

  private hasLiveArc(supply: number): boolean {
    const { arcStart, arcSink } = this.network;
    const { arcCapacity } = this.network;
    for (let arc = arcStart[supply]; arc < arcStart[supply + 1]; arc++) {
      if (!this.retired[arcSink[arc]] && this.arcFlow[arc] < arcCapacity[arc]) return true;
    }
    return false;
  }

  /** Reduced costs are >= 0 up to rounding; a settled node is never reopened, so rounding cannot loop. */
  private findShortestPath(supply: number): boolean {
    const { m, label, settled, predecessor, potential, room, load, retired } = this;
    const { arcStart, arcSink, arcDistanceKm, arcCapacity } = this.network;
    const cost = this.exchanges.cost;
    label.fill(Infinity);
    settled.fill(0);
    for (let arc = arcStart[supply]; arc < arcStart[supply + 1]; arc++) {
      const sink = arcSink[arc];
      if (retired[sink] || this.arcFlow[arc] >= arcCapacity[arc]) continue;
      label[sink] = arcDistanceKm[arc] - potential[sink];
      predecessor[sink] = -1;
      this.entryArc[sink] = arc;
    }
    for (;;) {
      let u = m;
      let best = settled[m] ? Infinity : label[m];
      for (let v = 0; v < m; v++) {
        if (!settled[v] && label[v] < best) {
          best = label[v];
          u = v;
        }
      }
      if (best === Infinity) return false;
      if (u === m) return true;
      settled[u] = 1;
      if (room[u] > 0 && best + potential[u] < label[m]) {
        label[m] = best + potential[u];
        predecessor[m] = u;
      }
      if (load[u] === 0) continue;
      const row = u * m;
      const base = best + potential[u];
      for (let v = 0; v < m; v++) {
        const c = cost[row + v];
        if (c === Infinity || settled[v]) continue;
        const candidate = base + c - potential[v];
        if (candidate < label[v]) {
          label[v] = candidate;
          predecessor[v] = u;
        }
      }
    }
  }

  /** p(v) += min(dist(v), dist(T)) - dist(T): keeps reduced costs >= 0 and p(T) = 0. */
  private updatePotentials(): void {
    const { m, label, settled, potential } = this;
    const toSink = label[m];
    for (let v = 0; v < m; v++) {
      if (settled[v]) potential[v] += label[v] - toSink;
    }
  }

  private retireReachedSinks(): void {
    for (let v = 0; v < this.m; v++) {
      if (this.label[v] < Infinity && !this.retired[v]) {
        this.retired[v] = 1;
        this.exchanges.forgetSink(v);
      }
    }
  }

  /** Pushes the bottleneck amount along the path found and returns it. */
  private augment(remaining: number): number {
    const { m, predecessor, arcFlow } = this;
    const { arcCapacity } = this.network;
    const released = this.pathArcsReleased;
    const taken = this.pathArcsTaken;
    released.length = 0;
    taken.length = 0;
    const lastSink = predecessor[m];
    let amount = Math.min(remaining, this.room[lastSink]);
    let sink = lastSink;
    for (;;) {
      const from = predecessor[sink];
      if (from === -1) {
        const entry = this.entryArc[sink];
        taken.push(entry);
        amount = Math.min(amount, arcCapacity[entry] - arcFlow[entry]);
        break;
      }
      const pair = from * m + sink;
      const releasedArc = this.exchanges.releasedArc[pair];
      const takenArc = this.exchanges.takenArc[pair];
      released.push(releasedArc);
      taken.push(takenArc);
      amount = Math.min(amount, arcFlow[releasedArc], arcCapacity[takenArc] - arcFlow[takenArc]);
      sink = from;
    }
    // Every path arc has positive residual capacity by construction; zero means corrupted state,
    // and carrying on would loop for ever.
    if (!(amount > 0)) throw new Error('routing solver: augmenting path with no capacity');
    for (const arc of released) {
      const wasSaturated = arcFlow[arc] === arcCapacity[arc];
      arcFlow[arc] -= amount;
      if (arcFlow[arc] === 0) this.exchanges.arcClosed(arc);
      if (wasSaturated) this.exchanges.arcDesaturated(arc);
    }
    for (const arc of taken) {
      const wasClosed = arcFlow[arc] === 0;
      arcFlow[arc] += amount;
      if (wasClosed) this.exchanges.arcOpened(arc);
      if (arcFlow[arc] === arcCapacity[arc]) this.exchanges.arcSaturated(arc);
    }
    this.room[lastSink] -= amount;
    this.load[lastSink] += amount;
    return amount;
  }
}
