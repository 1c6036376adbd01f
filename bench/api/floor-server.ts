import Fastify from 'fastify';
import mercurius from 'mercurius';
import { createSecretKey } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { verify } from 'jsonwebtoken';

/**
 * The floor of bench:api: the benched operations answered by Fastify + Mercurius + pg and nothing
 * else, what the API cannot beat. Per request it does what the API must:
 *  - the same JWT check: HS256 only, the same secret (as a KeyObject, as the API's strategy),
 *    expiry checked;
 *  - the same caller lookup, with the API's SQL, cached per user for 30 s as the API does by
 *    default (AUTH_CACHE_SECONDS=30): in steady state neither touches the database for it;
 *  - the same scoping (a coordinator its region, a refurbisher or a partner its organization,
 *    a donor declares for itself) and the same statements on the same tables with the same
 *    WHERE, ORDER BY and LIMIT as the API's (captured with BENCH_CAPTURE=1), selecting only the
 *    columns the GraphQL selection needs;
 *  - declareDonation: the API's writes in one transaction (the donor's region, the reference's
 *    sequence, the donation RETURNING its id and date, its lines in one INSERT, the routing
 *    message in the outbox, the day's declared counter), and no re-read after COMMIT.
 * Only the benched operations, only for the benched roles: anything else is refused.
 */
const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 20 });
/**
 * BENCH_FLOOR_PREPARED=1: the reads as named statements too (PostgreSQL plans each once per
 * connection, as the API's kept statements), to tell the framework's cost from the planning the
 * API saves; without it, the floor sends its SQL unnamed as a plain pg server would.
 */
const PREPARED = process.env.BENCH_FLOOR_PREPARED === '1';
let statements = 0;
const names = new Map<string, string>();
function read(text: string, values: unknown[]) {
  if (!PREPARED) return pool.query(text, values);
  let name = names.get(text);
  if (!name) names.set(text, (name = `floor${++statements}`));
  return pool.query({ name, text, values });
}
const key = createSecretKey(Buffer.from(process.env.BENCH_JWT_SECRET ?? ''));
const CALLER_TTL_MS = 30_000;

interface Caller {
  userId: string;
  role: string;
  organizationId: string | null;
  regionId: string | null;
}
const callers = new Map<string, { caller: Caller; until: number }>();

async function callerOf(authorization: string | undefined): Promise<Caller> {
  if (!authorization?.startsWith('Bearer ')) throw new Error('Unauthenticated');
  const payload = verify(authorization.slice(7), key, { algorithms: ['HS256'] }) as { sub: string };
  const known = callers.get(payload.sub);
  if (known && known.until > Date.now()) return known.caller;
  const { rows } = await pool.query(
    `SELECT u.id, u.email, u.role, u.organization_id, o.region_id
       FROM "user" u LEFT JOIN organization o ON o.id = u.organization_id
      WHERE u.id = $1`,
    [payload.sub],
  );
  const row = rows[0];
  if (!row) throw new Error('Unauthenticated');
  const caller = { userId: row.id, role: row.role, organizationId: row.organization_id, regionId: row.region_id };
  callers.set(caller.userId, { caller, until: Date.now() + CALLER_TTL_MS });
  return caller;
}

function must(ok: boolean): void {
  if (!ok) throw new Error('Forbidden');
}

const cursor = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`, 'utf8').toString('base64url');
function connection<T extends { id: string; createdAt: Date }>(rows: T[], limit: number, totalCount: number) {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: cursor(node.createdAt, node.id), node }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null } };
}

const schema = `
  scalar DateTime
  type Organization { id: ID! name: String! kind: String! }
  type Lot { id: ID! reference: String! status: String! quantity: Int! distanceKm: Float! createdAt: DateTime! }
  type PartnerOrder { id: ID! reference: String! status: String! createdAt: DateTime! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type LotEdge { cursor: String! node: Lot! }
  type LotConnection { edges: [LotEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type PartnerOrderEdge { cursor: String! node: PartnerOrder! }
  type PartnerOrderConnection { edges: [PartnerOrderEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type StockLevel { category: String! grade: String! available: Int! reserved: Int! refurbisher: Organization! }
  type RegionDashboard { devicesDeclared: Int! devicesCollected: Int! devicesRefurbished: Int! devicesDelivered: Int! devicesRecycled: Int! openDemand: Int! fillRate: Float! }
  type Donation { id: ID! reference: String! status: String! quantity: Int! }
  input LocationInput { lat: Float! lon: Float! }
  input AddressInput { street: String postalCode: String! city: String! location: LocationInput }
  input DonationLineInput { category: String! quantity: Int! brand: String model: String year: Int dataBearing: Boolean }
  input DeclareDonationInput { availableFrom: DateTime! donorId: ID inventoryCsv: String lines: [DonationLineInput!]! pickupAddress: AddressInput! }
  type Query {
    organizations: [Organization!]!
    lots(first: Int): LotConnection!
    orders(first: Int): PartnerOrderConnection!
    stockLevels: [StockLevel!]!
    regionDashboard(regionId: ID!, from: DateTime!, to: DateTime!): RegionDashboard!
  }
  type Mutation { declareDonation(input: DeclareDonationInput!): Donation! }
`;

type Ctx = { caller: Promise<Caller> };

const resolvers = {
  DateTime: {
    serialize: (d: Date | string) => (d instanceof Date ? d.toISOString() : d),
    parseValue: (v: string) => new Date(v),
  },
  Query: {
    organizations: async (_: unknown, __: unknown, { caller }: Ctx) => {
      const c = await caller;
      must(c.role === 'COORDINATOR' && !!c.regionId);
      const { rows } = await read(`SELECT id, name, kind FROM organization WHERE region_id = $1 ORDER BY name ASC`, [c.regionId]);
      return rows;
    },
    lots: async (_: unknown, { first }: { first?: number }, { caller }: Ctx) => {
      const c = await caller;
      must(c.role === 'REFURBISHER' && !!c.organizationId);
      const limit = first ?? 50;
      const [count, page] = await Promise.all([
        read(`SELECT COUNT(1) AS cnt FROM lot WHERE refurbisher_id = $1`, [c.organizationId]),
        read(
          `SELECT id, reference, status, quantity, distance_km AS "distanceKm", created_at AS "createdAt" FROM lot WHERE refurbisher_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
          [c.organizationId, limit + 1],
        ),
      ]);
      return connection(page.rows, limit, Number(count.rows[0].cnt));
    },
    orders: async (_: unknown, { first }: { first?: number }, { caller }: Ctx) => {
      const c = await caller;
      must(c.role === 'PARTNER' && !!c.organizationId);
      const limit = first ?? 50;
      const [count, page] = await Promise.all([
        read(`SELECT COUNT(1) AS cnt FROM partner_order WHERE partner_id = $1`, [c.organizationId]),
        read(`SELECT id, reference, status, created_at AS "createdAt" FROM partner_order WHERE partner_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [
          c.organizationId,
          limit + 1,
        ]),
      ]);
      return connection(page.rows, limit, Number(count.rows[0].cnt));
    },
    stockLevels: async (_: unknown, __: unknown, { caller }: Ctx) => {
      const c = await caller;
      must(c.role === 'COORDINATOR' && !!c.regionId);
      const { rows } = await read(
        `SELECT s.category, s.grade, s.available, s.reserved, json_build_object('id', o.id, 'name', o.name) AS refurbisher
           FROM stock_level s JOIN organization o ON o.id = s.refurbisher_id
          WHERE (s.available > 0 OR s.reserved > 0) AND s.region_id = $1
          ORDER BY s.refurbisher_id ASC, s.category ASC, s.grade ASC`,
        [c.regionId],
      );
      return rows;
    },
    regionDashboard: async (_: unknown, { regionId, from, to }: { regionId: string; from: Date; to: Date }, { caller }: Ctx) => {
      const c = await caller;
      must((c.role === 'COORDINATOR' && c.regionId === regionId) || c.role === 'ADMIN');
      // the API's period arithmetic and sums on the daily counters, for the fields asked
      const { rows } = await read(
        `WITH days AS (SELECT ($2::timestamptz AT TIME ZONE 'Europe/Paris')::date AS first_day,
                              (($3::timestamptz - interval '1 millisecond') AT TIME ZONE 'Europe/Paris')::date AS last_day),
              flow AS (SELECT f.* FROM region_daily_flow f, days p WHERE f.region_id = $1 AND f.day BETWEEN p.first_day AND p.last_day)
         SELECT coalesce(sum(declared), 0)::int AS declared, coalesce(sum(collected), 0)::int AS collected, coalesce(sum(refurbished), 0)::int AS refurbished,
                coalesce(sum(delivered), 0)::int AS delivered, coalesce(sum(recycled), 0)::int AS recycled, coalesce(sum(ordered), 0)::int AS ordered,
                coalesce(sum(allocated), 0)::int AS allocated,
                (SELECT coalesce(sum(ordered - allocated), 0)::int FROM region_daily_flow WHERE region_id = $1) AS open_demand
           FROM flow`,
        [regionId, from, to],
      );
      const t = rows[0];
      return {
        devicesDeclared: t.declared,
        devicesCollected: t.collected,
        devicesRefurbished: t.refurbished,
        devicesDelivered: t.delivered,
        devicesRecycled: t.recycled,
        openDemand: t.open_demand,
        fillRate: t.ordered ? t.allocated / t.ordered : 0,
      };
    },
  },
  Mutation: {
    declareDonation: async (
      _: unknown,
      {
        input,
      }: {
        input: {
          availableFrom: Date;
          lines: Array<{ category: string; quantity: number; brand?: string; model?: string; year?: number; dataBearing?: boolean }>;
          pickupAddress: any;
        };
      },
      { caller }: Ctx,
    ) => {
      const c = await caller;
      must(c.role === 'DONOR' && !!c.organizationId);
      if (!input.lines.length || input.lines.some((l) => !Number.isInteger(l.quantity) || l.quantity < 1)) throw new Error('Invalid input');
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const org = (await client.query(`SELECT kind, region_id FROM organization WHERE id = $1`, [c.organizationId])).rows[0];
        must(org?.kind === 'DONOR');
        const n = (await client.query(`SELECT nextval('donation_reference_seq') AS n`)).rows[0].n as string;
        const reference = `DON-${new Date().getFullYear()}-${String(n).padStart(6, '0')}`;
        const a = input.pickupAddress;
        const donation = (
          await client.query(
            `INSERT INTO donation (reference, donor_id, region_id, status, available_from, pickup_address_street, pickup_address_postal_code, pickup_address_city,
                                   pickup_address_location_lat, pickup_address_location_lon)
             VALUES ($1, $2, $3, 'DECLARED', $4, $5, $6, $7, $8, $9) RETURNING id, status, created_at`,
            [
              reference,
              c.organizationId,
              org.region_id,
              input.availableFrom,
              a.street ?? null,
              a.postalCode,
              a.city,
              a.location?.lat ?? null,
              a.location?.lon ?? null,
            ],
          )
        ).rows[0];
        const params: unknown[] = [];
        const values = input.lines.map((l, i) => {
          params.push(donation.id, i, l.category, l.quantity, l.brand ?? null, l.model ?? null, l.year ?? null, l.dataBearing ?? l.category !== 'MONITOR');
          const b = i * 8;
          return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
        });
        await client.query(
          `INSERT INTO donation_line (donation_id, position, category, quantity, brand, model, year, data_bearing) VALUES ${values.join(', ')}`,
          params,
        );
        const quantity = input.lines.reduce((s, l) => s + l.quantity, 0);
        await client.query(`INSERT INTO outbox_message (queue, name, payload, debounce_key, delay_ms) VALUES ('routing', 'route-region', $1, $2, 10000)`, [
          JSON.stringify({ regionId: org.region_id }),
          `route-region-${org.region_id}`,
        ]);
        await client.query(
          `INSERT INTO region_daily_flow AS t (region_id, day, declared, collected, refurbished, delivered, recycled, ordered, allocated)
           VALUES ($1, ($2::timestamptz AT TIME ZONE 'Europe/Paris')::date, $3, 0, 0, 0, 0, 0, 0)
           ON CONFLICT (region_id, day) DO UPDATE SET declared = t.declared + EXCLUDED.declared`,
          [org.region_id, donation.created_at, quantity],
        );
        await client.query('COMMIT');
        return { id: donation.id, reference, status: donation.status, quantity };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  },
};

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema,
    resolvers: resolvers as never,
    context: (request) => {
      const caller = callerOf(request.headers.authorization);
      caller.catch(() => undefined); // awaited by the resolvers; an unused failure must not crash
      return { caller };
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.once('message', () => void app.close().then(() => pool.end().then(() => process.exit(0))));
  process.send!(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
