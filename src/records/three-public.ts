import { Decimal } from 'decimal.js';
import { compact } from '../pdf/normalize.js';
import { isNumberingTexts } from '../tables/header.js';
import type { Table } from '../types.js';
import { parseAmount, plainAmount } from './amount.js';
import { type ColumnMeaning, columnMeaning, type MeaningContext } from './meaning.js';
import { place, type ThreePublic, type Unplaced } from './schemas.js';
import {
  ACTUAL_BASIS,
  BASIS_SEGMENT,
  BUDGET_BASIS,
  CODE_WORD,
  FUND_SOURCES,
  HEADING_YEAR,
  NUMBERING_PREFIX,
  OF_WHICH_PREFIX,
  OPERATING_COSTS,
  ORGANISATION_NAME,
  OUTBOUND,
  OWN_PART_SUFFIX,
  PART_TOTAL,
  RECEPTION,
  SERIAL_COLUMN,
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
  YEAR_SEGMENT,
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

function emptyRecord(unit: string | null, unitCode: string | null, basis: ThreePublic['basis']): Unplaced<ThreePublic> {
  return { unit, unitCode, basis, isTotal: false, vehicle: {}, extra: {} };
}

function assign(rec: Unplaced<ThreePublic>, field: Field, value: string | null): void {
  if (field === 'subtotal' || field === 'purchase' || field === 'operation') rec.vehicle[field] = value;
  else rec[field] = value;
}

const value = (cell: string | undefined): string | null => plainAmount(cell ?? '');

/** The exact sum of the figures printed (null where none is), to the finest digit printed. */
function sum(values: readonly (string | null | undefined)[]): string | null {
  const printed = values.filter((v): v is string => typeof v === 'string');
  if (!printed.length) return null;
  // To the finest digit printed, as the parts are (576.40 + 0.00, not 576.4).
  const places = Math.max(...printed.map((v) => v.split('.')[1]?.length ?? 0));
  return printed.reduce((s, v) => s.plus(v), new Decimal(0)).toFixed(places);
}

type Item = { record: Unplaced<ThreePublic>; row: number };

/** A column's meaning with its item (from the label left by the meaning) and, where printed twice, its top heading. */
interface Col {
  i: number;
  field: Field | null;
  m: ColumnMeaning;
  basis: ThreePublic['basis'];
  heading: string | null;
}

/** The named fund source a record is limited to; the whole of the funds (a 合计 column, or none named) is ''. */
const fundsKey = (m: ColumnMeaning): string => (m.funds && m.funds !== 'total' ? m.funds : '');

/**
 * “三公”经费 tables in any orientation — items as columns (a row per unit, or one row for all; years as rows or as
 * column headings) or as rows (a column per basis, year or fund source) — all read into the same record: the
 * figures of one unit (or the department) for one year, basis and fund source, with a derived figure (增减) kept as
 * a record of its own `measure`. `context.year` resolves 上年/本年 where the table prints no year.
 */
export function threePublicRecords(table: Table, context: MeaningContext = {}): ThreePublic[] {
  return place(threePublicRecordsWithRows(table, context));
}

/**
 * “三公” records with the row each is about: a unit's (or the 合计) row across; down, the row of the item that is
 * the record's 合计 (else its first item row).
 */
function threePublicRecordsWithRows(table: Table, context: MeaningContext = {}): Item[] {
  const titleYear = HEADING_YEAR.exec(compact(table.title))?.[1];
  const ctx: MeaningContext = { year: titleYear ? Number(titleYear) : context.year };
  const meanings = table.columns.map((c) => columnMeaning(c, ctx));
  const labels = meanings.map((m) => m.label);
  // A “三公” subtotal beside a grand 合计 (`合计 | “三公”经费/小计 | …`), or beside other costs with no 合计 of the
  // “三公” items of its own (`财政拨款安排的“三公”经费/小计 | … | 会议费 | 培训费`): the subtotal is the “三公” total.
  const threeSubtotal = labels.some((p) => THREE_PUBLIC_SUBTOTAL.test(p));
  const subtotal =
    threeSubtotal && (labels.some((p) => TOTAL_WORD.test(p)) || !labels.some((p) => fieldOf(p) === 'total'));
  const cols: Col[] = meanings.map((m, i) => ({
    i,
    field: fieldOf(m.label, subtotal),
    m,
    basis: m.basis ?? null,
    heading: null,
  }));
  const across = cols.some((c) => c.field === 'outbound' || c.field === 'reception');
  const items = across ? acrossRecords(table, cols, ctx) : downRecords(table, cols);
  // A table's basis where its columns print none: the title's (…“三公”经费预算表).
  if (items.every((it) => it.record.basis === null)) {
    const bare = FUND_SOURCES.reduce((s, [re]) => s.replace(new RegExp(re.source, 'gu'), ''), compact(table.title));
    const basis = ACTUAL_BASIS.test(bare) ? 'actual' : BUDGET_BASIS.test(bare) ? 'budget' : null;
    for (const it of items) it.record.basis = basis;
  }
  return items;
}

function acrossRecords(table: Table, cols: Col[], ctx: MeaningContext): Item[] {
  const fieldCols = cols.filter((c) => c.field);
  // One basis printed over some item columns is the others' too (预算总额 beside 因公出国(境)费用).
  const bases = [...new Set(fieldCols.map((c) => c.basis).filter((b) => b !== null))];
  if (bases.length === 1) for (const c of fieldCols) c.basis ??= bases[0]!;
  // The same items printed twice (2025年预算数 | 2026年预算数, each with 合计, 出国, 用车 …; 上年 | 当年 | 增减): one
  // record per top heading, named by it.
  const twice = fieldCols.some((c, k) =>
    fieldCols.some(
      (d, j) =>
        j < k &&
        d.field === c.field &&
        d.basis === c.basis &&
        fundsKey(d.m) === fundsKey(c.m) &&
        d.m.measure === c.m.measure,
    ),
  );
  if (twice) for (const c of fieldCols) c.heading = compact(table.columns[c.i]!).split('/')[0] || null;
  const split = new Set(fieldCols.map((c) => fundsKey(c.m))).size > 1;
  const baseOf = (c: Col): string =>
    [c.basis, c.m.year, c.m.relative, c.m.measure, c.heading].map((x) => x ?? '').join('\u0000');
  const bases2 = new Map<string, Col[]>();
  for (const c of fieldCols) bases2.set(baseOf(c), [...(bases2.get(baseOf(c)) ?? []), c]);

  const isAmountCol = (i: number) => table.rows.some((r) => parseAmount(r[i] ?? '').kind === 'number');
  // The columns naming a row: its unit, code, serial number (numbers, but not amounts), or any text column.
  const named = (c: Col) => CODE_WORD.test(c.m.label) || SERIAL_COLUMN.test(c.m.label);
  const idCols = cols.filter((c) => !c.field && (named(c) || !isAmountCol(c.i))).map((c) => c.i);
  // Years as rows: a column whose cells are 2025年 / 2026年 / 增减变化金额 (Shenzhen); or the basis as rows: 预算数 /
  // 决算数 (a final account's table printed down its two figures). The row label then says what the figures are.
  const yearCol = idCols.find(
    (i) =>
      table.rows.filter((r) => YEAR_SEGMENT.test(compact(r[i] ?? '')) || BASIS_SEGMENT.test(compact(r[i] ?? '')))
        .length >= 2,
  );
  const unitCol = idCols.find(
    (i) => i !== yearCol && THREE_PUBLIC_UNIT_COLUMN.test(cols[i]!.m.label) && !CODE_WORD.test(cols[i]!.m.label),
  );
  const codeCol = idCols.find((i) => UNIT_CODE_COLUMN.test(cols[i]!.m.label));
  const out: (Item & { unitKey: string; totalRow: boolean })[] = [];
  let unit: string | null = null;
  let unitCode: string | null = null;
  let unitKey = '';
  for (const [at, row] of table.rows.entries()) {
    if (isNumberingTexts(row)) continue;
    const rowLabel = yearCol !== undefined ? compact(row[yearCol] ?? '') : '';
    const rowMeaning = rowLabel ? columnMeaning(rowLabel, ctx) : null;
    const unitText = unitCol !== undefined ? compact(row[unitCol] ?? '') : '';
    const codeText = codeCol !== undefined ? compact(row[codeCol] ?? '') : '';
    const totalRow = idCols.some((i) => TOTAL_WORD.test(compact(row[i] ?? '')));
    // A unit's name printed once over its year rows.
    if (yearCol === undefined || unitText || codeText || totalRow) {
      unit = unitText && !TOTAL_WORD.test(unitText) ? unitText : null;
      unitCode = codeText && !TOTAL_WORD.test(codeText) ? codeText : null;
      unitKey =
        yearCol === undefined && unitCol === undefined && codeCol === undefined ? `#${at}` : `${unitText}|${codeText}`;
    }
    let first = true;
    for (const group of bases2.values()) {
      const byFunds = new Map<string, Unplaced<ThreePublic>>();
      for (const c of group) {
        const key = split ? fundsKey(c.m) : '';
        let rec = byFunds.get(key);
        if (!rec) {
          rec = emptyRecord(unit, unitCode, rowMeaning?.basis ?? c.basis);
          if (c.heading) rec.heading = c.heading;
          const year = rowMeaning?.year ?? c.m.year;
          if (year !== undefined) rec.year = year;
          const measure = rowMeaning?.measure ?? c.m.measure;
          if (measure) rec.measure = measure;
          if (key) rec.funds = key;
          byFunds.set(key, rec);
        }
        assign(rec, c.field!, value(row[c.i]));
      }
      // Items split by fund source with no column for all of them: the whole is their exact sum.
      if (split && !byFunds.has('')) {
        const parts = [...byFunds.values()];
        const whole = { ...parts[0]!, vehicle: {}, extra: {} } as Unplaced<ThreePublic>;
        delete whole.funds;
        for (const f of ['total', 'outbound', 'reception', 'operatingCosts'] as const)
          if (parts.some((p) => p[f] !== undefined)) whole[f] = sum(parts.map((p) => p[f]));
        for (const f of ['subtotal', 'purchase', 'operation'] as const)
          if (parts.some((p) => p.vehicle[f] !== undefined)) whole.vehicle[f] = sum(parts.map((p) => p.vehicle[f]));
        whole.fundsSummed = true;
        byFunds.set('', whole);
      }
      const records = [...byFunds.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0));
      for (const [, rec] of records) {
        if (first) {
          for (const c of cols) {
            if (c.field || idCols.includes(c.i)) continue;
            if (parseAmount(row[c.i] ?? '').kind !== 'text') rec.extra[table.columns[c.i]!] = value(row[c.i]);
          }
          first = false;
        }
        out.push({ record: rec, row: at, unitKey, totalRow });
      }
    }
  }
  // The department total: the 合计 row; else the one unit; else the first unit where the next is its own part
  // (深圳市某局 above 深圳市某局(本级)). A table of units alone gets none.
  const hasTotalRow = out.some((o) => o.totalRow);
  const units = [...new Set(out.map((o) => o.unitKey))];
  const own = out.find((o) => o.unitKey !== units[0])?.record.unit;
  const first = out[0]?.record.unit;
  const departmentFirst = !!first && !!own && OWN_PART_SUFFIX.test(own) && own.replace(OWN_PART_SUFFIX, '') === first;
  for (const o of out)
    o.record.isTotal = hasTotalRow ? o.totalRow : units.length === 1 || (departmentFirst && o.unitKey === units[0]);
  return out.map(({ record, row }) => ({ record, row }));
}

/** Down: the item names in the first text column, a record per amount column (basis, year, fund source or unit). */
function downRecords(table: Table, cols: Col[]): Item[] {
  const amountCols = cols.filter(({ i }) => table.rows.some((r) => parseAmount(r[i] ?? '').kind === 'number'));
  if (!amountCols.length) return [];
  const nameCol = cols.findIndex((_, i) => !amountCols.some((c) => c.i === i));
  const fields = table.rows.map((row) => fieldOf(compact(row[nameCol] ?? '')));
  const totalRow = fields.indexOf('total');
  const anchor =
    totalRow >= 0
      ? totalRow
      : Math.max(
          0,
          fields.findIndex((f) => f !== null),
        );
  const split = new Set(amountCols.map((c) => fundsKey(c.m))).size > 1;
  // Units as columns: a column named for an organisation (深圳市某局, 某局(本级)).
  const unitOf = (c: Col): string | null =>
    ORGANISATION_NAME.test(c.m.label) || OWN_PART_SUFFIX.test(c.m.label) ? c.m.label : null;
  const byUnit = amountCols.some((c) => unitOf(c));
  const out: Item[] = [];
  for (const col of amountCols) {
    const unit = unitOf(col);
    const rec = emptyRecord(unit, null, col.basis);
    rec.isTotal = !byUnit || !unit;
    if (col.m.year !== undefined) rec.year = col.m.year;
    if (col.m.measure) rec.measure = col.m.measure;
    if (split && fundsKey(col.m)) rec.funds = fundsKey(col.m);
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

/**
 * Whether a table's records were understood: a “三公” table that prints figures, none of which reached a record's
 * items, was not (a table printing only blanks and dashes was: its records say nothing was spent).
 */
export function threePublicUnderstood(table: Table, records: readonly Unplaced<ThreePublic>[]): boolean {
  const printsFigures = table.rows.some((row) => row.some((cell) => parseAmount(cell).kind === 'number'));
  return (
    !printsFigures ||
    records.some((r) =>
      [r.total, r.outbound, r.reception, r.vehicle.subtotal, r.vehicle.purchase, r.vehicle.operation].some(
        (v) => typeof v === 'string',
      ),
    )
  );
}
