import { compact } from '../pdf/normalize.js';
import type { Table } from '../types.js';
import { plainAmount } from './amount.js';
import { TOTAL_NAME } from './line-items.js';
import type { Procurement } from './schemas.js';

/** 政府采购预算表: one record per item with its category, quantity, amount and set-aside columns. */
export function procurementRecords(table: Table): Procurement[] {
  const paths = table.columns.map(compact);
  const nameCol = paths.findIndex((p) => /单位名称|项目名称|预算单位|^项目$|名称/u.test(p) && !/品目|目录|类别/u.test(p));
  const categoryCol = paths.findIndex((p) => /品目|采购目录|采购类别|类别/u.test(p));
  const quantityCol = paths.findIndex((p) => /数量/u.test(p));
  const setAsideCols = paths.map((p, i) => [p, i] as const).filter(([p]) => /面向|预留/u.test(p)).map(([, i]) => i);
  const amountCol = paths.findIndex((p, i) => /金额|合计|预算数|总额|小计/u.test(p) && !setAsideCols.includes(i));
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
      isTotal: TOTAL_NAME.test(name) || TOTAL_NAME.test(category ?? ''),
      setAside,
      otherColumns,
      row: at,
    });
  }
  return out;
}
