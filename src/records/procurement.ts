import { compact } from '../pdf/normalize.js';
import type { Table } from '../types.js';
import { plainAmount } from './amount.js';
import type { Procurement } from './schemas.js';
import { PROCUREMENT_COLUMNS, TOTAL_ROW } from '../kinds/vocabulary.js';

/** 政府采购预算表: one record per item with its category, quantity, amount and set-aside columns. */
export function procurementRecords(table: Table): Procurement[] {
  const paths = table.columns.map(compact);
  const nameCol = paths.findIndex((p) => PROCUREMENT_COLUMNS.name.test(p) && !PROCUREMENT_COLUMNS.notName.test(p));
  const categoryCol = paths.findIndex((p) => PROCUREMENT_COLUMNS.category.test(p));
  const quantityCol = paths.findIndex((p) => PROCUREMENT_COLUMNS.quantity.test(p));
  const setAsideCols = paths
    .map((p, i) => [p, i] as const)
    .filter(([p]) => PROCUREMENT_COLUMNS.setAside.test(p))
    .map(([, i]) => i);
  const amountCol = paths.findIndex((p, i) => PROCUREMENT_COLUMNS.amount.test(p) && !setAsideCols.includes(i));
  const out: Procurement[] = [];
  for (const [at, row] of table.rows.entries()) {
    const name = nameCol >= 0 ? compact(row[nameCol] ?? '') : '';
    const category = categoryCol >= 0 ? compact(row[categoryCol] ?? '') || null : null;
    if (!name && !category) continue;
    const setAside: Record<string, string | null> = {};
    for (const i of setAsideCols) setAside[table.columns[i]!] = plainAmount(row[i] ?? '');
    const otherColumns: Record<string, string> = {};
    paths.forEach((_, i) => {
      if ([nameCol, categoryCol, quantityCol, amountCol, ...setAsideCols].includes(i)) return;
      if (row[i]) otherColumns[table.columns[i]!] = row[i]!;
    });
    const q = quantityCol >= 0 ? compact(row[quantityCol] ?? '') || null : null;
    out.push({
      name,
      category,
      quantity: q,
      amount: amountCol >= 0 ? plainAmount(row[amountCol] ?? '') : null,
      isTotal: TOTAL_ROW.test(name) || TOTAL_ROW.test(category ?? ''),
      setAside,
      otherColumns,
      row: at,
    });
  }
  return out;
}
