import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { SolverThread } from '@app/common';
import type { MatchDevice, MatchingCostWeights, MatchingSolution, MatchLine } from './solver';

export interface MatchingProblem {
  devices: MatchDevice[];
  lines: MatchLine[];
  weights?: Partial<MatchingCostWeights>;
}

/** The matching solver in its own thread (CPU-heavy solves stay off the API's event loop). */
@Injectable()
export class MatchingSolverRunner implements OnModuleDestroy {
  private readonly thread = new SolverThread<MatchingProblem, MatchingSolution>(join(__dirname, 'matching-solver.thread'), __filename);

  solve(problem: MatchingProblem): Promise<MatchingSolution> {
    return this.thread.run(problem);
  }

  onModuleDestroy(): Promise<void> {
    return this.thread.close();
  }
}
