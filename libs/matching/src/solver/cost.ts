import { greatCircleKm } from '@app/common';
import { GRADE_RANK, type DeviceSpec, type LineRequirements } from './fit';
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
 * away. All weights must be finite and non-negative.
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
}

export const DEFAULT_MATCHING_COST_WEIGHTS: Readonly<MatchingCostWeights> = Object.freeze({
  perKm: 1,
  perExtraRamGb: 5,
  perExtraStorageGb: 0.05,
  unrequiredSsd: 20,
  perGradeStep: 15,
  baselineRamGb: 4,
  baselineStorageGb: 128,
});

/** Fills in defaults and rejects weights that would make waste a reward or the cost NaN. */
export function resolveCostWeights(weights?: Partial<MatchingCostWeights>): MatchingCostWeights {
  const resolved: MatchingCostWeights = { ...DEFAULT_MATCHING_COST_WEIGHTS, ...weights };
  for (const [name, value] of Object.entries(resolved)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`matching cost weight ${name} must be a finite non-negative number, got ${String(value)}`);
    }
  }
  return resolved;
}

/** Waste of putting a device of this spec on a line with these requirements (no distance). */
export function overQualification(spec: DeviceSpec, req: LineRequirements, weights: MatchingCostWeights = DEFAULT_MATCHING_COST_WEIGHTS): number {
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

/** Distance part of the cost; kept separate so the solver can cache it per location pair. */
export function distanceCost(km: number, weights: MatchingCostWeights = DEFAULT_MATCHING_COST_WEIGHTS): number {
  return weights.perKm * km;
}

/**
 * The documented cost (see MatchingCostWeights). The solver adds the same two cached terms in
 * the same order, so its arc costs are bit-identical to this function.
 */
export function assignmentCost(device: MatchDevice, line: MatchLine, weights: MatchingCostWeights = DEFAULT_MATCHING_COST_WEIGHTS): number {
  return overQualification(device, line, weights) + distanceCost(greatCircleKm(device, line), weights);
}
