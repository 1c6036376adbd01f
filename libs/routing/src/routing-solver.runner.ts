import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { SolverThread } from '@app/common';
import { RoutingProblem, RoutingSolution } from './solver';

/** The routing solver in its own thread (CPU-heavy solves stay off the API's event loop). */
@Injectable()
export class RoutingSolverRunner implements OnModuleDestroy {
  private readonly thread = new SolverThread<RoutingProblem, RoutingSolution>(join(__dirname, 'routing-solver.thread'), __filename);

  solve(problem: RoutingProblem): Promise<RoutingSolution> {
    return this.thread.run(problem);
  }

  onModuleDestroy(): Promise<void> {
    return this.thread.close();
  }
}
