import { Decimal } from 'decimal.js';
import { compact } from '../pdf/normalize.js';
import type { Table } from '../types.js';
import { AMOUNT_DASHES, EXACT_NUMBER, ODD_NUMBER } from '../kinds/vocabulary.js';

/**
 * What a printed amount cell holds: a number, a blank, a dash (nothing / zero), digits with separators at places no
 * number grammar puts them (`120258,600`: `unread`, an amount whose value the cell alone does not tell), or text that
 * is not an amount.
 */
export type ParsedAmount =
  | { kind: 'number'; value: string }
  | { kind: 'blank' }
  | { kind: 'dash' }
  | { kind: 'unread'; text: string }
  | { kind: 'text'; text: string };

/**
 * Parses an amount exactly as printed: separators removed, `(12.00)` → `-12.00`, decimals kept as printed (never
 * rounded, never a float).
 */
export function parseAmount(cell: string): ParsedAmount {
  let t = compact(cell);
  if (!t) return { kind: 'blank' };
  if (AMOUNT_DASHES.test(t)) return { kind: 'dash' };
  let negative = false;
  const paren = /^[(（](.*)[)）]$/u.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!;
  }
  const m = EXACT_NUMBER.exec(t);
  if (!m) return ODD_NUMBER.test(t) && /[,.]/u.test(t) ? { kind: 'unread', text: cell } : { kind: 'text', text: cell };
  if (m[1]) negative = !negative;
  const digits = m[2]!.replace(/,/gu, '') + (m[3] ?? '');
  const isZero = /^[0.]+$/u.test(digits);
  return { kind: 'number', value: negative && !isZero ? `-${digits}` : digits };
}

/** The amount as a plain decimal string without separators, or null for blanks, dashes and text. */
export function plainAmount(cell: string): string | null {
  const p = parseAmount(cell);
  return p.kind === 'number' ? p.value : null;
}

export type AmountUnit = '元' | '万元';

/** Converts an exact decimal string between 元 and 万元 (×/÷ 10000, exact: no digits lost). */
export function convertAmount(value: string, from: AmountUnit, to: AmountUnit): string {
  if (from === to) return value;
  const d = new Decimal(value);
  const out = from === '万元' ? d.times(10000) : d.dividedBy(10000);
  return out.toFixed();
}

/**
 * How a table prints its amounts, decided once from all its cells: the grammar above, plus the one reading of cells
 * outside it that the table's own format proves.
 *
 * Shanghai's 2026 unit budgets (单位:元) print `120258,600`, `16933,575`, `925,901`, `10,000`: one comma, always
 * before the last three digits, never a decimal point. Read as a decimal comma it would give every amount three
 * decimals, i.e. 厘 in a 元 table, which a money amount never has (元 amounts stop at 分, two decimals); so in a 元
 * table a lone comma before three final digits is a thousands separator printed at the last group only, and
 * `120258,600` is 120258600 元. (Its “三公” table in 万元 agrees: 因公出国 100,000 元 = 10.00 万元.) In a 万元 table
 * or one without a unit, three decimals are possible, the reading is not proven, and the cells stay unread.
 * Every other unread cell stays unread: the record keeps null and `unreadCells` lists it for a warning.
 */
export function amountReader(table: Pick<Table, 'rows' | 'unit'>): (cell: string) => ParsedAmount {
  const cached = READERS.get(table.rows);
  if (cached && cached.unit === table.unit) return cached.read;
  const unread: string[] = [];
  let decimalPoint = false;
  for (const row of table.rows)
    for (const cell of row) {
      const p = parseAmount(cell);
      if (p.kind === 'unread') unread.push(bare(p.text));
      else if (p.kind === 'number' && p.value.includes('.')) decimalPoint = true;
    }
  const lastGroupOnly =
    table.unit === '元' && !decimalPoint && unread.length > 0 && unread.every((t) => LAST_GROUP_ONLY.test(t));
  const read = (cell: string): ParsedAmount => {
    const p = parseAmount(cell);
    if (p.kind !== 'unread' || !lastGroupOnly) return p;
    const t = bare(p.text);
    if (!LAST_GROUP_ONLY.test(t)) return p;
    const digits = t.replace(/[-,]/gu, '');
    const negative = t.startsWith('-') !== /^[(（]/u.test(compact(p.text));
    return { kind: 'number', value: negative && !/^0+$/u.test(digits) ? `-${digits}` : digits };
  };
  READERS.set(table.rows, { unit: table.unit, read });
  return read;
}

/** A comma before the last three digits only: 120258,600 (and -120258,600). */
const LAST_GROUP_ONLY = /^-?\d+,\d{3}$/u;
const READERS = new WeakMap<readonly (readonly string[])[], { unit: string; read: (cell: string) => ParsedAmount }>();
const bare = (cell: string): string => compact(cell).replace(/^[(（](.*)[)）]$/u, '$1');

/** Cells of the given columns a table prints as digits with separators but the reader could not read. */
export function unreadCells(
  table: Pick<Table, 'rows' | 'unit'>,
  columns: readonly number[],
): { row: number; col: number; text: string }[] {
  const read = amountReader(table);
  const out: { row: number; col: number; text: string }[] = [];
  table.rows.forEach((row, r) => {
    for (const c of columns)
      if (read(row[c] ?? '').kind === 'unread') out.push({ row: r, col: c, text: compact(row[c] ?? '') });
  });
  return out;
}
