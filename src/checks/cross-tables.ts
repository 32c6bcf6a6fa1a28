import type { LineItem, SummaryItem } from '../records/schemas.js';
import type { Table, TableKind, TableOf } from '../types.js';
import { operatingCostsChecks } from './final-account.js';
import { compare, dec, type CheckResult } from './result.js';
import { FISCAL_INCOME, GENERAL_BUDGET } from '../kinds/vocabulary.js';

type LineItemKind = 'general_public_expenditure' | 'basic_expenditure' | 'project_expenditure';
const totalOf = (t: TableOf<LineItemKind>): LineItem | undefined => t.records?.find((r) => r.isTotal);
const find = <K extends TableKind>(tables: readonly Table[], kind: K, title?: RegExp): TableOf<K> | undefined =>
  tables.find((t): t is TableOf<K> => t.kind === kind && !t.empty && (!title || title.test(t.title)));
const summaryOf = (t: TableOf<'income_expenditure_summary' | 'fiscal_summary'>): SummaryItem[] => t.records ?? [];

interface Pair {
  id: string;
  zh: string;
  en: string;
  a?: TableOf<LineItemKind>;
  aValue: (r: LineItem) => string | null | undefined;
  aColumn: string;
  b?: TableOf<LineItemKind>;
  bValue: (r: LineItem) => string | null | undefined;
}

/** Totals that two tables of one document print for the same money. Reported on the second table. */
export function crossTableChecks(tables: readonly Table[]): CheckResult[] {
  const generalBudget = find(tables, 'general_public_expenditure');
  const pairs: Pair[] = [
    {
      id: 'cross.general_budget_basic',
      zh: '一般公共预算基本支出表合计等于一般公共预算支出表的基本支出合计',
      en: 'the general-budget basic expenditure table total equals the basic column of the general-budget expenditure table',
      a: generalBudget,
      aValue: (r) => r.amounts.basic,
      aColumn: 'basic',
      b: find(tables, 'basic_expenditure', GENERAL_BUDGET),
      bValue: (r) => r.amounts.total,
    },
    {
      id: 'cross.general_budget_project',
      zh: '一般公共预算项目支出表合计等于一般公共预算支出表的项目支出合计',
      en: 'the general-budget project table total equals the project column of the general-budget expenditure table',
      a: generalBudget,
      aValue: (r) => r.amounts.project,
      aColumn: 'project',
      b: find(tables, 'project_expenditure', GENERAL_BUDGET),
      bValue: (r) => r.amounts.total,
    },
  ];
  const out: CheckResult[] = [];
  for (const p of pairs) {
    if (!p.a || !p.b || p.a.unit !== p.b.unit) continue;
    const ta = totalOf(p.a),
      tb = totalOf(p.b);
    const va = ta && p.aValue(ta),
      vb = tb && p.bValue(tb);
    if (!ta || !tb || va === undefined || vb === undefined || (va === null && vb === null)) continue;
    out.push({
      ...compare({
        id: p.id,
        zh: p.zh,
        en: p.en,
        table: p.b,
        row: { code: null, name: tb.name },
        rowIndex: tb.row,
        column: p.aColumn,
        expected: dec(va),
        found: dec(vb),
        terms: 1,
        figures: [va, vb],
        cells: [
          {
            table: p.a,
            rowIndex: ta.row,
            column: p.aColumn,
            hint: p.aColumn === 'basic' ? /基本/u : /项目/u,
            code: null,
            name: ta.name,
            value: va,
          },
        ],
      }),
      message: { zh: `${p.zh}(${p.a.title})`, en: `${p.en} (${p.a.title})` },
    });
  }
  out.push(...fiscalSummaryCheck(tables), ...operatingCostsChecks(tables));
  return out;
}

/** When a department has no money but fiscal appropriations, its 收支总表 and 财政拨款收支总表 totals agree. */
function fiscalSummaryCheck(tables: readonly Table[]): CheckResult[] {
  const all = find(tables, 'income_expenditure_summary');
  const fiscal = find(tables, 'fiscal_summary');
  if (!all || !fiscal || all.unit !== fiscal.unit) return [];
  const items = summaryOf(all);
  const onlyFiscal = items
    .filter((i) => i.side === 'income' && !FISCAL_INCOME.test(i.name))
    .every((i) => dec(i.amounts.total).isZero());
  const a = items.find((i) => i.totalKind === 'incomeGrandTotal');
  const b = summaryOf(fiscal).find((x) => x.totalKind === 'incomeGrandTotal');
  if (!onlyFiscal || !a || !b || a.amounts.total == null || b.amounts.total == null) return [];
  return [
    {
      ...compare({
        id: 'cross.fiscal_summary_total',
        zh: '全部为财政拨款时,财政拨款收支总表收入总计等于收支总表收入总计',
        en: 'with fiscal appropriations only, the fiscal summary total equals the summary total',
        table: fiscal,
        row: { code: null, name: b.name },
        rowIndex: b.row,
        column: 'total',
        expected: dec(a.amounts.total),
        found: dec(b.amounts.total),
        terms: 1,
        figures: [a.amounts.total, b.amounts.total],
        cells: [
          {
            table: all,
            rowIndex: a.row,
            column: 'total',
            hint: /合计|总计|金额/u,
            code: null,
            name: a.name,
            value: a.amounts.total,
          },
        ],
      }),
      message: {
        zh: `全部为财政拨款时,财政拨款收支总表收入总计等于收支总表收入总计(${all.title})`,
        en: `with fiscal appropriations only, the fiscal summary total equals the summary total (${all.title})`,
      },
    },
  ];
}
