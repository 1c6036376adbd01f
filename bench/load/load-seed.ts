import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestContext } from '@app/common';
import { RegionFlowRebuild } from '@app/reporting';
import { RefurbisherLoadRecount } from '@app/routing/load/refurbisher-load-recount.service';
import { DataSource } from 'typeorm';
import { Role } from '../api/operations';
import { seedSmallRegion } from '../api/seed';
import { BENCH_ADMIN, Gql } from '../support/bench-api';

/** users per role: the mixes spread their requests over them, as many people would */
export const USERS_PER_ROLE = 10;
/** lots waiting for each write round: offered (to claim) and collected (to receive) */
export const WRITE_LOTS = 4_000;

export interface LoadSeed {
  regionId: string;
  /** login emails per role */
  emails: Record<Role, string[]>;
  /** OFFERED lots, and COLLECTED lots of 3 laptops, each with the index of its refurbisher's user */
  offered: Array<{ lotId: string; user: number }>;
  collected: Array<{ lotId: string; user: number }>;
}

const emailOf = (role: Role, i: number) => `${role}-${i}@bench-load.test`;

/**
 * bench:api's region (20,000 devices, two years, 100 donors, 50 partners, 10 refurbishers) with
 * a coordinator and ten users of each other role (ten workshops, partners and donors), and the
 * work the write mix needs: WRITE_LOTS lots to claim and to receive, as routing and pickups
 * would leave them (bulk SQL: they are not what is measured), with the load counters recounted.
 */
export async function seedLoad(app: NestFastifyApplication, gql: Gql, adminToken: string): Promise<LoadSeed> {
  const db = app.get(DataSource);
  const regionId = (await gql(`mutation { createRegion(input: { code: "BLD", name: "Bench load" }) { id } }`, {}, adminToken)).createRegion.id as string;
  const coordination = (
    await gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      {
        input: {
          kind: 'COORDINATOR',
          name: 'Coordination Bench',
          regionId,
          address: { postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } },
        },
      },
      adminToken,
    )
  ).createOrganization.id as string;
  await seedSmallRegion(db, regionId);

  const organizations = async (kind: string): Promise<string[]> =>
    (
      (await db.query(`SELECT id FROM organization WHERE region_id = $1 AND kind = $2 ORDER BY name LIMIT $3`, [regionId, kind, USERS_PER_ROLE])) as Array<{
        id: string;
      }>
    ).map((o) => o.id);
  const members: Record<Role, string[]> = {
    coordinator: [coordination],
    refurbisher: await organizations('REFURBISHER'),
    partner: await organizations('PARTNER'),
    donor: await organizations('DONOR'),
  };
  const emails = { coordinator: [], refurbisher: [], partner: [], donor: [] } as Record<Role, string[]>;
  for (const [role, organizationIds] of Object.entries(members) as Array<[Role, string[]]>) {
    for (const [i, organizationId] of organizationIds.entries()) {
      const email = emailOf(role, i);
      await gql(
        `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
        { input: { email, password: BENCH_ADMIN.password, role: role.toUpperCase(), organizationId } },
        adminToken,
      );
      emails[role].push(email);
    }
  }

  await db.query(
    `CREATE UNLOGGED TABLE bench_load_lot AS
     SELECT g, r.ids[1 + g % cardinality(r.ids)] AS refurbisher_id, 1 + g % cardinality(r.ids) AS n, d.ids[1 + g % cardinality(d.ids)] AS donor_id,
            gen_random_uuid() AS donation_id, gen_random_uuid() AS lot_id, CASE WHEN g % 2 = 0 THEN 'OFFERED' ELSE 'COLLECTED' END AS status
       FROM generate_series(1, $2::int) g,
            (SELECT array_agg(id ORDER BY name) AS ids FROM organization WHERE id = ANY($3::uuid[])) r,
            (SELECT array_agg(id ORDER BY name) AS ids FROM organization WHERE region_id = $1 AND kind = 'DONOR') d`,
    [regionId, 2 * WRITE_LOTS, members.refurbisher],
  );
  await db.query(
    `INSERT INTO donation (id, reference, donor_id, region_id, status, available_from, pickup_address_postal_code, pickup_address_city, pickup_address_location_lat, pickup_address_location_lon)
     SELECT donation_id, 'DON-L-' || g, donor_id, $1, (CASE WHEN status = 'OFFERED' THEN 'ROUTED' ELSE 'COLLECTED' END)::donation_status, now() - interval '1 day',
            '69003', 'Lyon', 45.76, 4.85 FROM bench_load_lot`,
    [regionId],
  );
  await db.query(
    `INSERT INTO donation_line (donation_id, position, category, quantity, data_bearing) SELECT donation_id, 0, 'LAPTOP', 3, true FROM bench_load_lot`,
  );
  await db.query(
    `INSERT INTO lot (id, reference, donation_id, refurbisher_id, region_id, status, quantity, distance_km, offer_expires_at, claimed_at)
     SELECT lot_id, 'LOT-L-' || g, donation_id, refurbisher_id, $1, status::lot_status, 3, 8.5, now() + interval '7 days',
            CASE WHEN status = 'COLLECTED' THEN now() - interval '12 hours' END FROM bench_load_lot`,
    [regionId],
  );
  await db.query(`INSERT INTO lot_item (lot_id, category, quantity) SELECT lot_id, 'LAPTOP', 3 FROM bench_load_lot`);
  await db.query(
    `INSERT INTO pickup (lot_id, scheduled_at, status, collected_quantity, shortfall, completed_at)
     SELECT lot_id, now() - interval '6 hours', 'COMPLETED', 3, 0, now() - interval '5 hours' FROM bench_load_lot WHERE status = 'COLLECTED'`,
  );
  // room for what the lots hold: the recount then sets each load from the live lots
  await db.query(`UPDATE refurbisher_capacity SET weekly_capacity = 10000 WHERE organization_id = ANY($1::uuid[]) AND category = 'LAPTOP'`, [
    members.refurbisher,
  ]);
  const lots: Array<{ lot_id: string; n: number; status: string }> = await db.query(`SELECT lot_id, n, status FROM bench_load_lot ORDER BY g`);
  await db.query(`DROP TABLE bench_load_lot`);
  await app.get(RefurbisherLoadRecount).recountRegion(RequestContext.system(), regionId);
  await app.get(RegionFlowRebuild).correct(regionId);
  await db.query('VACUUM ANALYZE');
  const ofStatus = (status: string) => lots.filter((l) => l.status === status).map((l) => ({ lotId: l.lot_id, user: l.n - 1 }));
  return { regionId, emails, offered: ofStatus('OFFERED'), collected: ofStatus('COLLECTED') };
}
