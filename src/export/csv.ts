import { stringify } from 'csv-stringify/sync';
import type { Table } from '../types.js';
import type { DocumentColumns } from './long.js';
import { formatCell, type NumbersMode } from './numbers.js';
import type { SheetColumn, SheetValue } from './sheet.js';

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8. */
  bom?: boolean;
  numbers?: NumbersMode;
  /**
   * Where the table comes from, as leading columns on every row (file, department, year, document, scope, title,
   * unit, page), so the CSVs of many documents stack into one sheet. Without it, the table alone.
   */
  document?: DocumentColumns;
}

/** The leading columns of a table's CSV when `document` is given. */
export const TABLE_CSV_LEAD = ['file', 'department', 'year', 'document', 'scope', 'title', 'unit', 'page'] as const;

// csv-stringify only quotes a field holding the whole record delimiter (CRLF); a bare LF or CR in a long goal must
// be quoted too.
const csv = (records: string[][]): string => stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/u });

/**
 * One table as RFC 4180 CSV (CRLF line ends, fields quoted when needed): a header row of column paths, then rows;
 * with `document`, each row led by where it comes from and its page.
 */
export function tableToCsv(
  table: Pick<Table, 'columns' | 'rows'> & Partial<Pick<Table, 'title' | 'unit' | 'rowPages' | 'pages'>>,
  options: CsvOptions = {},
): string {
  const numbers = options.numbers ?? 'raw';
  const width = Math.max(table.columns.length, ...table.rows.map((r) => r.length));
  const pad = (cells: string[]) =>
    cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells;
  const d = options.document;
  const lead = (r: number): string[] =>
    d
      ? [
          d.file,
          d.department,
          d.year === null ? '' : String(d.year),
          d.document,
          d.scope,
          table.title ?? '',
          table.unit ?? '',
          String(table.rowPages?.[r] ?? table.pages?.[0] ?? ''),
        ]
      : [];
  const header = d ? [...TABLE_CSV_LEAD, ...pad(table.columns)] : pad(table.columns);
  const records = [header, ...table.rows.map((r, i) => [...lead(i), ...pad(r.map((c) => formatCell(c, numbers)))])];
  return (options.bom ? '\uFEFF' : '') + csv(records);
}

/** `<stem>.<nn>-<kind>.csv`, nn the table's 1-based position in the document (two digits at least). */
export function csvFileName(stem: string, index: number, kind: string): string {
  return `${stem}.${String(index + 1).padStart(2, '0')}-${kind}.csv`;
}

function cellText(v: SheetValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** The header line of a plain sheet as CSV: its column keys. */
export function sheetHeaderCsv(columns: readonly SheetColumn[], bom = false): string {
  return (bom ? '\uFEFF' : '') + csv([columns.map((c) => c.key)]);
}

/** Rows of a plain sheet as CSV lines, without the header (so many documents' rows make one file). */
export function sheetRowsCsv(columns: readonly SheetColumn[], rows: readonly Record<string, SheetValue>[]): string {
  if (!rows.length) return '';
  return csv(rows.map((r) => columns.map((c) => cellText(r[c.key]))));
}
