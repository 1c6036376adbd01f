import { EntityManager } from 'typeorm';

/**
 * What other libs may do to the failed logins, which are auth's alone: the daily purge (jobs)
 * deletes the old ones through here instead of writing the table in SQL of its own. Static, with
 * no state: the standalone worker runs the purge without the rest of auth (guards, strategies).
 */
export class LoginFailures {
  /**
   * Deletes at most `batch` failures older than `days` days, by the database's clock (the one that
   * stamped them), oldest ids first; returns how many went. One short statement, so a caller that
   * repeats it until fewer than `batch` go never holds the table for long.
   */
  static async purgeOlderThan(manager: EntityManager, days: number, batch: number): Promise<number> {
    const [, deleted] = (await manager.query(
      `DELETE FROM login_failure WHERE id IN (
         SELECT id FROM login_failure WHERE at < now() - make_interval(days => $1) ORDER BY id LIMIT $2)`,
      [days, batch],
    )) as [unknown, number];
    return deleted;
  }
}
