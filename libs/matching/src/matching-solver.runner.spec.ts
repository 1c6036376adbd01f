import { MatchingSolverRunner } from './matching-solver.runner';
import { solveMatching, type MatchDevice, type MatchLine } from './solver';

const laptop = (id: string, ramGb: number, ssd: boolean): MatchDevice => ({
  id,
  category: 'LAPTOP',
  ramGb,
  storageGb: 256,
  ssd,
  grade: 'B',
  lat: 45.76,
  lon: 4.84,
});
const line = (id: string, minRamGb: number | null, requireSsd: boolean, quantity = 1): MatchLine => ({
  id,
  category: 'LAPTOP',
  quantity,
  minRamGb,
  minStorageGb: null,
  requireSsd,
  minGrade: null,
  priority: 0,
  age: 0,
  lat: 45.7,
  lon: 4.8,
});

describe('MatchingSolverRunner', () => {
  const runner = new MatchingSolverRunner();
  afterAll(() => runner.onModuleDestroy());

  it('gives the same solution as the solver itself, from its own thread', async () => {
    const devices = [laptop('big', 16, true), laptop('small', 4, false), laptop('mid', 8, true)];
    const lines = [line('senior', 4, false), line('design', 16, true)];
    const solution = await runner.solve({ devices, lines });
    expect(solution).toEqual(solveMatching(devices, lines));
    expect(solution.assignments.find((a) => a.lineId === 'design')?.deviceId).toBe('big');
  });

  it('reports a solver error as a rejected promise, and keeps serving', async () => {
    await expect(runner.solve({ devices: [], lines: [line('bad', null, false, -1)] })).rejects.toThrow(/quantity/);
    expect((await runner.solve({ devices: [], lines: [] })).allocatedQuantity).toBe(0);
  });
});
