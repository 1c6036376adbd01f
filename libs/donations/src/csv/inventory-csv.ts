import { DeviceCategory, findForbiddenCharacter } from '@app/common';

export interface InventoryRow {
  category: DeviceCategory;
  quantity: number;
  brand: string | null;
  model: string | null;
  year: number | null;
  dataBearing: boolean | null;
}

export interface InventoryRowError {
  line: number;
  /** the columns at fault, by header name */
  columns?: string[];
  message: string;
}

const COLUMNS = ['category', 'quantity', 'brand', 'model', 'year', 'databearing'] as const;
const MAX_ROWS = 5000;

/** Splits one CSV record, honouring double quotes ("a;b" and "" escapes) as spreadsheets write them. */
function splitRecord(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * A whole number as a person types it in a spreadsheet: decimal digits only. `Number()` would
 * also take 1e3, 0x10, 0b11, Infinity and an empty cell (0); none is a count of devices.
 */
function parseWholeNumber(value: string): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** A spreadsheet's name for the column at this index: A, B, ... Z, AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function parseBoolean(value: string): boolean | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (['true', 'yes', 'oui', '1', 'y', 'o', 'vrai'].includes(v)) return true;
  if (['false', 'no', 'non', '0', 'n', 'faux'].includes(v)) return false;
  return undefined;
}

/**
 * Reads a donor's asset list: header `category,quantity,brand,model,year,dataBearing` (any case,
 * any order, `,` or `;`, with or without a BOM). Every bad row is reported with its line number
 * and the columns at fault; the caller saves nothing unless there are none.
 */
export function parseInventoryCsv(text: string): { rows: InventoryRow[]; errors: InventoryRowError[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) return { rows: [], errors: [{ line: 1, message: 'the inventory is empty' }] };
  const headerLine = lines[headerIndex]!;
  const separator = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const headerCells = splitRecord(headerLine, separator);
  const header = headerCells.map((h) => h.toLowerCase().replace(/[^a-z]/g, ''));
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const errors: InventoryRowError[] = [];
  if (index.category < 0 || index.quantity < 0) {
    return { rows: [], errors: [{ line: headerIndex + 1, message: 'the header must name at least the columns category and quantity' }] };
  }
  const rows: InventoryRow[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const line = i + 1;
    if (rows.length + errors.length >= MAX_ROWS) {
      errors.push({ line, message: `at most ${MAX_ROWS} rows` });
      break;
    }
    const cells = splitRecord(raw, separator);
    const cell = (name: (typeof COLUMNS)[number]) => (index[name] >= 0 ? (cells[index[name]] ?? '') : '');
    const problems: Array<{ column: string; message: string }> = [];
    const problem = (name: (typeof COLUMNS)[number], message: string) => {
      const column = headerCells[index[name]] || name;
      problems.push({ column, message: `column ${column} (${columnLetter(index[name])}): ${message}` });
    };
    for (const name of COLUMNS) {
      const bad = index[name] >= 0 ? findForbiddenCharacter(cell(name)) : null;
      if (bad) problem(name, `holds a control, zero-width or bidirectional character (${bad.codePoint})`);
    }
    const category = cell('category').toUpperCase() as DeviceCategory;
    if (!Object.values(DeviceCategory).includes(category)) problem('category', `unknown category "${cell('category')}"`);
    const quantity = parseWholeNumber(cell('quantity'));
    if (quantity === undefined || quantity < 1 || quantity > 10_000)
      problem('quantity', `must be a whole number from 1 to 10000, in digits only (got "${cell('quantity')}")`);
    const yearText = cell('year');
    const year = yearText === '' ? null : parseWholeNumber(yearText);
    if (year !== null && (year === undefined || year < 1980 || year > 2100))
      problem('year', `must be a year from 1980 to 2100, in digits only (got "${yearText}")`);
    const dataBearing = parseBoolean(cell('databearing'));
    if (dataBearing === undefined) problem('databearing', `must be true or false (got "${cell('databearing')}")`);
    const brand = cell('brand');
    const model = cell('model');
    if (brand.length > 100) problem('brand', 'has at most 100 characters');
    if (model.length > 100) problem('model', 'has at most 100 characters');
    if (problems.length || quantity === undefined || year === undefined) {
      errors.push({ line, columns: [...new Set(problems.map((p) => p.column))], message: problems.map((p) => p.message).join('; ') });
      continue;
    }
    rows.push({ category, quantity, brand: brand || null, model: model || null, year, dataBearing: dataBearing ?? null });
  }
  return { rows, errors };
}
