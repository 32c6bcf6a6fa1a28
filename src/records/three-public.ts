import { compact } from '../pdf/normalize.js';
import { isNumberingTexts } from '../tables/header.js';
import type { Table } from '../types.js';
import { parseAmount, plainAmount } from './amount.js';
import { place, type ThreePublic, type Unplaced } from './schemas.js';

type Field = 'total' | 'outbound' | 'subtotal' | 'purchase' | 'operation' | 'reception' | 'operatingCosts';

/** What a province calls the official cars: 公务用车 (most), 公车, 车辆. */
const VEHICLE = /公务用车|公车|车辆/u;
/**
 * The vehicle items as provinces spell them: 公务用车购置费 (Sichuan, Shanghai's 购置费 under the subtotal), 公务用车购置
 * 经费 (Yantai), 车辆购置支出; 公务用车运行费, 公务用车运行维护费, 运行维护经费. The subtotal, 公务用车购置及运行(维护)费
 * or 经费, is told apart by its 及.
 */
const VEHICLE_PURCHASE = /^购置(费用?|经费|支出)?$|(公务用车|公车|车辆)购置(费|经费|支出)/u;
const VEHICLE_OPERATION = /^运行(维护|维修)?(费用?|经费|支出)?$|(公务用车|公车|车辆)运行/u;
const VEHICLE_SUBTOTAL = /(公务用车|公车|车辆)购置及运行/u;

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
  const item = last.replace(/^其中[:：]?/u, '').replace(/^[(（]?[一二三四五六七八九十\d]+[)）]?[、.．]?/u, '');
  const parent = segs.slice(0, -1).join('/');
  const immediate = segs[segs.length - 2] ?? '';
  if (hasThreePublicSubtotal) {
    if (/三公/u.test(immediate) && !/公务用车/u.test(immediate) && /^(小计|合计)$/u.test(last)) return 'total';
    if (/^(合计|总计)$/u.test(last) && !parent) return null;
  }
  if (/因公出国/u.test(last)) return 'outbound';
  if (VEHICLE_PURCHASE.test(item)) return 'purchase';
  if (VEHICLE_OPERATION.test(item)) return 'operation';
  if (VEHICLE_SUBTOTAL.test(last)) return 'subtotal';
  if (/^小计$/u.test(last) && VEHICLE.test(parent)) return 'subtotal';
  if (/公务接待/u.test(last)) return 'reception';
  if (/机关运行经费/u.test(last)) return 'operatingCosts';
  if (/合计|总计|总额|三公.*经费/u.test(last) && !VEHICLE.test(parent)) return 'total';
  return null;
}

function basisOf(path: string): ThreePublic['basis'] {
  if (/决算|实际|执行数/u.test(path)) return 'actual';
  if (/预算/u.test(path)) return 'budget';
  return null;
}

function emptyRecord(unit: string | null, unitCode: string | null, basis: ThreePublic['basis'], isTotal: boolean): Unplaced<ThreePublic> {
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
  const subtotal = paths.some((p) => /^(合计|总计)$/u.test(p)) && paths.some((p) => /三公[^/]*\/(小计|合计)$/u.test(p));
  const across = paths.map((p, i) => ({ i, field: fieldOf(p, subtotal), basis: basisOf(p), label: table.columns[i]!, heading: null as string | null }));
  // The same items printed twice under one basis (Yantai: 2025年预算数 | 2026年预算数, each with 合计, 出国, 用车 …):
  // one record per top heading, named by it, instead of the later columns overwriting the earlier.
  const twice = across.some((c, k) => c.field && across.some((d, j) => j < k && d.field === c.field && d.basis === c.basis));
  if (twice) for (const c of across) c.heading = paths[c.i]!.split('/')[0] || null;
  if (across.some((c) => c.field === 'outbound' || c.field === 'reception')) {
    const unitCol = paths.findIndex((p) => /单位名称|单位|项目|科目名称/u.test(p) && !/编码|代码/u.test(p));
    const codeCol = paths.findIndex((p) => /单位(编码|代码)/u.test(p));
    const groupOf = (c: (typeof across)[number]): string => `${c.basis}\u0000${c.heading ?? ''}`;
    const groups = [...new Map(across.filter((c) => c.field).map((c) => [groupOf(c), c] as const)).values()];
    const out: { record: Unplaced<ThreePublic>; row: number }[] = [];
    for (const [at, row] of table.rows.entries()) {
      if (isNumberingTexts(row)) continue;
      const unitText = unitCol >= 0 ? compact(row[unitCol] ?? '') : '';
      const unit = unitText && !/^(合计|总计)$/u.test(unitText) ? unitText : null;
      const unitCode = codeCol >= 0 ? compact(row[codeCol] ?? '') || null : null;
      for (const g of groups) {
        const rec = emptyRecord(unit, unitCode, g.basis, /^(合计|总计)$/u.test(unitText) || table.rows.length === 1);
        if (g.heading) {
          rec.heading = g.heading;
          // The year the heading names: the figures of 2025年预算数 and 2026年预算数 are told apart by it.
          const year = /((?:19|20)\d{2})年/u.exec(g.heading)?.[1];
          if (year) rec.year = Number(year);
        }
        for (const c of across) {
          if (c.i === unitCol || c.i === codeCol) continue;
          if (c.field && groupOf(c) === groupOf(g)) assign(rec, c.field, value(row[c.i]));
          else if (!c.field && g === groups[0] && parseAmount(row[c.i] ?? '').kind !== 'text') rec.extra[c.label] = value(row[c.i]);
        }
        out.push({ record: rec, row: at });
      }
    }
    return out;
  }
  // Down: the item names are in the first text column, amounts in the columns after it.
  const amountCols = paths.map((p, i) => ({ i, basis: basisOf(p), label: table.columns[i]! })).filter(({ i }) => table.rows.some((r) => parseAmount(r[i] ?? '').kind === 'number'));
  if (!amountCols.length) return [];
  const nameCol = paths.findIndex((_, i) => !amountCols.some((c) => c.i === i));
  const out: { record: Unplaced<ThreePublic>; row: number }[] = [];
  const bases = amountCols.length > 1 ? amountCols : [amountCols[0]!];
  const fields = table.rows.map((row) => fieldOf(compact(row[nameCol] ?? '')));
  const totalRow = fields.indexOf('total');
  const anchor = totalRow >= 0 ? totalRow : Math.max(0, fields.findIndex((f) => f !== null));
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
