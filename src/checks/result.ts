import { Decimal } from 'decimal.js';
import type { Table } from '../types.js';

/** One accounting identity tested on the extracted numbers. Amounts are exact decimal strings. */
export interface CheckResult {
  id: string;
  message: { zh: string; en: string };
  tableKind: Table['kind'];
  tableTitle: string;
  /** The page the result is about: the page its row was read from, else the table's first page. */
  page: number | null;
  row: { code: string | null; name: string } | null;
  /** The index in the table's `rows` of the row the result is about (its total, parent or project row); null when
   * the identity is not about one printed row. */
  rowIndex: number | null;
  column: string | null;
  expected: string;
  found: string;
  difference: string;
  tolerance: string;
  passed: boolean;
}

export interface CheckReport {
  summary: { total: number; passed: number; failed: number };
  results: CheckResult[];
}

/**
 * 1 元 or 0.01 万元, whatever the number of terms: a sum of rounded figures that is off by more is reported, and a
 * document that rounds its parts and its total separately shows up as such.
 */
export function toleranceFor(unit: string): Decimal {
  return new Decimal(unit === '元' ? '1' : '0.01');
}

/** A null (blank or dash) counts as 0. */
export const dec = (v: string | null | undefined): Decimal => new Decimal(v ?? '0');

export interface Comparison {
  id: string;
  zh: string;
  en: string;
  table: Table;
  row: CheckResult['row'];
  /** Index in `table.rows` of the row the result is about; its page comes from `table.rowPages`. */
  rowIndex: number | null;
  column: string | null;
  expected: Decimal;
  found: Decimal;
  terms: number;
}

/** The page a row was read from (a table running over pages: the continuation's page), else the table's first. */
export function pageOf(table: Table, rowIndex: number | null): number | null {
  return (rowIndex !== null ? table.rowPages[rowIndex] : undefined) ?? table.pages[0] ?? null;
}

export function compare(c: Comparison): CheckResult {
  const difference = c.found.minus(c.expected);
  const tolerance = toleranceFor(c.table.unit);
  return {
    id: c.id,
    message: { zh: c.zh, en: c.en },
    tableKind: c.table.kind,
    tableTitle: c.table.title,
    page: pageOf(c.table, c.rowIndex),
    row: c.row,
    rowIndex: c.rowIndex,
    column: c.column,
    expected: c.expected.toFixed(),
    found: c.found.toFixed(),
    difference: difference.toFixed(),
    tolerance: tolerance.toFixed(),
    passed: difference.abs().lte(tolerance),
  };
}
