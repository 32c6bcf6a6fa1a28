import { compact } from '../pdf/normalize.js';
import {
  ACTUAL_BASIS,
  BUDGET_BASIS,
  CHANGE,
  CHANGE_RATE,
  CURRENT_YEAR_SEGMENT,
  FUND_SEGMENT,
  FUND_SOURCES,
  FUNDS_TOTAL_SEGMENT,
  HEADING_YEAR,
  MEASURE_SEGMENT,
  PREVIOUS_YEAR_SEGMENT,
  SHARE,
  YEAR_SEGMENT,
} from '../kinds/vocabulary.js';

export type Measure = 'change' | 'changeRate' | 'share';
export type Basis = 'budget' | 'actual';

/** What an amount column (or a row label, in a table printed with years as rows) measures. */
export interface ColumnMeaning {
  /** The year its figures are for: printed (2025年预算数), or a relative one resolved against the table's year. */
  year?: number;
  /** 上年 / 本年 as printed, kept whether or not a year resolved it. */
  relative?: 'previous' | 'current';
  basis?: Basis;
  /** The fund source it is limited to (一般公共预算 …); `total` for a 合计 column standing for all of them. */
  funds?: string;
  /** A derived figure: a change, a rate of change, a share; absent for the figure itself. */
  measure?: Measure;
  /** The label left once the segments naming year, fund source and measure are taken off (the item, the unit). */
  label: string;
}

/** The year relative labels are resolved against: the table's (or document's) own year. */
export interface MeaningContext {
  year?: number | null;
}

const fundOf = (seg: string): string | undefined => FUND_SOURCES.find(([re]) => re.test(seg))?.[1];

/**
 * Reads what a column measures from its header path (`2026年预算数/因公出国(境)费/一般公共预算`): each segment that
 * only names a year, a relative year, a fund source, or a derived measure is taken off the label and kept as meaning;
 * basis and fund source are also read from segments that say more (`一般公共预算拨款安排的“三公”经费预算`). A path
 * that is 合计 alone also says `funds: 'total'` (a 合计 column beside the fund columns); whether a 合计 is the funds'
 * whole or an item's total is the caller's to tell, so it stays in the label.
 */
export function columnMeaning(path: string, context: MeaningContext = {}): ColumnMeaning {
  const segs = path.split('/').map(compact).filter(Boolean);
  const out: ColumnMeaning = { label: '' };
  const kept: string[] = [];
  for (const seg of segs) {
    const year = YEAR_SEGMENT.exec(seg);
    if (year) {
      out.year = Number(year[1]);
      continue;
    }
    if (PREVIOUS_YEAR_SEGMENT.test(seg)) {
      out.relative = 'previous';
      continue;
    }
    if (CURRENT_YEAR_SEGMENT.test(seg)) {
      out.relative = 'current';
      continue;
    }
    const fund = fundOf(seg);
    if (fund) out.funds = fund;
    if (fund && FUND_SEGMENT.test(seg)) continue;
    const measure = measureOf(seg);
    if (measure) out.measure = measure;
    if (measure && MEASURE_SEGMENT.test(seg)) continue;
    if (out.year === undefined) {
      const inText = HEADING_YEAR.exec(seg);
      if (inText) out.year = Number(inText[1]);
    }
    kept.push(seg);
  }
  out.label = kept.join('/');
  if (!out.funds && segs.length === 1 && FUNDS_TOTAL_SEGMENT.test(segs[0]!)) out.funds = 'total';
  // 预算 inside a fund's name (一般公共预算, 政府性基金预算) says nothing of the basis.
  const bare = FUND_SOURCES.reduce((s, [re]) => s.replace(new RegExp(re.source, 'gu'), ''), segs.join('/'));
  if (ACTUAL_BASIS.test(bare)) out.basis = 'actual';
  else if (BUDGET_BASIS.test(bare)) out.basis = 'budget';
  if (out.year === undefined && out.relative && context.year)
    out.year = out.relative === 'current' ? context.year : context.year - 1;
  return out;
}

/** The derived measure a label names: a rate before a change (增减率 names both). */
export function measureOf(label: string): Measure | undefined {
  if (SHARE.test(label)) return 'share';
  if (CHANGE_RATE.test(label)) return 'changeRate';
  if (CHANGE.test(label)) return 'change';
  return undefined;
}
