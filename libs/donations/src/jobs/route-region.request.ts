import { jobIdOf, JobRequest, QueueName } from '@app/jobs';

export const ROUTE_REGION_JOB = 'route-region';

export interface RouteRegionJobData {
  regionId: string;
}

/**
 * Asks for routing of a region. Requests share a debounce key per region: a burst of declarations
 * routes once, after the delay, and a request made while that run is going gets a run of its own.
 */
export function routeRegionRequest(regionId: string, debounceMs: number): JobRequest<RouteRegionJobData> {
  return { queue: QueueName.ROUTING, name: ROUTE_REGION_JOB, data: { regionId }, debounceKey: jobIdOf(ROUTE_REGION_JOB, regionId), delayMs: debounceMs };
}
