import { EntityManager } from 'typeorm';
import type { PaperParty } from '../agreements/donation-agreement.pdf';

interface OrganizationRow {
  name: string;
  siret: string | null;
  address_street: string | null;
  address_postal_code: string | null;
  address_city: string | null;
}

/** One line: street, postal code and city; null when none is known. */
export function addressLine(o: Pick<OrganizationRow, 'address_street' | 'address_postal_code' | 'address_city'>): string | null {
  const place = [o.address_postal_code, o.address_city].filter(Boolean).join(' ');
  return [o.address_street, place].filter(Boolean).join(', ') || null;
}

/** An organization as a paper names it, or null when there is none with this id. */
export async function partyOf(manager: EntityManager, organizationId: string): Promise<PaperParty | null> {
  const [row]: OrganizationRow[] = await manager.query(
    `SELECT name, siret, address_street, address_postal_code, address_city FROM organization WHERE id = $1`,
    [organizationId],
  );
  return row ? { name: row.name, siret: row.siret, address: addressLine(row) } : null;
}
