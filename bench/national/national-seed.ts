import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RegionFlowRebuild } from '@app/reporting';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedRegion } from '../dashboard/seed-region';
import { BENCH_ADMIN, Gql } from '../support/bench-api';
import { fmt } from '../support/bench-stats';

/** The 13 regions of metropolitan France, their people (millions, INSEE 2021) and a central city. */
export const FRENCH_REGIONS = [
  { code: 'IDF', tag: 'IA', name: 'Île-de-France', people: 12.3, lat: 48.86, lon: 2.35 },
  { code: 'ARA', tag: 'AR', name: 'Auvergne-Rhône-Alpes', people: 8.1, lat: 45.76, lon: 4.84 },
  { code: 'HDF', tag: 'HF', name: 'Hauts-de-France', people: 6.0, lat: 50.63, lon: 3.06 },
  { code: 'NAQ', tag: 'NQ', name: 'Nouvelle-Aquitaine', people: 6.0, lat: 44.84, lon: -0.58 },
  { code: 'OCC', tag: 'OC', name: 'Occitanie', people: 6.0, lat: 43.6, lon: 1.44 },
  { code: 'GES', tag: 'GE', name: 'Grand Est', people: 5.6, lat: 48.57, lon: 7.75 },
  { code: 'PAC', tag: 'PA', name: "Provence-Alpes-Côte d'Azur", people: 5.1, lat: 43.3, lon: 5.37 },
  { code: 'PDL', tag: 'PL', name: 'Pays de la Loire', people: 3.9, lat: 47.22, lon: -1.55 },
  { code: 'BRE', tag: 'BR', name: 'Bretagne', people: 3.4, lat: 48.11, lon: -1.68 },
  { code: 'NOR', tag: 'NO', name: 'Normandie', people: 3.3, lat: 49.44, lon: 1.1 },
  { code: 'BFC', tag: 'BF', name: 'Bourgogne-Franche-Comté', people: 2.8, lat: 47.32, lon: 5.04 },
  { code: 'CVL', tag: 'CV', name: 'Centre-Val de Loire', people: 2.6, lat: 47.9, lon: 1.91 },
  { code: 'COR', tag: 'CO', name: 'Corse', people: 0.34, lat: 41.93, lon: 8.74 },
] as const;

/**
 * The network's size: 200,000 donations a year of 5 devices (1,000,000 devices over the year),
 * 2,000 partners, about 120 refurbishers, a donor for every 10 donations a year; each region its
 * share by population. The routing backlog is four weeks of declarations (a network whose routing
 * stopped for a month, or a new region imported at once): under shortage, as real backlogs are.
 */
export const NATION = { donationsPerYear: 200_000, devicesPerDonation: 5, partners: 2_000, refurbishers: 120, backlogWeeks: 4 };
/** BENCH_SCALE=0.1 seeds a tenth of the donations, to try the bench in a minute; figures are recorded at 1 */
export const SCALE = Number(process.env.BENCH_SCALE ?? 1);
/** the donor whose report is downloaded: 2,000 of its region's donations, 10,000 devices */
export const BIG_DONOR = { name: 'Groupe Hexagone (grand donateur)', donations: 2_000 };

export interface SeededRegion {
  id: string;
  code: string;
  name: string;
  coordinatorEmail: string;
}
export interface SeededNation {
  regions: SeededRegion[];
  bigDonorId: string;
}

/** n split by weights into integers that add up to n (largest remainders), each at least `least` */
export function apportion(n: number, weights: readonly number[], least: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => Math.max(least, (n * w) / total));
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; n - parts.reduce((s, p) => s + p, 0) > 0 && k < order.length; k++) parts[order[k]![1]]++;
  return parts;
}

const coordinatorEmail = (code: string) => `coordination-${code.toLowerCase()}@bench-national.test`;

/** The regions and the big donor a previous seed left (BENCH_REUSE=1), or nothing if it is not all there. */
export async function seededNation(databaseUrl: string): Promise<SeededNation | undefined> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows: regions } = await client.query<{ id: string; code: string; name: string }>(
      `SELECT id, code, name FROM region r WHERE EXISTS (SELECT 1 FROM region_daily_flow f WHERE f.region_id = r.id) ORDER BY code`,
    );
    const { rows: big } = await client.query<{ id: string }>(`SELECT id FROM organization WHERE name = $1`, [BIG_DONOR.name]);
    if (regions.length !== FRENCH_REGIONS.length || !big[0]) return undefined;
    // the order of FRENCH_REGIONS: the big donor's region first
    const order = FRENCH_REGIONS.map((r) => r.code as string);
    regions.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
    return { regions: regions.map((r) => ({ ...r, coordinatorEmail: coordinatorEmail(r.code) })), bigDonorId: big[0].id };
  } catch {
    return undefined; // no seed yet
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The nation, region by region: the region, its coordinator and the coordinator's user through
 * the API (where the domain has rules); a year of history with the dashboard bench's bulk SQL at
 * the region's size; its organizations moved around its city; graded capabilities on the laptops
 * in stock; the routing backlog; each partner's open order; then the big donor, and the daily
 * counters by the nightly recount.
 */
export async function seedNation(app: NestFastifyApplication, gql: Gql, adminToken: string): Promise<SeededNation> {
  const db = app.get(DataSource);
  const weights = FRENCH_REGIONS.map((r) => r.people);
  const donations = apportion(Math.round(NATION.donationsPerYear * SCALE), weights, 0);
  const partners = apportion(NATION.partners, weights, 20);
  const refurbishers = apportion(NATION.refurbishers, weights, 3);
  const regions: SeededRegion[] = [];
  for (const [i, spec] of FRENCH_REGIONS.entries()) {
    const started = Date.now();
    const id = (
      await gql(`mutation($input: CreateRegionInput!) { createRegion(input: $input) { id } }`, { input: { code: spec.code, name: spec.name } }, adminToken)
    ).createRegion.id as string;
    const coordinator = (
      await gql(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
        {
          input: {
            kind: 'COORDINATOR',
            name: `Coordination ${spec.name}`,
            regionId: id,
            address: { postalCode: '75001', city: spec.name, location: { lat: spec.lat, lon: spec.lon } },
          },
        },
        adminToken,
      )
    ).createOrganization.id as string;
    await gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email: coordinatorEmail(spec.code), password: BENCH_ADMIN.password, role: 'COORDINATOR', organizationId: coordinator } },
      adminToken,
    );
    const size = {
      donors: Math.max(10, Math.round(donations[i]! / 10)),
      donations: donations[i]!,
      newDonations: 0,
      refurbishers: refurbishers[i]!,
      partners: partners[i]!,
      devicesPerDonation: NATION.devicesPerDonation,
      days: 365,
      tag: spec.tag,
    };
    const seeded = await seedRegion(db, id, size);
    await placeAroundCity(db, id, spec);
    const backlog = await declareBacklog(db, id, spec, Math.round((donations[i]! * NATION.backlogWeeks) / 52));
    const demand = await openDemand(db, id, spec.tag);
    regions.push({ id, code: spec.code, name: spec.name, coordinatorEmail: coordinatorEmail(spec.code) });
    console.log(
      `  ${spec.code}: ${size.refurbishers} refurbishers, ${size.partners} partners, ${size.donors} donors, ${fmt(seeded.devices, 0)} devices, ${fmt(seeded.donations, 0)} donations; backlog ${backlog} donations, open demand ${demand} lines (${fmt((Date.now() - started) / 1000)} s)`,
    );
  }
  const bigDonorId = await makeBigDonor(db, regions[0]!.id);
  const started = Date.now();
  for (const region of regions) await app.get(RegionFlowRebuild).correct(region.id);
  console.log(`  daily counters built by the nightly recount in ${fmt((Date.now() - started) / 1000)} s`);
  await db.query('VACUUM ANALYZE');
  return { regions, bigDonorId };
}

/** Organizations within about 60 km of the region's city, so that routing and matching see real distances. */
export async function placeAroundCity(db: DataSource, regionId: string, city: { lat: number; lon: number }): Promise<void> {
  await db.query(
    `UPDATE organization SET address_location_lat = $2 + (random() - 0.5) * 1.1, address_location_lon = $3 + (random() - 0.5) * 1.5
      WHERE region_id = $1 AND kind <> 'COORDINATOR'`,
    [regionId, city.lat, city.lon],
  );
  // what grading records on laptops, so that the profiles' needs (webcam, battery, an OS) have devices to meet them
  await db.query(
    `UPDATE device SET battery_health_percent = 40 + floor(random() * 61)::int, webcam_works = random() < 0.9, microphone_works = random() < 0.9,
                       specs_os = CASE WHEN random() < 0.8 THEN 'Xubuntu 24.04' END
      WHERE region_id = $1 AND status = 'IN_STOCK' AND category = 'LAPTOP'`,
    [regionId],
  );
}

/** Donations declared over the last `weeks`, not routed: one line of 1 to 9 devices, picked up around the city. */
export async function declareBacklog(db: DataSource, regionId: string, spec: { tag: string; lat: number; lon: number }, count: number): Promise<number> {
  await db.query(
    `WITH d AS (SELECT array_agg(id ORDER BY name) AS ids FROM organization WHERE region_id = $1 AND kind = 'DONOR'),
          n AS (INSERT INTO donation (reference, donor_id, region_id, status, available_from, created_at, pickup_address_postal_code, pickup_address_city,
                                      pickup_address_location_lat, pickup_address_location_lon)
                SELECT 'DON-${spec.tag}W-' || i, d.ids[1 + i % cardinality(d.ids)], $1, 'DECLARED', now() + interval '2 days', now() - random() * $5::int * interval '7 days',
                       '75001', 'Bench', $2 + (random() - 0.5) * 1.2, $3 + (random() - 0.5) * 1.6
                  FROM generate_series(1, $4::int) i, d RETURNING id)
     INSERT INTO donation_line (donation_id, position, category, quantity, data_bearing)
     SELECT id, 0, c.category::device_category, 1 + floor(random() * 9)::int, c.category <> 'MONITOR'
       FROM (SELECT id, random() AS r FROM n) x
       CROSS JOIN LATERAL (SELECT CASE WHEN x.r < 0.6 THEN 'LAPTOP' WHEN x.r < 0.75 THEN 'DESKTOP' WHEN x.r < 0.85 THEN 'MONITOR' WHEN x.r < 0.95 THEN 'SMARTPHONE' ELSE 'TABLET' END AS category) c`,
    [regionId, spec.lat, spec.lon, count, NATION.backlogWeeks],
  );
  return count;
}

/**
 * Each partner's open order of two lines, for the profiles partners order for (a profile's
 * requirements written on the line, as submitOrder does): pupils, students, design students,
 * job seekers (a desktop, or a laptop whose battery holds), seniors (webcam, microphone, an OS).
 */
export async function openDemand(db: DataSource, regionId: string, tag: string): Promise<number> {
  const [{ lines }] = (await db.query(
    `WITH o AS (INSERT INTO partner_order (reference, partner_id, region_id, status, created_at)
                SELECT 'ORD-${tag}D-' || row_number() OVER (ORDER BY id), id, $1, 'OPEN', now() - random() * interval '30 days'
                  FROM organization WHERE region_id = $1 AND kind = 'PARTNER' RETURNING id, created_at),
          p(k, profile, category, ram, storage, ssd, grade, webcam, battery) AS (VALUES
            (0, 'PUPIL', 'LAPTOP', 4, 64, false, NULL, false, NULL), (1, 'STUDENT', 'LAPTOP', 8, 128, true, NULL, false, NULL),
            (2, 'DESIGN_STUDENT', 'LAPTOP', 16, 256, true, NULL, false, NULL), (3, 'JOB_SEEKER', 'DESKTOP', 8, 128, false, 'B', false, NULL),
            (4, 'JOB_SEEKER', 'LAPTOP', 8, 128, false, 'B', false, 70), (5, 'SENIOR', 'LAPTOP', 4, 64, false, NULL, true, NULL),
            (6, 'PUPIL', 'DESKTOP', 4, 64, false, NULL, false, NULL)),
          l AS (INSERT INTO order_line (order_id, region_id, position, category, quantity, profile, min_ram_gb, min_storage_gb, require_ssd, min_grade,
                                        needs_webcam, needs_microphone, needs_os, min_battery_health_percent, priority, created_at)
                SELECT o.id, $1, pos, p.category::device_category, 1 + floor(random() * 8)::int, p.profile::beneficiary_profile, p.ram, p.storage, p.ssd,
                       p.grade::device_grade, p.webcam, p.webcam, p.webcam, p.battery, CASE WHEN random() < 0.2 THEN 1 ELSE 0 END, o.created_at
                  FROM o CROSS JOIN generate_series(0, 1) pos
                  JOIN p ON p.k = (abs(hashtext(o.id::text || pos)) % 7)
                RETURNING 1)
     SELECT count(*)::int AS lines FROM l`,
    [regionId],
  )) as Array<{ lines: number }>;
  return lines;
}

/**
 * A donor of 10,000 devices: 2,000 of the region's donations become its, with their devices, and
 * each of its data-bearing devices gets the verified erasure record intake would have made: the
 * attestation lists about 9,000 certificates, the CSV 10,000 rows.
 */
async function makeBigDonor(db: DataSource, regionId: string): Promise<string> {
  const [{ id }] = (await db.query(
    `INSERT INTO organization (kind, name, region_id, address_postal_code, address_city, address_location_lat, address_location_lon)
     VALUES ('DONOR', $2, $1, '92400', 'Courbevoie', 48.89, 2.24) RETURNING id`,
    [regionId, BIG_DONOR.name],
  )) as Array<{ id: string }>;
  await db.query(
    `WITH mine AS (UPDATE donation SET donor_id = $2
                    WHERE id IN (SELECT id FROM donation WHERE region_id = $1 AND status = 'PROCESSED' ORDER BY reference LIMIT $3) RETURNING id)
     UPDATE device SET donor_id = $2 WHERE donation_id IN (SELECT id FROM mine)`,
    [regionId, id, BIG_DONOR.donations],
  );
  await db.query(
    `INSERT INTO erasure_record (device_id, method, performed_at, operator, certificate_number, verified, organization_id)
     SELECT id, 'NIST_800_88_PURGE', least(now(), created_at + interval '1 day'), 'Atelier bench', 'ERA-N-' || lpad(row_number() OVER (ORDER BY id)::text, 8, '0'), true, refurbisher_id
       FROM device WHERE donor_id = $1 AND data_bearing`,
    [id],
  );
  return id;
}
