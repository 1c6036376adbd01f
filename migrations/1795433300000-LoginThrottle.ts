import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written, and empty on purpose: the login throttle needs no schema change. Counting and
 * checking are made one step by a transaction-level advisory lock on the client address, and
 * its reads (an address's failures of the last day, newest first; an account's failures in the
 * window) are served by the existing (ip, at) and (email, at) indexes of login_failure.
 */
export class LoginThrottle1795433300000 implements MigrationInterface {
  name = 'LoginThrottle1795433300000';

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
