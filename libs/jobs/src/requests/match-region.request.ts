import { jobIdOf, JobRequest, QueueName } from '../job';

export const MATCH_REGION_JOB = 'match-region';

/** Used when the caller has no configuration at hand (MATCHING_DEBOUNCE_MS configures the orders side). */
export const DEFAULT_MATCHING_DEBOUNCE_MS = 10_000;

export interface MatchRegionJobData {
  regionId: string;
}

/**
 * Asks for matching of a region: after orders are submitted or cancelled, after reservations are
 * released, and — for the refurbishing side to enqueue in the transaction that puts devices
 * IN_STOCK — after stock arrives. Requests share a debounce key per region (a burst of orders or
 * graded devices matches once, after the delay; one made during the run gets a run of its own). No Nest or TypeORM import: it
 * lives here, below every lib that enqueues it, so refurbishing and orders ask for matching without depending on it.
 */
export function matchRegionRequest(regionId: string, debounceMs = DEFAULT_MATCHING_DEBOUNCE_MS): JobRequest<MatchRegionJobData> {
  return { queue: QueueName.MATCHING, name: MATCH_REGION_JOB, data: { regionId }, debounceKey: jobIdOf(MATCH_REGION_JOB, regionId), delayMs: debounceMs };
}
