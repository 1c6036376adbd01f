import { TransportNetwork } from './transport-network';

/**
 * The residual graph as seen from the sinks. Moving one unit that supply i sends to sink j over to
 * sink j' costs d(i, j') - d(i, j), and is possible while x(i, j) > 0. With ~50 sinks this graph has
 * ~2,500 edges instead of the ~500k supply arcs, so shortest paths are cheap.
 *
 * An exchange's cost never changes, only whether it is available (x(i, j) > 0), so each pair (j, j')
 * keeps a lazy min-heap of candidate exchanges; entries are invalidated by bumping an epoch on the
 * arc (i, j) when its flow drops to zero, and a stale top is popped at once, so `cost` always holds
 * the exact cheapest available exchange. With bounded arcs, an exchange also needs room on the
 * arc (i, j') that takes the unit: entries are invalidated the same way, by a second epoch bumped
 * when that arc reaches its bound, and added again when it drops below.
 */
export class SinkExchangeGraph {
  /** cost[j * m + j'] of the cheapest available exchange from j to j', Infinity when there is none */
  readonly cost: Float64Array;
  /** for that exchange: the arc (i, j) that gives up a unit, and the arc (i, j') that takes it */
  readonly releasedArc: Int32Array;
  readonly takenArc: Int32Array;

  private readonly sinkCount: number;
  /** per pair, a binary min-heap kept as parallel arrays of keys and entry ids */
  private readonly heapKeys: number[][];
  private readonly heapEntries: number[][];
  private readonly arcEpoch: Int32Array;
  /** bumped when the arc reaches its capacity: exchanges that take it are no longer available */
  private readonly saturationEpoch: Int32Array;
  private entryReleased: Int32Array = new Int32Array(1024);
  private entryTaken: Int32Array = new Int32Array(1024);
  private entryEpoch: Int32Array = new Int32Array(1024);
  private entryTakenEpoch: Int32Array = new Int32Array(1024);
  private entryCount = 0;

  constructor(
    private readonly network: TransportNetwork,
    private readonly arcFlow: Float64Array,
    /** sinks that can never again lie on an augmenting path; their exchanges are not tracked */
    private readonly retired: Uint8Array,
  ) {
    const m = network.sinks.length;
    this.sinkCount = m;
    this.cost = new Float64Array(m * m).fill(Infinity);
    this.releasedArc = new Int32Array(m * m).fill(-1);
    this.takenArc = new Int32Array(m * m).fill(-1);
    this.heapKeys = Array.from({ length: m * m }, () => []);
    this.heapEntries = Array.from({ length: m * m }, () => []);
    this.arcEpoch = new Int32Array(network.arcSink.length);
    this.saturationEpoch = new Int32Array(network.arcSink.length);
  }

  /** Call when x(arc) has just become positive. */
  arcOpened(arc: number): void {
    const { arcStart, arcSupply, arcSink, arcCapacity } = this.network;
    const from = arcSink[arc];
    if (this.retired[from]) return;
    const supply = arcSupply[arc];
    for (let other = arcStart[supply]; other < arcStart[supply + 1]; other++) {
      if (other === arc || this.retired[arcSink[other]] || this.arcFlow[other] >= arcCapacity[other]) continue;
      this.offer(arc, other);
    }
  }

  /** Call when x(arc) has just reached the arc's capacity. */
  arcSaturated(arc: number): void {
    this.saturationEpoch[arc]++;
    const { arcStart, arcSupply, arcSink } = this.network;
    const to = arcSink[arc];
    if (this.retired[to]) return;
    const supply = arcSupply[arc];
    for (let other = arcStart[supply]; other < arcStart[supply + 1]; other++) {
      const from = arcSink[other];
      if (other === arc || this.retired[from]) continue;
      const pair = from * this.sinkCount + to;
      if (this.takenArc[pair] === arc) this.refreshTop(pair);
    }
  }

  /** Call when x(arc) has just dropped below the arc's capacity. */
  arcDesaturated(arc: number): void {
    const { arcStart, arcSupply, arcSink } = this.network;
    if (this.retired[arcSink[arc]]) return;
    const supply = arcSupply[arc];
    for (let other = arcStart[supply]; other < arcStart[supply + 1]; other++) {
      if (other === arc || this.retired[arcSink[other]] || this.arcFlow[other] === 0) continue;
      this.offer(other, arc);
    }
  }

  /** Makes the exchange "one unit from arc released to arc taken" available. */
  private offer(released: number, taken: number): void {
    const { arcSink, arcDistanceKm } = this.network;
    const key = arcDistanceKm[taken] - arcDistanceKm[released];
    const entry = this.addEntry(released, taken);
    const pair = arcSink[released] * this.sinkCount + arcSink[taken];
    // The current top is available (stale tops are dropped at once), so only a cheaper key replaces it.
    this.push(this.heapKeys[pair], this.heapEntries[pair], key, entry);
    if (this.heapEntries[pair][0] === entry) this.setTop(pair, key, entry);
  }

  /** Call when x(arc) has just dropped to zero. */
  arcClosed(arc: number): void {
    this.arcEpoch[arc]++;
    const { arcStart, arcSupply, arcSink } = this.network;
    const from = arcSink[arc];
    if (this.retired[from]) return;
    const supply = arcSupply[arc];
    const rowStart = from * this.sinkCount;
    for (let other = arcStart[supply]; other < arcStart[supply + 1]; other++) {
      const to = arcSink[other];
      if (other === arc || this.retired[to]) continue;
      const pair = rowStart + to;
      if (this.releasedArc[pair] === arc) this.refreshTop(pair);
    }
  }

  /** Frees the heaps of a sink that has just been retired. */
  forgetSink(sink: number): void {
    const m = this.sinkCount;
    for (let other = 0; other < m; other++) {
      for (const pair of [sink * m + other, other * m + sink]) {
        this.heapKeys[pair] = [];
        this.heapEntries[pair] = [];
        this.cost[pair] = Infinity;
        this.releasedArc[pair] = -1;
        this.takenArc[pair] = -1;
      }
    }
  }

  private refreshTop(pair: number): void {
    const keys = this.heapKeys[pair];
    const entries = this.heapEntries[pair];
    while (entries.length > 0 && !this.isAvailable(entries[0])) this.pop(keys, entries);
    if (entries.length === 0) {
      this.cost[pair] = Infinity;
      this.releasedArc[pair] = -1;
      this.takenArc[pair] = -1;
      return;
    }
    this.setTop(pair, keys[0], entries[0]);
  }

  private setTop(pair: number, key: number, entry: number): void {
    this.cost[pair] = key;
    this.releasedArc[pair] = this.entryReleased[entry];
    this.takenArc[pair] = this.entryTaken[entry];
  }

  private isAvailable(entry: number): boolean {
    const arc = this.entryReleased[entry];
    const taken = this.entryTaken[entry];
    return (
      this.entryEpoch[entry] === this.arcEpoch[arc] &&
      this.arcFlow[arc] > 0 &&
      this.entryTakenEpoch[entry] === this.saturationEpoch[taken] &&
      this.arcFlow[taken] < this.network.arcCapacity[taken]
    );
  }

  private addEntry(releasedArc: number, takenArc: number): number {
    if (this.entryCount === this.entryEpoch.length) this.growEntries();
    const entry = this.entryCount++;
    this.entryReleased[entry] = releasedArc;
    this.entryTaken[entry] = takenArc;
    this.entryEpoch[entry] = this.arcEpoch[releasedArc];
    this.entryTakenEpoch[entry] = this.saturationEpoch[takenArc];
    return entry;
  }

  private growEntries(): void {
    const size = this.entryEpoch.length * 2;
    const grow = (old: Int32Array): Int32Array => {
      const fresh = new Int32Array(size);
      fresh.set(old);
      return fresh;
    };
    this.entryReleased = grow(this.entryReleased);
    this.entryTaken = grow(this.entryTaken);
    this.entryEpoch = grow(this.entryEpoch);
    this.entryTakenEpoch = grow(this.entryTakenEpoch);
  }

  private push(keys: number[], entries: number[], key: number, entry: number): void {
    let at = keys.length;
    keys.push(key);
    entries.push(entry);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[at] = keys[parent];
      entries[at] = entries[parent];
      at = parent;
    }
    keys[at] = key;
    entries[at] = entry;
  }

  private pop(keys: number[], entries: number[]): void {
    const lastKey = keys.pop() as number;
    const lastEntry = entries.pop() as number;
    const size = keys.length;
    if (size === 0) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && keys[right] < keys[left] ? right : left;
      if (keys[child] >= lastKey) break;
      keys[at] = keys[child];
      entries[at] = entries[child];
      at = child;
    }
    keys[at] = lastKey;
    entries[at] = lastEntry;
  }
}
