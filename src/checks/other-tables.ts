import { compact } from '../pdf/normalize.js';
import { projectPerformanceRecords } from '../records/performance.js';
import type { SummaryItem, ThreePublic } from '../records/schemas.js';
import { summaryItems } from '../records/summary.js';
import { threePublicRecords } from '../records/three-public.js';
import type { Table } from '../types.js';
import { compare, dec, type CheckResult } from './result.js';

/** 收支总表: 收入总计 = 支出总计, column by column (the expenditure side may have more fund columns). */
export function summaryChecks(table: Table): CheckResult[] {
  const items = summaryItems(table);
  const income = items.find((i) => i.totalKind === 'incomeGrandTotal');
  const spending = items.find((i) => i.totalKind === 'expenditureGrandTotal');
  if (!income || !spending) return [];
  const value = (i: SummaryItem, f: string) => i.amounts[f] ?? null;
  return Object.keys(income.amounts)
    .filter((f) => f in spending.amounts)
    .map((f) =>
      compare({
        id: 'summary.income_equals_expenditure',
        zh: '收入总计等于支出总计', en: 'total income equals total expenditure',
        table, row: { code: null, name: spending.name }, column: f,
        expected: dec(value(income, f)), found: dec(value(spending, f)), terms: 1,
      }),
    );
}

/** “三公”: 合计 = 出国 + 用车 + 接待, and 用车 = 购置 + 运行, on each record. */
export function threePublicChecks(table: Table): CheckResult[] {
  const out: CheckResult[] = [];
  for (const r of threePublicRecords(table)) {
    const row = { code: r.unitCode, name: r.unit ?? '合计' };
    const basis = r.basis ? ` (${r.basis})` : '';
    const hasVehicleParts = r.vehicle.purchase !== undefined || r.vehicle.operation !== undefined;
    const vehicle = r.vehicle.subtotal !== undefined ? r.vehicle.subtotal : hasVehicleParts ? dec(r.vehicle.purchase).plus(dec(r.vehicle.operation)).toFixed() : undefined;
    if (r.total !== undefined && (r.outbound !== undefined || r.reception !== undefined || vehicle !== undefined)) {
      out.push(compare({
        id: 'three_public.total', zh: '“三公”经费合计等于因公出国(境)费、公务用车购置及运行费、公务接待费之和',
        en: `“three public” total equals outbound + vehicles + reception${basis}`,
        table, row, column: 'total', expected: dec(r.outbound).plus(dec(vehicle)).plus(dec(r.reception)), found: dec(r.total), terms: 3,
      }));
    }
    if (r.vehicle.subtotal !== undefined && hasVehicleParts) {
      out.push(compare({
        id: 'three_public.vehicle', zh: '公务用车购置及运行费等于购置费与运行费之和', en: `vehicle costs equal purchase + operation${basis}`,
        table, row, column: 'vehicle.subtotal', expected: dec(r.vehicle.purchase).plus(dec(r.vehicle.operation)), found: dec(r.vehicle.subtotal), terms: 2,
      }));
    }
  }
  return out;
}

export type { ThreePublic };

/**
 * Indicator weights of each project add up to the full score: the one the header prints (分值权重(90分)), else the
 * score most projects of the table add up to (Sichuan keeps 10 of 100 points for budget execution: 90).
 */
export function weightChecks(table: Table): CheckResult[] {
  const weightLabel = table.columns.map(compact).find((c) => /权重|分值/u.test(c));
  if (!weightLabel) return [];
  const projects = projectPerformanceRecords(table).filter((p) => p.indicators.length && p.indicators.every((i) => i.weight !== null && /^\d+(\.\d+)?$/u.test(i.weight)));
  const totals = projects.map((p) => p.indicators.reduce((s, i) => s.plus(dec(i.weight)), dec('0')).toFixed());
  const counts = new Map<string, number>();
  for (const t of totals) counts.set(t, (counts.get(t) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const full = /(\d+)分/u.exec(weightLabel)?.[1] ?? usual;
  if (!full || (!/(\d+)分/u.test(weightLabel) && projects.length < 3)) return [];
  const out: CheckResult[] = [];
  for (const p of projects) {
    const weights = p.indicators.map((i) => i.weight);
    out.push({
      ...compare({
        id: 'performance.weights', zh: `项目 ${p.name} 的指标权重之和等于 ${full}`, en: `indicator weights of ${p.name} add up to ${full}`,
        table, row: { code: p.code, name: p.name }, column: weightLabel,
        expected: dec(full), found: weights.reduce((s, w) => s.plus(dec(w)), dec('0')), terms: 1,
      }),
      tolerance: '0',
      passed: weights.reduce((s, w) => s.plus(dec(w)), dec('0')).eq(dec(full)),
    });
  }
  return out;
}
