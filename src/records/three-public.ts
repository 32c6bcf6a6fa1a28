import { compact } from '../pdf/normalize.js';
import { isNumberingTexts } from '../tables/header.js';
import type { Table } from '../types.js';
import { parseAmount, plainAmount } from './amount.js';
import { place, type ThreePublic, type Unplaced } from './schemas.js';
import {
  ACTUAL_BASIS,
  BUDGET_BASIS,
  CODE_WORD,
  HEADING_YEAR,
  NUMBERING_PREFIX,
  OF_WHICH_PREFIX,
  OPERATING_COSTS,
  OUTBOUND,
  PART_TOTAL,
  RECEPTION,
  SUBTOTAL_ROW,
  THREE_PUBLIC,
  THREE_PUBLIC_SUBTOTAL,
  THREE_PUBLIC_TOTAL,
  THREE_PUBLIC_UNIT_COLUMN,
  TOTAL_WORD,
  UNIT_CODE_COLUMN,
  VEHICLE,
  VEHICLE_OPERATION,
  VEHICLE_PURCHASE,
  VEHICLE_SUBTOTAL,
} from '../kinds/vocabulary.js';

type Field = 'total' | 'outbound' | 'subtotal' | 'purchase' | 'operation' | 'reception' | 'operatingCosts';

/**
 * The “三公” item a label names; 用车 小计 only when its parent names the vehicle costs. Where the table has a “三公”
 * subtotal beside a grand 合计 (that also counts 会议费, 培训费), the subtotal is the “三公” total.
 */
function fieldOf(path: string, hasThreePublicSubtotal = false): Field | null {
  const segs = path.split('/').map(compact);
  const last = segs[segs.length - 1] ?? '';
  // `其中:公务用车购置费` (a breakdown printed under the subtotal) names the same item.
  // `其中:公务用车购置费` (a breakdown printed under the subtotal) and `(1)公务用车购置费` (an item row of a table
  // printed down) name the same item.
  const item = last.replace(OF_WHICH_PREFIX, '').replace(NUMBERING_PREFIX, '');
  const parent = segs.slice(0, -1).join('/');
  const immediate = segs[segs.length - 2] ?? '';
  if (hasThreePublicSubtotal) {
    if (THREE_PUBLIC.test(immediate) && !VEHICLE.test(immediate) && PART_TOTAL.test(last)) return 'total';
    if (TOTAL_WORD.test(last) && !parent) return null;
  }
  if (OUTBOUND.test(last)) return 'outbound';
  if (VEHICLE_PURCHASE.test(item)) return 'purchase';
  if (VEHICLE_OPERATION.test(item)) return 'operation';
  if (VEHICLE_SUBTOTAL.test(last)) return 'subtotal';
  if (SUBTOTAL_ROW.test(last) && VEHICLE.test(parent)) return 'subtotal';
  if (RECEPTION.test(last)) return 'reception';
  if (OPERATING_COSTS.test(last)) return 'operatingCosts';
  if (THREE_PUBLIC_TOTAL.test(last) && !VEHICLE.test(parent)) return 'total';
  return null;
}

function basisOf(path: string): ThreePublic['basis'] {
  if (ACTUAL_BASIS.test(path)) return 'actual';
  if (BUDGET_BASIS.test(path)) return 'budget';
  return null;
}

function emptyRecord(
  unit: string | null,
  unitCode: string | null,
  basis: ThreePublic['basis'],
  isTotal: boolean,
): Unplaced<ThreePublic> {
  return { unit, unitCode, basis, isTotal, vehicle: {}, extra: {} };
}

function assign(rec: Unplaced<ThreePublic>, field: Field, value: string | null): void {
  if (field === 'subtotal' || field === 'purchase' || field === 'operation') rec.vehicle[field] = value;
  else rec[field] = value;
}

const value = (cell: string | undefined): string | null => plainAmount(cell ?? '');

/**
 * “三公”经费 tables, either across (one column per item, a row per unit or one row for all) or down (one row per
 * item, a column per basis).
 */
export function threePublicRecords(table: Table): ThreePublic[] {
  return place(threePublicRecordsWithRows(table));
}

/**
 * “三公” records with the row each is about: a unit's (or the 合计) row across; down, the row of the item that is
 * the record's 合计 (else its first item row).
 */
export function threePublicRecordsWithRows(table: Table): { record: Unplaced<ThreePublic>; row: number }[] {
  const paths = table.columns.map(compact);
  // A “三公” subtotal beside a grand 合计: `合计 | “三公”经费/小计 | …`.
  const subtotal = paths.some((p) => TOTAL_WORD.test(p)) && paths.some((p) => THREE_PUBLIC_SUBTOTAL.test(p));
  const across = paths.map((p, i) => ({
    i,
    field: fieldOf(p, subtotal),
    basis: basisOf(p),
    label: table.columns[i]!,
    heading: null as string | null,
  }));
  // The same items printed twice under one basis (Yantai: 2025年预算数 | 2026年预算数, each with 合计, 出国, 用车 …):
  // one record per top heading, named by it, instead of the later columns overwriting the earlier.
  const twice = across.some(
    (c, k) => c.field && across.some((d, j) => j < k && d.field === c.field && d.basis === c.basis),
  );
  if (twice) for (const c of across) c.heading = paths[c.i]!.split('/')[0] || null;
  if (across.some((c) => c.field === 'outbound' || c.field === 'reception')) {
    const unitCol = paths.findIndex((p) => THREE_PUBLIC_UNIT_COLUMN.test(p) && !CODE_WORD.test(p));
    const codeCol = paths.findIndex((p) => UNIT_CODE_COLUMN.test(p));
    const groupOf = (c: (typeof across)[number]): string => `${c.basis}\u0000${c.heading ?? ''}`;
    const groups = [...new Map(across.filter((c) => c.field).map((c) => [groupOf(c), c] as const)).values()];
    const out: { record: Unplaced<ThreePublic>; row: number }[] = [];
    for (const [at, row] of table.rows.entries()) {
      if (isNumberingTexts(row)) continue;
      const unitText = unitCol >= 0 ? compact(row[unitCol] ?? '') : '';
      const unit = unitText && !TOTAL_WORD.test(unitText) ? unitText : null;
      const unitCode = codeCol >= 0 ? compact(row[codeCol] ?? '') || null : null;
      for (const g of groups) {
        const rec = emptyRecord(unit, unitCode, g.basis, TOTAL_WORD.test(unitText) || table.rows.length === 1);
        if (g.heading) {
          rec.heading = g.heading;
          // The year the heading names: the figures of 2025年预算数 and 2026年预算数 are told apart by it.
          const year = HEADING_YEAR.exec(g.heading)?.[1];
          if (year) rec.year = Number(year);
        }
        for (const c of across) {
          if (c.i === unitCol || c.i === codeCol) continue;
          if (c.field && groupOf(c) === groupOf(g)) assign(rec, c.field, value(row[c.i]));
          else if (!c.field && g === groups[0] && parseAmount(row[c.i] ?? '').kind !== 'text')
            rec.extra[c.label] = value(row[c.i]);
        }
        out.push({ record: rec, row: at });
      }
    }
    return out;
  }
  // Down: the item names are in the first text column, amounts in the columns after it.
  const amountCols = paths
    .map((p, i) => ({ i, basis: basisOf(p), label: table.columns[i]! }))
    .filter(({ i }) => table.rows.some((r) => parseAmount(r[i] ?? '').kind === 'number'));
  if (!amountCols.length) return [];
  const nameCol = paths.findIndex((_, i) => !amountCols.some((c) => c.i === i));
  const out: { record: Unplaced<ThreePublic>; row: number }[] = [];
  const bases = amountCols.length > 1 ? amountCols : [amountCols[0]!];
  const fields = table.rows.map((row) => fieldOf(compact(row[nameCol] ?? '')));
  const totalRow = fields.indexOf('total');
  const anchor =
    totalRow >= 0
      ? totalRow
      : Math.max(
          0,
          fields.findIndex((f) => f !== null),
        );
  for (const col of bases) {
    const rec = emptyRecord(null, null, col.basis, true);
    for (const [at, row] of table.rows.entries()) {
      const name = compact(row[nameCol] ?? '');
      const field = fields[at];
      if (field) assign(rec, field, value(row[col.i]));
      else if (name) rec.extra[name] = value(row[col.i]);
    }
    out.push({ record: rec, row: anchor });
  }
  return out;
}
