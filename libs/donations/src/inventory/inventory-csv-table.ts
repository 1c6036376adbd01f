import { parse } from 'csv-parse/sync';
import { InventoryTable, tableOf } from './inventory-table';

/** Excel writes this first line when a file is saved for another locale; it names the separator. */
const SEP_LINE = /^sep=(.)[ \t]*(?=\r\n|\n|\r|$)/i;
const SEPARATORS = [';', '\t', ','] as const;

/** The separator the header uses most, outside quotes: `;` in French exports, `,` in English ones, TAB from copy-paste. */
function detectSeparator(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = SEPARATORS.map((s) => unquoted.split(s).length - 1);
  const best = Math.max(...counts);
  return best === 0 ? ',' : SEPARATORS[counts.indexOf(best)]!;
}

/**
 * Reads CSV text as spreadsheets and ERPs write it: RFC 4180 quotes with quoted line breaks,
 * inch marks in unquoted cells (`Écran 24"`), a leading `sep=;` line, `;`, `,` or TAB. Each row
 * keeps the line it starts on in the file, so that errors point where the person will look.
 */
export function readCsvTable(text: string): InventoryTable {
  const body = text.replace(/^\uFEFF/, '');
  const sep = SEP_LINE.exec(body);
  // the sep= line is blanked rather than cut, so that line numbers stay those of the file
  const csv = sep ? body.slice(sep[0].length) : body;
  // with info and raw, each record comes as { record, info, raw }; the typings only know plain rows
  const records = parse(csv, {
    delimiter: sep ? sep[1]! : detectSeparator(csv),
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
  return tableOf(
    records.map(({ record, info, raw }) => {
      // info.lines is the line the record ends on; count back over the line breaks quoted inside it
      const inner = raw.replace(/^(?:\r\n|\n|\r)+/, '').replace(/(?:\r\n|\n|\r)$/, '');
      const breaks = inner.match(/\r\n|\n|\r/g)?.length ?? 0;
      return { line: info.lines - breaks, cells: record.map((c) => c.trim()) };
    }),
  );
}
