import type { MatchingAggregation } from './aggregate';

/**
 * Step 1 of matching: how many units each line gets.
 *
 * Units of lines form a transversal matroid (a set of units is independent when some
 * assignment serves them all). Processing lines in order (priority desc, age asc, id asc) and
 * letting each take as many units as can be added while every earlier-served unit stays served
 * is the matroid greedy: it yields a maximum matching whose served vector is lexicographically
 * largest in that order.
 *
 * It is run as an incremental max flow on the aggregated graph spec → requirement group: for
 * each line we augment along paths that start at the line's group, possibly move units of
 * earlier groups to other specs (their counts never drop), and end at a spec with spare stock.
 * Which location a device is at does not change what fits, so specs aggregate all locations.
 * Once a group cannot grow it never can again (the matroid rank is monotone), so later lines
 * of a blocked group are skipped without a search.
 *
 * Returns the served quantity of every line (indexed like `lines`).
 */
export function servedQuantities(agg: MatchingAggregation, lineOrder: readonly number[], quantities: ArrayLike<number>): Int32Array {
  const specCount = agg.specs.length;
  const groupCount = agg.groups.length;
  const { fitSpec, fitGroup, groupFits, specFits } = agg;

  const spare = Int32Array.from(agg.specSupply);
  const flow = new Int32Array(fitSpec.length);
  const blocked = new Uint8Array(groupCount);
  const served = new Int32Array(quantities.length);

  // Search state, reset per search by stamping with a search counter instead of clearing.
  const groupSeen = new Int32Array(groupCount).fill(-1);
  const specSeen = new Int32Array(specCount).fill(-1);
  const groupVia = new Int32Array(groupCount);
  const specVia = new Int32Array(specCount);
  const queue = new Int32Array(groupCount);
  let stamp = 0;

  /** Finds a spec with spare stock reachable from group start; returns it or -1. */
  const search = (start: number): number => {
    stamp++;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    groupSeen[start] = stamp;
    while (head < tail) {
      const h = queue[head++];
      for (const arc of groupFits[h]) {
        const s = fitSpec[arc];
        if (specSeen[s] === stamp) continue;
        specSeen[s] = stamp;
        specVia[s] = arc;
        if (spare[s] > 0) return s;
        for (const back of specFits[s]) {
          if (flow[back] === 0) continue;
          const h2 = fitGroup[back];
          if (groupSeen[h2] === stamp) continue;
          groupSeen[h2] = stamp;
          groupVia[h2] = back;
          queue[tail++] = h2;
        }
      }
    }
    return -1;
  };

  for (const line of lineOrder) {
    const group = agg.lineGroup[line];
    let want = quantities[line];
    while (want > 0 && !blocked[group]) {
      const end = search(group);
      if (end < 0) {
        blocked[group] = 1;
        break;
      }
      let amount = Math.min(want, spare[end]);
      for (let h = fitGroup[specVia[end]]; h !== group; h = fitGroup[specVia[fitSpec[groupVia[h]]]]) {
        amount = Math.min(amount, flow[groupVia[h]]);
      }
      spare[end] -= amount;
      flow[specVia[end]] += amount;
      for (let h = fitGroup[specVia[end]]; h !== group;) {
        const back = groupVia[h];
        flow[back] -= amount;
        const forward = specVia[fitSpec[back]];
        flow[forward] += amount;
        h = fitGroup[forward];
      }
      served[line] += amount;
      want -= amount;
    }
  }
  return served;
}
