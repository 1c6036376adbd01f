import { solveTransportation } from './network-simplex';

function totalCost(flows: Float64Array, costs: Float64Array): number {
  return flows.reduce((sum, f, e) => sum + f * costs[e], 0);
}

/** A complete bipartite problem from a dense cost matrix (rows = sources). */
function dense(supply: number[], demand: number[], costRows: number[][]) {
  const arcSource: number[] = [];
  const arcSink: number[] = [];
  const arcCost: number[] = [];
  costRows.forEach((row, s) =>
    row.forEach((c, t) => {
      arcSource.push(s);
      arcSink.push(t);
      arcCost.push(c);
    }),
  );
  return {
    supply,
    demand,
    arcSource: Int32Array.from(arcSource),
    arcSink: Int32Array.from(arcSink),
    arcCost: Float64Array.from(arcCost),
  };
}

describe('solveTransportation', () => {
  it('finds the textbook optimum (Winston, Powerco: 1020)', () => {
    const problem = dense(
      [35, 50, 40],
      [45, 20, 30, 30],
      [
        [8, 6, 10, 9],
        [9, 12, 13, 7],
        [14, 9, 16, 5],
      ],
    );
    expect(totalCost(solveTransportation(problem), problem.arcCost)).toBe(1020);
  });

  it('leaves surplus supply on the shelf and meets demand exactly', () => {
    const problem = dense(
      [10, 10],
      [4, 3],
      [
        [1, 5],
        [2, 1],
      ],
    );
    const flows = solveTransportation(problem);
    expect(Array.from(flows)).toEqual([4, 0, 0, 3]);
  });

  it('terminates on a large fully degenerate problem (all costs equal)', () => {
    const sources = 60;
    const sinks = 50;
    const problem = dense(
      Array.from({ length: sources }, () => 5),
      Array.from({ length: sinks }, () => 6),
      Array.from({ length: sources }, () => Array.from({ length: sinks }, () => 1)),
    );
    const flows = solveTransportation(problem);
    expect(totalCost(flows, problem.arcCost)).toBe(300);
    const received = new Array<number>(sinks).fill(0);
    flows.forEach((f, e) => (received[problem.arcSink[e]] += f));
    expect(received.every((r) => r === 6)).toBe(true);
  });

  it('throws when demand cannot be met', () => {
    const problem = dense([1], [2], [[1]]);
    expect(() => solveTransportation(problem)).toThrow('cannot be met');
  });

  it('rejects zero or fractional amounts', () => {
    expect(() => solveTransportation(dense([0], [1], [[1]]))).toThrow(RangeError);
    expect(() => solveTransportation(dense([1.5], [1], [[1]]))).toThrow(RangeError);
  });
});
