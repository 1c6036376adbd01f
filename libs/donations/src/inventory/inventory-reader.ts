import { DeviceCategory, findForbiddenCharacter, normalizeSerialNumber } from '@app/common';
import { CsvError } from 'csv-parse/sync';
import { readCsvTable } from './inventory-csv-table';
import { InventoryTable, TableRow } from './inventory-table';
import { decodeInventoryText } from './inventory-text';
import { categoryOf, COLUMN_LABELS, columnOf, InventoryColumn, yesNoOf } from './inventory-vocabulary';
import { readXlsxTable } from './inventory-xlsx-table';
import { declaredUncompressedSize } from './zip-size';

/** One line of a donation as an inventory declares it. */
export interface InventoryRow {
  category: DeviceCategory;
  quantity: number;
  brand: string | null;
  model: string | null;
  year: number | null;
  dataBearing: boolean | null;
}

/** A device a per-serial inventory names: what the refurbisher should find in the lot. */
export interface InventoryDevice {
  category: DeviceCategory;
  serialNumber: string;
  serialNumberNormalized: string;
  brand: string | null;
  model: string | null;
  year: number | null;
}

/** A problem in one cell (or one row, or the whole file when column is null), for a person to fix. */
export interface InventoryRowError {
  line: number;
  column: string | null;
  message: string;
}

export interface Inventory {
  rows: InventoryRow[];
  devices: InventoryDevice[];
  errors: InventoryRowError[];
}

export const INVENTORY_MAX_ROWS = 5000;
/** What an uploaded file may weigh once decoded; an inventory of 5,000 devices is far below. */
export const INVENTORY_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** What the workbook inside may weigh once inflated: a sheet of 5,000 rows is a few megabytes. */
export const INVENTORY_MAX_INFLATED_BYTES = 50 * 1024 * 1024;
const MAX_TEXT = 100;
const MAX_SERIAL = 100;

/** A spreadsheet's name for the column at this index: A, B, ... Z, AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A whole number as a person types it in a spreadsheet: decimal digits only. `Number()` would
 * also take 1e3, 0x10, 0b11, Infinity and an empty cell (0); none is a count of devices.
 */
function wholeNumber(value: string): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

const failed = (message: string, line = 1): Inventory => ({ rows: [], devices: [], errors: [{ line, column: null, message }] });

/**
 * Turns a sheet into donation lines. Rows that name a serial number count one device each and
 * are grouped into lines (same category, brand, model, year and data answer), their serials kept
 * as the devices expected at intake. Every bad cell is reported; the caller saves nothing unless
 * there are none.
 */
export function readInventoryTable(table: InventoryTable): Inventory {
  const { header } = table;
  if (!header) return failed("L'inventaire est vide : il faut une ligne d'en-tête (Catégorie, Quantité…) puis une ligne par matériel.");
  const index = new Map<InventoryColumn, number>();
  header.cells.forEach((cell, i) => {
    const column = columnOf(cell);
    if (column && !index.has(column)) index.set(column, i);
  });
  if (!index.has('category') || (!index.has('quantity') && !index.has('serialNumber'))) {
    return failed(
      "L'en-tête doit nommer au moins les colonnes Catégorie et Quantité (ou Numéro de série, une ligne par appareil) ; " +
        `colonnes trouvées : ${header.cells.filter((c) => c !== '').join(', ') || 'aucune'}.`,
      header.line,
    );
  }
  if (table.rows.length > INVENTORY_MAX_ROWS) {
    return failed(`L'inventaire a plus de ${INVENTORY_MAX_ROWS} lignes : découpez-le en plusieurs dons.`, table.rows[INVENTORY_MAX_ROWS]!.line);
  }

  const errors: InventoryRowError[] = [];
  const lines: InventoryRow[] = [];
  const grouped = new Map<string, InventoryRow>();
  const devices: InventoryDevice[] = [];
  const serialLines = new Map<string, number>();

  for (const row of table.rows) {
    const read = readRow(row, header, index);
    if ('problems' in read) {
      errors.push(...read.problems);
      continue;
    }
    const { line: declared, serialNumber } = read;
    if (serialNumber === null) {
      lines.push(declared);
      continue;
    }
    const normalized = normalizeSerialNumber(serialNumber);
    const firstSeen = serialLines.get(normalized);
    if (firstSeen !== undefined) {
      errors.push(cellError(row, header, index, 'serialNumber', `le numéro de série « ${serialNumber} » figure déjà ligne ${firstSeen}`));
      continue;
    }
    serialLines.set(normalized, row.line);
    devices.push({
      category: declared.category,
      serialNumber,
      serialNumberNormalized: normalized,
      brand: declared.brand,
      model: declared.model,
      year: declared.year,
    });
    const key = JSON.stringify([declared.category, declared.brand?.toLowerCase(), declared.model?.toLowerCase(), declared.year, declared.dataBearing]);
    const group = grouped.get(key);
    if (group) group.quantity += 1;
    else {
      const fresh = { ...declared, quantity: 1 };
      grouped.set(key, fresh);
      lines.push(fresh);
    }
  }
  return errors.length ? { rows: [], devices: [], errors } : { rows: lines, devices, errors };
}

function cellError(row: TableRow, header: TableRow, index: Map<InventoryColumn, number>, column: InventoryColumn, message: string): InventoryRowError {
  const i = index.get(column)!;
  const name = header.cells[i] || COLUMN_LABELS[column];
  return { line: row.line, column: name, message: `colonne ${name} (${columnLetter(i)}) : ${message}` };
}

function readRow(
  row: TableRow,
  header: TableRow,
  index: Map<InventoryColumn, number>,
): { line: InventoryRow; serialNumber: string | null } | { problems: InventoryRowError[] } {
  const cell = (column: InventoryColumn) => (index.has(column) ? (row.cells[index.get(column)!] ?? '').trim() : '');
  const problems: InventoryRowError[] = [];
  const problem = (column: InventoryColumn, message: string) => problems.push(cellError(row, header, index, column, message));

  for (const column of index.keys()) {
    const bad = findForbiddenCharacter(cell(column));
    if (bad) problem(column, `contient un caractère invisible ou de contrôle (${bad.codePoint}) : retapez la cellule`);
  }
  if (problems.length) return { problems };

  const categoryText = cell('category');
  const category = categoryOf(categoryText);
  if (!category)
    problem(
      'category',
      categoryText === ''
        ? 'la catégorie est vide'
        : `catégorie inconnue « ${categoryText} » (attendu : ordinateur portable, PC fixe, écran, tablette, smartphone, imprimante ou autre)`,
    );

  const serialNumber = cell('serialNumber') || null;
  if (serialNumber && serialNumber.length > MAX_SERIAL) problem('serialNumber', `au plus ${MAX_SERIAL} caractères`);

  const quantityText = cell('quantity');
  let quantity: number | undefined;
  if (serialNumber) {
    // a row per device: its quantity, when the export has the column, can only be 1
    quantity = quantityText === '' ? 1 : wholeNumber(quantityText);
    if (quantity !== 1) problem('quantity', `une ligne avec un numéro de série compte un seul appareil (trouvé « ${quantityText} »)`);
  } else if (!index.has('quantity')) {
    problem('serialNumber', 'le numéro de série est vide (ajoutez une colonne Quantité pour déclarer des appareils sans numéro)');
  } else {
    quantity = wholeNumber(quantityText);
    if (quantity === undefined || quantity < 1 || quantity > 10_000)
      problem('quantity', `un nombre entier de 1 à 10000, en chiffres seulement (trouvé « ${quantityText} »)`);
  }

  const yearText = cell('year');
  const year = yearText === '' ? null : wholeNumber(yearText);
  if (year !== null && (year === undefined || year < 1980 || year > 2100))
    problem('year', `une année de 1980 à 2100, en chiffres seulement (trouvé « ${yearText} »)`);

  const dataBearing = yesNoOf(cell('dataBearing'));
  if (dataBearing === undefined) problem('dataBearing', `oui ou non (trouvé « ${cell('dataBearing')} »)`);

  const brand = cell('brand');
  const model = cell('model');
  if (brand.length > MAX_TEXT) problem('brand', `au plus ${MAX_TEXT} caractères`);
  if (model.length > MAX_TEXT) problem('model', `au plus ${MAX_TEXT} caractères`);

  if (problems.length || !category || quantity === undefined || year === undefined || dataBearing === undefined) return { problems };
  return {
    line: { category, quantity, brand: brand || null, model: model || null, year, dataBearing },
    serialNumber,
  };
}

/** Reads CSV text (the `inventoryCsv` field): the same rules as a file. */
export function parseInventoryCsv(text: string): Inventory {
  let table: InventoryTable;
  try {
    table = readCsvTable(text);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // only an opening quote that never closes is left after the relaxed options: say where it starts
    return failed(
      `ligne ${error.lines ?? 1} : un guillemet ouvre une cellule et n'est jamais refermé ; doublez les guillemets dans le texte ("") ou entourez la cellule de guillemets`,
      (error.lines as number | undefined) ?? 1,
    );
  }
  return readInventoryTable(table);
}

/**
 * Reads an uploaded inventory: an .xlsx workbook (its first worksheet) or a CSV export in
 * UTF-8 or Windows-1252. The kind is told by the content, not trusted from the name.
 */
export async function parseInventoryFile(fileName: string, bytes: Buffer): Promise<Inventory> {
  if (bytes.length === 0) return failed(`Le fichier « ${fileName} » est vide.`);
  if (bytes.length > INVENTORY_MAX_FILE_BYTES) return failed(`Le fichier « ${fileName} » dépasse 2 Mo : découpez l'inventaire en plusieurs dons.`);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  // the old binary .xls and OpenDocument sheets: we read neither, and guessing would read garbage
  const oldExcel = bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  if (oldExcel || /\.(xls|ods)$/i.test(fileName)) {
    return failed(`Le fichier « ${fileName} » n'est ni un classeur .xlsx ni un CSV : enregistrez-le depuis votre tableur au format .xlsx ou CSV.`);
  }
  if (zip) {
    const inflated = declaredUncompressedSize(bytes);
    if (inflated === null || inflated > INVENTORY_MAX_INFLATED_BYTES) {
      return failed(`Le classeur « ${fileName} » est illisible ou trop volumineux une fois décompressé : exportez l'inventaire en CSV ou découpez-le.`);
    }
    try {
      return readInventoryTable(await readXlsxTable(bytes, INVENTORY_MAX_ROWS));
    } catch {
      return failed(`Le classeur « ${fileName} » n'a pas pu être lu : enregistrez-le de nouveau au format .xlsx (ou exportez-le en CSV).`);
    }
  }
  return parseInventoryCsv(decodeInventoryText(bytes));
}
