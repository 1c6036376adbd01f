import { DataSource } from 'typeorm';

export interface RegionSize {
  donors: number;
  /** donations of 10 devices over the last two years, each collected and received */
  donations: number;
  /** donations declared this week, not routed yet */
  newDonations: number;
  /** 10 unless said */
  refurbishers?: number;
  /** 50 unless said */
  partners?: number;
  /** 10 unless said (at most 10: the serial numbers' keys stay unique) */
  devicesPerDonation?: number;
  /** how far back the donations go, in days; 730 unless said */
  days?: number;
  /** the letters in references and serial numbers ('B' unless said), so that several regions can share a database */
  tag?: string;
}

/** The dashboard bench's region: a million devices. */
export const LARGE_REGION: RegionSize = { donors: 1000, donations: 100_000, newDonations: 1000 };

/**
 * One region of a large network, generated in SQL in bulk (a few statements, no row-by-row
 * inserts): 10 refurbishers, 1,000 donors, 50 partners; 100,000 donations of 10 devices over
 * the last two years, each collected and received (1,000,000 devices), plus 1,000 declared
 * this week; devices 65 % delivered, 5 % shipped, 3 % reserved, 12 % in stock, 15 % recycled,
 * with their custody events (stock, delivery, recycling) at plausible times; an order per
 * donation's served devices, and 300 open orders. Counters (stock levels) as the domain keeps
 * them. The dashboard's own daily counters are left empty: the nightly recount builds them,
 * as it would for a network upgraded to this version. Those are LARGE_REGION's sizes; `size`
 * scales the donors and donations, and may change the refurbishers, partners, devices per
 * donation and the period (bench:national seeds 13 regions this way; the open orders stay).
 */
export async function seedRegion(
  db: DataSource,
  regionId: string,
  size: RegionSize = LARGE_REGION,
): Promise<{ devices: number; donations: number; custodyEvents: number; orders: number }> {
  const q = (sql: string, params: unknown[] = [regionId]) => db.query(sql, params);
  // interpolated into the SQL below, hence checked
  const count = (n: number, max: number) => {
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`seedRegion: ${n} is not a count from 1 to ${max}`);
    return n;
  };
  const refurbishers = count(size.refurbishers ?? 10, 1000);
  const partners = count(size.partners ?? 50, 100_000);
  const perDonation = count(size.devicesPerDonation ?? 10, 10);
  const spread = count((size.days ?? 730) - 5, 100_000);
  const tag = size.tag ?? 'B';
  if (!/^[A-Z]{1,3}$/.test(tag)) throw new Error(`seedRegion: tag "${tag}" must be one to three capital letters`);
  await q(
    `INSERT INTO organization (kind, name, region_id, address_postal_code, address_city, address_location_lat, address_location_lon, service_radius_km)
           SELECT 'REFURBISHER'::organization_kind, 'Atelier ' || i, $1::uuid, '69002', 'Lyon', 45.6 + i * 0.02, 4.8, 150 FROM generate_series(1, ${refurbishers}) i
           UNION ALL SELECT 'DONOR'::organization_kind, 'Entreprise ' || i, $1::uuid, '69003', 'Lyon', 45.7 + (i % 50) * 0.005, 4.85, NULL FROM generate_series(1, $2::int) i
           UNION ALL SELECT 'PARTNER'::organization_kind, 'CCAS ' || i, $1::uuid, '69100', 'Villeurbanne', 45.77, 4.88 + i * 0.001, NULL FROM generate_series(1, ${partners}) i`,
    [regionId, size.donors],
  );
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
                    orgs.donors[1 + i % $2::int] AS donor_id, orgs.refurbishers[1 + i % ${refurbishers}] AS refurbisher_id, orgs.partners[1 + i % ${partners}] AS partner_id,
                    (CASE WHEN i % 20 < 12 THEN 'LAPTOP' WHEN i % 20 < 15 THEN 'DESKTOP' WHEN i % 20 < 17 THEN 'MONITOR' WHEN i % 20 < 19 THEN 'SMARTPHONE' ELSE 'TABLET' END)::device_category AS category,
                    now() - (5 + random() * ${spread}) * interval '1 day' AS declared_at
               FROM generate_series(1, $3::int) i, orgs
           )
           SELECT *, least(now(), declared_at + (1 + random() * 9) * interval '1 day') AS collected_at FROM base`,
    [regionId, size.donors, size.donations],
  );
  await q(`INSERT INTO donation (id, reference, donor_id, region_id, status, available_from, created_at, pickup_address_postal_code, pickup_address_city, pickup_address_location_lat, pickup_address_location_lon)
           SELECT donation_id, 'DON-${tag}-' || lpad(i::text, 6, '0'), donor_id, $1::uuid, 'PROCESSED', declared_at, declared_at, '69003', 'Lyon', 45.76, 4.85 FROM bench_donation`);
  await q(
    `INSERT INTO donation_line (donation_id, position, category, quantity, data_bearing) SELECT donation_id, 0, category, ${perDonation}, category <> 'MONITOR' FROM bench_donation`,
    [],
  );
  await q(`INSERT INTO lot (id, reference, donation_id, refurbisher_id, region_id, status, quantity, distance_km, claimed_at, created_at)
           SELECT lot_id, 'LOT-${tag}-' || lpad(i::text, 6, '0'), donation_id, refurbisher_id, $1::uuid, 'CLOSED', ${perDonation}, 12, declared_at + interval '2 hours', declared_at + interval '1 hour' FROM bench_donation`);
  await q(`INSERT INTO lot_item (lot_id, category, quantity) SELECT lot_id, category, ${perDonation} FROM bench_donation`, []);
  await q(
    `INSERT INTO pickup (id, lot_id, scheduled_at, status, collected_quantity, shortfall, completed_at, created_at)
           SELECT pickup_id, lot_id, collected_at, 'COMPLETED', ${perDonation}, 0, collected_at, declared_at + interval '3 hours' FROM bench_donation`,
    [],
  );

  await q(
    `CREATE UNLOGGED TABLE bench_device AS
           SELECT gen_random_uuid() AS id, x.*,
                  (CASE WHEN r < 0.15 THEN 'RECYCLED' WHEN r < 0.80 THEN 'DELIVERED' WHEN r < 0.85 THEN 'SHIPPED' WHEN r < 0.88 THEN 'RESERVED' ELSE 'IN_STOCK' END)::device_status AS status
             FROM (SELECT d.*, k, random() AS r, random() AS later, least(now(), d.collected_at + (0.5 + random() * 20) * interval '1 day') AS stock_at
                     FROM bench_donation d, generate_series(1, ${perDonation}) k) x`,
    [],
  );
  // serial_number_key is normalizeSerialNumber's form (no dashes): unique, as k is 1 to 10
  await q(`INSERT INTO device (id, serial_number, serial_number_key, category, grade, status, data_bearing, recycle_reason, lot_id, donation_id, donor_id, refurbisher_id, region_id,
                               specs_ram_gb, specs_storage_gb, specs_ssd, created_at, updated_at)
           SELECT id, '${tag}' || i || '-' || k, '${tag}' || i || k, category, CASE WHEN status = 'RECYCLED' THEN NULL ELSE (ARRAY['A', 'B', 'C'])[1 + k % 3]::device_grade END, status,
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
           SELECT order_id, 'ORD-${tag}-' || row_number() OVER (ORDER BY ordered_at), partner_id, $1::uuid,
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
                      SELECT 'ORD-${tag}O-' || i, p.ids[1 + i % ${partners}], $1::uuid, 'OPEN', now() - random() * interval '20 days' FROM generate_series(1, 300) i, p RETURNING id, created_at)
           INSERT INTO order_line (order_id, region_id, position, category, quantity, profile, created_at) SELECT id, $1::uuid, 0, 'LAPTOP', 3, 'STUDENT', created_at FROM o`);
  await q(
    `WITH d AS (SELECT array_agg(id ORDER BY name) AS ids FROM organization WHERE region_id = $1::uuid AND kind = 'DONOR'),
                n AS (INSERT INTO donation (reference, donor_id, region_id, status, available_from, created_at, pickup_address_postal_code, pickup_address_city, pickup_address_location_lat, pickup_address_location_lon)
                      SELECT 'DON-${tag}N-' || i, d.ids[1 + i % $2::int], $1::uuid, 'DECLARED', now() + interval '2 days', now() - random() * interval '5 days', '69003', 'Lyon', 45.76, 4.85
                        FROM generate_series(1, $3::int) i, d RETURNING id)
           INSERT INTO donation_line (donation_id, position, category, quantity, data_bearing) SELECT id, 0, 'LAPTOP', 5, true FROM n`,
    [regionId, size.donors, size.newDonations],
  );
  await q(`INSERT INTO stock_level (refurbisher_id, category, grade, region_id, available, reserved)
           SELECT refurbisher_id, category, grade, $1::uuid, count(*) FILTER (WHERE status = 'IN_STOCK'), count(*) FILTER (WHERE status = 'RESERVED')
             FROM device WHERE region_id = $1::uuid AND status IN ('IN_STOCK', 'RESERVED') GROUP BY 1, 2, 3`);
  await q(`DROP TABLE bench_donation, bench_device, bench_order`, []);

  const [counts] =
    await q(`SELECT (SELECT count(*)::int FROM device WHERE region_id = $1::uuid) AS devices, (SELECT count(*)::int FROM donation WHERE region_id = $1::uuid) AS donations,
                                   (SELECT count(*)::int FROM custody_event) AS "custodyEvents", (SELECT count(*)::int FROM partner_order WHERE region_id = $1::uuid) AS orders`);
  return counts;
}

/** The dashboard as a coordinator's console asks for it: every figure the floor below reads. */
export const DASHBOARD_QUERY = `query($r: ID!, $from: DateTime!, $to: DateTime!) { regionDashboard(regionId: $r, from: $from, to: $to) {
      region { id code name } from to
      devicesDeclared devicesCollected devicesRefurbished devicesDelivered devicesRecycled openDemand fillRate co2eAvoidedKg
      stock { refurbisher { id name } category grade available reserved }
      refurbishers { refurbisher { id name } weeklyCapacity load utilization inStock }
      leadTimes { declarationToPickupDays pickupToStockDays orderToDeliveryDays }
      weekly { weekStart declared collected refurbished delivered recycled } } }`;

/**
 * The floor: the dashboard's figures read by one hand-written query on the same aggregates
 * (daily counters, reuse, monthly and daily lead-time histograms, stock levels, capacities),
 * with nothing around it. $1::uuid region, $2 from, $3 to.
 */
export const FLOOR_SQL = `
WITH d0 AS (SELECT ($2::timestamptz AT TIME ZONE 'Europe/Paris')::date AS a, (($3::timestamptz - interval '1 millisecond') AT TIME ZONE 'Europe/Paris')::date AS b),
days AS (SELECT a, b, CASE WHEN a = date_trunc('month', a)::date THEN a ELSE (date_trunc('month', a) + interval '1 month')::date END AS ma, date_trunc('month', b + 1)::date AS mb FROM d0),
f AS (SELECT day, declared, collected, refurbished, delivered, recycled, ordered, allocated FROM region_daily_flow, days WHERE region_id = $1 AND day BETWEEN a AND b),
h AS (SELECT kind, bucket_hours, sum(samples)::bigint AS n FROM (
        SELECT kind, bucket_hours, samples FROM region_monthly_lead_time, days WHERE region_id = $1 AND month >= ma AND month < mb
        UNION ALL
        SELECT kind, bucket_hours, samples FROM region_daily_lead_time, days WHERE region_id = $1 AND ((day >= a AND day < least(ma, b + 1)) OR (day >= greatest(mb, ma) AND day <= b))
      ) u GROUP BY 1, 2),
c AS (SELECT kind, bucket_hours + CASE WHEN bucket_hours < 48 THEN 0.5 WHEN bucket_hours < 720 THEN 3 ELSE 12 END AS mid,
             sum(n) OVER (PARTITION BY kind ORDER BY bucket_hours)::bigint AS seen, sum(n) OVER (PARTITION BY kind)::bigint AS total FROM h)
SELECT
  (SELECT sum(declared)::int FROM f) AS declared, (SELECT sum(collected)::int FROM f) AS collected, (SELECT sum(refurbished)::int FROM f) AS refurbished,
  (SELECT sum(delivered)::int FROM f) AS delivered, (SELECT sum(recycled)::int FROM f) AS recycled,
  (SELECT sum(allocated)::float / nullif(sum(ordered), 0) FROM f) AS fill_rate,
  (SELECT sum(ordered - allocated)::int FROM region_daily_flow WHERE region_id = $1) AS open_demand,
  (SELECT json_agg(x) FROM (SELECT date_trunc('week', day) AS week, sum(declared) AS declared, sum(collected) AS collected, sum(refurbished) AS refurbished,
                                   sum(delivered) AS delivered, sum(recycled) AS recycled FROM f GROUP BY 1 ORDER BY 1) x) AS weekly,
  (SELECT json_agg(x) FROM (SELECT category, sum(refurbished) AS n FROM region_daily_reuse, days WHERE region_id = $1 AND day BETWEEN a AND b GROUP BY 1) x) AS reuse,
  (SELECT json_agg(x) FROM (SELECT kind, (min(mid) FILTER (WHERE seen >= (total + 1) / 2) + min(mid) FILTER (WHERE seen >= total / 2 + 1)) / 48.0 AS days FROM c GROUP BY kind) x) AS medians,
  (SELECT json_agg(s) FROM stock_level s WHERE region_id = $1 AND (available > 0 OR reserved > 0)) AS stock,
  (SELECT json_agg(x) FROM (SELECT o.id, o.name, sum(rc.weekly_capacity) AS capacity, sum(rc.load) AS load
                              FROM organization o LEFT JOIN refurbisher_capacity rc ON rc.organization_id = o.id
                             WHERE o.region_id = $1 AND o.kind = 'REFURBISHER' GROUP BY o.id) x) AS loads`;

/** Without pre-aggregation: the period's flows and one median recounted from the domain tables. */
export const SCAN_SQL = `
SELECT
  (SELECT sum(dl.quantity) FROM donation d JOIN donation_line dl ON dl.donation_id = d.id
    WHERE d.region_id = $1 AND d.status <> 'CANCELLED' AND d.created_at >= $2 AND d.created_at < $3) AS declared,
  (SELECT sum(p.collected_quantity) FROM pickup p JOIN lot l ON l.id = p.lot_id
    WHERE l.region_id = $1 AND p.status = 'COMPLETED' AND p.completed_at >= $2 AND p.completed_at < $3) AS collected,
  (SELECT count(*) FILTER (WHERE ce.to_status = 'IN_STOCK' AND ce.from_status IN ('RECEIVED', 'WIPED')) FROM custody_event ce JOIN device d ON d.id = ce.device_id
    WHERE d.region_id = $1 AND ce.at >= $2 AND ce.at < $3) AS refurbished,
  (SELECT count(*) FILTER (WHERE ce.to_status = 'DELIVERED') FROM custody_event ce JOIN device d ON d.id = ce.device_id
    WHERE d.region_id = $1 AND ce.at >= $2 AND ce.at < $3) AS delivered,
  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ce.at - p.completed_at) FROM custody_event ce JOIN device d ON d.id = ce.device_id
     JOIN pickup p ON p.lot_id = d.lot_id AND p.status = 'COMPLETED'
    WHERE d.region_id = $1 AND ce.to_status = 'IN_STOCK' AND ce.at >= $2 AND ce.at < $3) AS pickup_to_stock`;
