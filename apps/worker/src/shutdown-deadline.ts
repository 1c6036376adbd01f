import { Logger } from '@nestjs/common';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Bounds the graceful shutdown Nest runs on SIGTERM: a job that never ends, a Redis that never
 * answers or a database connection that never comes back must not keep the process alive past
 * what the orchestrator grants (it would then kill it without a word). Past `timeoutMs` the
 * process says what happened and exits; a job cut short keeps its lock only until it lapses,
 * then another worker runs it again.
 *
 * `once`: after the first signal this listener is gone, so when Nest re-raises the signal at the
 * end of a clean shutdown nothing holds the process back.
 */
export function armShutdownDeadline(timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      logger.log(`${signal}: shutting down (at most ${timeoutMs} ms)`);
      setTimeout(() => {
        logger.error(`shutdown did not finish within ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): exiting anyway`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
