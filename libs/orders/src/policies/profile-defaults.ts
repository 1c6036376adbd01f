import { DeviceCategory } from '@app/common';
import { Grade } from '@app/refurbishing';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';

/** What a line asks of a device, once the profile's defaults are applied. */
export interface LineRequirements {
  minRamGb: number | null;
  minStorageGb: number | null;
  requireSsd: boolean;
  minGrade: Grade | null;
}

/** What a partner may state on a line; absent (null/undefined) means "the profile's default". */
export type StatedRequirements = { [K in keyof LineRequirements]?: LineRequirements[K] | null };

export interface ProfileDefaults extends LineRequirements {
  /** the computers a beneficiary of this profile can use; other computers are refused */
  computers: readonly DeviceCategory[];
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
export const PROFILE_DEFAULTS: Readonly<Record<BeneficiaryProfile, ProfileDefaults>> = {
  [BeneficiaryProfile.PUPIL]: { computers: BOTH, minRamGb: 4, minStorageGb: 64, requireSsd: false, minGrade: null },
  [BeneficiaryProfile.STUDENT]: { computers: LAPTOP_ONLY, minRamGb: 8, minStorageGb: 128, requireSsd: true, minGrade: null },
  [BeneficiaryProfile.DESIGN_STUDENT]: { computers: LAPTOP_ONLY, minRamGb: 16, minStorageGb: 256, requireSsd: true, minGrade: null },
  [BeneficiaryProfile.JOB_SEEKER]: { computers: BOTH, minRamGb: 8, minStorageGb: 128, requireSsd: false, minGrade: Grade.B },
  [BeneficiaryProfile.SENIOR]: { computers: BOTH, minRamGb: 4, minStorageGb: null, requireSsd: false, minGrade: null },
  [BeneficiaryProfile.FAMILY]: { computers: BOTH, minRamGb: 4, minStorageGb: 128, requireSsd: false, minGrade: null },
  [BeneficiaryProfile.ASSOCIATION]: { computers: BOTH, minRamGb: 4, minStorageGb: null, requireSsd: false, minGrade: null },
  [BeneficiaryProfile.OTHER]: { computers: BOTH, minRamGb: null, minStorageGb: null, requireSsd: false, minGrade: null },
};

/** Higher is better (A > B > C), as the matching solver ranks grades. */
const GRADE_RANK: Readonly<Record<Grade, number>> = { [Grade.A]: 3, [Grade.B]: 2, [Grade.C]: 1 };

/** The floors a profile puts on a line of this category. */
export function profileFloor(profile: BeneficiaryProfile, category: DeviceCategory): LineRequirements {
  const defaults = PROFILE_DEFAULTS[profile];
  if (!COMPUTER_CATEGORIES.includes(category)) return { minRamGb: null, minStorageGb: null, requireSsd: false, minGrade: defaults.minGrade };
  return { minRamGb: defaults.minRamGb, minStorageGb: defaults.minStorageGb, requireSsd: defaults.requireSsd, minGrade: defaults.minGrade };
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
export function resolveLineRequirements(profile: BeneficiaryProfile, category: DeviceCategory, stated: StatedRequirements): ResolvedRequirements {
  const problems: string[] = [];
  const defaults = PROFILE_DEFAULTS[profile];
  if (COMPUTER_CATEGORIES.includes(category) && !defaults.computers.includes(category)) {
    problems.push(`a ${profile} line takes ${defaults.computers.join(' or ')}, not ${category}`);
  }
  const floor = profileFloor(profile, category);
  const atLeast = (name: 'minRamGb' | 'minStorageGb', unit: string): number | null => {
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
  return { requirements: { minRamGb, minStorageGb, requireSsd, minGrade }, problems };
}
