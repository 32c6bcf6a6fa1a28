import { compact } from '../pdf/normalize.js';
import type { Table } from '../types.js';
import { amountReader, type ParsedAmount } from './amount.js';
import {
  AMOUNT_FIELDS,
  CODE_COLUMN,
  HEADING_YEAR,
  NAME_COLUMN,
  NOT_THIS_YEAR_FIGURE,
  SERIAL_COLUMN,
  UNIT_CODE_COLUMN,
  UNIT_NAME_COLUMN,
} from '../kinds/vocabulary.js';

export interface ColumnRoles {
  /** Columns that hold the classification code (one, or 类/款/项). */
  code: number[];
  /** The column with the row's name (科目名称, 项目, 单位名称). */
  name: number;
  /**
   * A second name column naming the unit (单位名称, 预算单位) beside the item's own (科目名称, 项目名称): a row whose item
   * name is blank (the unit's own row, a 合计 printed under the unit) is named by it. -1 when there is none.
   */
  unitName: number;
  unitCode: number;
  /** Amount columns with their field names; `label` is the printed path; `ofWhich` under a 其中 (a breakdown). */
  amounts: { index: number; field: string | null; label: string; ofWhich: boolean }[];
  economic: boolean;
  /** How this table's amount cells read (its separators decided once for the whole table: amountReader). */
  read: (cell: string) => ParsedAmount;
}

export function fieldForLabel(segment: string): string | null {
  const s = compact(segment);
  for (const [pattern, field] of AMOUNT_FIELDS) if (pattern.test(s)) return field;
  return null;
}

/** The years a column's header names (2026 for `2026年预算数/合计`). */
const yearsIn = (path: string): number[] =>
  [...path.matchAll(new RegExp(HEADING_YEAR.source, 'gu'))].map((m) => Number(m[1]));

/**
 * A column's field: from its last header segment; when that field is taken by an earlier column, the nearest
 * mapped ancestor segment qualifies it (`一般公共预算拨款/基本支出` → `generalBudgetBasic`). Unmapped → null.
 * A column of last year's figures or of a change (上年预算数, 增减额, 增长率) takes no field, whatever it ends in
 * (`上年预算数/合计`), nor does a year's column where the table prints a later year (`2025年预算数` beside
 * `2026年预算数`): a record's fields are the year's own figures; the others stay in `extra` under their label.
 */
function fieldForPath(path: string, taken: Set<string>, latestYear: number | null = null): string | null {
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => NOT_THIS_YEAR_FIGURE.test(s))) return null;
  if (latestYear !== null && yearsIn(path).some((y) => y !== latestYear)) return null;
  const last = fieldForLabel(segments[segments.length - 1] ?? '');
  if (!last) return null;
  if (!taken.has(last)) return last;
  for (let i = segments.length - 2; i >= 0; i--) {
    const parent = fieldForLabel(segments[i]!);
    if (parent && parent !== last) {
      const name = parent + (last === 'total' ? '' : last[0]!.toUpperCase() + last.slice(1));
      if (!taken.has(name)) return name;
    }
  }
  return null;
}

/** Which column plays which part, from header evidence (its label) and, for amounts, what the cells hold. */
export function columnRoles(table: Table, read: (cell: string) => ParsedAmount = amountReader(table)): ColumnRoles {
  const cols = table.columns.map(compact);
  const unitCode = cols.findIndex((c) => UNIT_CODE_COLUMN.test(c));
  const code = cols
    .map((c, i) => [c, i] as const)
    .filter(([c, i]) => i !== unitCode && CODE_COLUMN.test(c) && !/名称/u.test(c))
    .map(([, i]) => i);
  const isAmountColumn = (i: number): boolean => {
    let numbers = 0,
      texts = 0;
    for (const r of table.rows) {
      const p = read(r[i] ?? '');
      // A cell of digits the table does not let us read is still an amount cell (its value stays null).
      if (p.kind === 'number' || p.kind === 'unread') numbers++;
      else if (p.kind === 'text') texts++;
    }
    return texts <= numbers / 10 && (numbers > 0 || fieldForPath(compact(table.columns[i] ?? ''), new Set()) !== null);
  };
  const names = cols
    .map((_, i) => i)
    .filter((i) => !code.includes(i) && i !== unitCode && NAME_COLUMN.test(cols[i]!) && !isAmountColumn(i));
  // Shenzhen's 支出总表 prints 预算单位 | 科目编码 | 科目名称: the subject rows are named in 科目名称, the unit's in 预算单位.
  const item = names.find((i) => !UNIT_NAME_COLUMN.test(cols[i]!));
  const unit = names.find((i) => UNIT_NAME_COLUMN.test(cols[i]!));
  const name = item !== undefined && unit !== undefined ? item : (names[0] ?? -1);
  const unitName = item !== undefined && unit !== undefined ? unit : -1;
  const taken = new Set<string>();
  const amounts: ColumnRoles['amounts'] = [];
  const isAmount = (c: string, i: number): boolean =>
    !(
      code.includes(i) ||
      i === unitCode ||
      i === name ||
      i === unitName ||
      SERIAL_COLUMN.test(c) ||
      !isAmountColumn(i)
    );
  const years = cols.flatMap((c, i) => (isAmount(c, i) ? yearsIn(c) : []));
  const latestYear = years.length ? Math.max(...years) : null;
  cols.forEach((c, i) => {
    if (!isAmount(c, i)) return;
    const field = fieldForPath(c, taken, latestYear);
    if (field) taken.add(field);
    amounts.push({ index: i, field, label: table.columns[i]!, ofWhich: /(^|\/)其中[:：]?(\/|$)/u.test(c) });
  });
  return {
    code,
    name,
    unitName,
    unitCode,
    amounts,
    read,
    economic: cols.some((c) => /经济/u.test(c)) || /经济/u.test(table.title),
  };
}
