import { parentPort } from 'node:worker_threads';
import { serveSolver } from '@app/common';
import { RoutingProblem, RoutingSolution, solveRouting } from './solver';

// Thread entry: the routing solver, off the main event loop (see SolverThread).
if (parentPort) serveSolver<RoutingProblem, RoutingSolution>(parentPort, solveRouting);
