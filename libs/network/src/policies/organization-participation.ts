import { ConflictError, ErrorReason } from '@app/common';
import { EntityManager } from 'typeorm';

/**
 * A deactivated organization takes no new work: a donor declares nothing, a partner orders
 * nothing, a refurbisher claims nothing. Its users still sign in and read their history, so the
 * refusal is a CONFLICT (the state of the organization), with what to do about it.
 */
export function refuseIfDeactivated(org: { id: string; name: string; deactivatedAt: Date | null }, what: string): void {
  if (!org.deactivatedAt) return;
  throw new ConflictError(
    `${org.name} was deactivated on ${org.deactivatedAt.toISOString().slice(0, 10)} and cannot ${what}; ask the coordinator of the region to reactivate it`,
    { organizationId: org.id, deactivatedAt: org.deactivatedAt.toISOString() },
    ErrorReason.ORGANIZATION_DEACTIVATED,
  );
}

/** `refuseIfDeactivated` for an organization the command has not loaded. */
export async function assertTakesPart(manager: EntityManager, organizationId: string, what: string): Promise<void> {
  const [row]: Array<{ name: string; deactivated_at: Date | null }> = await manager.query(`SELECT name, deactivated_at FROM organization WHERE id = $1`, [
    organizationId,
  ]);
  if (row) refuseIfDeactivated({ id: organizationId, name: row.name, deactivatedAt: row.deactivated_at }, what);
}
