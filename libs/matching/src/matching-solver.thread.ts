import { parentPort } from 'node:worker_threads';
import { serveSolver } from '@app/common';
import { MatchingSolution, solveMatching } from './solver';
import type { MatchingProblem } from './matching-solver.runner';

// Thread entry: the matching solver, off the main event loop (see SolverThread).
if (parentPort) serveSolver<MatchingProblem, MatchingSolution>(parentPort, (problem) => solveMatching(problem.devices, problem.lines, problem.weights));
