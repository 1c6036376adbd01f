import { EntityManager } from 'typeorm';

/**
 * People equipped with a donor's devices delivered in [from, to): distinct (partner, reference)
 * pairs — a reference is only unique within its partner — plus one person per device delivered
 * without a reference. A device can be delivered more than once (a loan returned and lent again,
 * a warranty swap): each delivery has its own reference, joined on its order line, and a loan
 * given back still equipped its person for a while; a device swapped out is not a second person
 * (its reference moved to the replacement).
 * Only a count leaves this query: the donor report shows it and never the references themselves.
 */
export async function countPeopleEquipped(manager: EntityManager, donorId: string, from: Date, to: Date): Promise<number> {
  const [row] = await manager.query(
    `SELECT (count(DISTINCT (br.partner_id, br.reference)) + count(*) FILTER (WHERE br.id IS NULL))::int AS people
       FROM order_line_device x
       JOIN device d ON d.id = x.device_id
       LEFT JOIN beneficiary_reference br ON br.device_id = x.device_id AND br.order_line_id = x.order_line_id
      WHERE d.donor_id = $1 AND (x.released_at IS NULL OR x.release_reason = 'RETURNED')
        AND x.delivered_at >= $2 AND x.delivered_at < $3`,
    [donorId, from, to],
  );
  return row.people as number;
}
