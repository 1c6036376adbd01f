import { Role, withSiretCheckDigit } from '@app/common';
import { AuthService } from '@app/auth';
import { OrganizationKind } from '@app/network/entities/organization-kind';
import { TestApp } from './test-app';
import { fixturePasswordHash } from './test-password';

export const PASSWORD = 'correct-horse-battery';

export interface RegionFixture {
  id: string;
  code: string;
  coordinatorOrg: string;
  donor: string;
  refurbisher: string;
  partner: string;
  tokens: Record<'coordinator' | 'donor' | 'refurbisher' | 'partner', string>;
}

export interface NetworkFixture {
  adminToken: string;
  ara: RegionFixture;
  /** a second region, to prove that nobody reaches across */
  bfc: RegionFixture;
}

let hash: Promise<string> | undefined;
let siretCounter = 0;

async function org(t: TestApp, regionId: string, kind: OrganizationKind, name: string, city: string, lat: number, lon: number): Promise<string> {
  siretCounter += 1;
  const [row] = await t.dataSource.query(
    `INSERT INTO organization (kind, name, siret, region_id, address_street, address_postal_code, address_city, address_location_lat, address_location_lon, service_radius_km)
     VALUES ($1, $2, $3, $4, 'rue de test', '00000', $5, $6, $7, $8) RETURNING id`,
    [
      kind,
      name,
      withSiretCheckDigit(`9${String(siretCounter).padStart(12, '0')}`),
      regionId,
      city,
      lat,
      lon,
      kind === OrganizationKind.REFURBISHER ? 150 : null,
    ],
  );
  return row.id as string;
}

/** A user who can log in with PASSWORD, and a token as login would issue it (login itself is tested in auth). */
async function user(t: TestApp, email: string, role: Role, organizationId: string | null): Promise<string> {
  hash ??= fixturePasswordHash(PASSWORD);
  const [row] = await t.dataSource.query(`INSERT INTO "user" (email, password_hash, role, organization_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
    email,
    await hash,
    role,
    organizationId,
  ]);
  // a password check costs tens of milliseconds by design; fixtures made for every test skip it
  return t.app.get(AuthService).issueToken({ id: row.id as string, role } as Parameters<AuthService['issueToken']>[0]);
}

async function region(t: TestApp, code: string, name: string, city: string, lat: number, lon: number): Promise<RegionFixture> {
  const [row] = await t.dataSource.query(`INSERT INTO region (code, name) VALUES ($1, $2) RETURNING id`, [code, name]);
  const id = row.id as string;
  const prefix = code.toLowerCase();
  const coordinatorOrg = await org(t, id, OrganizationKind.COORDINATOR, `Coordination ${code}`, city, lat, lon);
  const donor = await org(t, id, OrganizationKind.DONOR, `Donor ${code}`, city, lat + 0.05, lon);
  const refurbisher = await org(t, id, OrganizationKind.REFURBISHER, `Refurbisher ${code}`, city, lat, lon + 0.05);
  const partner = await org(t, id, OrganizationKind.PARTNER, `Partner ${code}`, city, lat - 0.05, lon);
  await t.dataSource.query(`INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) VALUES ($1, 'LAPTOP', 50)`, [refurbisher]);
  const tokens = {
    coordinator: await user(t, `coordinator@${prefix}.test`, Role.COORDINATOR, coordinatorOrg),
    donor: await user(t, `donor@${prefix}.test`, Role.DONOR, donor),
    refurbisher: await user(t, `refurbisher@${prefix}.test`, Role.REFURBISHER, refurbisher),
    partner: await user(t, `partner@${prefix}.test`, Role.PARTNER, partner),
  };
  return { id, code, coordinatorOrg, donor, refurbisher, partner, tokens };
}

/** Two regions with one organization and one user of each kind, and an administrator. */
export async function seedNetwork(t: TestApp): Promise<NetworkFixture> {
  const adminToken = await user(t, 'admin@platform.test', Role.ADMIN, null);
  const ara = await region(t, 'ARA', 'Auvergne-Rhône-Alpes', 'Lyon', 45.75, 4.85);
  const bfc = await region(t, 'BFC', 'Bourgogne-Franche-Comté', 'Dijon', 47.32, 5.04);
  return { adminToken, ara, bfc };
}

/** A second refurbisher in ARA (Grenoble, farther from Lyon), created through GraphQL, with its user's token. */
export async function addGrenobleRefurbisher(t: TestApp, net: NetworkFixture): Promise<{ id: string; token: string }> {
  const created = await t.ok(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    {
      input: {
        kind: 'REFURBISHER',
        name: 'Atelier Grenoble',
        regionId: net.ara.id,
        address: { postalCode: '38000', city: 'Grenoble', location: { lat: 45.19, lon: 5.72 } },
        serviceRadiusKm: 200,
        capacities: [{ category: 'LAPTOP', weeklyCapacity: 50 }],
      },
    },
    net.ara.tokens.coordinator,
  );
  const id = created.createOrganization.id as string;
  await t.ok(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email: 'atelier@grenoble.test', password: PASSWORD, role: 'REFURBISHER', organizationId: id } },
    net.ara.tokens.coordinator,
  );
  return { id, token: await t.login('atelier@grenoble.test', PASSWORD) };
}
