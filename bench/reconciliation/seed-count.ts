import { DataSource } from 'typeorm';

export const SHELF = 5_163; // devices the count did not find that are still on the shelf: they become MISSING
export const RESERVED = 163; // of which reserved on 20 open orders (their links are released)
export const SHIPPED = 100; // not found either, but shipped since: left alone
export const COUNTED = 137; // found by the count

/**
 * One region with one refurbisher whose stock count (OPEN) did not find 5,263 of its devices, as
 * the domain would have left them: 5,000 IN_STOCK and 163 RESERVED on 20 allocated orders, 100
 * shipped since; stock counters matching the devices; 53 lots received, none to close by this.
 * All in a few bulk statements. Returns the reconciliation's id.
 */
export async function seedCount(db: DataSource, code: string): Promise<{ reconciliationId: string; refurbisherId: string }> {
  const total = SHELF + SHIPPED + COUNTED;
  const [{ id: regionId }] = await db.query(`INSERT INTO region (code, name) VALUES ($1::text, 'Bench ' || $1::text) RETURNING id`, [code]);
  const orgs: Array<{ id: string; kind: string }> = await db.query(
    `INSERT INTO organization (kind, name, region_id, address_postal_code, address_city, address_location_lat, address_location_lon, service_radius_km)
     SELECT k::organization_kind, k || ' ' || $2::text, $1::uuid, '69002', 'Lyon', 45.7, 4.8, CASE WHEN k = 'REFURBISHER' THEN 150 END
       FROM unnest(ARRAY['REFURBISHER', 'DONOR', 'PARTNER']) k RETURNING id, kind::text`,
    [regionId, code],
  );
  const org = (kind: string) => orgs.find((o) => o.kind === kind)!.id;
  const [refurbisherId, donorId, partnerId] = [org('REFURBISHER'), org('DONOR'), org('PARTNER')];
  const p = [regionId, code, refurbisherId, donorId, total];
  await db.query(
    `WITH d AS (
       INSERT INTO donation (reference, donor_id, region_id, status, available_from, pickup_address_postal_code, pickup_address_city, pickup_address_location_lat, pickup_address_location_lon)
       VALUES ('DON-' || $2::text, $4::uuid, $1::uuid, 'PROCESSED', now() - interval '30 days', '69003', 'Lyon', 45.76, 4.85) RETURNING id
     ), l AS (
       INSERT INTO lot (reference, donation_id, refurbisher_id, region_id, status, quantity, distance_km, claimed_at)
       SELECT 'LOT-' || $2::text || '-' || i, d.id, $3::uuid, $1::uuid, 'RECEIVED', 110, 12, now() - interval '25 days' FROM d, generate_series(0, ceil($5::int / 100.0)::int - 1) i
       RETURNING id, donation_id, reference
     ), li AS (
       INSERT INTO lot_intake (lot_id, donation_id, declared_quantity, collected_quantity, received_quantity, open_quantity)
       SELECT id, donation_id, 110, 110, 110, 110 FROM l RETURNING lot_id
     )
     -- serial_number_key only needs to be unique here (prefixes B1 and B12 would collide without the dash): the bench never looks a serial up
     INSERT INTO device (serial_number, serial_number_key, category, grade, status, data_bearing, lot_id, donation_id, donor_id, refurbisher_id, region_id)
     SELECT $2::text || '-' || i, upper($2::text) || '-' || i, (ARRAY['LAPTOP', 'DESKTOP', 'MONITOR'])[1 + i % 3]::device_category, (ARRAY['A', 'B', 'C'])[1 + (i / 3) % 3]::device_grade,
            (CASE WHEN i < ${SHELF - RESERVED} THEN 'IN_STOCK' WHEN i < ${SHELF} THEN 'RESERVED' WHEN i < ${SHELF + SHIPPED} THEN 'SHIPPED' ELSE 'IN_STOCK' END)::device_status,
            i % 3 <> 2, l.id, l.donation_id, $4::uuid, $3::uuid, $1::uuid
       FROM generate_series(0, $5::int - 1) i JOIN l ON l.reference = 'LOT-' || $2::text || '-' || (i / 100)`,
    p,
  );
  await db.query(
    `INSERT INTO stock_level (refurbisher_id, category, grade, region_id, available, reserved)
     SELECT $1::uuid, category, grade, region_id, count(*) FILTER (WHERE status = 'IN_STOCK'), count(*) FILTER (WHERE status = 'RESERVED')
       FROM device WHERE refurbisher_id = $1 GROUP BY category, grade, region_id`,
    [refurbisherId],
  );
  // 20 allocated orders of one line each, holding the reserved devices
  await db.query(
    `WITH reserved AS (
       SELECT id, (row_number() OVER (ORDER BY serial_number) - 1) % 20 AS k FROM device WHERE refurbisher_id = $3 AND status = 'RESERVED'
     ), o AS (
       INSERT INTO partner_order (reference, partner_id, region_id, status)
       SELECT 'ORD-' || $2::text || '-' || k, $4::uuid, $1::uuid, 'ALLOCATED' FROM generate_series(0, 19) k RETURNING id, reference
     ), l AS (
       INSERT INTO order_line (order_id, region_id, position, category, quantity, profile, allocated_quantity)
       SELECT o.id, $1::uuid, 0, 'LAPTOP', (SELECT count(*) FROM reserved r WHERE 'ORD-' || $2::text || '-' || r.k = o.reference), 'STUDENT',
              (SELECT count(*) FROM reserved r WHERE 'ORD-' || $2::text || '-' || r.k = o.reference)
         FROM o RETURNING id, order_id
     )
     INSERT INTO order_line_device (order_line_id, order_id, partner_id, device_id)
     SELECT l.id, l.order_id, $4::uuid, r.id FROM reserved r JOIN o ON o.reference = 'ORD-' || $2::text || '-' || r.k JOIN l ON l.order_id = o.id`,
    [regionId, code, refurbisherId, partnerId],
  );
  const [{ id: reconciliationId }] = await db.query(
    `INSERT INTO reconciliation (refurbisher_id, region_id, expected_quantity, counted_quantity, missing_quantity, unexpected_quantity, submitted_by)
     VALUES ($1, $2, $3, $4, $5, 0, 'bench') RETURNING id`,
    [refurbisherId, regionId, total, COUNTED, SHELF + SHIPPED],
  );
  await db.query(
    `INSERT INTO reconciliation_discrepancy (reconciliation_id, kind, serial_number, device_id)
     SELECT $1, 'MISSING', serial_number, id FROM device WHERE refurbisher_id = $2 AND status IN ('IN_STOCK', 'RESERVED', 'SHIPPED')
        AND split_part(serial_number, '-', 2)::int < ${SHELF + SHIPPED}`,
    [reconciliationId, refurbisherId],
  );
  return { reconciliationId, refurbisherId };
}

/** What a resolution left, to compare both paths: they must agree exactly. */
export async function outcome(db: DataSource, refurbisherId: string): Promise<Record<string, number>> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM device WHERE refurbisher_id = $1 AND status = 'MISSING')::int AS missing,
            (SELECT count(*) FROM device WHERE refurbisher_id = $1 AND status = 'SHIPPED')::int AS shipped,
            (SELECT count(*) FROM custody_event e JOIN device d ON d.id = e.device_id WHERE d.refurbisher_id = $1 AND e.action = 'MISSING')::int AS custody_events,
            (SELECT count(*) FROM stock_movement WHERE refurbisher_id = $1 AND kind = 'MISSING')::int AS stock_movements,
            (SELECT sum(available) FROM stock_level WHERE refurbisher_id = $1)::int AS available,
            (SELECT sum(reserved) FROM stock_level WHERE refurbisher_id = $1)::int AS reserved,
            (SELECT count(*) FROM order_line_device x JOIN device d ON d.id = x.device_id WHERE d.refurbisher_id = $1 AND x.release_reason = 'DEVICE_GONE')::int AS released_links,
            (SELECT count(*) FROM partner_order o JOIN order_line_device x ON x.order_id = o.id JOIN device d ON d.id = x.device_id
              WHERE d.refurbisher_id = $1 AND o.status = 'OPEN')::int AS reopened_order_links,
            (SELECT sum(open_quantity) FROM lot_intake i JOIN lot l ON l.id = i.lot_id WHERE l.refurbisher_id = $1)::int AS open_in_lots`,
    [refurbisherId],
  );
  return row;
}
