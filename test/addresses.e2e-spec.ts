import { greatCircleKm, withSiretCheckDigit } from '@app/common';
import { AddressesCreateOrganizationDocument, AddressesDeclareDonationDocument } from './generated/graphql';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

/** Reference points of the communes (their town halls, from the communes' public pages), independent of our data file. */
const MARCY_L_ETOILE = { lat: 45.7833, lon: 4.7167 };
const LYON_3E = { lat: 45.7597, lon: 4.8496 };
const SAINT_DENIS_REUNION = { lat: -20.8823, lon: 55.4504 };

describe('addresses by postal code and city, anywhere in France, through GraphQL', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let siret = 0;
  const nextSiret = (): string => withSiretCheckDigit(`5521005500${String((siret += 1)).padStart(3, '0')}`);

  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
  });
  afterAll(() => t.close());

  const donor = (city: string, postalCode: string) => ({
    kind: 'DONOR' as const,
    name: `Donateur ${city}`,
    siret: nextSiret(),
    regionId: net.ara.id,
    address: { street: '1 place de la Mairie', postalCode, city },
  });

  it('registers a donor at Marcy-l’Étoile (69280), which the old world dataset refused, at its commune', async () => {
    const { createOrganization } = await t.runOk(AddressesCreateOrganizationDocument, { input: donor("Marcy-l'Étoile", '69280') }, net.ara.tokens.coordinator);
    expect(createOrganization.address).toMatchObject({ city: "Marcy-l'Étoile", postalCode: '69280' });
    expect(greatCircleKm(createOrganization.address.location, MARCY_L_ETOILE)).toBeLessThan(3);
  });

  it('places a pickup at "Lyon Cedex 03" (69441) in the 3rd arrondissement, not at a single point for all of Lyon', async () => {
    const { declareDonation } = await t.runOk(
      AddressesDeclareDonationDocument,
      {
        input: {
          pickupAddress: { street: '20 rue Garibaldi', postalCode: '69441', city: 'Lyon Cedex 03' },
          availableFrom: '2026-01-05T08:00:00Z',
          lines: [{ category: 'LAPTOP', quantity: 3, dataBearing: true }],
        },
      },
      net.ara.tokens.donor,
    );
    expect(greatCircleKm(declareDonation.pickupAddress.location, LYON_3E)).toBeLessThan(3);
  });

  it('places an overseas commune: Saint-Denis (97400), not Saint-Denis near Paris', async () => {
    const { createOrganization } = await t.runOk(AddressesCreateOrganizationDocument, { input: donor('St-Denis', '97400') }, net.ara.tokens.coordinator);
    // a commune of 143 km²: La Poste's point lies some 6 km from the town hall, 9,000 km from the other Saint-Denis
    expect(greatCircleKm(createOrganization.address.location, SAINT_DENIS_REUNION)).toBeLessThan(8);
  });

  it('refuses a city its postal code does not serve, naming the postal code and the communes it knows for it, and saves nothing', async () => {
    const before = await t.count('organization');
    const res = await t.run(AddressesCreateOrganizationDocument, { input: donor('Atlantis', '69280') }, net.ara.tokens.coordinator);
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('69280');
    expect(error?.extensions?.details).toMatchObject({ postalCode: '69280', suggestions: expect.arrayContaining(["Marcy-l'Étoile"]) });
    expect(await t.count('organization')).toBe(before);
  });
});
