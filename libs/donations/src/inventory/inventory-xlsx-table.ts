import type { Buffer as ExcelBuffer, CellValue } from 'exceljs';
import { InventoryTable, TableRow, tableOf } from './inventory-table';

/** A cell as the person sees it: numbers as typed (a year, a quantity), text of rich text, links and formulas. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('hyperlink' in value) return String(value.text ?? '').trim();
  if ('result' in value) return cellText(value.result as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return '';
  if ('error' in value) return value.error;
  return '';
}

/**
 * The first worksheet of an .xlsx file. Row numbers are the worksheet's, as Excel shows them;
 * the first non-empty row is the header, wherever it is (exports often start with a title).
 */
export async function readXlsxTable(bytes: Buffer, maxRows: number): Promise<InventoryTable> {
  // loaded on the first spreadsheet, not with the application: exceljs alone took a quarter of its load time
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type; Node's is what it reads
  await workbook.xlsx.load(bytes as unknown as ExcelBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: null, rows: [] };
  const rows: TableRow[] = [];
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.every((cell) => cell === '')) continue;
    rows.push({ line: n, cells });
    // the header and one row more than allowed: enough for the reader to say the sheet is too long
    if (rows.length > maxRows + 1) break;
  }
  return tableOf(rows);
}
