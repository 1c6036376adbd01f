import { Role } from '@app/common';
import { EntityManager } from 'typeorm';

/** A user as the account commands lock it: with the region and kind of its organization (none for an administrator). */
export interface AccountRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  organizationId: string | null;
  regionId: string | null;
  organizationKind: string | null;
  deactivatedAt: Date | null;
  tokenVersion: number;
}

const SELECT_ACCOUNT = `SELECT u.id, u.email, u.name, u.role, u.organization_id AS "organizationId", o.region_id AS "regionId", o.kind AS "organizationKind",
                               u.deactivated_at AS "deactivatedAt", u.token_version AS "tokenVersion"
                          FROM "user" u LEFT JOIN organization o ON o.id = u.organization_id`;

/**
 * What other libs may do to accounts, which are auth's: network's user commands (edit, deactivate)
 * and the operators' CLI go through here. Every change that must end the account's sessions
 * raises its token version in the same statement. The caller then calls `CallerCache.changed`
 * after its commit, so that every API process forgets the cached caller at once.
 */
export class UserAccounts {
  /** The user, locked for the rest of the transaction; null when there is none. */
  static async lock(manager: EntityManager, userId: string): Promise<AccountRow | null> {
    const rows: AccountRow[] = await manager.query(`${SELECT_ACCOUNT} WHERE u.id = $1 FOR UPDATE OF u`, [userId]);
    return rows[0] ?? null;
  }

  /** The user of this (lower-case) e-mail, locked; null when there is none. */
  static async lockByEmail(manager: EntityManager, email: string): Promise<AccountRow | null> {
    const rows: AccountRow[] = await manager.query(`${SELECT_ACCOUNT} WHERE u.email = $1 FOR UPDATE OF u`, [email]);
    return rows[0] ?? null;
  }

  /**
   * The active administrators, locked in id order: two commands that would each remove one of
   * the last two administrators queue here, and the second sees the first's change.
   */
  static async lockActiveAdministrators(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM "user" WHERE role = 'ADMIN' AND deactivated_at IS NULL ORDER BY id FOR UPDATE`);
    return rows.map((r) => r.id);
  }

  /** Name and role; a new role ends the account's sessions (a token must not keep the role it was issued with). */
  static async update(manager: EntityManager, userId: string, changes: { name: string | null; role: Role }): Promise<void> {
    await manager.query(`UPDATE "user" SET name = $2, role = $3, token_version = token_version + CASE WHEN role = $3 THEN 0 ELSE 1 END WHERE id = $1`, [
      userId,
      changes.name,
      changes.role,
    ]);
  }

  /** Deactivated accounts keep their rows (history names them); their tokens end now and stay refused after a reactivation. */
  static async deactivate(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE "user" SET deactivated_at = now(), token_version = token_version + 1 WHERE id = $1 AND deactivated_at IS NULL`, [userId]);
  }

  static async reactivate(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE "user" SET deactivated_at = NULL WHERE id = $1`, [userId]);
  }

  /**
   * A new password ends every session of the account (its token version rises: returned, for the
   * token of the session that set it); its failed logins are forgotten, as the owner proved who
   * they are.
   */
  static async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<number> {
    const [rows] = (await manager.query(
      `UPDATE "user" SET password_hash = $2, password_changed_at = now(), token_version = token_version + 1 WHERE id = $1 RETURNING token_version, email`,
      [userId, passwordHash],
    )) as [Array<{ token_version: number; email: string }>, number];
    const row = rows[0];
    if (!row) throw new Error(`setPassword: no user ${userId}`);
    await manager.query(`DELETE FROM login_failure WHERE email = $1`, [row.email]);
    return row.token_version;
  }

  /** A new administrator, active, of no organization. */
  static async createAdministrator(manager: EntityManager, email: string, name: string | null, passwordHash: string): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO "user" (email, name, password_hash, role, organization_id) VALUES ($1, $2, $3, 'ADMIN', NULL) RETURNING id`,
      [email, name, passwordHash],
    );
    return rows[0]!.id;
  }
}
