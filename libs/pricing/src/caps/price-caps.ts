import { DeviceCategory } from '@app/common';
import table from './price-caps.fr.json';

/** One edition of the legal caps, as the data file records it with its source. */
export interface PriceCapVersion {
  version: string;
  /** the first day (Paris) the caps apply */
  inForceFrom: string;
  source: string;
  shortSource: string;
  url: string;
  caps: ReadonlyArray<{ category: string; label: string; capCents: number }>;
}

/** The cap of one category, with the text it comes from. */
export interface PriceCap {
  category: DeviceCategory;
  label: string;
  capCents: number;
  version: string;
  source: string;
  shortSource: string;
  url: string;
}

const CATEGORIES = new Set<string>(Object.values(DeviceCategory));

/**
 * Checks the data file once, when it is loaded: versions in order of their dates, known
 * categories, each at most once, caps in whole cents. A broken table stops the start rather than
 * let a price through unchecked.
 */
export function readCapVersions(raw: { versions: ReadonlyArray<PriceCapVersion> }): PriceCapVersion[] {
  const versions = [...raw.versions];
  if (!versions.length) throw new Error('price caps: no version');
  versions.forEach((v, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.inForceFrom)) throw new Error(`price caps ${v.version}: inForceFrom must be a date`);
    if (i > 0 && versions[i - 1]!.inForceFrom >= v.inForceFrom) throw new Error(`price caps ${v.version}: versions must be in date order`);
    if (!v.source || !v.url) throw new Error(`price caps ${v.version}: a source and its address are required`);
    const seen = new Set<string>();
    for (const cap of v.caps) {
      if (!CATEGORIES.has(cap.category)) throw new Error(`price caps ${v.version}: unknown category ${cap.category}`);
      if (seen.has(cap.category)) throw new Error(`price caps ${v.version}: ${cap.category} twice`);
      if (!Number.isSafeInteger(cap.capCents) || cap.capCents < 0) throw new Error(`price caps ${v.version}: ${cap.category} cap must be whole cents`);
      seen.add(cap.category);
    }
  });
  return versions;
}

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The caps in force on a day. Versioned: a new decree is a new version in the data file, dated,
 * and the old one keeps answering for the days it covered.
 */
export class PriceCaps {
  private readonly versions: PriceCapVersion[];

  constructor(raw: { versions: ReadonlyArray<PriceCapVersion> } = table) {
    this.versions = readCapVersions(raw);
  }

  /** The edition in force on that day (Paris time), or null before the first one. */
  versionAt(at: Date): PriceCapVersion | null {
    const day = PARIS_DAY.format(at);
    let found: PriceCapVersion | null = null;
    for (const v of this.versions) if (v.inForceFrom <= day) found = v;
    return found;
  }

  /** The cap of a category on that day; null when the text caps nothing of it (OTHER). */
  capOf(category: DeviceCategory, at: Date = new Date()): PriceCap | null {
    const v = this.versionAt(at);
    const row = v?.caps.find((c) => c.category === category);
    if (!v || !row) return null;
    return { category, label: row.label, capCents: row.capCents, version: v.version, source: v.source, shortSource: v.shortSource, url: v.url };
  }
}
