import { greatCircleKm } from '@app/common';
import { deviceSpecOf, GRADE_RANK, lineRequirementsOf, type DeviceSpec, type LineRequirements } from './fit';
import type { MatchDevice, MatchLine } from './types';

/**
 * The cost of giving a device to a line, in "km-equivalents": one unit is one km of
 * great-circle distance from the refurbisher to the partner.
 *
 *   cost = overQualification + perKm × km(refurbisher, partner)
 *
 *   overQualification =
 *       perExtraRamGb     × max(0, ramGb     − (line.minRamGb     ?? baselineRamGb))
 *     + perExtraStorageGb × max(0, storageGb − (line.minStorageGb ?? baselineStorageGb))
 *     + unrequiredSsd     × [device has an SSD and the line does not require one]
 *     + perGradeStep      × (rank(grade) − rank(line.minGrade ?? C))        with A=3, B=2, C=1
 *
 * An unknown (null) RAM or storage counts as no excess (only fitting devices are costed, and a
 * null value only fits a line without that minimum). A line without a minimum is measured
 * against a baseline, not against zero, because a baseline machine (4 GB, 128 GB) is what such
 * a line is happy with and it must cost nothing.
 *
 * Why these defaults. Over-qualification is what the design calls waste: a device better than
 * the line needs, denied to a line that needs it. Regional distances between a refurbisher and
 * a partner are tens to a couple of hundred km, and a few more km on a pallet shipment are
 * cheap; a scarce high-spec machine is not. So the defaults make the typical waste worth more
 * than tens of km:
 *   - RAM 5 per GB: a 16 GB laptop on a senior's e-mail line (no minimum) is 12 GB over the
 *     4 GB baseline = 60 km; a 16 GB one on an 8 GB line is 40 km. RAM is what design and
 *     development lines are short of, so it weighs most.
 *   - storage 0.05 per GB (100 GB = 5 km): 512 GB instead of 128 GB = 19.2 km. Storage matters
 *     less; large disks are common in refurbished stock.
 *   - SSD when not required 20: the SSD is the largest perceived-speed upgrade, and lines that
 *     require one (students) compete for SSD machines.
 *   - grade 15 per step (A on a C line = 30): grade A machines are scarce and partners ask for
 *     them for lines whose beneficiaries are seen in public (job seekers, students).
 * A 16 GB / 512 GB SSD grade-A laptop on a no-minimum line thus costs 60 + 19.2 + 20 + 30 = 129.2
 * km-equivalents: the solver prefers sending a baseline machine from more than 100 km further
 * away.
 *
 * Quality for fragile people. Waste alone would hand a senior the worst machine that fits (a
 * grade-C laptop with a tired battery costs no waste at all), which is exactly wrong for the
 * people least able to cope with a worn machine. So a line that `prefersQuality` (seniors,
 * families, job seekers) also pays for what its device lacks:
 *
 *   qualityShortfall = qualityPerGradeStep     × (rank(A) − rank(grade))
 *                    + qualityPerBatteryPoint  × (100 − band(batteryHealthPercent ?? unknownBatteryPercent))
 *
 * where band is the lower bound of the battery health's quarter (0–24 → 0, 25–49 → 25, 50–74 → 50,
 * 75–100 → 75): what a person notices is "lasts the morning" or "needs the charger", the readings of
 * grading tools are rough, and four bands keep machines interchangeable for the solver (a few
 * classes instead of one per percent, which kept 20,000 devices × 2,000 lines under a second).
 *
 * With the defaults (40 per grade step, 0.5 per battery point), on a senior's line (4 GB, no
 * other minimum): an 8 GB / 256 GB SSD grade-A laptop at 92 % costs 76.4 of waste + 12.5 of
 * shortfall = 88.9; a 4 GB / 128 GB HDD grade-C one at 55 % costs 0 + 80 + 25 = 105. The senior
 * gets the good machine when nobody needs it more. A 16 GB / 512 GB SSD grade-A one costs
 * 129.2 + 12.5 = 141.7 there, so it is kept for the design student; and when another line needs the
 * better machine to be served at all, serving comes first (step 1), whatever the cost. All weights must be finite and non-negative,
 * `unknownBatteryPercent` at most 100.
 */
export interface MatchingCostWeights {
  perKm: number;
  perExtraRamGb: number;
  perExtraStorageGb: number;
  unrequiredSsd: number;
  perGradeStep: number;
  /** what a line without a RAM minimum is measured against */
  baselineRamGb: number;
  /** what a line without a storage minimum is measured against */
  baselineStorageGb: number;
  /** per grade step below A, on lines that prefer quality */
  qualityPerGradeStep: number;
  /** per battery-health point below 100 %, on lines that prefer quality */
  qualityPerBatteryPoint: number;
  /** the battery health assumed when it was not measured (desktops have none: it is then the same for all) */
  unknownBatteryPercent: number;
}

export const DEFAULT_MATCHING_COST_WEIGHTS: Readonly<MatchingCostWeights> = Object.freeze({
  perKm: 1,
  perExtraRamGb: 5,
  perExtraStorageGb: 0.05,
  unrequiredSsd: 20,
  perGradeStep: 15,
  baselineRamGb: 4,
  baselineStorageGb: 128,
  qualityPerGradeStep: 40,
  qualityPerBatteryPoint: 0.5,
  unknownBatteryPercent: 50,
});

/** Fills in defaults and rejects weights that would make waste a reward or the cost NaN. */
export function resolveCostWeights(weights?: Partial<MatchingCostWeights>): MatchingCostWeights {
  const resolved: MatchingCostWeights = { ...DEFAULT_MATCHING_COST_WEIGHTS, ...weights };
  for (const [name, value] of Object.entries(resolved)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`matching cost weight ${name} must be a finite non-negative number, got ${String(value)}`);
    }
  }
  if (resolved.unknownBatteryPercent > 100) {
    throw new RangeError(`matching cost weight unknownBatteryPercent must be at most 100, got ${resolved.unknownBatteryPercent}`);
  }
  return resolved;
}

/** Waste of putting a device of this spec on a line with these requirements (no distance). */
export function overQualification(
  spec: Pick<DeviceSpec, 'ramGb' | 'storageGb' | 'ssd' | 'grade'>,
  req: Pick<LineRequirements, 'minRamGb' | 'minStorageGb' | 'requireSsd' | 'minGrade'>,
  weights: MatchingCostWeights = DEFAULT_MATCHING_COST_WEIGHTS,
): number {
  let waste = 0;
  if (spec.ramGb !== null) {
    waste += weights.perExtraRamGb * Math.max(0, spec.ramGb - (req.minRamGb ?? weights.baselineRamGb));
  }
  if (spec.storageGb !== null) {
    waste += weights.perExtraStorageGb * Math.max(0, spec.storageGb - (req.minStorageGb ?? weights.baselineStorageGb));
  }
  if (spec.ssd === true && !req.requireSsd) waste += weights.unrequiredSsd;
  waste += weights.perGradeStep * Math.max(0, GRADE_RANK[spec.grade] - GRADE_RANK[req.minGrade ?? 'C']);
  return waste;
}

/** The lower bound of the battery health's quarter (100 % is in the top one): what the quality term counts. */
export function batteryBand(percent: number): number {
  return Math.min(75, Math.floor(percent / 25) * 25);
}

/** What a device lacks for a line that prefers quality (0 on other lines); see MatchingCostWeights. */
export function qualityShortfall(spec: DeviceSpec, req: LineRequirements, weights: MatchingCostWeights = DEFAULT_MATCHING_COST_WEIGHTS): number {
  if (!req.prefersQuality) return 0;
  const battery = batteryBand(spec.batteryHealthPercent ?? weights.unknownBatteryPercent);
  return weights.qualityPerGradeStep * (GRADE_RANK.A - GRADE_RANK[spec.grade]) + weights.qualityPerBatteryPoint * Math.max(0, 100 - battery);
}

/** The part of the cost that depends on the device's spec and the line's requirements only (no distance). */
export function fitCost(spec: DeviceSpec, req: LineRequirements, weights: MatchingCostWeights = DEFAULT_MATCHING_COST_WEIGHTS): number {
  return overQualification(spec, req, weights) + qualityShortfall(spec, req, weights);
}

/** Distance part of the cost; kept separate so the solver can cache it per location pair. */
export function distanceCost(km: number, weights: MatchingCostWeights = DEFAULT_MATCHING_COST_WEIGHTS): number {
  return weights.perKm * km;
}

/**
 * The documented cost (see MatchingCostWeights). The solver adds the same two cached terms in
 * the same order, so its arc costs are bit-identical to this function.
 */
export function assignmentCost(device: MatchDevice, line: MatchLine, weights: MatchingCostWeights = DEFAULT_MATCHING_COST_WEIGHTS): number {
  return fitCost(deviceSpecOf(device), lineRequirementsOf(line), weights) + distanceCost(greatCircleKm(device, line), weights);
}
