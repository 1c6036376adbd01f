import { DataSource } from 'typeorm';

/**
 * A small region, seeded in seconds with the same bulk SQL as the dashboard bench's (see
 * bench/dashboard/seed-region.ts): 10 refurbishers, 100 donors, 50 partners; `donations`
 * donations of 10 devices over two years, collected, received and mostly delivered, with their
 * custody events, orders and stock levels; 300 open orders and 100 donations declared this week.
 */
export async function seedSmallRegion(
  db: DataSource,
  regionId: string,
  donations = 2000,
): Promise<{ devices: number; donations: number; custodyEvents: number; orders: number }> {
  const q = (sql: string, params: unknown[] = [regionId]) => db.query(sql, params);
  await q(`INSERT INTO organization (kind, name, region_id, address_postal_code, address_city, address_location_lat, address_location_lon, service_radius_km)
           SELECT 'REFURBISHER'::organization_kind, 'Atelier ' || i, $1::uuid, '69002', 'Lyon', 45.6 + i * 0.02, 4.8, 150 FROM generate_series(1, 10) i
           UNION ALL SELECT 'DONOR'::organization_kind, 'Entreprise ' || i, $1::uuid, '69003', 'Lyon', 45.7 + (i % 50) * 0.005, 4.85, NULL FROM generate_series(1, 100) i
           UNION ALL SELECT 'PARTNER'::organization_kind, 'CCAS ' || i, $1::uuid, '69100', 'Villeurbanne', 45.77, 4.88 + i * 0.001, NULL FROM generate_series(1, 50) i`);
  await q(`INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity, load)
           SELECT o.id, c::device_category, 400, 150 FROM organization o, unnest(ARRAY['LAPTOP', 'DESKTOP', 'MONITOR', 'SMARTPHONE', 'TABLET']) c
            WHERE o.region_id = $1::uuid AND o.kind = 'REFURBISHER'`);

  await q(
    `CREATE UNLOGGED TABLE bench_donation AS
           WITH orgs AS (
             SELECT (SELECT array_agg(id ORDER BY name) FROM organization WHERE region_id = $1::uuid AND kind = 'DONOR') AS donors,
                    (SELECT array_agg(id ORDER BY name) FROM organization WHERE region_id = $1::uuid AND kind = 'REFURBISHER') AS refurbishers,
                    (SELECT array_agg(id ORDER BY name) FROM organization WHERE region_id = $1::uuid AND kind = 'PARTNER') AS partners
           ), base AS (
             SELECT i, gen_random_uuid() AS donation_id, gen_random_uuid() AS lot_id, gen_random_uuid() AS pickup_id,
                    orgs.donors[1 + i % 100] AS donor_id, orgs.refurbishers[1 + i % 10] AS refurbisher_id, orgs.partners[1 + i % 50] AS partner_id,
                    (CASE WHEN i % 20 < 12 THEN 'LAPTOP' WHEN i % 20 < 15 THEN 'DESKTOP' WHEN i % 20 < 17 THEN 'MONITOR' WHEN i % 20 < 19 THEN 'SMARTPHONE' ELSE 'TABLET' END)::device_category AS category,
                    now() - (5 + random() * 725) * interval '1 day' AS declared_at
               FROM generate_series(1, $2::int) i, orgs
           )
           SELECT *, least(now(), declared_at + (1 + random() * 9) * interval '1 day') AS collected_at FROM base`,
    [regionId, donations],
  );
  await q(`INSERT INTO donation (id, reference, donor_id, region_id, status, available_from, created_at, pickup_address_postal_code, pickup_address_city, pickup_address_location_lat, pickup_address_location_lon)
           SELECT donation_id, 'DON-B-' || lpad(i::text, 6, '0'), donor_id, $1::uuid, 'PROCESSED', declared_at, declared_at, '69003', 'Lyon', 45.76, 4.85 FROM bench_donation`);
  await q(
    `INSERT INTO donation_line (donation_id, position, category, quantity, data_bearing) SELECT donation_id, 0, category, 10, category <> 'MONITOR' FROM bench_donation`,
    [],
  );
  await q(`INSERT INTO lot (id, reference, donation_id, refurbisher_id, region_id, status, quantity, distance_km, claimed_at, created_at)
           SELECT lot_id, 'LOT-B-' || lpad(i::text, 6, '0'), donation_id, refurbisher_id, $1::uuid, 'CLOSED', 10, 12, declared_at + interval '2 hours', declared_at + interval '1 hour' FROM bench_donation`);
  await q(`INSERT INTO lot_item (lot_id, category, quantity) SELECT lot_id, category, 10 FROM bench_donation`, []);
  await q(
    `INSERT INTO pickup (id, lot_id, scheduled_at, status, collected_quantity, shortfall, completed_at, created_at)
           SELECT pickup_id, lot_id, collected_at, 'COMPLETED', 10, 0, collected_at, declared_at + interval '3 hours' FROM bench_donation`,
    [],
  );

  await q(
    `CREATE UNLOGGED TABLE bench_device AS
           SELECT gen_random_uuid() AS id, x.*,
                  (CASE WHEN r < 0.15 THEN 'RECYCLED' WHEN r < 0.80 THEN 'DELIVERED' WHEN r < 0.85 THEN 'SHIPPED' WHEN r < 0.88 THEN 'RESERVED' ELSE 'IN_STOCK' END)::device_status AS status
             FROM (SELECT d.*, k, random() AS r, random() AS later, least(now(), d.collected_at + (0.5 + random() * 20) * interval '1 day') AS stock_at
                     FROM bench_donation d, generate_series(1, 10) k) x`,
    [],
  );
  await q(`INSERT INTO device (id, serial_number, category, grade, status, data_bearing, recycle_reason, lot_id, donation_id, donor_id, refurbisher_id, region_id,
                               specs_ram_gb, specs_storage_gb, specs_ssd, created_at, updated_at)
           SELECT id, 'B' || i || '-' || k, category, CASE WHEN status = 'RECYCLED' THEN NULL ELSE (ARRAY['A', 'B', 'C'])[1 + k % 3]::device_grade END, status,
                  category <> 'MONITOR', CASE WHEN status = 'RECYCLED' THEN 'beyond repair' END, lot_id, donation_id, donor_id, refurbisher_id, $1::uuid,
                  CASE WHEN category IN ('LAPTOP', 'DESKTOP') THEN 4 + 4 * (k % 3) END, CASE WHEN category IN ('LAPTOP', 'DESKTOP') THEN 128 * (1 + k % 4) END,
                  CASE WHEN category IN ('LAPTOP', 'DESKTOP') THEN k % 2 = 0 END, collected_at + interval '1 day', stock_at
             FROM bench_device`);
  await q(
    `INSERT INTO custody_event (device_id, at, action, from_status, to_status, actor)
           SELECT id, CASE WHEN status = 'RECYCLED' THEN least(now(), collected_at + (1 + later * 9) * interval '1 day') ELSE stock_at END,
                  CASE WHEN status = 'RECYCLED' THEN 'RECYCLED' ELSE 'GRADED' END, 'WIPED'::device_status,
                  CASE WHEN status = 'RECYCLED' THEN 'RECYCLED' ELSE 'IN_STOCK' END::device_status, 'bench'
             FROM bench_device
           UNION ALL
           SELECT id, least(now(), stock_at + (1 + later * 30) * interval '1 day'), 'DELIVERED', 'SHIPPED'::device_status, 'DELIVERED'::device_status, 'bench' FROM bench_device WHERE status = 'DELIVERED'`,
    [],
  );

  // an order per donation's served devices, placed the day before the first of them reached stock
  await q(
    `CREATE UNLOGGED TABLE bench_order AS
           SELECT donation_id, min(partner_id::text)::uuid AS partner_id, min(category::text)::device_category AS category, gen_random_uuid() AS order_id, gen_random_uuid() AS line_id,
                  min(stock_at) - interval '1 day' AS ordered_at, count(*)::int AS quantity,
                  count(*) FILTER (WHERE status IN ('SHIPPED', 'DELIVERED'))::int AS shipped, count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered
             FROM bench_device WHERE status IN ('RESERVED', 'SHIPPED', 'DELIVERED') GROUP BY donation_id`,
    [],
  );
  await q(`INSERT INTO partner_order (id, reference, partner_id, region_id, status, created_at)
           SELECT order_id, 'ORD-B-' || row_number() OVER (ORDER BY ordered_at), partner_id, $1::uuid,
                  (CASE WHEN delivered = quantity THEN 'DELIVERED' WHEN shipped = quantity THEN 'SHIPPED' ELSE 'ALLOCATED' END)::order_status, ordered_at
             FROM bench_order`);
  await q(`INSERT INTO order_line (id, order_id, region_id, position, category, quantity, profile, allocated_quantity, shipped_quantity, delivered_quantity, created_at)
           SELECT line_id, order_id, $1::uuid, 0, category, quantity, 'SENIOR', quantity, shipped, delivered, ordered_at FROM bench_order`);
  await q(
    `INSERT INTO order_line_device (order_line_id, order_id, partner_id, device_id, reserved_at, shipped_at, delivered_at)
           SELECT o.line_id, o.order_id, o.partner_id, d.id, d.stock_at, CASE WHEN d.status <> 'RESERVED' THEN d.stock_at END,
                  CASE WHEN d.status = 'DELIVERED' THEN least(now(), d.stock_at + (1 + d.later * 30) * interval '1 day') END
             FROM bench_device d JOIN bench_order o ON o.donation_id = d.donation_id WHERE d.status IN ('RESERVED', 'SHIPPED', 'DELIVERED')`,
    [],
  );
  // demand still open, and this week's declarations
  await q(`WITH p AS (SELECT array_agg(id ORDER BY name) AS ids FROM organization WHERE region_id = $1::uuid AND kind = 'PARTNER'),
                o AS (INSERT INTO partner_order (reference, partner_id, region_id, status, created_at)
                      SELECT 'ORD-O-' || i, p.ids[1 + i % 50], $1::uuid, 'OPEN', now() - random() * interval '20 days' FROM generate_series(1, 300) i, p RETURNING id, created_at)
           INSERT INTO order_line (order_id, region_id, position, category, quantity, profile, created_at) SELECT id, $1::uuid, 0, 'LAPTOP', 3, 'STUDENT', created_at FROM o`);
  await q(`WITH d AS (SELECT array_agg(id ORDER BY name) AS ids FROM organization WHERE region_id = $1::uuid AND kind = 'DONOR'),
                n AS (INSERT INTO donation (reference, donor_id, region_id, status, available_from, created_at, pickup_address_postal_code, pickup_address_city, pickup_address_location_lat, pickup_address_location_lon)
                      SELECT 'DON-N-' || i, d.ids[1 + i % 100], $1::uuid, 'DECLARED', now() + interval '2 days', now() - random() * interval '5 days', '69003', 'Lyon', 45.76, 4.85
                        FROM generate_series(1, 100) i, d RETURNING id)
           INSERT INTO donation_line (donation_id, position, category, quantity, data_bearing) SELECT id, 0, 'LAPTOP', 5, true FROM n`);
  await q(`INSERT INTO stock_level (refurbisher_id, category, grade, region_id, available, reserved)
           SELECT refurbisher_id, category, grade, $1::uuid, count(*) FILTER (WHERE status = 'IN_STOCK'), count(*) FILTER (WHERE status = 'RESERVED')
             FROM device WHERE region_id = $1::uuid AND status IN ('IN_STOCK', 'RESERVED') GROUP BY 1, 2, 3`);
  await q(`DROP TABLE bench_donation, bench_device, bench_order`, []);

  const [counts] =
    await q(`SELECT (SELECT count(*)::int FROM device WHERE region_id = $1::uuid) AS devices, (SELECT count(*)::int FROM donation WHERE region_id = $1::uuid) AS donations,
                                   (SELECT count(*)::int FROM custody_event) AS "custodyEvents", (SELECT count(*)::int FROM partner_order WHERE region_id = $1::uuid) AS orders`);
  return counts;
}
