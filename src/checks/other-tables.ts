import { compact } from '../pdf/normalize.js';
import { parseAmount, plainAmount } from '../records/amount.js';
import type { OverallPerformance, ProjectPerformance, SummaryItem, ThreePublic } from '../records/schemas.js';
import type { Table } from '../types.js';
import { CARRY_KINDS } from '../records/summary.js';
import { finalAccountChecks } from './final-account.js';
import { compare, dec, termsOf, type CheckResult, type TermCell } from './result.js';
import { FULL_SCORE, INDICATOR_COLUMNS, PART_TOTAL } from '../kinds/vocabulary.js';

/**
 * 收支总表: 收入总计 = 支出总计, column by column (the expenditure side may have more fund columns). Where neither side
 * prints a grand total nor a carry-over row (结转, which makes the year's 合计 differ), the year's 收入合计 = 支出合计.
 * Then each side's grand total against its rows, and the carry identity of a 决算 总表 (`finalAccountChecks`).
 */
export function summaryChecks(table: Table, records: readonly SummaryItem[]): CheckResult[] {
  return [...grandTotalChecks(table, records), ...finalAccountChecks(table, records)];
}

function grandTotalChecks(table: Table, records: readonly SummaryItem[]): CheckResult[] {
  const only = (kind: SummaryItem['totalKind']) => {
    const found = records.filter((r) => r.totalKind === kind);
    return found.length === 1 ? found[0] : undefined;
  };
  const carries = records.some((r) => r.totalKind !== null && CARRY_KINDS.has(r.totalKind));
  const grand = records.some((r) => r.totalKind === 'incomeGrandTotal' || r.totalKind === 'expenditureGrandTotal');
  const first = (kind: SummaryItem['totalKind']) => records.find((r) => r.totalKind === kind);
  const income = grand || carries ? first('incomeGrandTotal') : only('incomeTotal');
  const spending = grand || carries ? first('expenditureGrandTotal') : only('expenditureTotal');
  if (!income || !spending) return [];
  const value = (i: SummaryItem, f: string) => i.amounts[f] ?? null;
  return Object.keys(income.amounts)
    .filter((f) => f in spending.amounts)
    .map((f) =>
      compare({
        id: 'summary.income_equals_expenditure',
        zh: '收入总计等于支出总计',
        en: 'total income equals total expenditure',
        table,
        row: { code: null, name: spending.name },
        rowIndex: spending.row,
        column: f,
        expected: dec(value(income, f)),
        found: dec(value(spending, f)),
        terms: 1,
        figures: [value(income, f), value(spending, f)],
        cells: [
          // The income side's amount column: 收入 in its label, not its 项目 (names) column.
          {
            table,
            rowIndex: income.row,
            column: f,
            hint: /收入(?!.*项目)/u,
            code: null,
            name: income.name,
            value: value(income, f),
          },
        ],
      }),
    );
}

/**
 * “三公”: 合计 = 出国 + 用车 + 接待, and 用车 = 购置 + 运行, on each record of figures (and on a change, which is a
 * difference of two such records); a change = this year − last year where the table prints both years' records.
 * Rates and shares are not checked.
 */
export function threePublicChecks(table: Table, records: readonly ThreePublic[]): CheckResult[] {
  const out: CheckResult[] = [];
  for (const r of records) {
    if (r.measure && r.measure !== 'change') continue;
    const rowIndex = r.row;
    const row = { code: r.unitCode, name: r.unit ?? '合计' };
    const qualifiers = [r.heading ?? (r.year !== undefined ? String(r.year) : null), r.basis, r.funds, r.measure];
    const basis = qualifiers.some(Boolean) ? ` (${qualifiers.filter(Boolean).join(', ')})` : '';
    const cell = (column: string, value: string | null | undefined, hint: RegExp): TermCell => ({
      table,
      rowIndex,
      column,
      hint,
      code: r.unitCode,
      name: r.unit ?? '合计',
      value,
    });
    const purchase = () => cell('vehicle.purchase', r.vehicle.purchase, /购置/u);
    const operation = () => cell('vehicle.operation', r.vehicle.operation, /运行|维护/u);
    const hasVehicleParts = r.vehicle.purchase !== undefined || r.vehicle.operation !== undefined;
    const vehicle =
      r.vehicle.subtotal !== undefined
        ? r.vehicle.subtotal
        : hasVehicleParts
          ? dec(r.vehicle.purchase).plus(dec(r.vehicle.operation)).toFixed()
          : undefined;
    if (r.total !== undefined && (r.outbound !== undefined || r.reception !== undefined || vehicle !== undefined)) {
      out.push(
        compare({
          id: 'three_public.total',
          zh: '“三公”经费合计等于因公出国(境)费、公务用车购置及运行费、公务接待费之和',
          en: `“three public” total equals outbound + vehicles + reception${basis}`,
          table,
          row,
          rowIndex,
          column: 'total',
          expected: dec(r.outbound).plus(dec(vehicle)).plus(dec(r.reception)),
          found: dec(r.total),
          terms: 3,
          figures: [
            r.outbound,
            ...(r.vehicle.subtotal !== undefined ? [r.vehicle.subtotal] : [r.vehicle.purchase, r.vehicle.operation]),
            r.reception,
            r.total,
          ],
          cells: [
            cell('outbound', r.outbound, /出国|出境/u),
            ...(r.vehicle.subtotal !== undefined
              ? [cell('vehicle.subtotal', r.vehicle.subtotal, /小计|购置及运行/u)]
              : [purchase(), operation()]),
            cell('reception', r.reception, /接待/u),
          ],
        }),
      );
    }
    if (r.vehicle.subtotal !== undefined && hasVehicleParts) {
      out.push(
        compare({
          id: 'three_public.vehicle',
          zh: '公务用车购置及运行费等于购置费与运行费之和',
          en: `vehicle costs equal purchase + operation${basis}`,
          table,
          row,
          rowIndex,
          column: 'vehicle.subtotal',
          expected: dec(r.vehicle.purchase).plus(dec(r.vehicle.operation)),
          found: dec(r.vehicle.subtotal),
          terms: 2,
          figures: [r.vehicle.purchase, r.vehicle.operation, r.vehicle.subtotal],
          cells: [purchase(), operation()],
        }),
      );
    }
  }
  out.push(...threePublicChangeChecks(table, records));
  return out;
}

const THREE_PUBLIC_FIELDS: readonly [string, (r: ThreePublic) => string | null | undefined][] = [
  ['total', (r) => r.total],
  ['outbound', (r) => r.outbound],
  ['vehicle.subtotal', (r) => r.vehicle.subtotal],
  ['vehicle.purchase', (r) => r.vehicle.purchase],
  ['vehicle.operation', (r) => r.vehicle.operation],
  ['reception', (r) => r.reception],
];

/**
 * A change record (增减) equals the later year's figure less the earlier's, field by field, where the table prints
 * the two years' records of the same unit, basis and fund source (and they alone: two years, no more).
 */
function threePublicChangeChecks(table: Table, records: readonly ThreePublic[]): CheckResult[] {
  const out: CheckResult[] = [];
  const key = (r: ThreePublic) => [r.unit, r.unitCode, r.basis, r.funds ?? ''].join('\u0000');
  for (const change of records) {
    if (change.measure !== 'change') continue;
    // The figures of the same unit printed just before the change: the nearest row above (a 合计 row and a unit
    // named like it are told apart by position).
    const years = records.filter(
      (r) =>
        !r.measure &&
        r.year !== undefined &&
        key(r) === key(change) &&
        r.row !== null &&
        change.row !== null &&
        r.row <= change.row &&
        !records.some(
          (o) =>
            o !== change &&
            o.measure === 'change' &&
            key(o) === key(change) &&
            o.row !== null &&
            o.row > r.row! &&
            o.row < change.row!,
        ),
    );
    const byYear = new Map(years.map((r) => [r.year!, r] as const));
    if (byYear.size !== 2 || years.length !== 2) continue;
    const [earlier, later] = [...byYear.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
    const name = { code: change.unitCode, name: change.unit ?? '合计' };
    for (const [column, get] of THREE_PUBLIC_FIELDS) {
      const [c, a, b] = [get(change), get(earlier!), get(later!)];
      if (c === undefined || (a === undefined && b === undefined)) continue;
      out.push(
        compare({
          id: 'three_public.change',
          zh: '增减变化等于本年数减上年数',
          en: `change equals ${later!.year} less ${earlier!.year}${change.funds ? ` (${change.funds})` : ''}`,
          table,
          row: name,
          rowIndex: change.row,
          column,
          expected: dec(b).minus(dec(a)),
          found: dec(c),
          terms: 2,
          figures: [a, b, c],
          // The later year's figure, then the earlier's, which is subtracted.
          cells: [
            { table, rowIndex: later!.row, column, code: later!.unitCode, name: later!.unit ?? '合计', value: b },
            { table, rowIndex: earlier!.row, column, code: earlier!.unitCode, name: earlier!.unit ?? '合计', value: a },
          ],
        }),
      );
    }
  }
  return out;
}

/**
 * Indicator weights of each project add up to the full score: the one the header prints (分值权重(90分)), else the
 * score most projects of the table add up to (Sichuan keeps 10 of 100 points for budget execution: 90).
 */
export function weightChecks(table: Table, records: readonly ProjectPerformance[]): CheckResult[] {
  const weightLabel = table.columns.map(compact).find((c) => INDICATOR_COLUMNS.weight.test(c));
  if (!weightLabel) return [];
  const projects = records.filter(
    (p) => p.indicators.length && p.indicators.every((i) => i.weight !== null && /^\d+(\.\d+)?$/u.test(i.weight)),
  );
  const totals = projects.map((p) => p.indicators.reduce((s, i) => s.plus(dec(i.weight)), dec('0')).toFixed());
  const counts = new Map<string, number>();
  for (const t of totals) counts.set(t, (counts.get(t) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const full = FULL_SCORE.exec(weightLabel)?.[1] ?? usual;
  if (!full || (!FULL_SCORE.test(weightLabel) && projects.length < 3)) return [];
  const out: CheckResult[] = [];
  const weightAt = table.columns.findIndex((c) => compact(c) === weightLabel);
  for (const p of projects) {
    const rowIndex = p.row;
    const weights = p.indicators.map((i) => i.weight);
    const passed = weights.reduce((s, w) => s.plus(dec(w)), dec('0')).eq(dec(full));
    out.push({
      ...compare({
        id: 'performance.weights',
        zh: `项目 ${p.name} 的指标权重之和等于 ${full}`,
        en: `indicator weights of ${p.name} add up to ${full}`,
        table,
        row: { code: p.code, name: p.name },
        rowIndex,
        column: weightLabel,
        expected: dec(full),
        found: weights.reduce((s, w) => s.plus(dec(w)), dec('0')),
        terms: 1,
        money: false,
      }),
      tolerance: '0',
      passed,
      rounding: false,
      ...(passed ? {} : termsOf(indicatorCells(table, p, weightAt))),
    });
  }
  return out;
}

/**
 * The weight cells of a project's indicators: each indicator's row is the first from the project's own row on that
 * prints its name and its weight in the weight column (none found: the indicator is not listed).
 */
function indicatorCells(table: Table, p: ProjectPerformance, weightAt: number): TermCell[] {
  if (p.row === null || weightAt < 0) return [];
  let from = p.row;
  const out: TermCell[] = [];
  for (const i of p.indicators) {
    let at = -1;
    for (let j = from; j < table.rows.length && at < 0; j++) {
      const row = table.rows[j]!;
      if (compact(row[weightAt] ?? '') === i.weight && row.some((c) => compact(c) === compact(i.name))) at = j;
    }
    if (at < 0) continue;
    from = at + 1;
    out.push({ table, rowIndex: at, column: table.columns[weightAt]!, code: null, name: i.name, value: i.weight });
  }
  return out;
}

/**
 * The first row printing an amount (a form's cells are read by label, not by row: the row its value stands in is the
 * one the result is about). Null when no row prints it, e.g. a form whose amounts are all in its header.
 */
function rowWith(table: Table, amount: string | null | undefined): number | null {
  if (amount == null) return null;
  const at = table.rows.findIndex((r) => r.some((c) => plainAmount(c) === amount));
  return at >= 0 ? at : null;
}

/**
 * 部门整体支出绩效目标表: its money adds up. A part printed with a 合计 equals its other columns (基本支出/合计 =
 * 基本支出/财政拨款 + …/单位资金; Beijing's 财政拨款/合计 = 财政拨款/基本支出 + 财政拨款/项目支出), and the total
 * (预算支出总额) equals the parts' 合计 when two or more parts print one. Blank cells count as 0.
 */
export function overallFundChecks(table: Table, records: readonly OverallPerformance[]): CheckResult[] {
  const out: CheckResult[] = [];
  for (const r of records) {
    const parts = new Map<string, { total?: [string, string]; members: string[]; labels: string[] }>();
    for (const [label, text] of Object.entries(r.fields)) {
      const amount = parseAmount(text);
      const cut = label.lastIndexOf('/');
      if (amount.kind !== 'number' || cut < 0) continue;
      const name = label.slice(0, cut);
      const part = parts.get(name) ?? { members: [], labels: [] };
      parts.set(name, part);
      if (PART_TOTAL.test(label.slice(cut + 1))) part.total = [label, amount.value];
      else {
        part.members.push(amount.value);
        part.labels.push(label);
      }
    }
    const totals: string[] = [];
    const totalLabels: string[] = [];
    const cellOf = (label: string, value: string): TermCell => ({
      table,
      rowIndex: rowWith(table, value),
      column: label,
      code: null,
      name: label,
      value,
    });
    for (const [name, part] of parts) {
      if (!part.total) continue;
      totals.push(part.total[1]);
      totalLabels.push(part.total[0]);
      if (!part.members.length) continue;
      out.push(
        compare({
          id: 'performance.funds_part',
          zh: `${name}合计等于其各列之和`,
          en: `${name} 合计 equals the sum of its columns`,
          table,
          row: { code: null, name },
          rowIndex: rowWith(table, part.total[1]),
          column: part.total[0],
          expected: part.members.reduce((s, v) => s.plus(dec(v)), dec('0')),
          found: dec(part.total[1]),
          terms: part.members.length,
          figures: [...part.members, part.total[1]],
          cells: part.members.map((v, k) => cellOf(part.labels[k]!, v)),
        }),
      );
    }
    if (r.funds.total !== undefined && totals.length >= 2) {
      out.push(
        compare({
          id: 'performance.funds_total',
          zh: '资金总额等于各部分合计之和',
          en: 'total funds equal the sum of the parts’ 合计',
          table,
          row: { code: null, name: '资金总额' },
          rowIndex: rowWith(table, r.funds.total),
          column: 'funds.total',
          expected: totals.reduce((s, v) => s.plus(dec(v)), dec('0')),
          found: dec(r.funds.total),
          terms: totals.length,
          figures: [...totals, r.funds.total],
          cells: totals.map((v, k) => cellOf(totalLabels[k]!, v)),
        }),
      );
    }
  }
  return out;
}
