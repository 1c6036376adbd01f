import { EntityManager } from 'typeorm';

/**
 * The user table's bounce columns, written here (auth owns `user`) for the notifications lib,
 * which learns of a permanent refusal when it sends. Static: the worker uses it without auth's module.
 */
export const EmailBounces = {
  /** the address was refused for good (SMTP 5xx): the reason is the server's answer, cut */
  async record(manager: EntityManager, userId: string, reason: string): Promise<void> {
    await manager.query(`UPDATE "user" SET email_bounced_at = now(), email_bounce_reason = $2 WHERE id = $1`, [userId, reason.slice(0, 500)]);
  },
};
