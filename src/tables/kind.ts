import type { TableKind } from '../types.js';

/** Title patterns per kind, most specific first; learned from how each province titles its tables. */
const RULES: [RegExp, TableKind][] = [
  [/政府性基金.*三公/u, 'government_fund_three_public'],
  [/三公/u, 'three_public'],
  [/整体(支出)?绩效/u, 'overall_performance'],
  [/绩效/u, 'project_performance'],
  [/政府采购/u, 'procurement'],
  // 政府性基金预算财政拨款收入支出决算表 is the fund's own table, not the fiscal summary.
  [/政府性基金/u, 'government_fund'],
  [/国有资本经营/u, 'state_capital'],
  [/财政拨款收(入)?支(出)?/u, 'fiscal_summary'],
  [/收(入)?支(出)?(预算|决算)?总(体情况)?表|收支(预算|决算)?总表/u, 'income_expenditure_summary'],
  [/财政拨款.*(经济分类|经济科目)/u, 'fiscal_expenditure_economic'],
  [/基本支出/u, 'basic_expenditure'],
  [/项目支出/u, 'project_expenditure'],
  [/一般公共预算.*支出/u, 'general_public_expenditure'],
  [/财政拨款.*支出/u, 'fiscal_expenditure_economic'],
  [/收入(预算|决算)?(总(体情况)?)?表/u, 'income'],
  [/支出(预算|决算)?(总(体情况)?)?表/u, 'expenditure'],
];

export function classifyTable(title: string): TableKind {
  for (const [pattern, kind] of RULES) if (pattern.test(title)) return kind;
  return 'other';
}
