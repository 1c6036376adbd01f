import { frenchCommunes } from '@app/common';
import type { MatchDevice, MatchGrade, MatchLine } from '../types';

/** mulberry32: a tiny seeded PRNG, so every run of the bench solves the same instance. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

interface Place {
  name: string;
  lat: number;
  lon: number;
}

/** The départements of Auvergne-Rhône-Alpes (INSEE region 84). */
const AUVERGNE_RHONE_ALPES = new Set(['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74']);

/**
 * Places of one French region (Auvergne-Rhône-Alpes, ~4,000 communes of the offline commune data):
 * a regional network ships within a region, so distances are tens to ~300 km.
 */
function regionalPlaces(random: Random, count: number): Place[] {
  const pool = frenchCommunes()
    .filter((c) => AUVERGNE_RHONE_ALPES.has(c.code.slice(0, 2)))
    .map((c) => ({ name: c.name, lat: c.lat, lon: c.lon }));
  const chosen: Place[] = [];
  const taken = new Set<number>();
  while (chosen.length < count) {
    const i = Math.floor(random() * pool.length);
    if (taken.has(i)) continue;
    taken.add(i);
    chosen.push(pool[i]);
  }
  return chosen;
}

const GRADES: readonly (readonly [MatchGrade, number])[] = [
  ['A', 25],
  ['B', 50],
  ['C', 25],
];

/** Refurbished stock mix: mostly 8 GB business laptops and desktops, few 16–32 GB machines. */
const CATEGORY_MIX = [
  ['LAPTOP', 55],
  ['DESKTOP', 30],
  ['TABLET', 15],
] as const;
const RAM_MIX = [
  [4, 25],
  [8, 45],
  [16, 22],
  [32, 8],
] as const;
const STORAGE_MIX = [
  [128, 20],
  [256, 35],
  [500, 20],
  [512, 15],
  [1000, 10],
] as const;
const SSD_SHARE = 0.7;
/** Laptops and tablets have them built in, mostly working; desktops mostly have none. */
const BUILT_IN_CAMERA: readonly (readonly [boolean | null, number])[] = [
  [true, 88],
  [false, 7],
  [null, 5],
];
const DESKTOP_CAMERA: readonly (readonly [boolean | null, number])[] = [
  [true, 35],
  [null, 65],
];

type Requirements = Pick<
  MatchLine,
  | 'category'
  | 'minRamGb'
  | 'minStorageGb'
  | 'requireSsd'
  | 'minGrade'
  | 'needsWebcam'
  | 'needsMicrophone'
  | 'needsOs'
  | 'minBatteryHealthPercent'
  | 'prefersQuality'
>;

/** Video calls need a webcam, a microphone and a working system; seniors and families prefer quality. */
const FRAGILE = { needsWebcam: true, needsMicrophone: true, needsOs: true, prefersQuality: true } as const;

/** Beneficiary profiles with their default minimums (the design's examples), and their share. */
const PROFILES: readonly (readonly [Requirements, number])[] = [
  [{ category: 'LAPTOP', minRamGb: 4, minStorageGb: 128, requireSsd: false, minGrade: null }, 15], // PUPIL
  [{ category: 'LAPTOP', minRamGb: 8, minStorageGb: 256, requireSsd: true, minGrade: null }, 15], // STUDENT
  [{ category: 'LAPTOP', minRamGb: 16, minStorageGb: 512, requireSsd: true, minGrade: 'B' }, 6], // DESIGN_STUDENT
  [{ category: 'LAPTOP', minRamGb: 8, minStorageGb: 256, requireSsd: false, minGrade: 'B', minBatteryHealthPercent: 70, prefersQuality: true }, 14], // JOB_SEEKER
  [{ category: 'LAPTOP', minRamGb: 4, minStorageGb: null, requireSsd: false, minGrade: null, ...FRAGILE }, 8], // SENIOR
  [{ category: 'TABLET', minRamGb: null, minStorageGb: null, requireSsd: false, minGrade: null, prefersQuality: true }, 8], // SENIOR
  [{ category: 'DESKTOP', minRamGb: 4, minStorageGb: 128, requireSsd: false, minGrade: null, ...FRAGILE }, 14], // FAMILY
  [{ category: 'DESKTOP', minRamGb: 8, minStorageGb: null, requireSsd: true, minGrade: null }, 10], // ASSOCIATION
  [{ category: 'TABLET', minRamGb: 4, minStorageGb: 128, requireSsd: false, minGrade: 'B' }, 5], // OTHER
  [{ category: 'LAPTOP', minRamGb: null, minStorageGb: 128, requireSsd: false, minGrade: null }, 5], // OTHER
];

export interface MatchingInstance {
  devices: MatchDevice[];
  lines: MatchLine[];
  refurbishers: Place[];
  partners: Place[];
}

/**
 * A region: `refurbisherCount` refurbishers hold `deviceCount` devices (refurbishers receive
 * batches of identical machines, hence many identical devices), `partnerCount` partners have
 * `lineCount` open lines of 1–`maxQuantity` units (with the default 20, ~10.5 on average, so
 * demand is close to stock and some categories run short). One line in eight raises a profile minimum; one in six has a
 * raised priority; one in three a needed-by day. Devices carry what grading found (battery health per unit, webcam and
 * microphone per batch, an OS on 97 % of computers); seniors and families need the webcam, microphone and OS, job seekers
 * a battery of at least 70 %, and those three prefer quality.
 */
export function generateInstance(
  seed: number,
  deviceCount: number,
  lineCount: number,
  refurbisherCount = 10,
  partnerCount = 100,
  maxQuantity = 20,
): MatchingInstance {
  const random = seededRandom(seed);
  const places = regionalPlaces(random, refurbisherCount + partnerCount);
  const refurbishers = places.slice(0, refurbisherCount);
  const partners = places.slice(refurbisherCount);

  const devices: MatchDevice[] = [];
  while (devices.length < deviceCount) {
    const refurbisher = refurbishers[Math.floor(random() * refurbishers.length)];
    const category = pick(random, CATEGORY_MIX);
    const ramGb = pick(random, RAM_MIX);
    const storageGb = pick(random, STORAGE_MIX);
    const ssd = random() < SSD_SHARE;
    const grade = pick(random, GRADES);
    // A batch is one model: webcam and microphone alike (desktops mostly without), each battery its own.
    const camera = category === 'DESKTOP' ? pick(random, DESKTOP_CAMERA) : pick(random, BUILT_IN_CAMERA);
    // the microphone sits in the camera module: it works when the camera does, but for one in twenty
    const microphone = camera === true && random() < 0.05 ? false : camera;
    const osInstalled = category === 'TABLET' || random() < 0.97 ? true : null;
    const batch = Math.min(deviceCount - devices.length, 1 + Math.floor(random() * 10));
    for (let k = 0; k < batch; k++) {
      devices.push({
        id: `d${devices.length}`,
        category,
        ramGb,
        storageGb,
        ssd,
        grade,
        batteryHealthPercent: category === 'DESKTOP' || random() < 0.05 ? null : 35 + Math.floor(random() * 66),
        webcam: camera,
        microphone,
        osInstalled,
        lat: refurbisher.lat,
        lon: refurbisher.lon,
      });
    }
  }

  const lines: MatchLine[] = [];
  for (let i = 0; i < lineCount; i++) {
    const partner = partners[Math.floor(random() * partners.length)];
    const req = { ...pick(random, PROFILES) };
    if (random() < 0.125) {
      if (req.minRamGb !== null && req.minRamGb < 32) req.minRamGb *= 2;
      else if (req.minStorageGb !== null) req.minStorageGb = Math.min(1000, req.minStorageGb * 2);
      else req.requireSsd = true;
    }
    lines.push({
      id: `l${i}`,
      ...req,
      quantity: 1 + Math.floor(random() * maxQuantity),
      priority: random() < 1 / 6 ? 1 + Math.floor(random() * 2) : 0,
      neededBy: random() < 1 / 3 ? Math.floor(random() * 60) : null,
      age: Math.floor(random() * 1_000_000),
      lat: partner.lat,
      lon: partner.lon,
    });
  }
  return { devices, lines, refurbishers, partners };
}
