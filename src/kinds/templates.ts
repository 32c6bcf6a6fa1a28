import type { DocumentInfo, TableKind } from '../types.js';

/**
 * The tables a disclosure of each kind (预算 / 决算, 部门 / 单位) must print: what a reviewer ticks off before reading
 * a figure. Knowledge of document kinds lives here and only here; src/review/completeness.ts judges a document
 * against it. A requirement is met by table kind (src/kinds/registry.ts), never by exact title: provinces title
 * the same table differently (收支总表 / 收支总体情况表 / 财务收支预算总表 / 预算01表收支总表).
 */

/** One table a template requires. */
export interface Requirement {
  /** The registry kinds whose tables satisfy it (the first printed is the one judged). */
  kinds: readonly TableKind[];
  /** What the template calls it: the name a finding gives the table. */
  name: string;
  /**
   * Whether the template surely requires it: a missing table is then an 'error'. Where templates differ by year or
   * province (and the document's own template is not known), its absence is only a 'notice'.
   */
  certain: boolean;
}

export interface Template {
  id: string;
  name: string;
  /** What the list rests on. */
  basis: string;
  requirements: readonly Requirement[];
}

const req = (kinds: TableKind | readonly TableKind[], name: string, certain = true): Requirement => ({
  kinds: typeof kinds === 'string' ? [kinds] : kinds,
  name,
  certain,
});

const BUDGET_BASIS =
  '财政部《地方预决算公开操作规程》(财预〔2016〕143号)及部门预算公开参考样表：收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、一般公共预算“三公”经费支出表、政府性基金预算支出表，后续年度样表增列国有资本经营预算支出表';
const FINAL_BASIS =
  '财政部《地方预决算公开操作规程》(财预〔2016〕143号)及部门决算公开参考样表：收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表、一般公共预算财政拨款支出决算表、一般公共预算财政拨款基本支出决算表、一般公共预算财政拨款“三公”经费支出决算表、政府性基金预算财政拨款收入支出决算表、国有资本经营预算财政拨款支出决算表';

/**
 * From this year on a budget's template lists 国有资本经营预算支出表. The 2016 规程's eight tables do not, and no
 * document of the corpus before 2020 prints it (Jiangsu 2017–2019 print eight or more tables, none of it); of
 * later ones most print it (Shanghai 2023–2026, Beijing, Guangdong, Shenzhen, Jiangsu, Zhejiang, Fujian, Shandong
 * 2025–2026), some do not (Chongqing 2026, Xi'an 2022/2026, which say in their text that they have none). The
 * year it entered the national sample is not documented here, so its absence is only a notice.
 */
export const STATE_CAPITAL_BUDGET_FROM = 2020;

function budgetRequirements(year: number | null): Requirement[] {
  const list = [
    req('income_expenditure_summary', '收支总表'),
    req('income', '收入总表'),
    req('expenditure', '支出总表'),
    req('fiscal_summary', '财政拨款收支总表'),
    req('general_public_expenditure', '一般公共预算支出表'),
    req('basic_expenditure', '一般公共预算基本支出表'),
    req('three_public', '一般公共预算“三公”经费支出表'),
    req('government_fund', '政府性基金预算支出表'),
  ];
  // A year not read: the later template, uncertain either way.
  if (year === null || year >= STATE_CAPITAL_BUDGET_FROM)
    list.push(req('state_capital', '国有资本经营预算支出表', false));
  return list;
}

/** The nine tables of the 决算 template; the same for a department and a unit. */
const FINAL_REQUIREMENTS: readonly Requirement[] = [
  req('income_expenditure_summary', '收入支出决算总表'),
  req('income', '收入决算表'),
  req('expenditure', '支出决算表'),
  req('fiscal_summary', '财政拨款收入支出决算总表'),
  req('general_public_expenditure', '一般公共预算财政拨款支出决算表'),
  req('basic_expenditure', '一般公共预算财政拨款基本支出决算表'),
  req('three_public', '一般公共预算财政拨款“三公”经费支出决算表'),
  req('government_fund', '政府性基金预算财政拨款收入支出决算表'),
  req('state_capital', '国有资本经营预算财政拨款支出决算表'),
];

/**
 * The template a document is judged against, by its kind and scope (a scope not read is judged as a
 * department's: a unit's template lists the same tables); null when its kind (预算 / 决算) is not known.
 */
export function templateFor(info: Pick<DocumentInfo, 'kind' | 'scope' | 'year'>): Template | null {
  const unit = info.scope === 'unit';
  if (info.kind === 'budget') {
    return {
      id: unit ? 'budget.unit' : 'budget.department',
      name: unit ? '单位预算公开表' : '部门预算公开表',
      basis: BUDGET_BASIS,
      requirements: budgetRequirements(info.year),
    };
  }
  if (info.kind === 'final_account') {
    return {
      id: unit ? 'final_account.unit' : 'final_account.department',
      name: unit ? '单位决算公开表' : '部门决算公开表',
      basis: FINAL_BASIS,
      requirements: FINAL_REQUIREMENTS,
    };
  }
  return null;
}
