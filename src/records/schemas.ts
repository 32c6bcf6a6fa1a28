import { z } from 'zod';

/**
 * The version of the output's shape (`schemaVersion` in every document): the major number changes when a field is
 * removed or changes meaning, the minor when fields are added. Scripts piping the JSON can check it.
 */
export const SCHEMA_VERSION = '1.2';

/** The shape of an amount: what marks a field as one (unit conversion walks the schemas for it). */
export const AMOUNT_PATTERN = /^-?\d+(\.\d+)?$/u;

/** An exact decimal string in the table's unit, without separators; null for a blank or dash cell. */
export const Amount = z
  .string()
  .regex(AMOUNT_PATTERN)
  .nullable()
  .describe('exact decimal in the table unit (no separators); null when the cell is blank or a dash');

export const ClassCodeSchema = z
  .object({
    system: z.enum(['function', 'economic']).describe('功能分类 or 经济分类'),
    class: z.string().describe('类 (3 digits)'),
    item: z.string().nullable().describe('款 (2 digits)'),
    entry: z.string().nullable().describe('项 (2 digits)'),
    code: z.string().describe('the whole code, e.g. 2011301'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    parent: z.string().nullable().describe('the parent code'),
  })
  .describe('classification code (科目编码)');

const amountField = (label: string) => Amount.optional().describe(label);

/** Amount columns by field; printed labels in the descriptions. Qualified names (generalBudgetBasic) may appear. */
export const AmountsSchema = z
  .object({
    total: amountField('合计 / 总计 / 小计 / 金额 / 预算数'),
    carriedOver: amountField('上年结转(结余)'),
    yearEndBalance: amountField('年末(年终)结转结余'),
    generalBudget: amountField('一般公共预算(拨款)'),
    governmentFund: amountField('政府性基金预算(拨款)'),
    stateCapital: amountField('国有资本经营预算(拨款)'),
    fiscalSpecialAccount: amountField('财政专户管理资金'),
    business: amountField('事业收入'),
    operating: amountField('事业单位经营收入'),
    superiorSubsidy: amountField('上级补助收入'),
    subordinateRemit: amountField('附属单位上缴收入'),
    businessFund: amountField('用事业基金弥补收支差额'),
    otherIncome: amountField('其他收入'),
    unitFunds: amountField('单位资金'),
    basic: amountField('基本支出'),
    project: amountField('项目支出'),
    personnel: amountField('人员经费'),
    public: amountField('公用经费'),
    remitToSuperior: amountField('上缴上级支出'),
    subsidyToSubordinate: amountField('对附属单位补助支出'),
    operatingExpenditure: amountField('事业单位经营支出'),
    currentYearFiscal: amountField('当年财政拨款安排'),
    fiscal: amountField('财政拨款'),
  })
  .catchall(Amount)
  .describe('amounts by field; a field is set only where a column is labelled for it');

/** Where a record was read: provenance kept on the record itself. */
const RowIndex = z
  .number()
  .int()
  .nullable()
  .describe(
    'index in the table’s rows of the row the record was read from (a project’s first row); null for a form read by label',
  );

const Extra = z.record(z.string(), Amount).describe('amount columns the mapper does not know, by printed label');

export const LineItemRecord = z.object({
  code: ClassCodeSchema.nullable(),
  name: z.string().describe('科目名称 / 项目 / 单位名称 as printed'),
  unitCode: z.string().nullable().describe('单位编码'),
  isTotal: z.boolean().describe('a 合计 / 总计 row'),
  isSubtotal: z.boolean().describe('a 小计 row'),
  amounts: AmountsSchema,
  extra: Extra,
  row: RowIndex,
});

export const SummaryRecord = z.object({
  side: z.enum(['income', 'expenditure']).describe('收入 or 支出 side of the table'),
  name: z.string(),
  totalKind: z
    .enum([
      'incomeTotal',
      'expenditureTotal',
      'incomeGrandTotal',
      'expenditureGrandTotal',
      'carriedOver',
      'yearEndBalance',
      'balanceUsed',
      'balanceDistribution',
    ])
    .nullable()
    .describe(
      '本年收入合计 / 本年支出合计 / 收入总计 (a side’s 总计) / 支出总计 / 上年结转, 年初结转和结余 / 年终结转结余, 年末结转和结余 / 使用非财政拨款结余, 用事业基金弥补收支差额 / 结余分配',
    ),
  amounts: AmountsSchema,
  extra: Extra,
  row: RowIndex,
});

export const ThreePublicRecord = z.object({
  unit: z.string().nullable().describe('单位名称, null for the table as a whole'),
  unitCode: z.string().nullable(),
  basis: z.enum(['budget', 'actual']).nullable().describe('预算数 or 决算数 (final accounts print both)'),
  heading: z
    .string()
    .optional()
    .describe(
      'the top header over the record’s columns, set where a table prints the items twice under one basis (2025年预算数, 2026年预算数)',
    ),
  year: z
    .number()
    .int()
    .optional()
    .describe(
      'the year the figures are for, where the table prints more than one (2026年预算数, a 2026年 row; 上年/本年 resolved against the table’s or document’s year)',
    ),
  funds: z
    .string()
    .optional()
    .describe(
      'the fund source the figures are limited to (一般公共预算, 政府性基金, 国有资本经营 …) where the table splits them by fund; absent for the whole of the funds',
    ),
  fundsSummed: z
    .literal(true)
    .optional()
    .describe(
      'set where the table prints the items only split by fund source (no column for all of them): the whole is the exact sum of the printed parts',
    ),
  measure: z
    .enum(['change', 'changeRate', 'share'])
    .optional()
    .describe(
      'a derived figure (增减额 / 增减变化, 增减率, 占比) rather than the amount itself; absent for the amount',
    ),
  isTotal: z
    .boolean()
    .describe('the department’s figures (the 合计 row, the department above its units, or the table as a whole)'),
  total: amountField('合计'),
  outbound: amountField('因公出国(境)费'),
  vehicle: z
    .object({
      subtotal: amountField('公务用车购置及运行(维护)费 小计'),
      purchase: amountField('公务用车购置费'),
      operation: amountField('公务用车运行(维护)费'),
    })
    .describe('公务用车购置及运行费'),
  reception: amountField('公务接待费'),
  operatingCosts: amountField('机关运行经费'),
  extra: Extra,
  row: RowIndex,
});

export const IndicatorSchema = z.object({
  level1: z.string().nullable().describe('一级指标'),
  level2: z.string().nullable().describe('二级指标'),
  name: z.string().describe('三级指标 / 指标名称'),
  operator: z
    .enum(['≥', '≤', '=', '>', '<', '定性'])
    .nullable()
    .describe('指标性质 (or the sign printed before the value)'),
  value: z.string().nullable().describe('指标值 as printed, without the operator'),
  unit: z.string().nullable().describe('度量单位 / 计量单位'),
  weight: z.string().nullable().describe('权重'),
});

export const ProjectPerformanceRecord = z.object({
  code: z.string().nullable().describe('项目编码 (the code printed before the name)'),
  name: z.string().describe('项目名称'),
  unit: z.string().nullable().describe('单位名称 / 实施单位'),
  amount: Amount.describe('预算数 / 项目金额 / 项目总额'),
  goal: z.string().nullable().describe('年度目标 / 绩效目标'),
  indicators: z.array(IndicatorSchema),
  row: RowIndex,
});

export const OverallPerformanceRecord = z.object({
  goal: z.string().nullable().describe('年度(整体)绩效目标'),
  funds: z
    .object({
      total: amountField('资金总额 / 预算支出总额 / 总体资金情况'),
      basic: amountField('基本支出'),
      project: amountField('项目支出'),
    })
    .catchall(Amount)
    .describe('the form’s 资金 cells by field, others (by source) under their printed label'),
  tasks: z.array(z.string()).describe('年度主要任务 cells'),
  fields: z.record(z.string(), z.string()).describe('the form’s other label/value cells, by printed label'),
  indicators: z.array(IndicatorSchema),
  row: RowIndex,
});

export const ProcurementRecord = z.object({
  name: z.string().describe('单位名称 / 项目名称'),
  category: z.string().nullable().describe('采购品目 / 采购类别 / 采购目录'),
  quantity: z.string().nullable().describe('数量'),
  amount: Amount.describe('金额 / 总金额 / 预算金额'),
  isTotal: z.boolean(),
  setAside: z.record(z.string(), Amount).describe('专门面向中小企业 / 小型微型企业 / … 采购, by printed label'),
  otherColumns: z.record(z.string(), z.string()).describe('other columns as printed, by label'),
  row: RowIndex,
});

export const RECORD_SCHEMAS = {
  income_expenditure_summary: SummaryRecord,
  fiscal_summary: SummaryRecord,
  income: LineItemRecord,
  expenditure: LineItemRecord,
  fiscal_expenditure_economic: LineItemRecord,
  general_public_expenditure: LineItemRecord,
  basic_expenditure: LineItemRecord,
  project_expenditure: LineItemRecord,
  government_fund: LineItemRecord,
  state_capital: LineItemRecord,
  three_public: ThreePublicRecord,
  government_fund_three_public: ThreePublicRecord,
  project_performance: ProjectPerformanceRecord,
  overall_performance: OverallPerformanceRecord,
  procurement: ProcurementRecord,
} as const;

export type RecordKind = keyof typeof RECORD_SCHEMAS;
/** The record type of a kind's tables. */
export type RecordOf<K extends RecordKind> = z.infer<(typeof RECORD_SCHEMAS)[K]>;
export type LineItem = z.infer<typeof LineItemRecord>;
export type SummaryItem = z.infer<typeof SummaryRecord>;
export type ThreePublic = z.infer<typeof ThreePublicRecord>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type ProjectPerformance = z.infer<typeof ProjectPerformanceRecord>;
export type OverallPerformance = z.infer<typeof OverallPerformanceRecord>;
export type Procurement = z.infer<typeof ProcurementRecord>;
/** A record as a builder makes it, before its row is attached. */
export type Unplaced<R> = Omit<R, 'row'>;
export type TableRecord = LineItem | SummaryItem | ThreePublic | ProjectPerformance | OverallPerformance | Procurement;

/** Builders' records with their rows attached: the row is part of the record, kept rather than found again. */
export function place<R>(items: readonly { record: R; row: number | null }[]): (R & { row: number | null })[] {
  return items.map(({ record, row }) => ({ ...record, row }));
}
