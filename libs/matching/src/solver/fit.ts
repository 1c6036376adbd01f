import type { MatchDevice, MatchGrade, MatchLine } from './types';

/** Higher is better, so "grade at least minGrade" is a plain numeric comparison. */
export const GRADE_RANK: Readonly<Record<MatchGrade, number>> = { A: 3, B: 2, C: 1 };

/** The specification fields a line's minimums and needs are checked against; absent capabilities are null. */
export interface DeviceSpec {
  category: string;
  ramGb: number | null;
  storageGb: number | null;
  ssd: boolean | null;
  grade: MatchGrade;
  batteryHealthPercent: number | null;
  webcam: boolean | null;
  microphone: boolean | null;
  osInstalled: boolean | null;
}

/**
 * The fields of a line that decide which devices fit it and what they cost there (the quality
 * preference changes only the cost); absent needs are false or null.
 */
export interface LineRequirements {
  category: string;
  minRamGb: number | null;
  minStorageGb: number | null;
  requireSsd: boolean;
  minGrade: MatchGrade | null;
  needsWebcam: boolean;
  needsMicrophone: boolean;
  needsOs: boolean;
  minBatteryHealthPercent: number | null;
  prefersQuality: boolean;
}

export function deviceSpecOf(d: MatchDevice): DeviceSpec {
  return {
    category: d.category,
    ramGb: d.ramGb,
    storageGb: d.storageGb,
    ssd: d.ssd,
    grade: d.grade,
    batteryHealthPercent: d.batteryHealthPercent ?? null,
    webcam: d.webcam ?? null,
    microphone: d.microphone ?? null,
    osInstalled: d.osInstalled ?? null,
  };
}

export function lineRequirementsOf(l: MatchLine): LineRequirements {
  return {
    category: l.category,
    minRamGb: l.minRamGb,
    minStorageGb: l.minStorageGb,
    requireSsd: l.requireSsd,
    minGrade: l.minGrade,
    needsWebcam: l.needsWebcam ?? false,
    needsMicrophone: l.needsMicrophone ?? false,
    needsOs: l.needsOs ?? false,
    minBatteryHealthPercent: l.minBatteryHealthPercent ?? null,
    prefersQuality: l.prefersQuality ?? false,
  };
}

/**
 * A device fits when it is of the same category, meets every minimum and every capability need.
 * An unknown (null) device value fails any stated minimum or need: we cannot promise a
 * beneficiary what we do not know (a webcam nobody tested may not work on the first video call).
 */
export function specMeetsRequirements(spec: DeviceSpec, req: LineRequirements): boolean {
  if (spec.category !== req.category) return false;
  if (req.minRamGb !== null && (spec.ramGb === null || spec.ramGb < req.minRamGb)) return false;
  if (req.minStorageGb !== null && (spec.storageGb === null || spec.storageGb < req.minStorageGb)) return false;
  if (req.requireSsd && spec.ssd !== true) return false;
  if (req.minGrade !== null && GRADE_RANK[spec.grade] < GRADE_RANK[req.minGrade]) return false;
  if (req.needsWebcam && spec.webcam !== true) return false;
  if (req.needsMicrophone && spec.microphone !== true) return false;
  if (req.needsOs && spec.osInstalled !== true) return false;
  if (req.minBatteryHealthPercent !== null && (spec.batteryHealthPercent === null || spec.batteryHealthPercent < req.minBatteryHealthPercent)) return false;
  return true;
}

export function deviceFitsLine(device: MatchDevice, line: MatchLine): boolean {
  return specMeetsRequirements(deviceSpecOf(device), lineRequirementsOf(line));
}
