import { ERASURE_METHOD_LABEL, OUTCOME_LABEL } from './french-labels';

export interface ImpactDeviceRow {
  serialNumber: string;
  category: string;
  brand: string | null;
  model: string | null;
  donationReference: string;
  receivedAt: Date | null;
  /** the device's status now */
  status: string;
  /** what the report counts it as (DeviceOutcome): REUSED, AWAITING_BENEFICIARY, RECYCLED, IN_PROGRESS or MISSING */
  outcome: string;
  /** its first event into IN_STOCK: when it counts as reused, if it is */
  refurbishedAt: Date | null;
  recycledAt: Date | null;
  deliveredAt: Date | null;
  erasureCertificate: string | null;
  erasureMethod: string | null;
  erasedAt: Date | null;
}

type Column = [keyof ImpactDeviceRow, string] | [(row: ImpactDeviceRow) => string | null, string];

/** Codes for programs first, then the same in French for people (the label table the PDF uses). */
const COLUMNS: Column[] = [
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
  [(row) => OUTCOME_LABEL[row.outcome] ?? null, 'devenir'],
  [(row) => (row.erasureMethod ? (ERASURE_METHOD_LABEL[row.erasureMethod] ?? null) : null), 'methode_effacement'],
];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Quote what would break a cell, and neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV's first line, after the BOM that makes a French spreadsheet read it as UTF-8. */
export const IMPACT_DEVICES_CSV_HEADER = `\uFEFF${COLUMNS.map(([, header]) => header).join(';')}\r\n`;

/** Rows of the CSV, each ending its line: the body after the header, one batch at a time. */
export function impactDevicesCsvRows(rows: ImpactDeviceRow[]): string {
  let text = '';
  for (const row of rows) text += `${COLUMNS.map(([key]) => cell(typeof key === 'function' ? key(row) : row[key])).join(';')}\r\n`;
  return text;
}

/**
 * The per-device CSV of a donor's report: one row per device, semicolon-separated with a BOM so
 * that a French spreadsheet opens it as it is. The API streams the same text in batches.
 */
export function impactDevicesCsv(rows: ImpactDeviceRow[]): string {
  return IMPACT_DEVICES_CSV_HEADER + impactDevicesCsvRows(rows);
}
