import { greatCircleKm } from '@app/common';
import { overQualification, resolveCostWeights } from './cost';
import { assignmentCost, DEFAULT_MATCHING_COST_WEIGHTS, type MatchDevice, type MatchLine } from './index';

const AT = { lat: 45.764, lon: 4.8357 };
const ELSEWHERE = { lat: 45.1885, lon: 5.7245 };

const device = (spec: Partial<MatchDevice>): MatchDevice => ({
  id: 'd',
  category: 'LAPTOP',
  ramGb: 4,
  storageGb: 128,
  ssd: false,
  grade: 'C',
  ...AT,
  ...spec,
});

const line = (spec: Partial<MatchLine>): MatchLine => ({
  id: 'l',
  category: 'LAPTOP',
  quantity: 1,
  minRamGb: null,
  minStorageGb: null,
  requireSsd: false,
  minGrade: null,
  priority: 0,
  age: 0,
  ...AT,
  ...spec,
});

describe('assignmentCost', () => {
  it('is zero for a baseline device on a no-minimum line at the same place', () => {
    expect(assignmentCost(device({}), line({}))).toBe(0);
  });

  it('prices a 16 GB / 512 GB SSD grade-A laptop on a no-minimum line at 129.2 km-equivalents', () => {
    // RAM 12 GB × 5 + storage 384 GB × 0.05 + SSD 20 + grade A over C 2 × 15
    expect(assignmentCost(device({ ramGb: 16, storageGb: 512, ssd: true, grade: 'A' }), line({}))).toBeCloseTo(129.2, 10);
  });

  it('measures excess from the line minimum when there is one, and counts only excess', () => {
    const l = line({ minRamGb: 8, minStorageGb: 256, requireSsd: true, minGrade: 'B' });
    expect(assignmentCost(device({ ramGb: 8, storageGb: 256, ssd: true, grade: 'B' }), l)).toBe(0);
    expect(assignmentCost(device({ ramGb: 16, storageGb: 256, ssd: true, grade: 'A' }), l)).toBe(40 + 15);
  });

  it('counts below-baseline and unknown specs as no excess', () => {
    expect(assignmentCost(device({ ramGb: 2, storageGb: 64 }), line({}))).toBe(0);
    expect(assignmentCost(device({ ramGb: null, storageGb: null, ssd: null }), line({}))).toBe(0);
  });

  it('adds perKm × great-circle km', () => {
    const km = greatCircleKm(ELSEWHERE, AT);
    expect(assignmentCost(device(ELSEWHERE), line({}))).toBe(km);
    expect(assignmentCost(device(ELSEWHERE), line({}), { ...DEFAULT_MATCHING_COST_WEIGHTS, perKm: 2 })).toBe(2 * km);
  });

  it('makes keeping a 16 GB laptop from an e-mail line worth more than tens of km', () => {
    const waste = overQualification(device({ ramGb: 16 }), line({}));
    expect(waste).toBeGreaterThanOrEqual(50);
  });
});

describe('resolveCostWeights', () => {
  it('fills defaults and rejects negative or non-finite weights', () => {
    expect(resolveCostWeights({ perKm: 2 })).toEqual({ ...DEFAULT_MATCHING_COST_WEIGHTS, perKm: 2 });
    expect(() => resolveCostWeights({ perGradeStep: -1 })).toThrow(RangeError);
    expect(() => resolveCostWeights({ perExtraRamGb: Number.NaN })).toThrow(RangeError);
    expect(() => resolveCostWeights({ baselineRamGb: Infinity })).toThrow(RangeError);
  });
});
