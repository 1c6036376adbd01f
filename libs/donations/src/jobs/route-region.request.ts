import { jobIdOf, JobRequest, QueueName } from '@app/jobs';

export const ROUTE_REGION_JOB = 'route-region';

export interface RouteRegionJobData {
  regionId: string;
}

/**
 * Asks for routing of a region. Requests within one debounce window share a job id, so a burst
 * of declarations routes once, after the window.
 */
export function routeRegionRequest(regionId: string, debounceMs: number, now = Date.now()): JobRequest<RouteRegionJobData> {
  const window = Math.max(debounceMs, 1000);
  return { queue: QueueName.ROUTING, name: ROUTE_REGION_JOB, data: { regionId }, jobId: jobIdOf(ROUTE_REGION_JOB, regionId, Math.floor(now / window)), delayMs: debounceMs };
}
