import { stringify } from 'csv-stringify/sync';
import type { Table } from '../types.js';
import { formatCell, type NumbersMode } from './numbers.js';

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8. */
  bom?: boolean;
  numbers?: NumbersMode;
}

/** One table as RFC 4180 CSV (CRLF line ends, fields quoted when needed): a header row of column paths, then rows. */
export function tableToCsv(table: Pick<Table, 'columns' | 'rows'>, options: CsvOptions = {}): string {
  const numbers = options.numbers ?? 'raw';
  const width = Math.max(table.columns.length, ...table.rows.map((r) => r.length));
  const pad = (cells: string[]) =>
    cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells;
  const records = [pad(table.columns), ...table.rows.map((r) => pad(r.map((c) => formatCell(c, numbers))))];
  // csv-stringify only quotes a field holding the whole record delimiter (CRLF); a bare LF or CR in a long goal
  // must be quoted too.
  const text = stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/u });
  return (options.bom ? '\uFEFF' : '') + text;
}

/** `<stem>.<nn>-<kind>.csv`, nn the table's 1-based position in the document (two digits at least). */
export function csvFileName(stem: string, index: number, kind: string): string {
  return `${stem}.${String(index + 1).padStart(2, '0')}-${kind}.csv`;
}
