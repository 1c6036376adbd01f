import { LatLon } from './great-circle';

/** A commune, a municipal arrondissement (Paris, Lyon, Marseille) or a former commune, with its point. */
export interface FrenchPlace extends LatLon {
  /** INSEE code of the place (an arrondissement or former commune has its own) */
  code: string;
  /** INSEE code of the commune it belongs to (its own code for a commune) */
  commune: string;
  name: string;
  postalCodes: readonly string[];
}

/** Either the place, or why not and which communes the postal code does have. */
export type FrenchPlaceLookup = { place: FrenchPlace; suggestions?: undefined } | { place: null; suggestions: string[] };

interface IndexedPlace extends FrenchPlace {
  keys: readonly string[];
  arrondissement: number | null;
}

interface PlaceIndex {
  places: IndexedPlace[];
  byPostalCode: Map<string, IndexedPlace[]>;
  byDepartmentKey: Map<string, IndexedPlace[]>;
}

interface ParsedCity {
  key: string;
  arrondissement: number | null;
  cedex: number | null;
}

/** Lower-case, no accents, no punctuation, "St"/"Ste" spelt out: "Saint-Étienne" and "ST ETIENNE" meet. */
export function normalizeCityName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .trim();
}

const ARTICLE = /^(le|la|les|l) (?=\S)/;
const PARIS_LYON_MARSEILLE = new Set(['paris', 'lyon', 'marseille']);

/**
 * Splits what people write after the postal code into the commune's name and the hints La Poste
 * adds: "Lyon Cedex 03", "Lyon 3e Arrondissement", "LYON 03", "Paris 16ème", "Les Belleville".
 */
function parseCity(raw: string): ParsedCity {
  let s = normalizeCityName(raw);
  let cedex: number | null = null;
  let arrondissement: number | null = null;
  s = s.replace(/\bcedex(?: (\d{1,2}))?\b/, (_m, n?: string) => {
    cedex = n ? Number(n) : 0;
    return ' ';
  });
  s = s.replace(/\b(\d{1,2}) ?(?:er|ere|e|eme|me|ieme)? ?arr(?:ondissement|dt|t)?\b/, (_m, n: string) => {
    arrondissement = Number(n);
    return ' ';
  });
  s = s.replace(/ +/g, ' ').trim();
  const ordinal = /^(.*\S) (\d{1,2}) ?(er|ere|e|eme|me|ieme)?$/.exec(s);
  if (arrondissement === null && ordinal && (ordinal[3] || PARIS_LYON_MARSEILLE.has(ordinal[1].replace(ARTICLE, '')))) {
    arrondissement = Number(ordinal[2]);
    s = ordinal[1];
  }
  return { key: s.replace(ARTICLE, ''), arrondissement, cedex };
}

/** The département of a French postal code (Corsica's 20xxx split into 2A/2B). */
export function departmentOfPostalCode(postalCode: string): string {
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return postalCode.slice(0, 3);
  if (postalCode.startsWith('20')) return Number(postalCode) < 20200 ? '2A' : '2B';
  return postalCode.slice(0, 2);
}

function departmentOfInseeCode(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

/** "1234" (a leading zero lost in a spreadsheet) and "69 003" are read as 01234 and 69003. */
function cleanPostalCode(postalCode: string): string {
  const digits = postalCode.replace(/\s+/g, '');
  return /^\d{4}$/.test(digits) ? `0${digits}` : digits;
}

let index: PlaceIndex | null = null;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Reads the communes file on first use only (about 60 ms and 20 MB of heap, see data/README.md),
 * so that starting the API or a test that never places an address costs nothing.
 */
function loadIndex(): PlaceIndex {
  if (index) return index;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('./data/communes-fr.json') as { rows: string };
  const places: IndexedPlace[] = [];
  for (const line of data.rows.split('\n')) {
    const [code, name, commune, lat, lon, postalCodes, aliases] = line.split('\t');
    const parsed = parseCity(name);
    const keys = new Set([parsed.key, ...(aliases ? aliases.split('|').map((a) => parseCity(a).key) : [])]);
    places.push({
      code,
      commune,
      name,
      lat: Number(lat),
      lon: Number(lon),
      postalCodes: postalCodes ? postalCodes.split(' ') : [],
      keys: [...keys],
      arrondissement: code !== commune ? parsed.arrondissement : null,
    });
  }
  const divided = new Set(places.filter((p) => p.arrondissement !== null).map((p) => p.commune));
  const byPostalCode = new Map<string, IndexedPlace[]>();
  const byDepartmentKey = new Map<string, IndexedPlace[]>();
  for (const place of places) {
    // Paris, Lyon and Marseille as a whole are placed only by name: their postal codes belong to an arrondissement.
    if (!divided.has(place.code)) for (const pc of place.postalCodes) push(byPostalCode, pc, place);
    for (const key of place.keys) push(byDepartmentKey, `${departmentOfInseeCode(place.code)}|${key}`, place);
  }
  index = { places, byPostalCode, byDepartmentKey };
  return index;
}

/** Edit distance, cut short past `max` (only small typos are forgiven). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

function allowedTypos(key: string): number {
  return Math.min(3, Math.max(1, Math.floor(key.length / 5)));
}

function publicPlace(p: IndexedPlace): FrenchPlace {
  return { code: p.code, commune: p.commune, name: p.name, lat: p.lat, lon: p.lon, postalCodes: p.postalCodes };
}

/** Among places of one commune, the arrondissement asked for (by number or CEDEX number), else the commune itself. */
function choose(matches: IndexedPlace[], query: ParsedCity, postalCode: string): IndexedPlace {
  // Paris 75016 and 75116, Marseille 13013: the last digits name the arrondissement when the city does not.
  const hint = query.arrondissement ?? query.cedex ?? (matches.some((m) => m.arrondissement !== null) ? Number(postalCode.slice(3)) : null);
  const arrondissement = hint ? matches.find((m) => m.arrondissement === hint) : undefined;
  return arrondissement ?? matches.find((m) => m.code === m.commune) ?? matches[0];
}

function communesOf(places: IndexedPlace[]): Set<string> {
  return new Set(places.map((p) => p.commune));
}

function displayNames(places: IndexedPlace[]): string[] {
  return [...new Set(places.map((p) => p.name))].sort((a, b) => a.localeCompare(b, 'fr')).slice(0, 12);
}

/**
 * Places a French address from its postal code and city, offline (INSEE / La Poste data):
 * 1. a place of that postal code whose name (or a former commune or La Poste locality) matches;
 * 2. a slightly misspelt name, when only one commune of that postal code is that close;
 * 3. a name of the postal code's département, when only one commune bears it (CEDEX and company codes);
 * otherwise no place, with the communes the postal code does have.
 */
export function lookupFrenchPlace(city: string, postalCode: string): FrenchPlaceLookup {
  const { byPostalCode, byDepartmentKey } = loadIndex();
  const pc = cleanPostalCode(postalCode);
  const query = parseCity(city);
  const candidates = byPostalCode.get(pc) ?? [];
  if (!/^\d{5}$/.test(pc) || !query.key) return { place: null, suggestions: displayNames(candidates) };

  const exact = candidates.filter((p) => p.keys.includes(query.key));
  if (exact.length) return { place: publicPlace(choose(exact, query, pc)) };

  const max = allowedTypos(query.key);
  const close = candidates.filter((p) => p.keys.some((k) => editDistance(k, query.key, max) <= max));
  if (close.length && communesOf(close).size === 1) return { place: publicPlace(choose(close, query, pc)) };

  const department = departmentOfPostalCode(pc);
  const departments = department === '2A' || department === '2B' ? ['2A', '2B'] : [department];
  const named = departments.flatMap((d) => byDepartmentKey.get(`${d}|${query.key}`) ?? []);
  if (named.length && communesOf(named).size === 1) return { place: publicPlace(choose(named, query, pc)) };

  return { place: null, suggestions: displayNames(candidates.length ? candidates : named) };
}

/**
 * Resolves a French address to coordinates from its city and postal code.
 * Returns null when it cannot be placed; `lookupFrenchPlace` also tells which communes were close.
 */
export function geocodeFrenchCity(city: string, postalCode: string): LatLon | null {
  const { place } = lookupFrenchPlace(city, postalCode);
  return place ? { lat: place.lat, lon: place.lon } : null;
}

/** Every commune and arrondissement (not former communes), in INSEE code order: benches draw real places from it. */
export function frenchCommunes(): readonly FrenchPlace[] {
  return loadIndex()
    .places.filter((p) => p.code === p.commune || p.arrondissement !== null)
    .map(publicPlace);
}
