// Types for scripts/fixture-data.mjs (used by tests/fixtures.test.ts).

export interface FixtureCell {
  /** The logical text of the cell. */
  t: string;
  rs?: number;
  cs?: number;
  /** How the text is drawn, line by line (explicit wrapping). */
  lines?: string[];
  /** Lines drawn instead of the text (faults/: a deliberately wrong drawing of `t`; no wrap check). */
  drawn?: string[];
  align?: 'left' | 'right' | 'center';
}

/** A slot: text, a cell object, or null when covered by a merged cell above or to the left. */
export type FixtureSlot = string | FixtureCell | null;

export interface FixtureTable {
  kind: string;
  title: string;
  label: string;
  unit: string;
  cols: { w: number; align: 'left' | 'right' | 'center'; num?: boolean }[];
  header: FixtureSlot[][];
  body: FixtureSlot[][];
  empty?: boolean;
}

export interface FixtureProject {
  name: string;
  amount: number;
  goal: string;
  indicators: string[][];
}

export function money(cents: number, opts?: { blank?: boolean }): string;
export function subjectTree(
  leaves: { code: string; name: string; v: number[] }[],
  parents: Record<string, string>,
): { rows: { code: string; level: 1 | 2 | 3; name: string; v: number[] }[]; total: number[] };

export const fillRulings: FixtureTable;
export const strokeRulings: FixtureTable;
export const wrappedCells: FixtureTable;
export const longTable: FixtureTable;
export const performanceTable: FixtureTable;
export const performanceSplitProject: number;
export const performanceProjects: FixtureProject[];
export const borderlessTable: FixtureTable;
export const emptyFundTable: FixtureTable;
export const stateCapitalTable: FixtureTable;
export const fiscalSummaryTable: FixtureTable;
export const sampleDepartment: string;
export const sampleYear: number;
export const sampleSummaryTable: FixtureTable;
export const sampleIncomeTable: FixtureTable;
export const sampleExpenditureTable: FixtureTable;
export const sampleThreePublicTable: FixtureTable;

// records-kinds.pdf
export const recordsDepartment: string;
export const recordsYear: number;
/** [function code, 项目名称, cents, economic code]. */
export const recordsProjects: [string, string, number, string][];
export const recordsEconomic: { rows: { code: string; name: string; level: 1 | 2; v: number[] }[]; total: number[] };
export const fiscalEconomicTable: FixtureTable;
export const projectExpenditureTable: FixtureTable;
/** [单位名称, 因公出国（境）费, 公务用车购置费, 公务用车运行费, 公务接待费] (cents). */
export const fundThreePublicUnits: [string, number, number, number, number][];
export const fundThreePublicTable: FixtureTable;
export const overallPerformance: {
  department: string;
  fundLabel: string;
  fundTotalLabel: string;
  fundTotal: string;
  goal: string;
  indicators: string[][];
};
export const overallPerformanceTable: FixtureTable;
/** [项目名称, 采购品目, 数量, 总金额, 专门面向中小企业, 专门面向小型、微型企业] (cents). */
export const procurementItems: [string, string, string, number, number, number][];
export const procurementTable: FixtureTable;
/** The 绩效目标表 as a plain grid (Sichuan): [合计, 财政拨款, 专户资金, 单位资金] in 万元 cents per part. */
export const gridPerformance: {
  unitName: string;
  basic: number[];
  project: number[];
  goal: string;
  tasks: [string, string][];
  /** [一级指标, 二级指标, 三级指标, 性质, 指标值, 度量单位, 权重] */
  indicators: string[][];
};
export const gridPerformanceTotal: number;
export const gridPerformanceTable: FixtureTable;

// final-account.pdf
export const finalDepartment: string;
export const finalYear: number;
export const finalCover: string;
/** [因公出国(境)费, 公务用车购置费, 公务用车运行费, 公务接待费] (cents) per basis. */
export const finalThreePublic: { budget: number[]; actual: number[] };
export const finalThreePublicTable: FixtureTable;
export const finalSummary: {
  income: [string, number][];
  expenditure: [string, number][];
  carriedOver: number;
  incomeTotal: number;
  expenditureTotal: number;
  yearEndBalance: number;
  grandTotal: number;
};
export const finalSummaryTable: FixtureTable;

// faults/*.pdf
export const faultDepartment: string;
export const faultYear: number;
/** [code, name, 基本支出, 项目支出] (cents). */
export const faultLeaves: [string, string, number, number][];
export const faultTree: { rows: { code: string; level: 1 | 2 | 3; name: string; v: number[] }[]; total: number[] };
export const faultContinuesAt: string;
export const faultEconomic: { rows: { code: string; name: string; level: 1 | 2; v: number[] }[]; total: number[] };
/** [因公出国（境）费, 公务用车购置费, 公务用车运行费, 公务接待费] (cents). */
export const faultThreePublic: [number, number, number, number];
export const faultInjections: {
  'amount-changed': { code: string; column: 'basic'; delta: number };
  'child-removed': { code: string };
  'split-joined-wrong': { code: string; lines: [string, string] };
  'page-dropped': { from: string };
  'three-public-off': { totalDelta: number; operationDelta: number };
};
export type FaultName = 'clean' | keyof typeof faultInjections;
export const faultNames: FaultName[];
/** The four tables of faults/<name>.pdf and the body row of the 支出总表 that starts its continuation page. */
export function faultDocument(name: FaultName): {
  continuesAt: number | null;
  tables: [FixtureTable, FixtureTable, FixtureTable, FixtureTable];
};

// faults/narrow-*.pdf (Sichuan narrow print: codes in the 单位代码 column, header repeated on every page)
export const narrowDepartment: string;
export const narrowUnitCode: string;
export const narrowYear: number;
export const narrowTree: { rows: { code: string; level: 1 | 2 | 3; name: string; v: number[] }[]; total: number[] };
/** 基本支出表 rows { code, name, level, v: [人员经费, 公用经费] } (cents) and the total. */
export const narrowEconomic: { rows: { code: string; name: string; level: 1 | 2; v: number[] }[]; total: number[] };
export const narrowInjections: {
  'narrow-child-removed': { table: 'basic_expenditure'; removed: string };
  'narrow-total-changed': { table: 'expenditure'; delta: number };
};
export type NarrowName = 'narrow-clean' | keyof typeof narrowInjections;
export const narrowNames: NarrowName[];
export const narrowBreaks: { expenditure: string; basic_expenditure: string };
/** The 支出总表 and 基本支出表 of faults/<name>.pdf and the body row each continues from on its second page. */
export function narrowDocument(name: NarrowName): {
  breaks: { expenditure: number; basic_expenditure: number };
  tables: [FixtureTable, FixtureTable];
};

// spreadsheet-print.pdf (a performance table printed as a spreadsheet prints it: merged cells clipped at page breaks)
export const spreadsheetProjects: FixtureProject[];
export const spreadsheetPerformanceTable: FixtureTable;
// tables-wide (empty-statement.pdf, spilled-total.pdf, foot-title.pdf, lost-column.pdf, unit-in-rule.pdf, amount-block-form.pdf)
export interface WideGrid {
  title: string;
  unit?: string;
  cols: number[];
  rows: FixtureSlot[][];
}
export const wideFundHeader: FixtureSlot[][];
export const wideFundColumns: string[];
export const wideEmpty: WideGrid & { note: string };
export const wideAfterEmpty: WideGrid;
export const wideEmptyCell: WideGrid;
export const wideSpilled: {
  title: string;
  unit: string;
  cols: number[];
  header: FixtureSlot[][];
  body: FixtureSlot[][];
  total: FixtureSlot[];
};
export const wideAfterSpilled: WideGrid;
export const wideFootFirst: WideGrid;
export const wideFootSecond: WideGrid;
export const wideLost: {
  title: string;
  unit: string;
  cols: number[];
  header: string[];
  page1: string[][];
  page2: string[][];
};
export const wideSection: string;
export const wideUnitRule: WideGrid & { columns: string[] };
export const wideProse: string[];
export const wideNoUnit: WideGrid;
export const wideForm: WideGrid;

// review/*.pdf (a whole 部门预算 read as an auditor: cover, 情况说明, the eight template tables; one fault each)
export const reviewDepartment: string;
export const reviewYear: number;
export const reviewThreePublic: [number, number, number, number];
export const reviewOperatingCosts: number;
export const reviewEmptyReason: string;
export const reviewInjections: {
  'missing-table': { kind: 'fiscal_summary' };
  'narrative-off': { topic: 'three_public_total'; delta: number };
  'department-two-ways': { kind: 'general_public_expenditure'; department: string };
  'code-two-ways': { kind: 'general_public_expenditure'; code: string; name: string };
  'unit-wrong': { kind: 'general_public_expenditure' };
};
export type ReviewName = 'review-clean' | keyof typeof reviewInjections;
export const reviewNames: ReviewName[];
export function reviewDocument(name: ReviewName): {
  narrative: string[];
  tables: { kind: string; title: string; unit: string; department: string; empty?: boolean; note?: string }[];
};
