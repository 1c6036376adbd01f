import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppConfig } from '../config/app-config';
import { BadInputError } from '../errors/domain-error';
import { AddressResolver } from './address-resolver';
import { geocodeFrenchCity } from './french-geocoder';

/** A stand-in for addok: answers each request with what the test sets, and records what it was asked. */
let answer: (req: IncomingMessage, res: ServerResponse) => void;
const asked: URL[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(new URL(req.url!, 'http://addok'));
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => (asked.length = 0));

// generous: the first fetch of a process loads its HTTP client, which takes a while on a busy machine
const resolver = (geocoderUrl: string | null, geocoderTimeoutMs = 2000) => new AddressResolver({ geocoderUrl, geocoderTimeoutMs } as AppConfig);
const MARCY = { street: '1 avenue Bourgelat', postalCode: '69280', city: "Marcy-l'Étoile" };
const STREET_POINT = { lat: 45.7788, lon: 4.7142 };

function feature(properties: Record<string, unknown>) {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [STREET_POINT.lon, STREET_POINT.lat] }, properties }],
  });
}

describe('AddressResolver', () => {
  it('uses the street point when the geocoder is sure and agrees on the postal code', async () => {
    answer = (_req, res) => res.end(feature({ score: 0.93, postcode: '69280', citycode: '69127', label: '1 Avenue Bourgelat 69280 Marcy-l’Étoile' }));
    const address = await resolver(url).resolve(MARCY);
    expect(address.location).toEqual(STREET_POINT);
    expect(asked[0].pathname).toBe('/search/');
    expect(asked[0].searchParams.get('postcode')).toBe('69280');
    expect(asked[0].searchParams.get('limit')).toBe('1');
    expect(asked[0].searchParams.get('q')).toContain('avenue Bourgelat');
  });

  it('keeps the commune point when the geocoder is unsure or places the street elsewhere', async () => {
    const commune = geocodeFrenchCity(MARCY.city, MARCY.postalCode);
    answer = (_req, res) => res.end(feature({ score: 0.31, postcode: '69280', citycode: '69127' }));
    expect((await resolver(url).resolve(MARCY)).location).toEqual(commune);
    answer = (_req, res) => res.end(feature({ score: 0.95, postcode: '75001', citycode: '75101' }));
    expect((await resolver(url).resolve(MARCY)).location).toEqual(commune);
  });

  it('falls back to the offline data when the geocoder fails with a 500', async () => {
    answer = (_req, res) => {
      res.statusCode = 500;
      res.end('boom');
    };
    expect((await resolver(url).resolve(MARCY)).location).toEqual(geocodeFrenchCity(MARCY.city, MARCY.postalCode));
  });

  it('falls back to the offline data when the geocoder does not answer in time', async () => {
    // a geocoder that never answers: without the timeout the resolution would wait until the test times out
    const hanging: ServerResponse[] = [];
    answer = (_req, res) => hanging.push(res);
    try {
      expect((await resolver(url, 300).resolve(MARCY)).location).toEqual(geocodeFrenchCity(MARCY.city, MARCY.postalCode));
      expect(hanging).toHaveLength(1);
    } finally {
      for (const res of hanging) res.end(feature({ score: 1, postcode: '69280' }));
    }
  });

  it('asks nothing when no geocoder is configured, no street is given, or the point is given', async () => {
    answer = () => {
      throw new Error('not to be called');
    };
    await resolver(null).resolve(MARCY);
    await resolver(url).resolve({ ...MARCY, street: null });
    expect((await resolver(url).resolve({ ...MARCY, location: { lat: 45, lon: 5 } })).location).toEqual({ lat: 45, lon: 5 });
    expect(asked).toHaveLength(0);
  });

  it('refuses an address it cannot place, naming the postal code and its communes', async () => {
    const refusal = await resolver(null)
      .resolve({ street: null, postalCode: '69280', city: 'Atlantis' })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BadInputError);
    expect((refusal as BadInputError).message).toContain('69280');
    expect((refusal as BadInputError).message).toContain("Marcy-l'Étoile");
    expect((refusal as BadInputError).reason).toBe('ADDRESS_NOT_FOUND');
    expect((refusal as BadInputError).details).toEqual({
      field: 'address.city',
      postalCode: '69280',
      city: 'Atlantis',
      suggestions: ["Marcy-l'Étoile", 'Sainte-Consorce'],
    });
  });
});
