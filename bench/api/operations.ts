/** The operations bench:api measures one by one and bench:load mixes (bench/api/floor-server.ts answers the same selections). */
export type Role = 'coordinator' | 'refurbisher' | 'partner' | 'donor';
export interface Operation {
  name: string;
  kind: 'read' | 'write';
  as: Role;
  query: string;
  variables: (ctx: Ctx) => Record<string, unknown>;
}
export interface Ctx {
  regionId: string;
}

/** The operations measured; floor-server.ts answers exactly these selections. */
export const OPERATIONS: Operation[] = [
  { name: 'organizations', kind: 'read', as: 'coordinator', query: `{ organizations { id name kind } }`, variables: () => ({}) },
  {
    name: 'lots',
    kind: 'read',
    as: 'refurbisher',
    query: `{ lots(first: 20) { totalCount edges { cursor node { id reference status quantity distanceKm createdAt } } pageInfo { hasNextPage endCursor } } }`,
    variables: () => ({}),
  },
  {
    name: 'orders',
    kind: 'read',
    as: 'partner',
    query: `{ orders(first: 20) { totalCount edges { cursor node { id reference status createdAt } } pageInfo { hasNextPage endCursor } } }`,
    variables: () => ({}),
  },
  {
    name: 'stockLevels',
    kind: 'read',
    as: 'coordinator',
    query: `{ stockLevels { category grade available reserved refurbisher { id name } } }`,
    variables: () => ({}),
  },
  {
    name: 'regionDashboard',
    kind: 'read',
    as: 'coordinator',
    query: `query($r: ID!, $from: DateTime!, $to: DateTime!) { regionDashboard(regionId: $r, from: $from, to: $to) {
      devicesDeclared devicesCollected devicesRefurbished devicesDelivered devicesRecycled openDemand fillRate } }`,
    variables: ({ regionId }) => {
      const to = new Date();
      return { r: regionId, from: new Date(to.getTime() - 90 * 86400_000).toISOString(), to: to.toISOString() };
    },
  },
  {
    name: 'declareDonation',
    kind: 'write',
    as: 'donor',
    query: `mutation($input: DeclareDonationInput!) { declareDonation(input: $input) { id reference status quantity } }`,
    variables: () => ({
      input: {
        availableFrom: new Date(Date.now() + 2 * 86400_000).toISOString(),
        pickupAddress: { street: '1 rue de la Bench', postalCode: '69003', city: 'Lyon', location: { lat: 45.76, lon: 4.85 } },
        lines: [
          { category: 'LAPTOP', quantity: 5 },
          { category: 'MONITOR', quantity: 3 },
        ],
      },
    }),
  },
];
