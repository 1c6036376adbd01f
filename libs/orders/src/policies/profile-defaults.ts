import { DeviceCategory } from '@app/common';
import { Grade } from '@app/refurbishing';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';

/** What a line asks of a device, once the profile's defaults are applied. */
export interface LineRequirements {
  minRamGb: number | null;
  minStorageGb: number | null;
  requireSsd: boolean;
  minGrade: Grade | null;
  /** capability needs: a device fits only when grading found each working (unknown = not met) */
  needsWebcam: boolean;
  needsMicrophone: boolean;
  /** an operating system recorded at grading */
  needsOs: boolean;
  minBatteryHealthPercent: number | null;
}

/** What a partner may state on a line; absent (null/undefined) means "the profile's default". */
export type StatedRequirements = { [K in keyof LineRequirements]?: LineRequirements[K] | null };

export interface ProfileDefaults extends LineRequirements {
  /** the computers a beneficiary of this profile can use; other computers are refused */
  computers: readonly DeviceCategory[];
  /** capability needs apply to these categories only (a battery to laptops) */
  batteryFor: readonly DeviceCategory[];
  /**
   * People least able to cope with a worn machine: among the devices that fit, matching favours
   * better grade and battery for them (docs/matching.md, "Quality for fragile people").
   */
  prefersQuality: boolean;
}

/** Categories whose RAM, storage and disk type refurbishers record, and profiles set minimums for. */
export const COMPUTER_CATEGORIES: readonly DeviceCategory[] = [DeviceCategory.LAPTOP, DeviceCategory.DESKTOP];

const BOTH = COMPUTER_CATEGORIES;
const LAPTOP_ONLY = [DeviceCategory.LAPTOP];

/**
 * The documented defaults (docs/matching.md has the table and the reasons). They are floors: a
 * line may raise any of them, never lower one. RAM, storage and SSD apply to computers; for
 * tablets, phones, monitors and printers a profile only sets its grade floor, and the line states
 * whatever else it needs.
 */
const NO_NEEDS = { needsWebcam: false, needsMicrophone: false, needsOs: false, minBatteryHealthPercent: null, batteryFor: [], prefersQuality: false } as const;
/** Video calls with family, online appointments, school with the children: a camera, a microphone and a working system. */
const VIDEO_CALLS = { ...NO_NEEDS, needsWebcam: true, needsMicrophone: true, needsOs: true, prefersQuality: true } as const;

/** Battery health a job seeker's laptop needs: a morning of interviews and applications away from a socket. */
export const JOB_SEEKER_MIN_BATTERY_PERCENT = 70;

export const PROFILE_DEFAULTS: Readonly<Record<BeneficiaryProfile, ProfileDefaults>> = {
  [BeneficiaryProfile.PUPIL]: { computers: BOTH, minRamGb: 4, minStorageGb: 64, requireSsd: false, minGrade: null, ...NO_NEEDS },
  [BeneficiaryProfile.STUDENT]: { computers: LAPTOP_ONLY, minRamGb: 8, minStorageGb: 128, requireSsd: true, minGrade: null, ...NO_NEEDS },
  [BeneficiaryProfile.DESIGN_STUDENT]: { computers: LAPTOP_ONLY, minRamGb: 16, minStorageGb: 256, requireSsd: true, minGrade: null, ...NO_NEEDS },
  [BeneficiaryProfile.JOB_SEEKER]: {
    computers: BOTH,
    minRamGb: 8,
    minStorageGb: 128,
    requireSsd: false,
    minGrade: Grade.B,
    ...NO_NEEDS,
    minBatteryHealthPercent: JOB_SEEKER_MIN_BATTERY_PERCENT,
    batteryFor: LAPTOP_ONLY,
    prefersQuality: true,
  },
  [BeneficiaryProfile.SENIOR]: { computers: BOTH, minRamGb: 4, minStorageGb: null, requireSsd: false, minGrade: null, ...VIDEO_CALLS },
  [BeneficiaryProfile.FAMILY]: { computers: BOTH, minRamGb: 4, minStorageGb: 128, requireSsd: false, minGrade: null, ...VIDEO_CALLS },
  [BeneficiaryProfile.ASSOCIATION]: { computers: BOTH, minRamGb: 4, minStorageGb: null, requireSsd: false, minGrade: null, ...NO_NEEDS },
  [BeneficiaryProfile.OTHER]: { computers: BOTH, minRamGb: null, minStorageGb: null, requireSsd: false, minGrade: null, ...NO_NEEDS },
};

/** Higher is better (A > B > C), as the matching solver ranks grades. */
export const GRADE_RANK: Readonly<Record<Grade, number>> = { [Grade.A]: 3, [Grade.B]: 2, [Grade.C]: 1 };

/** The better of two grade floors (null: no floor). */
export function higherGrade(a: Grade | null, b: Grade | null): Grade | null {
  if (a === null) return b;
  if (b === null) return a;
  return GRADE_RANK[a] >= GRADE_RANK[b] ? a : b;
}

/**
 * The floors a profile puts on a line of this category. `gradeFloor`, when given, is the
 * region's grade floor for the profile (setMatchingGradeFloors), which replaces the default one.
 */
export function profileFloor(profile: BeneficiaryProfile, category: DeviceCategory, gradeFloor?: Grade | null): LineRequirements {
  const defaults = PROFILE_DEFAULTS[profile];
  const minGrade = gradeFloor === undefined ? defaults.minGrade : gradeFloor;
  const none = { needsWebcam: false, needsMicrophone: false, needsOs: false, minBatteryHealthPercent: null };
  if (!COMPUTER_CATEGORIES.includes(category)) return { minRamGb: null, minStorageGb: null, requireSsd: false, minGrade, ...none };
  return {
    minRamGb: defaults.minRamGb,
    minStorageGb: defaults.minStorageGb,
    requireSsd: defaults.requireSsd,
    minGrade,
    needsWebcam: defaults.needsWebcam,
    needsMicrophone: defaults.needsMicrophone,
    needsOs: defaults.needsOs,
    minBatteryHealthPercent: defaults.batteryFor.includes(category) ? defaults.minBatteryHealthPercent : null,
  };
}

export interface ResolvedRequirements {
  requirements: LineRequirements;
  /** why the line cannot be accepted as stated; empty when it can */
  problems: string[];
}

/**
 * The requirements a line is matched with: the profile's floor, raised where the line asks for
 * more. A stated value below the floor is refused (a problem), not silently raised, so that a
 * partner never believes a line asks for less than it does.
 */
export function resolveLineRequirements(
  profile: BeneficiaryProfile,
  category: DeviceCategory,
  stated: StatedRequirements,
  gradeFloor?: Grade | null,
): ResolvedRequirements {
  const problems: string[] = [];
  const defaults = PROFILE_DEFAULTS[profile];
  if (COMPUTER_CATEGORIES.includes(category) && !defaults.computers.includes(category)) {
    problems.push(`a ${profile} line takes ${defaults.computers.join(' or ')}, not ${category}`);
  }
  const floor = profileFloor(profile, category, gradeFloor);
  const atLeast = (name: 'minRamGb' | 'minStorageGb' | 'minBatteryHealthPercent', unit: string): number | null => {
    const value = stated[name];
    const min = floor[name];
    if (value == null) return min;
    if (min !== null && value < min)
      problems.push(`${name} ${value} is below the ${profile} minimum of ${min} ${unit}; a line may raise a profile's minimums, never lower them`);
    return min === null ? value : Math.max(value, min);
  };
  const minRamGb = atLeast('minRamGb', 'GB');
  const minStorageGb = atLeast('minStorageGb', 'GB');

  let requireSsd = floor.requireSsd;
  if (stated.requireSsd != null) {
    if (floor.requireSsd && !stated.requireSsd) problems.push(`a ${profile} line requires an SSD; requireSsd false would lower it`);
    requireSsd = floor.requireSsd || stated.requireSsd;
  }

  let minGrade = floor.minGrade;
  if (stated.minGrade != null) {
    if (floor.minGrade !== null && GRADE_RANK[stated.minGrade] < GRADE_RANK[floor.minGrade]) {
      problems.push(`minGrade ${stated.minGrade} is below the ${profile} minimum of grade ${floor.minGrade}`);
    }
    minGrade = floor.minGrade !== null && GRADE_RANK[floor.minGrade] > GRADE_RANK[stated.minGrade] ? floor.minGrade : stated.minGrade;
  }

  const need = (name: 'needsWebcam' | 'needsMicrophone' | 'needsOs'): boolean => {
    const value = stated[name];
    if (value == null) return floor[name];
    if (floor[name] && !value) problems.push(`a ${profile} ${category} line needs it; ${name} false would lower it`);
    return floor[name] || value;
  };
  const minBatteryHealthPercent = atLeast('minBatteryHealthPercent', '%');
  return {
    requirements: {
      minRamGb,
      minStorageGb,
      requireSsd,
      minGrade,
      needsWebcam: need('needsWebcam'),
      needsMicrophone: need('needsMicrophone'),
      needsOs: need('needsOs'),
      minBatteryHealthPercent,
    },
    problems,
  };
}
