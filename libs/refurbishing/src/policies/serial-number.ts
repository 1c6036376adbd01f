/**
 * Serial numbers are compared without case or surrounding spaces: a label typed "pf1abc " on
 * one bench and "PF1ABC" on another is one device. They are stored in this form.
 */
export function normalizeSerialNumber(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** The serial numbers given more than once (after normalization), each once, in input order. */
export function duplicateSerialNumbers(serials: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const s of serials) {
    if (seen.has(s)) duplicates.add(s);
    seen.add(s);
  }
  return [...duplicates];
}
