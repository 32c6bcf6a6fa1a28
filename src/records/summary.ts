import { compact } from '../pdf/normalize.js';
import type { Table } from '../types.js';
import type { ColumnRoles } from './columns.js';
import { columnRoles } from './columns.js';
import { readAmounts } from './line-items.js';
import { amountReader } from './amount.js';
import { place, type SummaryItem, type Unplaced } from './schemas.js';
import { EXPENDITURE_SIDE, SIDE_GRAND_TOTAL, SUMMARY_NAME_COLUMN, SUMMARY_TOTALS } from '../kinds/vocabulary.js';

const TOTALS: readonly (readonly [RegExp, NonNullable<SummaryItem['totalKind']>])[] = SUMMARY_TOTALS;

/**
 * 收支总表 and 财政拨款收支总表: an income side and an expenditure side printed next to each other. The expenditure
 * side starts at the second name column (or the first column whose path starts with 支出).
 */
export function summaryItems(table: Table): SummaryItem[] {
  return place(summaryItemsWithRows(table));
}

/**
 * The two sides of a 收支总表 as tables of their own: the expenditure side starts at the second name column (or the
 * first column whose path starts with 支出). None when no split is found.
 */
export function summarySides(table: Table): { side: 'income' | 'expenditure'; from: number; table: Table }[] {
  const paths = table.columns.map(compact);
  const nameCols = summaryNameColumns(paths);
  const firstExpenditure = paths.findIndex((p) => EXPENDITURE_SIDE.test(p));
  const split = nameCols.length >= 2 ? nameCols[1]! : firstExpenditure > 0 ? firstExpenditure : -1;
  if (split < 0) return [];
  return [
    { side: 'income' as const, from: 0, to: split },
    { side: 'expenditure' as const, from: split, to: paths.length },
  ].map((s) => ({
    side: s.side,
    from: s.from,
    table: { ...table, columns: table.columns.slice(s.from, s.to), rows: table.rows.map((r) => r.slice(s.from, s.to)) },
  }));
}

/** Rows that make a side's year total differ from its grand total: money carried in or out, balances drawn or shared. */
export const CARRY_KINDS: ReadonlySet<NonNullable<SummaryItem['totalKind']>> = new Set([
  'carriedOver',
  'yearEndBalance',
  'balanceUsed',
  'balanceDistribution',
]);

/** A bare 总计 is the grand total of the side it is printed on (决算 总表: 总计 under each side). */
const sideGrandTotal = (name: string, side: 'income' | 'expenditure'): SummaryItem['totalKind'] =>
  SIDE_GRAND_TOTAL.test(name) ? (side === 'income' ? 'incomeGrandTotal' : 'expenditureGrandTotal') : null;

const summaryNameColumns = (paths: readonly string[]): number[] =>
  paths
    .map((p, i) => [p, i] as const)
    .filter(([p]) => SUMMARY_NAME_COLUMN.test(p))
    .map(([, i]) => i);

/** Summary records with the index of the row each came from (both sides of a row share it). */
function summaryItemsWithRows(table: Table): { record: Unplaced<SummaryItem>; row: number }[] {
  const nameCols = summaryNameColumns(table.columns.map(compact));
  const sides = summarySides(table);
  const out: { record: Unplaced<SummaryItem>; row: number }[] = [];
  const read = amountReader(table);
  for (const s of sides) {
    const sideItems: { record: Unplaced<SummaryItem>; row: number }[] = [];
    const sub = s.table;
    // The whole table's separators, not a half's: both sides print their amounts alike.
    const roles: ColumnRoles = columnRoles(sub, read);
    const nameAt = Math.max(roles.name, 0);
    for (const [at, row] of sub.rows.entries()) {
      const name = compact(row[nameAt] ?? '');
      const { amounts, extra } = readAmounts(row, roles);
      if (!name && Object.values(amounts).every((v) => v === null) && Object.values(extra).every((v) => v === null))
        continue;
      // Amounts that could not be read at all: a warning names the cells; no record of nulls.
      const unread = roles.amounts.some((a) => roles.read(row[a.index] ?? '').kind === 'unread');
      if (unread && [...Object.values(amounts), ...Object.values(extra)].every((v) => v === null)) continue;
      const totalKind = TOTALS.find(([p]) => p.test(name))?.[1] ?? sideGrandTotal(name, s.side);
      if (totalKind) spannedTotal(amounts, extra, row, roles, nameCols, s.from, nameAt);
      sideItems.push({ record: { side: s.side, name, totalKind, amounts, extra }, row: at });
    }
    out.push(...promoteGrandTotal(sideItems));
  }
  return out;
}

/**
 * A side printed as several name | amount blocks (Jiangsu's 支出: 功能分类 | 金额 | 支出用途 | 金额) prints its total
 * row's label once across the side, under the first block's name, and its figure under one block's amount only
 * (`支出合计 | | | 27,664.22`). When the row's own `total` is blank, the later blocks' name cells are empty, and every
 * figure printed on the side's row is the same, that figure is the row's total (moved out of `extra`).
 */
function spannedTotal(
  amounts: Record<string, string | null>,
  extra: Record<string, string | null>,
  row: readonly string[],
  roles: ColumnRoles,
  nameCols: readonly number[],
  from: number,
  nameAt: number,
): void {
  if (!('total' in amounts) || amounts.total !== null) return;
  const laterNames = nameCols.map((c) => c - from).filter((c) => c > nameAt && c < row.length);
  if (!laterNames.length || laterNames.some((c) => compact(row[c] ?? ''))) return;
  const printed = Object.entries(extra).filter(([, v]) => v !== null);
  const values = new Set([...printed.map(([, v]) => v), ...Object.values(amounts).filter((v) => v !== null)]);
  if (values.size !== 1 || !printed.length) return;
  // Only columns of a later block: right of a later name column.
  const laterAt = Math.min(...laterNames);
  const later = roles.amounts.filter((a) => !a.field && a.index > laterAt).map((a) => a.label);
  if (!printed.every(([label]) => later.includes(label))) return;
  amounts.total = printed[0]![1];
  for (const [label] of printed) delete extra[label];
}

/**
 * The side's grand total where it prints no 总计 row: a 合计 printed after the carry-over rows (本年收入合计, 上年结转
 * 结余, 收入合计; or a balance drawn, 使用非财政拨款结余) adds them in, so it is the side's grand total and the 合计
 * above them the year's. Only where the side prints two such totals with the carry-over between them: one 合计 alone
 * keeps its kind.
 */
function promoteGrandTotal(
  items: { record: Unplaced<SummaryItem>; row: number }[],
): { record: Unplaced<SummaryItem>; row: number }[] {
  const kinds = items.map((i) => i.record.totalKind);
  if (kinds.includes('incomeGrandTotal') || kinds.includes('expenditureGrandTotal')) return items;
  const totals = kinds.flatMap((k, at) => (k === 'incomeTotal' || k === 'expenditureTotal' ? [at] : []));
  const year = totals[0] ?? -1;
  const last = totals[totals.length - 1] ?? -1;
  if (year < 0 || last === year) return items;
  const between = kinds.slice(year + 1, last);
  if (!between.some((k) => k !== null && CARRY_KINDS.has(k))) return items;
  const grand = kinds[last] === 'incomeTotal' ? 'incomeGrandTotal' : 'expenditureGrandTotal';
  return items.map((i, at) => (at === last ? { ...i, record: { ...i.record, totalKind: grand } } : i));
}
