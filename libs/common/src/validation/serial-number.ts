/**
 * A serial number as it is compared across sources: an inventory typed by a donor ("5CG-123.456 7")
 * and the label read at the bench ("5CG1234567") are one device. Case, spaces (no-break ones
 * too), dashes and dots are what people and exports add or drop; they never tell two devices apart.
 */
export function normalizeSerialNumber(raw: string): string {
  return raw.replace(/[-\s\u00A0\u202F.\u2010-\u2015]/g, '').toUpperCase();
}
