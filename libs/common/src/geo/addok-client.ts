import { LatLon } from './great-circle';

/** The best answer of an addok / Base Adresse Nationale search, as far as we use it. */
export interface AddokHit extends LatLon {
  score: number;
  postcode: string | null;
  citycode: string | null;
  label: string | null;
}

interface AddokFeature {
  geometry?: { type?: string; coordinates?: unknown };
  properties?: { score?: unknown; postcode?: unknown; citycode?: unknown; label?: unknown };
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * One street-level search (`GET {url}/search/?q=…&postcode=…&limit=1`). Resolves to null on any
 * failure (timeout, HTTP error, malformed answer, nothing found): the caller then uses offline data.
 */
export async function searchAddok(baseUrl: string, query: string, postcode: string, timeoutMs: number): Promise<AddokHit | null> {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/search/`);
  url.searchParams.set('q', query);
  url.searchParams.set('postcode', postcode);
  url.searchParams.set('limit', '1');
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const body = (await response.json()) as { features?: AddokFeature[] };
    const feature = body.features?.[0];
    const coordinates = feature?.geometry?.coordinates;
    if (feature?.geometry?.type !== 'Point' || !Array.isArray(coordinates)) return null;
    const [lon, lat] = coordinates.map(Number);
    const score = Number(feature.properties?.score);
    if (![lat, lon, score].every(Number.isFinite) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
    return {
      lat,
      lon,
      score,
      postcode: text(feature.properties?.postcode),
      citycode: text(feature.properties?.citycode),
      label: text(feature.properties?.label),
    };
  } catch {
    return null;
  }
}
