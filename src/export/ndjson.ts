import type { ExtractedDocument, Table } from '../types.js';
import { documentColumns } from './long.js';
import { formatCell, type NumbersMode } from './numbers.js';

export interface NdjsonOptions {
  /** Name carried by every line (the input as given on the command line). */
  file: string;
  /** One line per record (`table.records`, where the table has them) instead of one per row. */
  records?: boolean;
  numbers?: NumbersMode;
  /** Which tables to write, with their positions in `doc.tables`; all by default. */
  tables?: { table: Table; index: number }[];
}

/** The records the records stage attached to a table, if it has run on this kind. */
export function tableRecords(table: Table): unknown[] | undefined {
  const records = (table as Table & { records?: unknown }).records;
  return Array.isArray(records) ? (records as unknown[]) : undefined;
}

/** Column paths as object keys: a blank header becomes `column N`, a repeated one gets `#2`, `#3`. */
export function cellKeys(columns: string[], width: number): string[] {
  const seen = new Map<string, number>();
  const keys: string[] = [];
  for (let i = 0; i < width; i++) {
    const base = columns[i] || `column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    keys.push(n === 1 ? base : `${base}#${n}`);
  }
  return keys;
}

/**
 * One JSON object a line, each carrying where it came from (file, sha256, department, year, document 预算/决算, scope
 * 部门/单位, table position, kind, title, label, first page, pages, unit), then either `row` (1-based) and `cells` (column path → text) or `record`.
 */
export function documentToNdjson(doc: ExtractedDocument, options: NdjsonOptions): string {
  const numbers = options.numbers ?? 'raw';
  const tables = options.tables ?? doc.tables.map((table, index) => ({ table, index }));
  const lines: string[] = [];
  // Every line says which document it comes from: what an analyst filters on.
  const document = documentColumns(options.file, doc);
  for (const { table, index } of tables) {
    const head = {
      ...document,
      table: index + 1,
      kind: table.kind,
      title: table.title,
      label: table.label,
      page: table.pages[0] ?? null,
      pages: table.pages,
      unit: table.unit,
    };
    if (options.records) {
      // Records may have been converted to another unit than the one printed (`recordsUnit`).
      const recordsUnit = (table as Table & { recordsUnit?: unknown }).recordsUnit;
      const unit = typeof recordsUnit === 'string' ? recordsUnit : table.unit;
      for (const record of tableRecords(table) ?? []) lines.push(JSON.stringify({ ...head, unit, record }));
      continue;
    }
    const width = Math.max(table.columns.length, ...table.rows.map((r) => r.length));
    const keys = cellKeys(table.columns, width);
    table.rows.forEach((row, r) => {
      const cells: Record<string, string> = {};
      keys.forEach((k, i) => {
        cells[k] = formatCell(row[i] ?? '', numbers);
      });
      lines.push(JSON.stringify({ ...head, row: r + 1, cells }));
    });
  }
  return lines.map((l) => `${l}\n`).join('');
}
