import { Injectable } from '@nestjs/common';
import { DEFAULT_MATCHING_COST_WEIGHTS, type MatchingCostWeights } from './solver';

/**
 * How a region trades over-qualification against distance (STYLE.md: a rule that may change
 * between regions is a strategy). A rural region with long distances may weigh km less; one short
 * of grade-A machines may weigh grades more. Bind another class to MATCHING_COST_POLICY to change it.
 */
export interface MatchingCostPolicy {
  weightsFor(regionId: string): Promise<Partial<MatchingCostWeights>> | Partial<MatchingCostWeights>;
}

export const MATCHING_COST_POLICY = Symbol('MATCHING_COST_POLICY');

/** The documented weights (libs/matching/src/solver/README.md), the same everywhere. */
@Injectable()
export class DefaultMatchingCostPolicy implements MatchingCostPolicy {
  weightsFor(): Partial<MatchingCostWeights> {
    return DEFAULT_MATCHING_COST_WEIGHTS;
  }
}
