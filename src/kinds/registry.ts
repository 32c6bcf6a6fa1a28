import type { z } from 'zod';
import { lineItemChecks } from '../checks/line-items.js';
import { overallFundChecks, summaryChecks, threePublicChecks, weightChecks } from '../checks/other-tables.js';
import { lineItems } from '../records/line-items.js';
import { overallPerformanceRecords, projectPerformanceRecords } from '../records/performance.js';
import { procurementRecords } from '../records/procurement.js';
import { RECORD_SCHEMAS, type RecordKind, type RecordOf } from '../records/schemas.js';
import { summaryItems } from '../records/summary.js';
import { threePublicRecords } from '../records/three-public.js';
import type { CheckResult, Table, TableKind } from '../types.js';

/**
 * A title pattern and its precedence: classification tries the patterns of every kind together, lowest rank first,
 * so a specific title (政府性基金“三公”) is claimed before a general one (三公) whichever kind it belongs to.
 */
export interface TitleRule {
  rank: number;
  pattern: RegExp;
}

/** What the document says that a table's records may need: its year, for 上年/本年 columns. */
export interface RecordContext {
  year?: number | null;
}

/** How a kind's tables become records and which identities its records must satisfy. */
export interface RecordSpec<R> {
  schema: z.ZodType;
  /** The table's records, each with its row (`row`), in the table's own unit. */
  build(table: Table, context?: RecordContext): R[];
  /** The kind's own identities over those records (cross-table ones live in checks/cross-tables.ts). */
  checks?(table: Table, records: readonly R[]): CheckResult[];
}

export interface KindEntry<R> {
  /** What the kind is called in a disclosure (for help texts and reports). */
  name: string;
  /**
   * Short Chinese names a user may type for the kind (`--tables 三公`), besides its key and `name`; each names one
   * kind only (`kindByName` resolves them).
   */
  aliases: readonly string[];
  titles: readonly TitleRule[];
  /** None for `other`: a table of no known kind keeps its grid only. */
  records: RecordSpec<R> | null;
}

const rule = (rank: number, pattern: RegExp): TitleRule => ({ rank, pattern });
const spec = <K extends RecordKind>(
  kind: K,
  build: (t: Table, context?: RecordContext) => RecordOf<K>[],
  checks?: (t: Table, r: readonly RecordOf<K>[]) => CheckResult[],
): RecordSpec<RecordOf<K>> => ({ schema: RECORD_SCHEMAS[kind], build, ...(checks ? { checks } : {}) });

/**
 * Every table kind: its title patterns, its records, its checks. `TableKind` is the list of these keys (with the
 * record schema of each in records/schemas.ts); the CLI's kind list, classification, record building and check
 * dispatch are all read from here. Title patterns were learned from how each province titles its tables.
 */
export const KINDS: { readonly [K in TableKind]: KindEntry<K extends RecordKind ? RecordOf<K> : never> } = {
  income_expenditure_summary: {
    name: '收支总表',
    aliases: ['收支总表', '部门收支总表', '收支预算总表', '收支决算总表'],
    titles: [rule(90, /收(入)?支(出)?(预算|决算)?总(体情况)?表|收支(预算|决算)?总表/u)],
    records: spec('income_expenditure_summary', summaryItems, summaryChecks),
  },
  income: {
    name: '收入总表',
    aliases: ['收入总表', '收入表', '部门收入总表'],
    titles: [rule(150, /收入(预算|决算)?(总(体情况)?)?表/u)],
    records: spec('income', lineItems, lineItemChecks),
  },
  expenditure: {
    name: '支出总表',
    aliases: ['支出总表', '支出表', '部门支出总表'],
    titles: [rule(160, /支出(预算|决算)?(总(体情况)?)?表/u)],
    records: spec('expenditure', lineItems, lineItemChecks),
  },
  fiscal_summary: {
    name: '财政拨款收支总表',
    aliases: ['财政拨款收支总表', '财政拨款收支', '财政拨款总表'],
    titles: [rule(80, /财政拨款收(入)?支(出)?/u)],
    records: spec('fiscal_summary', summaryItems, summaryChecks),
  },
  fiscal_expenditure_economic: {
    name: '财政拨款支出(经济分类)表',
    aliases: ['财政拨款支出表', '财政拨款经济分类', '经济分类'],
    // By economic class before 基本支出 claims it; any other 财政拨款…支出 only after the general-budget tables.
    titles: [rule(100, /财政拨款.*(经济分类|经济科目)/u), rule(140, /财政拨款.*支出/u)],
    records: spec('fiscal_expenditure_economic', lineItems, lineItemChecks),
  },
  general_public_expenditure: {
    name: '一般公共预算支出表',
    aliases: ['一般公共预算', '一般公共预算支出', '一般公共预算支出表'],
    titles: [rule(130, /一般公共预算.*支出/u)],
    records: spec('general_public_expenditure', lineItems, lineItemChecks),
  },
  basic_expenditure: {
    name: '基本支出表',
    aliases: ['基本支出', '基本支出表'],
    titles: [rule(110, /基本支出/u)],
    records: spec('basic_expenditure', lineItems, lineItemChecks),
  },
  project_expenditure: {
    name: '项目支出表',
    aliases: ['项目支出', '项目支出表'],
    titles: [rule(120, /项目支出/u)],
    records: spec('project_expenditure', lineItems, lineItemChecks),
  },
  three_public: {
    name: '“三公”经费支出表',
    aliases: ['三公', '三公经费', '“三公”经费', '三公经费支出表'],
    titles: [rule(20, /三公/u)],
    records: spec('three_public', threePublicRecords, threePublicChecks),
  },
  government_fund: {
    name: '政府性基金预算支出表',
    aliases: ['政府性基金', '政府性基金预算', '政府性基金支出表'],
    // 政府性基金预算财政拨款收入支出决算表 is the fund's own table, not the fiscal summary.
    titles: [rule(60, /政府性基金/u)],
    records: spec('government_fund', lineItems, lineItemChecks),
  },
  government_fund_three_public: {
    name: '政府性基金“三公”经费支出表',
    aliases: ['政府性基金三公', '政府性基金三公经费'],
    titles: [rule(10, /政府性基金.*三公/u)],
    records: spec('government_fund_three_public', threePublicRecords, threePublicChecks),
  },
  state_capital: {
    name: '国有资本经营预算支出表',
    aliases: ['国有资本经营', '国有资本经营预算', '国有资本经营预算支出表'],
    titles: [rule(70, /国有资本经营/u)],
    records: spec('state_capital', lineItems, lineItemChecks),
  },
  project_performance: {
    name: '项目支出绩效目标表',
    aliases: ['项目绩效', '项目绩效目标', '项目支出绩效目标表'],
    titles: [rule(40, /绩效/u)],
    records: spec('project_performance', projectPerformanceRecords, weightChecks),
  },
  overall_performance: {
    name: '部门整体支出绩效目标表',
    aliases: ['整体绩效', '部门整体绩效', '整体支出绩效', '部门整体支出绩效目标表'],
    titles: [rule(30, /整体(支出)?绩效/u)],
    records: spec('overall_performance', overallPerformanceRecords, overallFundChecks),
  },
  procurement: {
    name: '政府采购预算表',
    aliases: ['政府采购', '政府采购预算', '政府采购表'],
    titles: [rule(50, /政府采购/u)],
    records: spec('procurement', procurementRecords),
  },
  other: {
    name: '其他表',
    aliases: ['其他', '其他表'],
    titles: [],
    records: null,
  },
};

/** Every table kind, at run time (for `--tables` / `--table`). */
export const TABLE_KINDS = Object.keys(KINDS) as TableKind[];

export function isTableKind(s: string): s is TableKind {
  return Object.hasOwn(KINDS, s);
}

/** A name as typed: quotes (“三公”), spaces and case do not matter. */
const normalName = (s: string): string => s.replace(/[\s“”"'‘’「」()（）]/gu, '').toLowerCase();

const NAMES: ReadonlyMap<string, TableKind> = new Map(
  (Object.entries(KINDS) as [TableKind, KindEntry<unknown>][]).flatMap(([kind, entry]) =>
    [kind, entry.name, ...entry.aliases].map((n) => [normalName(n), kind] as const),
  ),
);

/** Why `kindByName` could not resolve a name: unknown, or naming several kinds. */
export class KindNameError extends Error {
  override name = 'KindNameError';
  constructor(
    readonly input: string,
    /** The kinds the name could mean (empty: none). */
    readonly candidates: readonly TableKind[],
  ) {
    const list = (kinds: readonly TableKind[]) => kinds.map((k) => `${k} (${KINDS[k].name})`).join(', ');
    super(
      candidates.length
        ? `table kind "${input}" is ambiguous: it could be ${list(candidates)}`
        : `unknown table kind "${input}"; kinds: ${list(TABLE_KINDS)}`,
    );
  }
}

/**
 * The kind a user names: its key (`three_public`), its Chinese name (`“三公”经费支出表`) or an alias (`三公`,
 * `三公经费`), quotes and spaces ignored; else the one kind whose Chinese names contain it (`采购`). Throws
 * `KindNameError` for a name matching no kind, or (by containment) several (`绩效`).
 */
export function kindByName(input: string): TableKind {
  const key = normalName(input);
  const exact = key ? NAMES.get(key) : undefined;
  if (exact) return exact;
  const candidates = key
    ? [...new Set([...NAMES].filter(([n]) => /[^\x00-\x7f]/u.test(n) && n.includes(key)).map(([, k]) => k))]
    : [];
  if (candidates.length === 1) return candidates[0]!;
  throw new KindNameError(input, candidates);
}

/** Every kind, one a line: its key, its Chinese name and its aliases (for help texts). */
export function kindsHelp(): string {
  const width = Math.max(...TABLE_KINDS.map((k) => k.length));
  return TABLE_KINDS.map(
    (k) =>
      `  ${k.padEnd(width)}  ${KINDS[k].name}${KINDS[k].aliases.length ? `  (${KINDS[k].aliases.join(', ')})` : ''}`,
  ).join('\n');
}

const TITLE_RULES = (Object.entries(KINDS) as [TableKind, KindEntry<unknown>][])
  .flatMap(([kind, entry]) => entry.titles.map((r) => ({ ...r, kind })))
  .sort((a, b) => a.rank - b.rank);

/** The kind a table's title names: the first pattern (by rank) that matches; `other` when none does. */
export function classifyTable(title: string): TableKind {
  return TITLE_RULES.find((r) => r.pattern.test(title))?.kind ?? 'other';
}

/** The records spec of a table's kind (null for `other`), typed by the kind. */
export function recordSpec<K extends TableKind>(
  kind: K,
): KindEntry<K extends RecordKind ? RecordOf<K> : never>['records'] {
  return KINDS[kind].records;
}
