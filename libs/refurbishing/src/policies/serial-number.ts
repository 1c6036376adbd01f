/**
 * A serial number as entered, for display: trimmed, inner spaces collapsed, otherwise as typed
 * ("ab-12 34.5" stays readable as the label says). Devices are compared by their key instead
 * (`normalizeSerialNumber` from @app/common), so a scanner and a keyboard name one device.
 */
export function serialNumberAsEntered(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
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
