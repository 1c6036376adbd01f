/** One row of a sheet: its cells as text, and the line (CSV) or row number (worksheet) a person sees. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A sheet as read from a file: the first non-empty row is its header; empty rows are left out. */
export interface InventoryTable {
  header: TableRow | null;
  rows: TableRow[];
}

export function tableOf(rows: TableRow[]): InventoryTable {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { header: filled[0] ?? null, rows: filled.slice(1) };
}
