import pino from 'pino';
import { ConfigError } from '@app/common';

/**
 * A process that cannot start says why in one JSON line on stderr, like every other log line,
 * so that the collector that reads the service's logs also catches why it keeps restarting.
 * A configuration problem lists the settings to fix, without a stack.
 */
export function reportStartupFailure(error: unknown, service: string): void {
  const logger = pino({ base: { service } }, pino.destination({ fd: 2, sync: true }));
  if (error instanceof ConfigError) logger.fatal({ problems: error.problems }, 'invalid configuration: fix these settings');
  else logger.fatal({ err: error instanceof Error ? error : new Error(String(error)) }, 'failed to start');
}
