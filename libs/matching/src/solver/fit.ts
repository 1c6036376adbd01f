import type { MatchDevice, MatchGrade, MatchLine } from './types';

/** Higher is better, so "grade at least minGrade" is a plain numeric comparison. */
export const GRADE_RANK: Readonly<Record<MatchGrade, number>> = { A: 3, B: 2, C: 1 };

/** The specification fields a line's minimums are checked against. */
export type DeviceSpec = Pick<MatchDevice, 'category' | 'ramGb' | 'storageGb' | 'ssd' | 'grade'>;

/** The fields of a line that decide which devices fit it. */
export type LineRequirements = Pick<MatchLine, 'category' | 'minRamGb' | 'minStorageGb' | 'requireSsd' | 'minGrade'>;

/**
 * A device fits when it is of the same category and meets every minimum. An unknown (null)
 * device value fails any non-null minimum: we cannot promise a beneficiary what we do not know.
 */
export function specMeetsRequirements(spec: DeviceSpec, req: LineRequirements): boolean {
  if (spec.category !== req.category) return false;
  if (req.minRamGb !== null && (spec.ramGb === null || spec.ramGb < req.minRamGb)) return false;
  if (req.minStorageGb !== null && (spec.storageGb === null || spec.storageGb < req.minStorageGb)) return false;
  if (req.requireSsd && spec.ssd !== true) return false;
  if (req.minGrade !== null && GRADE_RANK[spec.grade] < GRADE_RANK[req.minGrade]) return false;
  return true;
}

export function deviceFitsLine(device: MatchDevice, line: MatchLine): boolean {
  return specMeetsRequirements(device, line);
}
