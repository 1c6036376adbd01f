import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts the thread script `script` (a path without extension, beside the caller's file): the
 * compiled .js in production; from TypeScript sources (tests, ts-node, benches) the .ts, with
 * ts-node registered in the thread itself. Unref'd: an idle thread never holds the process open.
 */
export function startThreadWorker(script: string, callerFile: string): Worker {
  const fromSource = extname(callerFile) === '.ts';
  return new Worker(`${script}${fromSource ? '.ts' : '.js'}`, {
    execArgv: fromSource ? ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] : [],
  });
}
