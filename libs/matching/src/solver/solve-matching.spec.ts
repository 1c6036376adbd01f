import fc from 'fast-check';
import { DEFAULT_MATCHING_COST_WEIGHTS, deviceFitsLine, solveMatching, type MatchDevice, type MatchLine } from './index';
import { instanceArbitrary } from './testing/arbitraries';
import { assertValidSolution } from './testing/solution-invariants';

const LYON = { lat: 45.764, lon: 4.8357 };
const VILLEURBANNE = { lat: 45.7719, lon: 4.8902 }; // ~4 km from Lyon
const VIENNE = { lat: 45.5255, lon: 4.8744 }; // ~27 km from Lyon
const GRENOBLE = { lat: 45.1885, lon: 5.7245 }; // ~95 km from Lyon

function laptop(id: string, spec: Partial<MatchDevice>, at = LYON): MatchDevice {
  return { id, category: 'LAPTOP', ramGb: 8, storageGb: 256, ssd: true, grade: 'B', ...at, ...spec };
}

function line(id: string, spec: Partial<MatchLine>, at = VILLEURBANNE): MatchLine {
  return {
    id,
    category: 'LAPTOP',
    quantity: 1,
    minRamGb: null,
    minStorageGb: null,
    requireSsd: false,
    minGrade: null,
    priority: 0,
    age: 0,
    ...at,
    ...spec,
  };
}

const highSpec = { ramGb: 16, storageGb: 512, ssd: true, grade: 'A' } as const;
const baseline = { ramGb: 4, storageGb: 128, ssd: false, grade: 'C' } as const;
const designStudent = { minRamGb: 16, minStorageGb: 512, requireSsd: true, minGrade: 'B' } as const;

function devicesOf(solution: ReturnType<typeof solveMatching>, lineId: string): string[] {
  return solution.assignments
    .filter((a) => a.lineId === lineId)
    .map((a) => a.deviceId)
    .sort();
}

describe('deviceFitsLine', () => {
  it('requires the category and every minimum; an unknown spec fails a stated minimum', () => {
    const l = line('l', { minRamGb: 8, minStorageGb: 256, requireSsd: true, minGrade: 'B' });
    expect(deviceFitsLine(laptop('ok', {}), l)).toBe(true);
    expect(deviceFitsLine(laptop('grade A', { grade: 'A' }), l)).toBe(true);
    expect(deviceFitsLine(laptop('tablet', { category: 'TABLET' }), l)).toBe(false);
    expect(deviceFitsLine(laptop('ram', { ramGb: 4 }), l)).toBe(false);
    expect(deviceFitsLine(laptop('storage', { storageGb: 128 }), l)).toBe(false);
    expect(deviceFitsLine(laptop('hdd', { ssd: false }), l)).toBe(false);
    expect(deviceFitsLine(laptop('grade C', { grade: 'C' }), l)).toBe(false);
    expect(deviceFitsLine(laptop('unknown ram', { ramGb: null }), l)).toBe(false);
    expect(deviceFitsLine(laptop('unknown storage', { storageGb: null }), l)).toBe(false);
    expect(deviceFitsLine(laptop('unknown ssd', { ssd: null }), l)).toBe(false);
  });

  it('accepts unknown specs on a line without minimums', () => {
    expect(deviceFitsLine(laptop('d', { ramGb: null, storageGb: null, ssd: null, grade: 'C' }), line('l', {}))).toBe(true);
  });
});

describe('solveMatching', () => {
  it('keeps the 16 GB SSD laptops for the design student, not the senior', () => {
    // The high-spec laptops sit next to the senior's partner; the plain ones are 95 km away.
    const devices = [
      laptop('hi1', highSpec, VILLEURBANNE),
      laptop('hi2', highSpec, VILLEURBANNE),
      laptop('hi3', highSpec, VILLEURBANNE),
      laptop('plain1', baseline, GRENOBLE),
      laptop('plain2', baseline, GRENOBLE),
    ];
    const lines = [line('senior', { quantity: 2, priority: 1 }, VILLEURBANNE), line('student', { ...designStudent, quantity: 2 }, LYON)];
    const solution = solveMatching(devices, lines);
    assertValidSolution(devices, lines, solution);
    expect(devicesOf(solution, 'student')).toEqual(['hi1', 'hi2']);
    expect(devicesOf(solution, 'senior')).toEqual(['plain1', 'plain2']);
    expect(solution.allocatedQuantity).toBe(4);
    expect(solution.unfilledQuantity).toBe(0);
  });

  it('re-assigns devices so a higher-priority line does not take the only fitting ones', () => {
    // The senior line comes first and could take the high-spec laptop, but then the student
    // line (which only the high-spec one fits) would be unserved: greedy keeps both served.
    const devices = [laptop('hi', highSpec), laptop('plain', baseline)];
    const lines = [line('senior', { priority: 5 }), line('student', { ...designStudent, priority: 0 })];
    const solution = solveMatching(devices, lines);
    expect(devicesOf(solution, 'senior')).toEqual(['plain']);
    expect(devicesOf(solution, 'student')).toEqual(['hi']);
  });

  it('prefers a plain laptop 95 km away over a high-spec one next door for a no-minimum line', () => {
    const devices = [laptop('hi', highSpec, VILLEURBANNE), laptop('plain', baseline, GRENOBLE)];
    const solution = solveMatching(devices, [line('senior', {}, VILLEURBANNE)]);
    expect(devicesOf(solution, 'senior')).toEqual(['plain']);
  });

  it('prefers the nearer of two identical devices', () => {
    const devices = [laptop('far', {}, GRENOBLE), laptop('near', {}, VIENNE)];
    const solution = solveMatching(devices, [line('l', {}, LYON)]);
    expect(devicesOf(solution, 'l')).toEqual(['near']);
  });

  it('under shortage serves higher priority first, then older lines, then by id', () => {
    const devices = [laptop('d1', {}), laptop('d2', {}), laptop('d3', {})];
    const lines = [
      line('low', { quantity: 2, priority: 0, age: 0 }),
      line('young', { quantity: 1, priority: 3, age: 9 }),
      line('old', { quantity: 1, priority: 3, age: 1 }),
      line('b-tie', { quantity: 1, priority: 1, age: 4 }),
      line('a-tie', { quantity: 1, priority: 1, age: 4 }),
    ];
    const solution = solveMatching(devices, lines);
    assertValidSolution(devices, lines, solution);
    const served = (id: string): number => devicesOf(solution, id).length;
    expect([served('old'), served('young'), served('a-tie'), served('b-tie'), served('low')]).toEqual([1, 1, 1, 0, 0]);
    expect(solution.unfilledQuantity).toBe(3);
  });

  it('gives a line only as many units as can be served once earlier lines are kept', () => {
    // Two devices; the first line could take either, the second only fits "hi".
    const devices = [laptop('hi', highSpec), laptop('plain', baseline)];
    const lines = [line('first', { quantity: 2, priority: 2 }), line('second', { ...designStudent, priority: 1 })];
    const solution = solveMatching(devices, lines);
    expect(devicesOf(solution, 'first')).toEqual(['hi', 'plain']);
    expect(devicesOf(solution, 'second')).toEqual([]);
  });

  it('never uses a device twice, never exceeds a quantity, only assigns fitting devices', () => {
    fc.assert(
      fc.property(instanceArbitrary({ maxDevices: 60, maxLines: 12, maxQuantity: 8 }), ({ devices, lines }) => {
        assertValidSolution(devices, lines, solveMatching(devices, lines), { ...DEFAULT_MATCHING_COST_WEIGHTS });
      }),
      { numRuns: 300 },
    );
  });

  it('handles empty stock and no lines', () => {
    expect(solveMatching([], [])).toEqual({ assignments: [], allocatedQuantity: 0, unfilledQuantity: 0, totalCost: 0 });
    expect(solveMatching([], [line('l', { quantity: 4 })])).toMatchObject({ allocatedQuantity: 0, unfilledQuantity: 4 });
    expect(solveMatching([laptop('d', {})], [])).toMatchObject({ allocatedQuantity: 0, assignments: [] });
  });

  it('uses the cost weights it is given', () => {
    // With over-qualification free, only distance counts: the nearby high-spec laptop wins.
    const devices = [laptop('hi', highSpec, VILLEURBANNE), laptop('plain', baseline, GRENOBLE)];
    const lines = [line('senior', {}, VILLEURBANNE)];
    const free = { perExtraRamGb: 0, perExtraStorageGb: 0, unrequiredSsd: 0, perGradeStep: 0 };
    expect(devicesOf(solveMatching(devices, lines, free), 'senior')).toEqual(['hi']);
  });

  it('rejects inconsistent input rather than double-booking', () => {
    expect(() => solveMatching([laptop('d', {}), laptop('d', {})], [line('l', {})])).toThrow(RangeError);
    expect(() => solveMatching([laptop('d', {})], [line('l', {}), line('l', {})])).toThrow(RangeError);
    expect(() => solveMatching([laptop('d', {})], [line('l', { quantity: -1 })])).toThrow(RangeError);
    expect(() => solveMatching([laptop('d', {})], [line('l', { quantity: 1.5 })])).toThrow(RangeError);
    expect(() => solveMatching([laptop('d', { lat: NaN })], [line('l', {})])).toThrow(RangeError);
    expect(() => solveMatching([laptop('d', {})], [line('l', {})], { perKm: -1 })).toThrow(RangeError);
  });
});
