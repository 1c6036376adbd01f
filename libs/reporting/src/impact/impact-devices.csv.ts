export interface ImpactDeviceRow {
  serialNumber: string;
  category: string;
  brand: string | null;
  model: string | null;
  donationReference: string;
  receivedAt: Date | null;
  /** the device's status now */
  status: string;
  /** what the report counts it as (DeviceOutcome): REUSED, RECYCLED, IN_PROGRESS or MISSING */
  outcome: string;
  /** its first event into IN_STOCK: when it counts as reused, if it is */
  refurbishedAt: Date | null;
  recycledAt: Date | null;
  deliveredAt: Date | null;
  erasureCertificate: string | null;
  erasureMethod: string | null;
  erasedAt: Date | null;
}

const COLUMNS: Array<[keyof ImpactDeviceRow, string]> = [
  ['serialNumber', 'serial_number'],
  ['category', 'category'],
  ['brand', 'brand'],
  ['model', 'model'],
  ['donationReference', 'donation'],
  ['receivedAt', 'received_at'],
  ['status', 'status'],
  ['outcome', 'outcome'],
  ['refurbishedAt', 'refurbished_at'],
  ['recycledAt', 'recycled_at'],
  ['deliveredAt', 'delivered_at'],
  ['erasureCertificate', 'erasure_certificate'],
  ['erasureMethod', 'erasure_method'],
  ['erasedAt', 'erased_at'],
];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Quote what would break a cell, and neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The per-device CSV of a donor's report: one row per device, semicolon-separated with a BOM so
 * that a French spreadsheet opens it as it is.
 */
export function impactDevicesCsv(rows: ImpactDeviceRow[]): string {
  const lines = [COLUMNS.map(([, header]) => header).join(';')];
  for (const row of rows) lines.push(COLUMNS.map(([key]) => cell(row[key])).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
