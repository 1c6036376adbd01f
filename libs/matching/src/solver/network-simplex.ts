/**
 * A transportation problem: sources with integral supply (an upper bound: stock may stay on
 * the shelf), sinks with integral demand (met exactly), uncapacitated arcs source → sink with
 * a cost. Minimise the total cost.
 */
export interface TransportationProblem {
  supply: ArrayLike<number>;
  demand: ArrayLike<number>;
  arcSource: Int32Array;
  /** sink index, 0-based among sinks */
  arcSink: Int32Array;
  arcCost: Float64Array;
}

/**
 * Primal network simplex (the method of LEMON's NetworkSimplex), chosen because it is exact on
 * integral data, needs no cost scaling, and is fast on a transportation problem with a few
 * thousand nodes and a few hundred thousand arcs: its work is dominated by pricing and small
 * subtree updates, both linear in memory.
 *
 * Graph: the problem's nodes plus a root. Every source has a slack arc to the root of cost 0
 * (unused stock), every sink an artificial arc from the root of a cost larger than any path
 * (so it carries flow only while no real supply has been routed there). The initial spanning
 * tree is these arcs; it is feasible and, with all its flows positive, strongly feasible.
 * Pivots keep it strongly feasible by Cunningham's rule (the leaving arc is the last blocking
 * arc met when walking the cycle from its apex in the flow direction), which rules out
 * cycling on degenerate pivots. Entering arcs are chosen by block search (the most negative
 * reduced cost within blocks of ~√arcs arcs).
 *
 * Potentials are recomputed from the parent along the tree arc whenever a subtree moves, never
 * shifted by a running delta, so rounding does not accumulate over thousands of pivots.
 *
 * Returns the optimal flow on each problem arc. Throws if the demand cannot be met.
 */
export function solveTransportation(problem: TransportationProblem): Float64Array {
  const sourceCount = problem.supply.length;
  const sinkCount = problem.demand.length;
  const realArcCount = problem.arcSource.length;
  const nodeCount = sourceCount + sinkCount;
  const root = nodeCount;
  const arcCount = realArcCount + nodeCount;

  const arcFrom = new Int32Array(arcCount);
  const arcTo = new Int32Array(arcCount);
  const cost = new Float64Array(arcCount);
  const flow = new Float64Array(arcCount);
  const inTree = new Uint8Array(arcCount);

  let maxCost = 0;
  for (let e = 0; e < realArcCount; e++) {
    arcFrom[e] = problem.arcSource[e];
    arcTo[e] = sourceCount + problem.arcSink[e];
    cost[e] = problem.arcCost[e];
    maxCost = Math.max(maxCost, Math.abs(cost[e]));
  }
  const artificialCost = (maxCost + 1) * (nodeCount + 1);
  // Reduced costs below -epsilon are improving; the tolerance is far above the rounding of
  // potentials of magnitude ~artificialCost and far below any meaningful cost difference.
  const epsilon = 1e-12 * artificialCost + 1e-12;

  const parent = new Int32Array(nodeCount + 1);
  const pred = new Int32Array(nodeCount + 1);
  /** 1 when the tree arc to the parent points from the node up to its parent */
  const predUp = new Uint8Array(nodeCount + 1);
  const depth = new Int32Array(nodeCount + 1);
  const pi = new Float64Array(nodeCount + 1);
  const firstChild = new Int32Array(nodeCount + 1).fill(-1);
  const nextSibling = new Int32Array(nodeCount + 1).fill(-1);
  const prevSibling = new Int32Array(nodeCount + 1).fill(-1);

  const addChild = (p: number, c: number): void => {
    const head = firstChild[p];
    nextSibling[c] = head;
    prevSibling[c] = -1;
    if (head >= 0) prevSibling[head] = c;
    firstChild[p] = c;
  };
  const removeChild = (c: number): void => {
    const prev = prevSibling[c];
    const next = nextSibling[c];
    if (prev >= 0) nextSibling[prev] = next;
    else firstChild[parent[c]] = next;
    if (next >= 0) prevSibling[next] = prev;
  };

  parent[root] = -1;
  pred[root] = -1;
  for (let v = 0; v < nodeCount; v++) {
    const e = realArcCount + v;
    const isSource = v < sourceCount;
    const amount = isSource ? problem.supply[v] : problem.demand[v - sourceCount];
    if (!Number.isInteger(amount) || amount <= 0) {
      throw new RangeError('transportation supplies and demands must be positive integers');
    }
    arcFrom[e] = isSource ? v : root;
    arcTo[e] = isSource ? root : v;
    cost[e] = isSource ? 0 : artificialCost;
    flow[e] = amount;
    inTree[e] = 1;
    parent[v] = root;
    pred[v] = e;
    predUp[v] = isSource ? 1 : 0;
    depth[v] = 1;
    pi[v] = isSource ? 0 : artificialCost;
    addChild(root, v);
  }

  const blockSize = Math.max(10, Math.ceil(Math.sqrt(arcCount)));
  let nextArc = 0;

  /** Block search: the most negative reduced cost within the first block that has one. */
  const findEntering = (): number => {
    let best = -1;
    let bestReduced = -epsilon;
    let scanned = 0;
    let e = nextArc;
    for (let checked = 0; checked < arcCount; checked++) {
      if (!inTree[e]) {
        const reduced = cost[e] + pi[arcFrom[e]] - pi[arcTo[e]];
        if (reduced < bestReduced) {
          bestReduced = reduced;
          best = e;
        }
      }
      e = e + 1 === arcCount ? 0 : e + 1;
      if (++scanned === blockSize) {
        if (best >= 0) break;
        scanned = 0;
      }
    }
    nextArc = e;
    return best;
  };

  const stack = new Int32Array(nodeCount + 1);

  for (let entering = findEntering(); entering >= 0; entering = findEntering()) {
    const first = arcFrom[entering];
    const second = arcTo[entering];

    let join: number;
    {
      let a = first;
      let b = second;
      while (a !== b) {
        if (depth[a] > depth[b]) a = parent[a];
        else if (depth[b] > depth[a]) b = parent[b];
        else {
          a = parent[a];
          b = parent[b];
        }
      }
      join = a;
    }

    // Flow runs join → first (down), first → second (entering arc), second → join (up).
    // Only arcs whose flow decreases can block; the arcs are uncapacitated otherwise.
    let delta = Infinity;
    let leavingNode = -1;
    let leavingOnFirstSide = true;
    for (let w = first; w !== join; w = parent[w]) {
      if (predUp[w] && flow[pred[w]] < delta) {
        delta = flow[pred[w]];
        leavingNode = w;
      }
    }
    for (let w = second; w !== join; w = parent[w]) {
      if (!predUp[w] && flow[pred[w]] <= delta) {
        delta = flow[pred[w]];
        leavingNode = w;
        leavingOnFirstSide = false;
      }
    }
    if (leavingNode < 0) throw new Error('transportation problem is unbounded');

    if (delta > 0) {
      flow[entering] += delta;
      for (let w = first; w !== join; w = parent[w]) flow[pred[w]] += predUp[w] ? -delta : delta;
      for (let w = second; w !== join; w = parent[w]) flow[pred[w]] += predUp[w] ? delta : -delta;
    }

    inTree[pred[leavingNode]] = 0;
    inTree[entering] = 1;

    // The subtree under leavingNode is cut off and re-hung from the entering arc: the path
    // from the entering arc's endpoint inside it up to leavingNode is reversed.
    const inside = leavingOnFirstSide ? first : second;
    let child = inside;
    let newParent = leavingOnFirstSide ? second : first;
    let newArc = entering;
    let newUp = leavingOnFirstSide ? 1 : 0;
    for (;;) {
      const oldParent = parent[child];
      const oldArc = pred[child];
      const oldUp = predUp[child];
      removeChild(child);
      parent[child] = newParent;
      pred[child] = newArc;
      predUp[child] = newUp;
      addChild(newParent, child);
      if (child === leavingNode) break;
      newParent = child;
      newArc = oldArc;
      newUp = oldUp ? 0 : 1;
      child = oldParent;
    }

    let top = 0;
    stack[top++] = inside;
    while (top > 0) {
      const v = stack[--top];
      const p = parent[v];
      depth[v] = depth[p] + 1;
      pi[v] = predUp[v] ? pi[p] - cost[pred[v]] : pi[p] + cost[pred[v]];
      for (let c = firstChild[v]; c >= 0; c = nextSibling[c]) stack[top++] = c;
    }
  }

  for (let v = sourceCount; v < nodeCount; v++) {
    if (flow[realArcCount + v] > 0) throw new Error('transportation demand cannot be met');
  }
  return flow.subarray(0, realArcCount);
}
