import fc from 'fast-check';
import type { MatchingCostWeights } from '../cost';
import type { MatchDevice, MatchGrade, MatchLine } from '../types';

/**
 * Random instances drawn from few values, so that identical devices, identical lines, equal
 * costs and priority/date/age ties are frequent: the cases where aggregation and tie-breaking bugs
 * would show. Devices carry capabilities (unknown included) and battery health on both sides of
 * the lines' battery minimums and within one ten (83/88: one class); lines carry needs, grade
 * floors, quality preference and needed-by dates.
 */
const PLACES = [
  { lat: 45.764, lon: 4.8357 }, // Lyon
  { lat: 45.1885, lon: 5.7245 }, // Grenoble
  { lat: 45.4397, lon: 4.3872 }, // Saint-Étienne
] as const;

const grade = fc.constantFrom<MatchGrade>('A', 'B', 'C');
const place = fc.constantFrom(...PLACES);

const device = fc.record({
  category: fc.constantFrom('LAPTOP', 'LAPTOP', 'LAPTOP', 'TABLET'),
  ramGb: fc.constantFrom(null, 4, 8, 16),
  storageGb: fc.constantFrom(null, 128, 256, 512),
  ssd: fc.constantFrom(null, false, true),
  grade,
  batteryHealthPercent: fc.constantFrom(null, 45, 69, 70, 83, 88, 100),
  webcam: fc.constantFrom(null, false, true, true),
  microphone: fc.constantFrom(null, false, true, true),
  osInstalled: fc.constantFrom(null, true, true),
  place,
});

/** With `frequentTies`, priorities and ages mostly coincide, so the id decides the order. */
const line = (frequentTies: boolean, maxQuantity: number) =>
  fc.record({
    category: fc.constantFrom('LAPTOP', 'LAPTOP', 'LAPTOP', 'TABLET'),
    quantity: fc.integer({ min: 0, max: maxQuantity }),
    minRamGb: fc.constantFrom(null, 4, 8, 16),
    minStorageGb: fc.constantFrom(null, 128, 256),
    requireSsd: fc.boolean(),
    minGrade: fc.constantFrom<MatchGrade | null>(null, 'A', 'B', 'C'),
    needsWebcam: fc.constantFrom(false, false, true),
    needsMicrophone: fc.constantFrom(false, false, true),
    needsOs: fc.constantFrom(false, true),
    minBatteryHealthPercent: fc.constantFrom(null, null, 70, 85),
    prefersQuality: fc.boolean(),
    priority: frequentTies ? fc.constantFrom(0, 0, 0, 1) : fc.integer({ min: 0, max: 2 }),
    neededBy: frequentTies ? fc.constantFrom(null, null, null, 7) : fc.constantFrom(null, 5, 9),
    age: frequentTies ? fc.constantFrom(5, 5, 5, 2) : fc.integer({ min: 0, max: 3 }),
    place,
  });

/** Ids not in input order, so the id tie-break is really exercised. */
const ID_POOL = ['k', 'c', 'x', 'a', 'q', 'm', 'z', 'b'];

export interface InstanceShape {
  maxDevices: number;
  maxLines: number;
  /** largest line quantity; 3 by default */
  maxQuantity?: number;
  frequentTies?: boolean;
}

export function instanceArbitrary({ maxDevices, maxLines, maxQuantity = 3, frequentTies = false }: InstanceShape) {
  return fc
    .record({
      devices: fc.array(device, { maxLength: maxDevices }),
      lines: fc.array(line(frequentTies, maxQuantity), { maxLength: maxLines }),
      ids: fc.shuffledSubarray(ID_POOL, { minLength: ID_POOL.length, maxLength: ID_POOL.length }),
    })
    .map(({ devices, lines, ids }) => ({
      devices: devices.map(({ place: p, ...d }, i): MatchDevice => ({ id: `d${i}`, ...d, lat: p.lat, lon: p.lon })),
      lines: lines.map(({ place: p, ...l }, i): MatchLine => ({ id: ids[i % ids.length] + i, ...l, lat: p.lat, lon: p.lon })),
    }));
}

/** Arbitrary non-default weights (zeros included), to show exactness does not hinge on them. */
export const weightsArbitrary: fc.Arbitrary<MatchingCostWeights> = fc.record({
  perKm: fc.constantFrom(0, 0.5, 1, 3),
  perExtraRamGb: fc.constantFrom(0, 1, 5, 20),
  perExtraStorageGb: fc.constantFrom(0, 0.01, 0.05, 1),
  unrequiredSsd: fc.constantFrom(0, 5, 20),
  perGradeStep: fc.constantFrom(0, 15, 100),
  baselineRamGb: fc.constantFrom(0, 4, 8),
  baselineStorageGb: fc.constantFrom(0, 128),
  qualityPerGradeStep: fc.constantFrom(0, 40, 200),
  qualityPerBatteryPoint: fc.constantFrom(0, 0.5, 3),
  unknownBatteryPercent: fc.constantFrom(0, 50, 100),
});
