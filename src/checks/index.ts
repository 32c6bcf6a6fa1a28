import type { Table } from '../types.js';
import { crossTableChecks } from './cross-tables.js';
import { lineItemChecks } from './line-items.js';
import { overallFundChecks, summaryChecks, threePublicChecks, weightChecks } from './other-tables.js';
import { registerTables, type CheckReport, type CheckResult } from './result.js';

export type { CheckReport, CheckResult } from './result.js';

const LINE_ITEM_KINDS = new Set<Table['kind']>([
  'income', 'expenditure', 'general_public_expenditure', 'basic_expenditure', 'project_expenditure',
  'government_fund', 'state_capital', 'fiscal_expenditure_economic',
]);

/** Every accounting identity the document's tables allow, within and across tables. Never changes a number. */
export function runChecks(tables: readonly Table[]): CheckReport {
  const results: CheckResult[] = [];
  // Every result names its table by position too (`CheckResult.table`).
  registerTables(tables);
  for (const t of tables) {
    if (t.empty) continue;
    if (LINE_ITEM_KINDS.has(t.kind)) results.push(...lineItemChecks(t));
    if (t.kind === 'income_expenditure_summary' || t.kind === 'fiscal_summary') results.push(...summaryChecks(t));
    if (t.kind === 'three_public' || t.kind === 'government_fund_three_public') results.push(...threePublicChecks(t));
    if (t.kind === 'project_performance') results.push(...weightChecks(t));
    if (t.kind === 'overall_performance') results.push(...overallFundChecks(t));
  }
  results.push(...crossTableChecks(tables));
  const failed = results.filter((r) => !r.passed).length;
  return { summary: { total: results.length, passed: results.length - failed, failed }, results };
}
