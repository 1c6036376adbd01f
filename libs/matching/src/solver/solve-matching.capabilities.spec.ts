import { deviceFitsLine, solveMatching, type MatchDevice, type MatchLine } from './index';

/**
 * Capability needs, quality for fragile people and needed-by dates, on the small cases the
 * documentation tells (docs/matching.md). Exactness on random instances with all of them is
 * proven by the brute-force and HiGHS specs, whose arbitraries carry them.
 */
const LYON = { lat: 45.764, lon: 4.8357 };
const VILLEURBANNE = { lat: 45.7719, lon: 4.8902 };

const works = { webcam: true, microphone: true, osInstalled: true, batteryHealthPercent: 90 } as const;

function laptop(id: string, spec: Partial<MatchDevice>): MatchDevice {
  return { id, category: 'LAPTOP', ramGb: 8, storageGb: 256, ssd: true, grade: 'B', ...works, ...LYON, ...spec };
}

function line(id: string, spec: Partial<MatchLine>): MatchLine {
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
    ...VILLEURBANNE,
    ...spec,
  };
}

/** SENIOR's defaults (profile-defaults.ts): 4 GB, video calls, an OS; prefers quality. */
const senior = { minRamGb: 4, needsWebcam: true, needsMicrophone: true, needsOs: true, prefersQuality: true } as const;
const designStudent = { minRamGb: 16, minStorageGb: 256, requireSsd: true } as const;

const retireesMachine = { ramGb: 8, storageGb: 256, ssd: true, grade: 'A', batteryHealthPercent: 92 } as const;
const worn = { ramGb: 4, storageGb: 128, ssd: false, grade: 'C', batteryHealthPercent: 55 } as const;
const designMachine = { ramGb: 16, storageGb: 512, ssd: true, grade: 'A' } as const;

const devicesOf = (solution: ReturnType<typeof solveMatching>, lineId: string): string[] =>
  solution.assignments
    .filter((a) => a.lineId === lineId)
    .map((a) => a.deviceId)
    .sort();

describe('capability needs', () => {
  it('a device fits only with every need known to work', () => {
    const l = line('l', { ...senior, minBatteryHealthPercent: 70 });
    expect(deviceFitsLine(laptop('ok', {}), l)).toBe(true);
    expect(deviceFitsLine(laptop('no webcam', { webcam: false }), l)).toBe(false);
    expect(deviceFitsLine(laptop('webcam untested', { webcam: null }), l)).toBe(false);
    expect(deviceFitsLine(laptop('no microphone', { microphone: false }), l)).toBe(false);
    expect(deviceFitsLine(laptop('no OS recorded', { osInstalled: null }), l)).toBe(false);
    expect(deviceFitsLine(laptop('tired battery', { batteryHealthPercent: 69 }), l)).toBe(false);
    expect(deviceFitsLine(laptop('battery unknown', { batteryHealthPercent: null }), l)).toBe(false);
    expect(deviceFitsLine(laptop('battery at the minimum', { batteryHealthPercent: 70 }), l)).toBe(true);
  });

  it('a senior line without a working webcam in stock stays unfilled rather than take a device without one', () => {
    const solution = solveMatching([laptop('mute', { webcam: false })], [line('senior', senior)]);
    expect(solution.allocatedQuantity).toBe(0);
    expect(solveMatching([laptop('mute', { webcam: false })], [line('other', {})]).allocatedQuantity).toBe(1);
  });
});

describe('quality for fragile people', () => {
  it('the retiree gets the 8 GB SSD grade-A machine, not the worn grade-C one, when both are free', () => {
    const solution = solveMatching([laptop('worn', worn), laptop('good', retireesMachine)], [line('senior', senior)]);
    expect(devicesOf(solution, 'senior')).toEqual(['good']);
  });

  it('without a quality preference the waste rule keeps the better machine in stock', () => {
    const solution = solveMatching([laptop('worn', worn), laptop('good', retireesMachine)], [line('pupil', { minRamGb: 4 })]);
    expect(devicesOf(solution, 'pupil')).toEqual(['worn']);
  });

  it('a 16 GB design machine is not spent on the retiree, even when it is the only grade-A one', () => {
    const solution = solveMatching([laptop('worn', worn), laptop('design', designMachine)], [line('senior', senior)]);
    expect(devicesOf(solution, 'senior')).toEqual(['worn']);
  });

  it('with a design student in demand too, each gets theirs', () => {
    const devices = [laptop('worn', worn), laptop('good', retireesMachine), laptop('design', designMachine)];
    const solution = solveMatching(devices, [line('senior', senior), line('student', designStudent)]);
    expect(devicesOf(solution, 'senior')).toEqual(['good']);
    expect(devicesOf(solution, 'student')).toEqual(['design']);
  });

  it('the better battery wins between two machines of the same grade', () => {
    const solution = solveMatching(
      [laptop('tired', { ...retireesMachine, batteryHealthPercent: 71 }), laptop('fresh', { ...retireesMachine, batteryHealthPercent: 98 })],
      [line('senior', senior)],
    );
    expect(devicesOf(solution, 'senior')).toEqual(['fresh']);
  });
});

describe('needed-by dates', () => {
  it('within a priority, the earlier date is served first; lines without one after; priority still first', () => {
    const lines = [
      line('no date, oldest', { age: 0 }),
      line('later', { age: 5, neededBy: 20 }),
      line('sooner', { age: 9, neededBy: 10 }),
      line('urgent, no date', { age: 9, priority: 1 }),
    ];
    const two = solveMatching([laptop('a', {}), laptop('b', {})], lines);
    expect(two.assignments.map((a) => a.lineId).sort()).toEqual(['sooner', 'urgent, no date']);
    const three = solveMatching([laptop('a', {}), laptop('b', {}), laptop('c', {})], lines);
    expect(three.assignments.map((a) => a.lineId).sort()).toEqual(['later', 'sooner', 'urgent, no date']);
  });
});
