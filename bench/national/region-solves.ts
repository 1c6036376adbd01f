import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestContext } from '@app/common';
import { RegionMatchingService } from '@app/matching';
import { MatchingProblem, MatchingSolverRunner } from '@app/matching/matching-solver.runner';
import { checkWithLp } from '@app/matching/testing';
import { RegionRoutingService, RoutingProblem, RoutingSolution } from '@app/routing';
import { RoutingSolverRunner } from '@app/routing/routing-solver.runner';
import { optimalityCertificateViolations, RoutingLpReference } from '@app/routing/testing';
import loadHighs from 'highs';
import type { MatchingSolution } from '@app/matching';

/**
 * Routing and matching of a region through the production services (RegionRoutingService,
 * RegionMatchingService: their reads, locks, worker-thread solve and writes, in one transaction),
 * timed from the call to the commit. The solver runners are wrapped, not replaced: each solve's
 * problem and answer are kept, so that exactness is checked on what production actually solved.
 */
export class RegionSolves {
  private readonly routingSolves: Array<{ problem: RoutingProblem; solution: RoutingSolution; ms: number }> = [];
  private readonly matchingSolves: Array<{ problem: MatchingProblem; solution: MatchingSolution; ms: number }> = [];

  constructor(private readonly app: NestFastifyApplication) {
    const routing = app.get(RoutingSolverRunner);
    const solveRouting = routing.solve.bind(routing);
    routing.solve = async (problem) => {
      const started = performance.now();
      const solution = await solveRouting(problem);
      this.routingSolves.push({ problem, solution, ms: performance.now() - started });
      return solution;
    };
    const matching = app.get(MatchingSolverRunner);
    const solveMatching = matching.solve.bind(matching);
    matching.solve = async (problem) => {
      const started = performance.now();
      const solution = await solveMatching(problem);
      this.matchingSolves.push({ problem, solution, ms: performance.now() - started });
      return solution;
    };
  }

  /**
   * Starts both solver threads. In production they run compiled JavaScript; here a thread's first
   * solve also compiles the solver with ts-node (seconds), which no region should be charged for.
   */
  async warmUp(): Promise<void> {
    await this.app.get(RoutingSolverRunner).solve({ supplies: [], sinks: [] });
    await this.app.get(MatchingSolverRunner).solve({ devices: [], lines: [] });
    this.routingSolves.length = 0;
    this.matchingSolves.length = 0;
  }

  async route(regionId: string): Promise<RoutingOutcome> {
    this.routingSolves.length = 0;
    const started = performance.now();
    const result = await this.app.get(RegionRoutingService).routeRegion(RequestContext.system(), regionId);
    const ms = performance.now() - started;
    const solves = [...this.routingSolves];
    return {
      ms,
      solverMs: solves.reduce((s, x) => s + x.ms, 0),
      supplies: solves.reduce((s, x) => s + x.problem.supplies.length, 0),
      sinks: Math.max(0, ...solves.map((x) => x.problem.sinks.length)),
      routed: result.routedQuantity,
      unrouted: result.unroutedQuantity,
      lots: result.lots.length,
      deviceKm: result.totalDeviceKm,
      certificateViolations: solves.flatMap((x) => optimalityCertificateViolations(x.problem, x.solution)),
      solves,
    };
  }

  async match(regionId: string): Promise<MatchingOutcome> {
    this.matchingSolves.length = 0;
    const started = performance.now();
    const result = await this.app.get(RegionMatchingService).matchRegion(RequestContext.system(), regionId);
    const ms = performance.now() - started;
    const solves = [...this.matchingSolves];
    return {
      ms,
      solverMs: solves.reduce((s, x) => s + x.ms, 0),
      devices: solves.reduce((s, x) => s + x.problem.devices.length, 0),
      lines: solves.reduce((s, x) => s + x.problem.lines.length, 0),
      allocated: result.allocatedQuantity,
      unfilled: result.unfilledQuantity,
      solved: solves.reduce((s, x) => s + x.solution.allocatedQuantity, 0),
      solves,
    };
  }
}

export interface RoutingOutcome {
  ms: number;
  solverMs: number;
  supplies: number;
  sinks: number;
  routed: number;
  unrouted: number;
  lots: number;
  deviceKm: number;
  /** the solver's own optimality conditions (no priority exchange, no negative cycle), empty when optimal */
  certificateViolations: string[];
  solves: Array<{ problem: RoutingProblem; solution: RoutingSolution }>;
}

export interface MatchingOutcome {
  ms: number;
  solverMs: number;
  devices: number;
  lines: number;
  /** reserved and committed */
  allocated: number;
  unfilled: number;
  /** what the solver assigned (reservation re-checks each device: equal unless something moved) */
  solved: number;
  solves: Array<{ problem: MatchingProblem; solution: MatchingSolution }>;
}

/**
 * HiGHS, independently of our solvers: for routing the priority-weighted served LP (its total is
 * the maximum flow, its vector the one we must serve) and the device-km LP for our served vector;
 * for matching the maximum-units LP (a maximum matching bounds what can be allocated).
 */
export class HighsCheck {
  private constructor(
    private readonly routingLp: RoutingLpReference,
    private readonly highs: Awaited<ReturnType<typeof loadHighs>>,
  ) {}

  static async load(): Promise<HighsCheck> {
    return new HighsCheck(await RoutingLpReference.load(), await loadHighs());
  }

  routing(outcome: RoutingOutcome): { maxFlow: number; servedDeviation: number; costGap: number; seconds: number } {
    let maxFlow = 0;
    let servedDeviation = 0;
    let ours = 0;
    let optimum = 0;
    let seconds = 0;
    for (const { problem, solution } of outcome.solves) {
      const lp = this.routingLp.maximisePriorityWeightedServed(problem);
      const served = new Map(problem.supplies.map((s) => [s.id, 0]));
      for (const f of solution.flows) served.set(f.supplyId, served.get(f.supplyId)! + f.quantity);
      for (const [id, quantity] of lp.servedBySupply) {
        maxFlow += quantity;
        servedDeviation = Math.max(servedDeviation, Math.abs(quantity - served.get(id)!));
      }
      const cost = this.routingLp.minimiseCostForServed(problem, served);
      ours += solution.totalDeviceKm;
      optimum += cost.costKm;
      seconds += lp.seconds + cost.seconds;
    }
    return { maxFlow, servedDeviation, costGap: optimum ? (ours - optimum) / optimum : 0, seconds };
  }

  matching(outcome: MatchingOutcome): { maxUnits: number; seconds: number } {
    let maxUnits = 0;
    let seconds = 0;
    for (const { problem, solution } of outcome.solves) {
      const report = checkWithLp(this.highs, problem.devices, problem.lines, solution, { checks: ['maxUnits'], highsOptions: { simplex_strategy: 4 } });
      maxUnits += Math.round(report.maxUnits!.optimum);
      seconds += report.maxUnits!.seconds;
    }
    return { maxUnits, seconds };
  }
}
