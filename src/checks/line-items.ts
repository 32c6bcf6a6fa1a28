import type { Decimal } from 'decimal.js';
import { columnRoles, type ColumnRoles } from '../records/columns.js';
import { columnBlocks } from '../records/line-items.js';
import type { LineItem } from '../records/schemas.js';
import type { Table } from '../types.js';
import { compare, dec, type CheckResult, type TermCell } from './result.js';

interface Item {
  record: LineItem;
  row: number | null;
}

/** A line-item table read once for all its checks: its records with their rows, its column roles. */
interface Context {
  table: Table;
  items: Item[];
  roles: ColumnRoles;
  /** The amount columns: printed label → how to read it from a record. */
  columns: { label: string; read: (r: LineItem) => string | null }[];
}

/** Every check of a line-item table (tree, total, per-row identities), on the records extraction built. */
export function lineItemChecks(table: Table, records: readonly LineItem[]): CheckResult[] {
  const roles = columnRoles(columnBlocks(table)[0]!);
  const columns = roles.amounts.map((a) => ({
    label: a.label,
    read: a.field ? (r: LineItem) => r.amounts[a.field!] ?? null : (r: LineItem) => r.extra[a.label] ?? null,
  }));
  const ctx: Context = { table, items: records.map((record) => ({ record, row: record.row })), roles, columns };
  return [...treeChecks(ctx), ...totalChecks(ctx), ...rowChecks(ctx)];
}

const rowOf = (i: Item): CheckResult['row'] => ({ code: i.record.code?.code ?? null, name: i.record.name });
/** The cells of `items` in one column, as the terms of a sum. */
const cellsOf = (
  table: Table,
  items: readonly Item[],
  column: string,
  read: (r: LineItem) => string | null,
): TermCell[] =>
  items.map((i) => ({
    table,
    rowIndex: i.row,
    column,
    code: i.record.code?.code ?? null,
    name: i.record.name,
    value: read(i.record),
  }));
const sum = (items: readonly Item[], read: (r: LineItem) => string | null): Decimal =>
  items.reduce((s, i) => s.plus(dec(read(i.record))), dec('0'));

/**
 * 类 = Σ 款 and 款 = Σ 项 (function and economic codes alike): a parent's children are the rows right below it whose
 * codes extend its own, up to the first that does not (so tables with one block per unit are checked per block).
 */
function treeChecks({ table, items, columns }: Context): CheckResult[] {
  const out: CheckResult[] = [];
  items.forEach((parent, at) => {
    const code = parent.record.code;
    if (!code || code.level === 3) return;
    const kids: Item[] = [];
    for (const next of items.slice(at + 1)) {
      const c = next.record.code;
      if (!c || c.code.length <= code.code.length || !c.code.startsWith(code.code)) break;
      if (c.parent === code.code) kids.push(next);
    }
    if (!kids.length) return;
    const level = code.level === 1 ? ['类', '款'] : ['款', '项'];
    for (const col of columns) {
      out.push(
        compare({
          id: 'tree.parent_equals_children',
          zh: `${level[0]} ${code.code} ${parent.record.name} 等于其下 ${level[1]} 之和`,
          en: `${code.code} ${parent.record.name} equals the sum of its ${kids.length} child rows`,
          table,
          row: rowOf(parent),
          rowIndex: parent.row,
          column: col.label,
          expected: sum(kids, col.read),
          found: dec(col.read(parent.record)),
          terms: kids.length,
          figures: [...kids.map((k) => col.read(k.record)), col.read(parent.record)],
          cells: cellsOf(table, kids, col.label, col.read),
        }),
      );
    }
  });
  return out;
}

/**
 * 合计 = Σ top-level rows: the 类 rows where codes are printed, else the rows of each unit. Tables that list
 * projects or 款 rows without their 类 are not summed: their top level is not printed.
 */
function totalChecks({ table, items, columns }: Context): CheckResult[] {
  const total = items.find((i) => i.record.isTotal);
  if (!total) return [];
  const coded = items.filter((i) => i.record.code);
  const units = items.filter((i) => !i.record.isTotal && !i.record.isSubtotal && i.record.unitCode);
  // Units nest by code (204 and its 204001, 204003): only the outermost count.
  const outer = units.filter(
    (u) =>
      !units.some(
        (o) => o !== u && u.record.unitCode!.startsWith(o.record.unitCode!) && u.record.unitCode !== o.record.unitCode,
      ),
  );
  // Outer units of different code lengths are categories of another kind (全额 1 beside 204001): not summed.
  const sameLength = new Set(outer.map((u) => u.record.unitCode!.length)).size === 1;
  const top = coded.length ? coded.filter((i) => i.record.code!.level === 1) : sameLength ? outer : [];
  if (!top.length) return [];
  return columns.map((col) =>
    compare({
      id: 'total.equals_top_rows',
      zh: `合计等于各${coded.length ? '类' : '单位'}之和`,
      en: `the total equals the sum of the ${top.length} top-level rows`,
      table,
      row: rowOf(total),
      rowIndex: total.row,
      column: col.label,
      expected: sum(top, col.read),
      found: dec(col.read(total.record)),
      terms: top.length,
      figures: [...top.map((k) => col.read(k.record)), col.read(total.record)],
      cells: cellsOf(table, top, col.label, col.read),
    }),
  );
}

const EXPENDITURE_PARTS = ['basic', 'project', 'remitToSuperior', 'subsidyToSubordinate', 'operatingExpenditure'];
const INCOME_PARTS = [
  'generalBudget',
  'governmentFund',
  'stateCapital',
  'fiscalSpecialAccount',
  'business',
  'operating',
  'superiorSubsidy',
  'subordinateRemit',
  'otherIncome',
  'businessFund',
  'carriedOver',
];

/**
 * Per row: 合计 = 基本支出 + 项目支出 (+ 上缴上级, 对附属单位补助, 经营支出); 合计 = 人员经费 + 公用经费; income
 * 合计 = Σ its source columns. Applied only where every amount column of the table (but 其中 breakdowns) is one of
 * the parts, so a column the mapper does not know never makes an identity fail.
 */
function rowChecks({ table, items, roles }: Context): CheckResult[] {
  // 其中 columns break another column down; they are not added again.
  const fields = roles.amounts.filter((a) => !a.ofWhich).map((a) => a.field);
  if (!fields.includes('total')) return [];
  const others = fields.filter((f) => f !== 'total');
  const identities: { id: string; zh: string; en: string; parts: string[] }[] = [];
  if (others.length && others.every((f) => f && EXPENDITURE_PARTS.includes(f)) && others.includes('basic'))
    identities.push({
      id: 'row.total_equals_basic_plus_project',
      zh: '合计等于基本支出与项目支出等之和',
      en: 'total equals basic + project (+ other spending columns)',
      parts: others as string[],
    });
  else if (others.length === 2 && others.includes('personnel') && others.includes('public'))
    identities.push({
      id: 'row.total_equals_personnel_plus_public',
      zh: '合计等于人员经费与公用经费之和',
      en: 'total equals personnel + public expenses',
      parts: ['personnel', 'public'],
    });
  else if (table.kind === 'income' && others.length >= 2 && others.every((f) => f && INCOME_PARTS.includes(f)))
    identities.push({
      id: 'row.income_total_equals_sources',
      zh: '收入合计等于各来源之和',
      en: 'income total equals the sum of its sources',
      parts: others as string[],
    });
  const out: CheckResult[] = [];
  for (const item of items) {
    for (const idn of identities) {
      const values = idn.parts.map((p) => item.record.amounts[p] ?? null);
      if (item.record.amounts.total == null && values.every((v) => v == null)) continue;
      out.push(
        compare({
          id: idn.id,
          zh: idn.zh,
          en: idn.en,
          table,
          row: rowOf(item),
          rowIndex: item.row,
          column: roles.amounts.find((a) => a.field === 'total')!.label,
          expected: values.reduce((s, v) => s.plus(dec(v)), dec('0')),
          found: dec(item.record.amounts.total),
          terms: idn.parts.length,
          figures: [...values, item.record.amounts.total],
          cells: idn.parts.map((p, k) => ({
            table,
            rowIndex: item.row,
            column: roles.amounts.find((a) => a.field === p)?.label ?? p,
            code: item.record.code?.code ?? null,
            name: item.record.name,
            value: values[k],
          })),
        }),
      );
    }
  }
  return out;
}
