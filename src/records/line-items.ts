import { Decimal } from 'decimal.js';
import { toleranceFor } from '../checks/result.js';
import { compact } from '../pdf/normalize.js';
import { isNumberingTexts } from '../tables/header.js';
import type { Table } from '../types.js';
import { parseClassCode, splitCodedName, type ClassCode } from './codes.js';
import { columnRoles, type ColumnRoles } from './columns.js';
import { place, type LineItem, type Unplaced } from './schemas.js';
import { ORGANISATION_NAME, OWN_LEVEL, SUBTOTAL_ROW, TOTAL_ROW } from '../kinds/vocabulary.js';

/** Fills `amounts` (known fields) and `extra` (printed labels) from a row's amount columns. */
export function readAmounts(
  row: readonly string[],
  roles: ColumnRoles,
): { amounts: Record<string, string | null>; extra: Record<string, string | null> } {
  const amounts: Record<string, string | null> = {};
  const extra: Record<string, string | null> = {};
  for (const a of roles.amounts) {
    const p = roles.read(row[a.index] ?? '');
    const v = p.kind === 'number' ? p.value : null;
    if (a.field) amounts[a.field] = v;
    else extra[a.label] = v;
  }
  return { amounts, extra };
}

/** Records for tables of amounts by classification code or unit (收入总表, 支出总表, 一般公共预算支出表 …). */
export function lineItems(table: Table): LineItem[] {
  return place(lineItemsWithRows(table));
}

/**
 * A table printed as two side-by-side halves with the same columns (Shanghai's 基本支出决算表: 301… on the left,
 * 302… on the right) reads as its left half, then its right half.
 */
export function columnBlocks(table: Table): Table[] {
  const half = table.columns.length / 2;
  const twin =
    Number.isInteger(half) && half >= 2 && table.columns.slice(0, half).every((c, i) => c === table.columns[half + i]);
  if (!twin) return [table];
  return [0, half].map((from) => ({
    ...table,
    columns: table.columns.slice(from, from + half),
    rows: table.rows.map((r) => r.slice(from, from + half)),
  }));
}

/** Line-item records with the index of the grid row each came from. */
function lineItemsWithRows(table: Table): { record: Unplaced<LineItem>; row: number }[] {
  return columnBlocks(table).flatMap(blockItems);
}

/** A row's name: its item's name column, else (a unit's own row) the unit's name column. */
function nameOf(row: readonly string[], roles: ColumnRoles): string {
  const own = roles.name >= 0 ? compact(row[roles.name] ?? '') : '';
  return own || (roles.unitName >= 0 ? compact(row[roles.unitName] ?? '') : '');
}

function blockItems(table: Table): { record: Unplaced<LineItem>; row: number }[] {
  const roles = columnRoles(table);
  const out: { record: Unplaced<LineItem>; row: number }[] = [];
  const unitCodes = codesInUnitColumn(table, roles);
  for (const [at, row] of table.rows.entries()) {
    // A row of column numbers (`** 1 2 3`) left in the body is not an item.
    if (isNumberingTexts(row)) continue;
    let name = nameOf(row, roles);
    let code = roles.code.length
      ? parseClassCode(
          roles.code.map((i) => row[i] ?? ''),
          roles.economic,
        )
      : null;
    if (!code && name) {
      const coded = splitCodedName(name);
      if (coded) {
        code = parseClassCode([coded.code], roles.economic);
        if (code) name = coded.name;
      }
    }
    // A 合计 row often prints its label in the code column, or in the 单位编码 column (合计 | | 62,109,297.20).
    const unitCell = roles.unitCode >= 0 ? compact(row[roles.unitCode] ?? '') : '';
    const totalInUnitColumn = TOTAL_ROW.test(unitCell);
    const labelCells = [
      ...roles.code.map((i) => compact(row[i] ?? '')),
      ...(totalInUnitColumn ? [unitCell] : []),
      name,
    ];
    const isTotal = labelCells.some((t) => TOTAL_ROW.test(t));
    const isSubtotal = !isTotal && labelCells.some((t) => SUBTOTAL_ROW.test(t));
    if (!name) name = labelCells.find((t) => t && !/^\d+$/u.test(t)) ?? '';
    let unitCode = roles.unitCode >= 0 && !totalInUnitColumn ? unitCell || null : null;
    const inUnitColumn = unitCodes.get(at);
    if (inUnitColumn) {
      code = inUnitColumn;
      unitCode = null;
    }
    const { amounts, extra } = readAmounts(row, roles);
    if (!code && !name && !unitCode && Object.values(amounts).every((v) => v === null)) continue;
    // A row whose amounts could not be read at all is no record (a warning names its cells), not a row of nulls.
    const unread = roles.amounts.some((a) => roles.read(row[a.index] ?? '').kind === 'unread');
    if (unread && [...Object.values(amounts), ...Object.values(extra)].every((v) => v === null)) continue;
    out.push({ record: { code, name, unitCode, isTotal, isSubtotal, amounts, extra }, row: at });
  }
  markDepartmentTotal(table, out);
  return out;
}

/**
 * A table with no 合计 row whose first row is the department above its units (Shenzhen: `深圳市XX局`, then
 * `深圳市XX局(本级)` and the other units, each followed by its subject rows; or a department of one unit, its row above
 * its subject rows): the first row is the table's total, but only where the table shows it is one: its 合计 equals the
 * sum of the unit rows under it (the other rows with a name and no code) or of the table's 类 rows (within the
 * rounding the checks allow), or its own 本级
 * row follows (the layout of a department over its units). Otherwise no row is marked: a total is never made up.
 * A table of a single unnamed row is its own total.
 */
function markDepartmentTotal(table: Table, items: { record: Unplaced<LineItem> }[]): void {
  if (!items.length || items.some((i) => i.record.isTotal)) return;
  const first = items[0]!.record;
  // A table of one row naming nothing (no code, name or unit: Jiangsu's 支出预算总表, 合计 | 基本支出 | 项目支出 …)
  // is the department's whole: that row is its total.
  if (items.length === 1 && !first.code && !first.name && !first.unitCode && !first.isSubtotal) {
    first.isTotal = true;
    return;
  }
  if (first.code || !first.name || first.isSubtotal) return;
  const units = items.slice(1).filter((i) => !i.record.code && i.record.name && !i.record.isSubtotal);
  const classes = items.filter((i) => i.record.code?.level === 1);
  const own = units.some((u) => OWN_LEVEL.test(u.record.name) && u.record.name.replace(OWN_LEVEL, '') === first.name);
  const total = first.amounts.total;
  // Within the checks' rounding (尾差: half a unit of each figure's last digit), as the document's own sums are.
  const sumsTo = (rows: { record: Unplaced<LineItem> }[]): boolean => {
    const parts = rows.map((u) => u.record.amounts.total ?? null);
    if (total == null || !parts.length || parts.some((p) => p === null)) return false;
    const sum = parts.reduce((s, p) => s.plus(p!), new Decimal(0));
    return sum
      .minus(total)
      .abs()
      .lte(toleranceFor(table, parts.length, [...parts, total]));
  };
  if (own || sumsTo(units) || sumsTo(classes)) first.isTotal = true;
}

/** A subject code's shape: 类 (3 digits), 类款 (5), 类款项 (7). Unit codes are 6 digits (103001) or carry a name. */
const SUBJECT_CODE = /^\d{3}(?:\d{2}){0,2}$/u;

/**
 * Rows whose 单位代码 cell holds a subject code, not a unit's. Sichuan's 基本支出表 (and its other tables of the same
 * template: 类 | 款 | 单位代码 | 单位名称(科目)) prints a class row as `301 工资福利支出` with the 301 in the 单位代码
 * column and its 类/款 cells blank, and an item row as `301 | 01 | 30101 | 基本工资`. A cell is taken as a code
 * only on the row's own evidence:
 * - the row's 类/款/项 cells spell the same code (30101 beside 301 | 01), or
 * - those cells are blank and the next row that has a code lies under it (301 above 301 | 01), and the row's name
 *   is not an organisation's (a department printed as unit `103` above its subject rows stays a unit).
 * A 3-digit unit code beside a different code (`201 | 28 | 02 | 103`, the 一般公共预算支出表) stays a unit code, as
 * do 6-digit unit codes (103001) and codes with a name (103001-…).
 */
function codesInUnitColumn(table: Table, roles: ColumnRoles): Map<number, ClassCode> {
  const out = new Map<number, ClassCode>();
  if (roles.unitCode < 0 || !roles.code.length) return out;
  const cellCode = table.rows.map((row) =>
    parseClassCode(
      roles.code.map((i) => row[i] ?? ''),
      roles.economic,
    ),
  );
  const unitText = table.rows.map((row) => compact(row[roles.unitCode] ?? ''));
  // Codes by row as far as the code cells tell: the row's own, or its unit cell where the cells spell the same.
  for (const [at, text] of unitText.entries()) {
    const own = cellCode[at];
    if (own && own.code === text) out.set(at, own);
  }
  const codeAt = (at: number): string | null => cellCode[at]?.code ?? null;
  for (const [at, text] of unitText.entries()) {
    if (cellCode[at] || !SUBJECT_CODE.test(text)) continue;
    if (roles.code.some((i) => compact(table.rows[at]![i] ?? ''))) continue;
    const name = nameOf(table.rows[at]!, roles);
    if (!name || ORGANISATION_NAME.test(name)) continue;
    let next: string | null = null;
    for (let k = at + 1; k < table.rows.length && next === null; k++) {
      next = codeAt(k);
      if (
        next === null &&
        unitText[k] &&
        SUBJECT_CODE.test(unitText[k]!) &&
        !roles.code.some((i) => compact(table.rows[k]![i] ?? ''))
      )
        next = unitText[k]!;
      if (next === null && unitText[k] && !SUBJECT_CODE.test(unitText[k]!)) break;
    }
    if (!next || next.length <= text.length || !next.startsWith(text)) continue;
    const code = parseClassCode([text], roles.economic);
    if (code) out.set(at, code);
  }
  return out;
}
