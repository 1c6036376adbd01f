import { RoutingSolverRunner } from './routing-solver.runner';
import { solveRouting } from './solver';
import { denseRandomInstance } from './solver/testing/dense-random-instance';

/** Counts how often the event loop got a turn while `work` ran. */
async function turnsDuring(work: () => Promise<unknown> | unknown): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  return turns;
}

describe('RoutingSolverRunner', () => {
  const runner = new RoutingSolverRunner();
  const problem = denseRandomInstance({ seed: 7, supplyCount: 3000, sinkCount: 50, capacityShare: 0.8 });

  afterAll(() => runner.onModuleDestroy());

  it('gives the same solution as the solver itself', async () => {
    const small = denseRandomInstance({ seed: 3, supplyCount: 200, sinkCount: 10, capacityShare: 0.7, forbiddenCount: 20 });
    expect(await runner.solve(small)).toEqual(solveRouting(small));
  });

  it('leaves the event loop free while it solves (inline, the loop gets no turn at all)', async () => {
    await runner.solve(problem); // the thread is warm
    expect(await turnsDuring(() => solveRouting(problem))).toBe(0);
    expect(await turnsDuring(() => runner.solve(problem))).toBeGreaterThan(5);
  });

  it('reports a solver error as a rejected promise, and keeps serving', async () => {
    await expect(runner.solve({ supplies: [{ id: 'a', lat: 0, lon: 0, quantity: -1, age: 0 }], sinks: [] })).rejects.toThrow();
    expect((await runner.solve({ supplies: [], sinks: [] })).routedQuantity).toBe(0);
  });
});
