export type { MatchGrade, MatchDevice, MatchLine, MatchAssignment, MatchingSolution } from './types';
export { deviceFitsLine } from './fit';
export { assignmentCost, DEFAULT_MATCHING_COST_WEIGHTS, type MatchingCostWeights } from './cost';
export { solveMatching } from './solve-matching';
