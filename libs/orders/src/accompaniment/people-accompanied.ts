import { EntityManager } from 'typeorm';

/**
 * Of the people equipped with a donor's devices delivered in [from, to) (countPeopleEquipped),
 * those who had at least one accompaniment session with their partner, at any time: distinct
 * (partner, reference) pairs; a device delivered without a reference cannot be matched and is not
 * counted. The deliveries are those countPeopleEquipped counts (a loan given back included, each
 * delivery with its own reference), so that the accompanied are always among the equipped. Only
 * the count leaves this query: a donor never learns a reference.
 */
export async function countPeopleAccompanied(manager: EntityManager, donorId: string, from: Date, to: Date): Promise<number> {
  const [row] = await manager.query(
    `SELECT count(DISTINCT (br.partner_id, br.reference))::int AS people
       FROM order_line_device x
       JOIN device d ON d.id = x.device_id
       JOIN beneficiary_reference br ON br.device_id = x.device_id AND br.order_line_id = x.order_line_id
      WHERE d.donor_id = $1 AND (x.released_at IS NULL OR x.release_reason = 'RETURNED') AND x.delivered_at >= $2 AND x.delivered_at < $3
        AND EXISTS (SELECT 1 FROM accompaniment a WHERE a.partner_id = br.partner_id AND a.beneficiary_ref = br.reference)`,
    [donorId, from, to],
  );
  return row.people as number;
}
