import { compact } from '../pdf/normalize.js';
import type { Table } from '../types.js';
import { amountReader, type ParsedAmount } from './amount.js';

/** Printed header labels → field names. Order matters: the more specific label first. */
const AMOUNT_FIELDS: [RegExp, string][] = [
  [/^(合计|总计|小计|金额|预算数|本年预算数?|预算金额|年初预算数?|决算数|支出合计|收入合计)$/u, 'total'],
  [/上年结转|上年结余|结转结余|年初结转/u, 'carriedOver'],
  [/年末结转|年终结转/u, 'yearEndBalance'],
  [/一般公共预算/u, 'generalBudget'],
  [/政府性基金/u, 'governmentFund'],
  [/国有资本经营/u, 'stateCapital'],
  [/财政专户/u, 'fiscalSpecialAccount'],
  [/事业单位经营收入|经营收入/u, 'operating'],
  [/事业收入/u, 'business'],
  [/上级补助/u, 'superiorSubsidy'],
  [/附属单位上缴/u, 'subordinateRemit'],
  [/用事业基金弥补|事业基金/u, 'businessFund'],
  [/其他收入/u, 'otherIncome'],
  [/单位资金/u, 'unitFunds'],
  [/基本支出/u, 'basic'],
  [/项目支出/u, 'project'],
  [/人员经费/u, 'personnel'],
  [/公用经费/u, 'public'],
  [/上缴上级/u, 'remitToSuperior'],
  [/对附属单位补助/u, 'subsidyToSubordinate'],
  [/事业单位经营支出|经营支出/u, 'operatingExpenditure'],
  [/当年财政拨款/u, 'currentYearFiscal'],
  [/财政拨款/u, 'fiscal'],
];

const CODE_COLUMN = /(^|\/)(类|款|项)$|科目编码|科目代码|功能科目代码|编码$|代码$|^科目编码/u;
const UNIT_CODE_COLUMN = /单位(编码|代码)/u;
const NAME_COLUMN = /名称|项目|科目|单位/u;
/** Row numbers, not amounts. */
const SERIAL_COLUMN = /^(序号|行次|栏次|编号)$/u;

export interface ColumnRoles {
  /** Columns that hold the classification code (one, or 类/款/项). */
  code: number[];
  /** The column with the row's name (科目名称, 项目, 单位名称). */
  name: number;
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

/**
 * A column's field: from its last header segment; when that field is taken by an earlier column, the nearest
 * mapped ancestor segment qualifies it (`一般公共预算拨款/基本支出` → `generalBudgetBasic`). Unmapped → null.
 */
function fieldForPath(path: string, taken: Set<string>): string | null {
  const segments = path.split('/').filter(Boolean);
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
  const code = cols.map((c, i) => [c, i] as const).filter(([c, i]) => i !== unitCode && CODE_COLUMN.test(c) && !/名称/u.test(c)).map(([, i]) => i);
  const isAmountColumn = (i: number): boolean => {
    let numbers = 0, texts = 0;
    for (const r of table.rows) {
      const p = read(r[i] ?? '');
      // A cell of digits the table does not let us read is still an amount cell (its value stays null).
      if (p.kind === 'number' || p.kind === 'unread') numbers++;
      else if (p.kind === 'text') texts++;
    }
    return texts <= numbers / 10 && (numbers > 0 || fieldForPath(compact(table.columns[i] ?? ''), new Set()) !== null);
  };
  const name = cols.findIndex((c, i) => !code.includes(i) && i !== unitCode && NAME_COLUMN.test(c) && !isAmountColumn(i));
  const taken = new Set<string>();
  const amounts: ColumnRoles['amounts'] = [];
  cols.forEach((c, i) => {
    if (code.includes(i) || i === unitCode || i === name || SERIAL_COLUMN.test(c) || !isAmountColumn(i)) return;
    const field = fieldForPath(c, taken);
    if (field) taken.add(field);
    amounts.push({ index: i, field, label: table.columns[i]!, ofWhich: /(^|\/)其中[:：]?(\/|$)/u.test(c) });
  });
  return { code, name, unitCode, amounts, read, economic: cols.some((c) => /经济/u.test(c)) || /经济/u.test(table.title) };
}
