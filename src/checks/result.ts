import { Decimal } from 'decimal.js';
import { amountReader, plainAmount } from '../records/amount.js';
import type { CheckReport, CheckResult, CheckTerm, Table } from '../types.js';

export type { CheckReport, CheckResult } from '../types.js';

/** A report of results, counted. */
export function checkReport(results: CheckResult[]): CheckReport {
  const failed = results.filter((r) => !r.passed).length;
  return { summary: { total: results.length, passed: results.length - failed, failed }, results };
}

/**
 * 尾差: each printed figure is rounded to its last printed digit and may be off by half a unit of it, so an identity
 * may miss by half a unit of the last digit of each figure, its terms and its total (seed-a's 基本支出表: 合计 173.78
 * against 71.04 + 102.73 + 0.02 = 173.79, four figures to 0.01, 0.02 allowed; a 合计 printed in whole 元 over parts
 * in 分, 22,118,861 against 22,118,861.34, carries half a 元; a spreadsheet's General format showing 47137884.3 for
 * 47137884.32 carries half a 角). A blank figure, and a 0 in a table that prints decimals, is an exact 0 and carries
 * none. A difference within the tolerance passes and is marked `rounding`, so it stays visible.
 */
export function toleranceFor(
  table: Pick<Table, 'rows' | 'unit'>,
  terms: number,
  figures?: readonly (string | null | undefined)[],
): Decimal {
  const finest = lastDigit(table);
  if (!figures) return finest.times(Math.max(terms, 1) + 1).dividedBy(2);
  let sum = new Decimal(0);
  for (const f of figures) if (f != null) sum = sum.plus(digitOf(f, finest));
  return sum.dividedBy(2);
}

const decimalsOf = (value: string): number => value.split('.')[1]?.length ?? 0;

/** The unit of a figure's last printed digit; none for a zero printed coarser than its table's other figures. */
function digitOf(figure: string, finest: Decimal): Decimal {
  const own = new Decimal(10).pow(-decimalsOf(figure));
  return own.gt(finest) && new Decimal(figure).isZero() ? new Decimal(0) : own;
}

/** How many decimals a table prints its amounts to: the most of any amount cell (2 for 129,681,094.00). */
export function printedDecimals(table: Pick<Table, 'rows' | 'unit'>): number {
  return Math.max(0, -lastDigit(table).log(10).round().toNumber());
}

/** The unit of the finest digit a table prints its amounts to: 10^-(most decimals of any amount cell). */
function lastDigit(table: Pick<Table, 'rows' | 'unit'>): Decimal {
  const known = LAST_DIGIT.get(table.rows);
  if (known) return known;
  const read = amountReader(table);
  let decimals = 0;
  for (const row of table.rows)
    for (const cell of row) {
      const p = read(cell);
      if (p.kind === 'number') decimals = Math.max(decimals, decimalsOf(p.value));
    }
  const unit = new Decimal(10).pow(-decimals);
  LAST_DIGIT.set(table.rows, unit);
  return unit;
}
const LAST_DIGIT = new WeakMap<readonly (readonly string[])[], Decimal>();

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
  /** The printed values of every figure of the identity (terms and total), for its rounding tolerance. */
  figures?: readonly (string | null | undefined)[];
  /** The printed cells the identity added up, kept on the result (`terms`) when it fails. */
  cells?: readonly TermCell[];
  /** False for an identity that is not about money (indicator weights): no `unit` then. */
  money?: false;
}

/** A cell an identity added up, as a check names it: its table, row and column, and the value it read. */
export interface TermCell {
  table: Table;
  /** Null for a figure no row prints by itself (a form read by label): not listed as a term. */
  rowIndex: number | null;
  /** The printed column label; for a record's field (`outbound`), the label of the row's cell printing the value
   * is looked for (`hint` tells columns printing the same value apart), else the field name is kept. */
  column: string;
  hint?: RegExp;
  code: string | null;
  name: string;
  value: string | null | undefined;
}

/**
 * The column label of the cell of row `rowIndex` that prints `value`: the one `hint` names, else the only one. A
 * blank value: the only blank cell of the columns `hint` names. Else the field name.
 */
function labelOf(table: Table, rowIndex: number, value: string | null | undefined, field: string, hint?: RegExp) {
  if (table.columns.includes(field)) return field;
  const row = table.rows[rowIndex] ?? [];
  const at = row.flatMap((cell, i) =>
    table.columns[i] &&
    (value == null ? !!hint?.test(table.columns[i]) && plainAmount(cell) === null : plainAmount(cell) === value)
      ? [i]
      : [],
  );
  const named = hint ? at.filter((i) => hint.test(table.columns[i]!)) : [];
  const pick = named.length === 1 ? named[0] : at.length === 1 ? at[0] : undefined;
  return pick !== undefined ? table.columns[pick]! : field;
}

/** A check's cell as a `CheckTerm`: its table's position, row, page, column label and value. */
export function termOf(c: TermCell): CheckTerm | null {
  if (c.rowIndex === null) return null;
  return {
    // -1 only for a table no `runChecks` registered (a check function called by hand on a lone table).
    table: POSITIONS.get(c.table) ?? -1,
    rowIndex: c.rowIndex,
    column: labelOf(c.table, c.rowIndex, c.value, c.column, c.hint),
    page: c.table.rowPages[c.rowIndex] ?? c.table.pages[0] ?? null,
    code: c.code,
    name: c.name,
    value: c.value ?? null,
  };
}

/** The terms of a failed identity; none for a passed one (the JSON stays small). */
export function termsOf(cells: readonly TermCell[] | undefined): { terms?: CheckTerm[] } {
  if (!cells) return {};
  return { terms: cells.map(termOf).filter((t): t is CheckTerm => t !== null) };
}

/** The table's printed unit, where it prints one. */
export const unitOf = (table: Pick<Table, 'unit'>): { unit?: string } => (table.unit ? { unit: table.unit } : {});

/** The page a row was read from (a table running over pages: the continuation's page), else the table's first. */
export function pageOf(table: Table, rowIndex: number | null): number | null {
  return (rowIndex !== null ? table.rowPages[rowIndex] : undefined) ?? table.pages[0] ?? null;
}

/** Each table's position in its document, registered by `runChecks` for the results it makes. */
const POSITIONS = new WeakMap<Table, number>();
export function registerTables(tables: readonly Table[]): void {
  tables.forEach((t, i) => POSITIONS.set(t, i));
}

export function compare(c: Comparison): CheckResult {
  const difference = c.found.minus(c.expected);
  const tolerance = toleranceFor(c.table, c.terms, c.figures);
  const passed = difference.abs().lte(tolerance);
  return {
    id: c.id,
    message: { zh: c.zh, en: c.en },
    table: POSITIONS.get(c.table) ?? null,
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
    passed,
    rounding: passed && !difference.isZero(),
    ...(c.money === false ? {} : unitOf(c.table)),
    ...(passed ? {} : termsOf(c.cells)),
  };
}
