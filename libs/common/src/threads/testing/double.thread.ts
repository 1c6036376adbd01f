import { parentPort } from 'node:worker_threads';
import { serveSolver } from '../solver-thread';

// Thread entry for the SolverThread tests: doubles a number, refuses a negative one.
serveSolver<number, number>(parentPort!, (n) => {
  if (n < 0) throw new RangeError('negative');
  return n * 2;
});
