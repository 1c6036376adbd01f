import { frenchCommunes, greatCircleKm, LatLon } from '@app/common';
import { RoutingProblem, RoutingSink, RoutingSupply } from '@app/routing';
import { randomInt, seededRandom } from './seeded-random';

/** Lyon: the area is a 250 km disc around it, about one French region plus its borders. */
const AREA_CENTRE: LatLon = { lat: 45.764, lon: 4.8357 };
const AREA_RADIUS_KM = 250;

export interface FrenchInstanceOptions {
  supplyCount: number;
  sinkCount: number;
  /** total sink capacity as a share of total supply */
  capacityShare: number;
  seed: number;
}

let areaCities: LatLon[] | undefined;

/** French cities of the area, in file order, so a seed always picks the same ones. */
export function citiesOfArea(): LatLon[] {
  areaCities ??= frenchCommunes()
    .map((c) => ({ lat: c.lat, lon: c.lon }))
    .filter((c) => greatCircleKm(c, AREA_CENTRE) <= AREA_RADIUS_KM);
  return areaCities;
}

/**
 * Donation sites are cities drawn with replacement (a big city hosts several donors, so duplicate
 * coordinates are part of the workload); refurbishers sit in distinct cities.
 */
export function frenchInstance(options: FrenchInstanceOptions): RoutingProblem {
  const random = seededRandom(options.seed);
  const area = citiesOfArea();
  const pick = (): LatLon => area[Math.floor(random() * area.length)];

  const supplies: RoutingSupply[] = Array.from({ length: options.supplyCount }, (_, i) => ({
    id: `donation-${i}`,
    ...pick(),
    quantity: randomInt(random, 1, 50),
    age: randomInt(random, 0, 30 * 24 * 3600),
  }));

  const totalSupply = supplies.reduce((sum, s) => sum + s.quantity, 0);
  const weights = Array.from({ length: options.sinkCount }, () => 0.5 + random());
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const sinkCities = new Set<LatLon>();
  while (sinkCities.size < options.sinkCount) sinkCities.add(pick());
  const sinks: RoutingSink[] = [...sinkCities].map((city, j) => ({
    id: `refurbisher-${String(j).padStart(2, '0')}`,
    ...city,
    radiusKm: randomInt(random, 50, 200),
    capacity: Math.floor((totalSupply * options.capacityShare * weights[j]) / totalWeight),
  }));
  return { supplies, sinks };
}
