import { compact } from '../pdf/normalize.js';
import { isNumberingTexts } from '../tables/header.js';
import type { Table } from '../types.js';
import { plainAmount } from './amount.js';
import { parseClassCode, splitCodedName } from './codes.js';
import { columnRoles, type ColumnRoles } from './columns.js';
import type { LineItem } from './schemas.js';

export const TOTAL_NAME = /^(合计|总计|本年合计|支出合计|收入合计|总合计)$/u;
export const SUBTOTAL_NAME = /^小计$/u;

/** Fills `amounts` (known fields) and `extra` (printed labels) from a row's amount columns. */
export function readAmounts(row: readonly string[], roles: ColumnRoles): { amounts: Record<string, string | null>; extra: Record<string, string | null> } {
  const amounts: Record<string, string | null> = {};
  const extra: Record<string, string | null> = {};
  for (const a of roles.amounts) {
    const v = plainAmount(row[a.index] ?? '');
    if (a.field) amounts[a.field] = v;
    else extra[a.label] = v;
  }
  return { amounts, extra };
}

/** Records for tables of amounts by classification code or unit (收入总表, 支出总表, 一般公共预算支出表 …). */
export function lineItems(table: Table): LineItem[] {
  return lineItemsWithRows(table).map((x) => x.record);
}

/**
 * A table printed as two side-by-side halves with the same columns (Shanghai's 基本支出决算表: 301… on the left,
 * 302… on the right) reads as its left half, then its right half.
 */
export function columnBlocks(table: Table): Table[] {
  const half = table.columns.length / 2;
  const twin = Number.isInteger(half) && half >= 2 && table.columns.slice(0, half).every((c, i) => c === table.columns[half + i]);
  if (!twin) return [table];
  return [0, half].map((from) => ({ ...table, columns: table.columns.slice(from, from + half), rows: table.rows.map((r) => r.slice(from, from + half)) }));
}

/** Line-item records with the index of the grid row each came from. */
export function lineItemsWithRows(table: Table): { record: LineItem; row: number }[] {
  return columnBlocks(table).flatMap(blockItems);
}

function blockItems(table: Table): { record: LineItem; row: number }[] {
  const roles = columnRoles(table);
  const out: { record: LineItem; row: number }[] = [];
  for (const [at, row] of table.rows.entries()) {
    // A row of column numbers (`** 1 2 3`) left in the body is not an item.
    if (isNumberingTexts(row)) continue;
    let name = roles.name >= 0 ? compact(row[roles.name] ?? '') : '';
    let code = roles.code.length ? parseClassCode(roles.code.map((i) => row[i] ?? ''), roles.economic) : null;
    if (!code && name) {
      const coded = splitCodedName(name);
      if (coded) {
        code = parseClassCode([coded.code], roles.economic);
        if (code) name = coded.name;
      }
    }
    // A 合计 row often prints its label in the code column.
    const labelCells = [...roles.code.map((i) => compact(row[i] ?? '')), name];
    const isTotal = labelCells.some((t) => TOTAL_NAME.test(t));
    const isSubtotal = !isTotal && labelCells.some((t) => SUBTOTAL_NAME.test(t));
    if (!name) name = labelCells.find((t) => t && !/^\d+$/u.test(t)) ?? '';
    const unitCode = roles.unitCode >= 0 ? compact(row[roles.unitCode] ?? '') || null : null;
    const { amounts, extra } = readAmounts(row, roles);
    if (!code && !name && !unitCode && Object.values(amounts).every((v) => v === null)) continue;
    out.push({ record: { code, name, unitCode, isTotal, isSubtotal, amounts, extra }, row: at });
  }
  return out;
}
