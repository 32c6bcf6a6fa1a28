import type { TableKind } from '../types.js';

/** Every table kind, at run time (for `--tables` / `--table`); the check below keeps it in step with `TableKind`. */
export const TABLE_KINDS = [
  'income_expenditure_summary',
  'income',
  'expenditure',
  'fiscal_summary',
  'fiscal_expenditure_economic',
  'general_public_expenditure',
  'basic_expenditure',
  'project_expenditure',
  'three_public',
  'government_fund',
  'government_fund_three_public',
  'state_capital',
  'project_performance',
  'overall_performance',
  'procurement',
  'other',
] as const satisfies readonly TableKind[];

type Missing = Exclude<TableKind, (typeof TABLE_KINDS)[number]>;
const allKindsListed: [Missing] extends [never] ? true : Missing = true;
void allKindsListed;

export function isTableKind(s: string): s is TableKind {
  return (TABLE_KINDS as readonly string[]).includes(s);
}
