import { compact } from '../pdf/normalize.js';
import type { Table } from '../types.js';
import type { ColumnRoles } from './columns.js';
import { columnRoles } from './columns.js';
import { readAmounts } from './line-items.js';
import { amountReader } from './amount.js';
import { place, type SummaryItem, type Unplaced } from './schemas.js';
import { EXPENDITURE_SIDE, SUMMARY_NAME_COLUMN, SUMMARY_TOTALS } from '../kinds/vocabulary.js';

const TOTALS: readonly (readonly [RegExp, NonNullable<SummaryItem['totalKind']>])[] = SUMMARY_TOTALS;

/**
 * 收支总表 and 财政拨款收支总表: an income side and an expenditure side printed next to each other. The expenditure
 * side starts at the second name column (or the first column whose path starts with 支出).
 */
export function summaryItems(table: Table): SummaryItem[] {
  return place(summaryItemsWithRows(table));
}

/** Summary records with the index of the row each came from (both sides of a row share it). */
export function summaryItemsWithRows(table: Table): { record: Unplaced<SummaryItem>; row: number }[] {
  const paths = table.columns.map(compact);
  const nameCols = paths
    .map((p, i) => [p, i] as const)
    .filter(([p]) => SUMMARY_NAME_COLUMN.test(p))
    .map(([, i]) => i);
  const firstExpenditure = paths.findIndex((p) => EXPENDITURE_SIDE.test(p));
  const split = nameCols.length >= 2 ? nameCols[1]! : firstExpenditure > 0 ? firstExpenditure : -1;
  if (split < 0) return [];
  const sides = [
    { side: 'income' as const, from: 0, to: split },
    { side: 'expenditure' as const, from: split, to: paths.length },
  ];
  const out: { record: Unplaced<SummaryItem>; row: number }[] = [];
  const read = amountReader(table);
  for (const s of sides) {
    const sub: Table = {
      ...table,
      columns: table.columns.slice(s.from, s.to),
      rows: table.rows.map((r) => r.slice(s.from, s.to)),
    };
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
      const totalKind = TOTALS.find(([p]) => p.test(name))?.[1] ?? null;
      out.push({ record: { side: s.side, name, totalKind, amounts, extra }, row: at });
    }
  }
  return out;
}
