import { Decimal } from 'decimal.js';
import { compact } from '../pdf/normalize.js';
import { amountReader } from '../records/amount.js';
import { columnRoles } from '../records/columns.js';
import type { LineItem, SummaryItem, ThreePublic } from '../records/schemas.js';
import { CARRY_KINDS, summarySides } from '../records/summary.js';
import type { Table } from '../types.js';
import { compare, dec, termsOf, type CheckResult, type TermCell } from './result.js';
import {
  ACTUAL_BASIS,
  GENERAL_BUDGET,
  NUMBERING_PREFIX,
  OF_WHICH_PREFIX,
  OPERATING_COSTS,
} from '../kinds/vocabulary.js';

type Side = SummaryItem['side'];
type Kind = NonNullable<SummaryItem['totalKind']>;

/** The printed column label of each amount field, side by side (`total` → `支出/决算数`), as the records read them. */
function sideLabels(table: Table): Record<Side, Map<string, string>> {
  const out: Record<Side, Map<string, string>> = { income: new Map(), expenditure: new Map() };
  const read = amountReader(table);
  for (const s of summarySides(table))
    for (const a of columnRoles(s.table, read).amounts)
      if (a.field) out[s.side].set(a.field, table.columns[s.from + a.index] ?? a.label);
  return out;
}

/** A row's name for a message: without its numbering (`一、`) and with its side where it prints a bare 总计. */
const nameOf = (r: SummaryItem): string => {
  const name = compact(r.name).replace(NUMBERING_PREFIX, '') || r.name;
  return name === '总计' ? (r.side === 'income' ? '收入总计' : '支出总计') : name;
};

/**
 * The identities of a 收入支出决算总表 / 财政拨款收入支出决算总表 (and of any 收支总表 printing the same rows), per
 * amount column:
 *
 * - `final.balance`: 年末结转和结余 = 年初结转和结余 + 本年收入合计 (+ 使用非财政拨款结余 / 用事业基金弥补收支差额)
 *   − 本年支出合计 − 结余分配: what the year leaves is what it opened with, plus its income, less its spending and the
 *   balance shared out. Runs where both year totals and at least one carry row are printed (without a carry row it is
 *   the year's 收入合计 = 支出合计, which `summary.income_equals_expenditure` checks there). A 总表 printing both grand
 *   totals has it implied by the three below; a printed error failing both is one cause (`checks/causes.ts`).
 * - `final.income_total`: 收入总计 = 本年收入合计 + 使用非财政拨款结余 (用事业基金弥补收支差额) + 年初结转和结余.
 * - `final.expenditure_total` (GJ-001): 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余.
 *
 * Rows of a kind printed more than once on a side add up (Xi'an's 上年实户资金余额 beside its 上年结转); a breakdown
 * (其中:…) is left out. A blank figure is 0; a column where every figure is blank is not checked.
 */
export function finalAccountChecks(table: Table, records: readonly SummaryItem[]): CheckResult[] {
  const ofKind = (side: Side, kind: Kind) =>
    records.filter((r) => r.side === side && r.totalKind === kind && !OF_WHICH_PREFIX.test(compact(r.name)));
  const one = (side: Side, kind: Kind) => {
    const found = ofKind(side, kind);
    return found.length === 1 ? found[0] : undefined;
  };
  const labels = sideLabels(table);
  const cell = (r: SummaryItem, f: string): TermCell => ({
    table,
    rowIndex: r.row,
    column: labels[r.side].get(f) ?? f,
    code: null,
    name: r.name,
    value: r.amounts[f] ?? null,
  });
  const printed = (rows: readonly SummaryItem[], f: string) => rows.some((r) => r.amounts[f] != null);
  const sum = (rows: readonly SummaryItem[], f: string) => rows.reduce((s, r) => s.plus(dec(r.amounts[f])), dec('0'));
  const out: CheckResult[] = [];

  // 收入总计 / 支出总计 = the side's year total and its carry rows.
  const sides = [
    {
      side: 'income' as const,
      id: 'final.income_total',
      grand: one('income', 'incomeGrandTotal'),
      year: one('income', 'incomeTotal'),
      carries: [...ofKind('income', 'balanceUsed'), ...ofKind('income', 'carriedOver')],
      zh: '收入方',
      en: 'income side',
    },
    {
      side: 'expenditure' as const,
      id: 'final.expenditure_total',
      grand: one('expenditure', 'expenditureGrandTotal'),
      year: one('expenditure', 'expenditureTotal'),
      carries: [...ofKind('expenditure', 'balanceDistribution'), ...ofKind('expenditure', 'yearEndBalance')],
      zh: '支出方',
      en: 'expenditure side',
    },
  ];
  for (const s of sides) {
    if (!s.grand || !s.year) continue;
    const terms = [s.year, ...s.carries].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const names = terms.map(nameOf);
    for (const f of Object.keys(s.grand.amounts)) {
      if (!printed([s.grand, ...terms], f)) continue;
      out.push(
        compare({
          id: s.id,
          zh: `${s.zh}${nameOf(s.grand)}等于${names.join('、')}之和`,
          en: `${s.en}: ${nameOf(s.grand)} equals ${names.join(' + ')}`,
          table,
          row: { code: null, name: s.grand.name },
          rowIndex: s.grand.row,
          column: labels[s.side].get(f) ?? f,
          expected: sum(terms, f),
          found: dec(s.grand.amounts[f]),
          terms: terms.length,
          figures: [...terms.map((r) => r.amounts[f]), s.grand.amounts[f]],
          cells: terms.map((r) => cell(r, f)),
        }),
      );
    }
  }

  // The carry identity across the two sides.
  const income = one('income', 'incomeTotal');
  const spending = one('expenditure', 'expenditureTotal');
  const opening = ofKind('income', 'carriedOver');
  const used = ofKind('income', 'balanceUsed');
  const distributed = ofKind('expenditure', 'balanceDistribution');
  const closing = ofKind('expenditure', 'yearEndBalance');
  const carryRows = records.some((r) => r.totalKind !== null && CARRY_KINDS.has(r.totalKind));
  if (income && spending && carryRows) {
    const at = closing[0] ?? spending;
    const added = [...opening, ...used, income];
    const taken = [spending, ...distributed];
    const zhNames = (rows: readonly SummaryItem[]) => rows.map(nameOf).join('、');
    const closingName = closing.length ? closing.map(nameOf).join('、') : '年末结转和结余';
    for (const f of Object.keys(income.amounts)) {
      if (!(f in spending.amounts) || !printed([...added, ...taken, ...closing], f)) continue;
      out.push(
        compare({
          id: 'final.balance',
          zh: `${closingName}等于${zhNames(added)}之和减${zhNames(taken)}(年初结转和结余 + 本年收入 = 本年支出 + 结余分配 + 年末结转和结余)`,
          en: `${closingName} equals ${added.map(nameOf).join(' + ')} − ${taken.map(nameOf).join(' − ')} (balance brought in + the year's income = the year's spending + balance distributed + balance carried forward)`,
          table,
          row: { code: null, name: at.name },
          rowIndex: at.row,
          column: labels[at.side].get(f) ?? f,
          expected: sum(added, f).minus(sum(taken, f)),
          found: sum(closing, f),
          terms: added.length + taken.length,
          figures: [...added, ...taken, ...closing].map((r) => r.amounts[f]),
          cells: [...added, ...taken, ...closing.slice(closing[0] === at ? 1 : 0)].map((r) => cell(r, f)),
        }),
      );
    }
  }
  return out;
}

// ── 机关运行经费 against 公用经费 ─────────────────────────────────────────────────────────────────────────────────

const UNIT_FACTOR: Record<string, number> = { 元: 1, 千元: 1_000, 万元: 10_000 };
const basisOf = (t: Table): 'budget' | 'actual' => (ACTUAL_BASIS.test(t.title) ? 'actual' : 'budget');

interface OperatingCosts {
  table: Table;
  value: string;
  rowIndex: number | null;
  row: { code: string | null; name: string };
  column: string;
  basis: 'budget' | 'actual' | null;
}

/** The printed label of a line-item table's total column (the records' `total` field). */
function totalLabel(t: Table): string {
  const roles = columnRoles(t, amountReader(t));
  const at = roles.amounts.find((a) => a.field === 'total');
  return at ? (t.columns[at.index] ?? 'total') : 'total';
}

/**
 * The department's 机关运行经费 as printed: the total record of a “三公”经费和机关运行经费表 (Shanghai; the latest year
 * printed, the whole of the general budget), else the 合计 of a 机关运行经费支出表 (Jiangsu, Suzhou, Wuxi). One per
 * basis (预算 / 决算).
 */
function operatingCosts(tables: readonly Table[]): OperatingCosts[] {
  const out: OperatingCosts[] = [];
  for (const t of tables) {
    if (t.empty || !t.records) continue;
    if (t.kind === 'three_public') {
      const found = (t.records as ThreePublic[]).filter(
        (r) =>
          r.isTotal &&
          !r.measure &&
          r.operatingCosts != null &&
          (r.funds === undefined || GENERAL_BUDGET.test(r.funds)),
      );
      const latest = Math.max(...found.map((r) => r.year ?? -1));
      for (const basis of new Set(found.map((r) => r.basis))) {
        const of = found.filter((r) => r.basis === basis && (r.year ?? -1) === latest);
        if (new Set(of.map((r) => r.operatingCosts)).size !== 1) continue;
        const r = of[0]!;
        out.push({
          table: t,
          value: r.operatingCosts!,
          rowIndex: r.row,
          row: { code: r.unitCode, name: r.unit ?? '合计' },
          column: t.columns.find((c) => OPERATING_COSTS.test(compact(c))) ?? 'operatingCosts',
          basis,
        });
      }
    } else if (OPERATING_COSTS.test(compact(t.title)) && t.kind !== 'government_fund_three_public') {
      const totals = (t.records as LineItem[]).filter((r) => 'isTotal' in r && r.isTotal);
      if (totals.length !== 1) continue;
      const r = totals[0]!;
      // Its one amount column: 机关运行经费支出 (not a field: kept under its label), else a 合计 / 金额 read as the total.
      const entry: [string, string | null | undefined] | undefined =
        Object.entries(r.extra).find(([label]) => OPERATING_COSTS.test(compact(label))) ??
        (r.amounts.total !== undefined ? [totalLabel(t), r.amounts.total] : undefined);
      if (!entry || entry[1] == null) continue;
      out.push({
        table: t,
        value: entry[1],
        rowIndex: r.row,
        row: { code: null, name: r.name },
        column: entry[0],
        basis: basisOf(t),
      });
    }
  }
  return out;
}

/**
 * 机关运行经费 is the 日常公用经费 of the general-budget 基本支出 of administrative units, so it cannot exceed the
 * 公用经费 printed by the document's 基本支出 table of the same basis (预算 or 决算; the general budget's table first).
 * Runs only where a 基本支出 table prints a 公用经费 figure on its 合计 row: a bound worked out of 经济分类 rows would
 * not be the printed one (Jiangsu's 2017 tables count project-funded running costs in their 机关运行经费, as their
 * notes say, over the 基本支出's 商品和服务支出). An inequality: `expected` is the bound (公用经费, in the 机关运行经费
 * table's unit), `found` the 机关运行经费; passes when found ≤ expected + the rounding tolerance (marked `rounding`
 * when over the bound within it).
 */
export function operatingCostsChecks(tables: readonly Table[]): CheckResult[] {
  const basics = tables.flatMap((t) => {
    if (t.kind !== 'basic_expenditure' || t.empty || !t.records) return [];
    const totals = (t.records as LineItem[]).filter((r) => r.isTotal);
    const total = totals.length === 1 ? totals[0]! : undefined;
    return total && total.amounts.public != null ? [{ table: t, total, value: total.amounts.public }] : [];
  });
  const out: CheckResult[] = [];
  for (const o of operatingCosts(tables)) {
    const sameBasis = basics.filter((b) => o.basis === null || basisOf(b.table) === o.basis);
    const basic = sameBasis.find((b) => GENERAL_BUDGET.test(b.table.title)) ?? sameBasis[0];
    if (!basic) continue;
    const from = UNIT_FACTOR[basic.table.unit];
    const to = UNIT_FACTOR[o.table.unit];
    if (basic.table.unit !== o.table.unit && (!from || !to)) continue;
    const bound = from && to ? new Decimal(basic.value).times(from).dividedBy(to) : new Decimal(basic.value);
    // The bound as printed, in the other unit: its last digit moves with it (2,294,335.00 元 is 229.433500 万元).
    const places = (basic.value.split('.')[1]?.length ?? 0) + (from && to ? Math.round(Math.log10(to / from)) : 0);
    const boundFigure = bound.toFixed(Math.max(places, 0));
    const publicCell: TermCell = {
      table: basic.table,
      rowIndex: basic.total.row,
      column: 'public',
      hint: /公用经费/u,
      code: null,
      name: basic.total.name,
      value: basic.value,
    };
    const ownCell: TermCell = {
      table: o.table,
      rowIndex: o.rowIndex,
      column: o.column,
      hint: OPERATING_COSTS,
      code: o.row.code,
      name: o.row.name,
      value: o.value,
    };
    const { terms: _, ...result } = compare({
      id: 'operating_costs.within_public',
      zh: '',
      en: '',
      table: o.table,
      row: o.row,
      rowIndex: o.rowIndex,
      column: o.column,
      expected: bound,
      found: dec(o.value),
      terms: 1,
      figures: [o.value, boundFigure],
    });
    const difference = new Decimal(result.difference);
    const passed = difference.lte(result.tolerance);
    const converted = basic.table.unit !== o.table.unit ? `,已由${basic.table.unit}折为${o.table.unit}` : '';
    const convertedEn =
      basic.table.unit !== o.table.unit ? `, converted from ${basic.table.unit} to ${o.table.unit}` : '';
    out.push({
      ...result,
      message: {
        zh: `机关运行经费不超过基本支出的公用经费(${basic.table.title}${converted}):期望值为公用经费(上限),实际值为机关运行经费,实际值不大于期望值即通过`,
        en: `the operating costs of the administration (机关运行经费) do not exceed the public costs (公用经费) of the basic expenditure (${basic.table.title}${convertedEn}): expected is the bound (公用经费), found the 机关运行经费; passes when found ≤ expected`,
      },
      passed,
      rounding: passed && difference.gt(0),
      ...(passed ? {} : termsOf([publicCell, ownCell])),
    });
  }
  return out;
}
