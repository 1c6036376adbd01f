import { TransportNetwork } from './transport-network';

/**
 * The residual graph as seen from the sinks. Moving one unit that supply i sends to sink j over to
 * sink j' costs d(i, j') - d(i, j), and is possible while x(i, j) > 0. With ~50 sinks this graph has
 * ~2,500 edges instead of the ~500k supply arcs, so shortest paths are cheap.
 *
 * An exchange's cost never changes, only whether it is available (x(i, j) > 0), so each pair (j, j')
 * keeps a lazy min-heap of candidate exchanges; entries are invalidated by bumping an epoch on the
 * arc (i, j) when its flow drops to zero, and a stale top is popped at once, so `cost` always holds
 * the exact cheapest available exchange.
 */
export class SinkExchangeGraph {
  /** cost[j * m + j'] of the cheapest available exchange from j to j', Infinity when there is none */
  readonly cost: Float64Array;
  /** for that exchange: the arc (i, j) that gives up a unit, and the arc (i, j') that takes it */
  readonly releasedArc: Int32Array;
  readonly takenArc: Int32Array;

  private readonly sinkCount: number;
  private readonly heaps: number[][];
  private readonly arcEpoch: Int32Array;
  private entryKey = new Float64Array(1024);
  private entryReleased = new Int32Array(1024);
  private entryTaken = new Int32Array(1024);
  private entryEpoch = new Int32Array(1024);
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
    this.heaps = Array.from({ length: m * m }, () => []);
    this.arcEpoch = new Int32Array(network.arcSink.length);
  }

  /** Call when x(arc) has just become positive. */
  arcOpened(arc: number): void {
    const { arcStart, arcSupply, arcSink, arcDistanceKm } = this.network;
    const from = arcSink[arc];
    if (this.retired[from]) return;
    const supply = arcSupply[arc];
    const rowStart = from * this.sinkCount;
    for (let other = arcStart[supply]; other < arcStart[supply + 1]; other++) {
      const to = arcSink[other];
      if (other === arc || this.retired[to]) continue;
      const entry = this.addEntry(arcDistanceKm[other] - arcDistanceKm[arc], arc, other);
      const pair = rowStart + to;
      this.push(this.heaps[pair], entry);
      this.refreshTop(pair);
    }
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
        this.heaps[pair] = [];
        this.cost[pair] = Infinity;
        this.releasedArc[pair] = -1;
        this.takenArc[pair] = -1;
      }
    }
  }

  private refreshTop(pair: number): void {
    const heap = this.heaps[pair];
    while (heap.length > 0 && !this.isAvailable(heap[0])) this.pop(heap);
    if (heap.length === 0) {
      this.cost[pair] = Infinity;
      this.releasedArc[pair] = -1;
      this.takenArc[pair] = -1;
      return;
    }
    const top = heap[0];
    this.cost[pair] = this.entryKey[top];
    this.releasedArc[pair] = this.entryReleased[top];
    this.takenArc[pair] = this.entryTaken[top];
  }

  private isAvailable(entry: number): boolean {
    const arc = this.entryReleased[entry];
    return this.entryEpoch[entry] === this.arcEpoch[arc] && this.arcFlow[arc] > 0;
  }

  private addEntry(key: number, releasedArc: number, takenArc: number): number {
    if (this.entryCount === this.entryKey.length) this.growEntries();
    const entry = this.entryCount++;
    this.entryKey[entry] = key;
    this.entryReleased[entry] = releasedArc;
    this.entryTaken[entry] = takenArc;
    this.entryEpoch[entry] = this.arcEpoch[releasedArc];
    return entry;
  }

  private growEntries(): void {
    const size = this.entryKey.length * 2;
    const grow = <A extends Float64Array | Int32Array>(old: A, fresh: A): A => {
      fresh.set(old);
      return fresh;
    };
    this.entryKey = grow(this.entryKey, new Float64Array(size));
    this.entryReleased = grow(this.entryReleased, new Int32Array(size));
    this.entryTaken = grow(this.entryTaken, new Int32Array(size));
    this.entryEpoch = grow(this.entryEpoch, new Int32Array(size));
  }

  /** Entry ids break key ties so the heap order, and so the output, is deterministic. */
  private less(a: number, b: number): boolean {
    const ka = this.entryKey[a];
    const kb = this.entryKey[b];
    return ka < kb || (ka === kb && a < b);
  }

  private push(heap: number[], entry: number): void {
    let at = heap.length;
    heap.push(entry);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.less(entry, heap[parent])) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = entry;
  }

  private pop(heap: number[]): void {
    const last = heap.pop() as number;
    if (heap.length === 0) return;
    let at = 0;
    const size = heap.length;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.less(heap[right], heap[left]) ? right : left;
      if (!this.less(heap[child], last)) break;
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = last;
  }
}
