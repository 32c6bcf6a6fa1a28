// Every table kind of src/kinds/registry.ts on a small Table literal printed as real disclosures print it: its
// title's classification, its records (values asserted), its own checks (passing, failing on one changed cell, 尾差),
// the cross-table checks, and unit conversion of every record kind. A kind added to the registry without a literal
// here fails the first test.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/index.js';
import { classifyTable, TABLE_KINDS } from '../src/kinds/registry.js';
import { attachRecords, buildRecords, convertTables } from '../src/records/index.js';
import type { CheckResult, Table, TableKind, TableOf } from '../src/types.js';

interface Literal {
  title: string;
  columns: string[];
  rows: string[][];
  /** The page of each row; page 7 for every row when not given. */
  rowPages?: number[];
}

/** One literal per kind, as that kind prints in disclosures (header paths joined with `/`). */
const LITERALS: { [K in TableKind]: Literal } = {
  income_expenditure_summary: {
    title: '部门收支总表',
    columns: ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'],
    rows: [
      ['一、一般公共预算拨款收入', '100.00', '一、一般公共服务支出', '80.00'],
      ['二、事业收入', '20.00', '二、教育支出', '40.00'],
      ['本年收入合计', '120.00', '本年支出合计', '120.00'],
      ['上年结转', '10.00', '年终结转结余', '10.00'],
      ['收入总计', '130.00', '支出总计', '130.00'],
    ],
    rowPages: [2, 2, 2, 3, 3],
  },
  fiscal_summary: {
    title: '财政拨款收支总表',
    columns: ['收入/项目', '收入/预算数', '支出/项目', '支出/合计', '支出/一般公共预算', '支出/政府性基金预算'],
    rows: [
      ['一般公共预算拨款', '100.00', '一般公共服务支出', '110.00', '100.00', '10.00'],
      ['政府性基金预算拨款', '10.00', '', '', '', ''],
      ['收入总计', '110.00', '支出总计', '110.00', '100.00', '10.00'],
    ],
    rowPages: [4, 4, 5],
  },
  income: {
    title: '部门收入总表',
    columns: ['科目编码', '科目名称', '合计', '一般公共预算拨款收入', '事业收入'],
    rows: [
      ['', '合计', '120.00', '100.00', '20.00'],
      ['201', '一般公共服务支出', '120.00', '100.00', '20.00'],
      ['20101', '人大事务', '120.00', '100.00', '20.00'],
      ['2010101', '行政运行', '70.00', '50.00', '20.00'],
      ['2010102', '一般行政管理事务', '50.00', '50.00', ''],
    ],
  },
  expenditure: {
    title: '部门支出总表',
    columns: ['科目编码/类', '科目编码/款', '科目编码/项', '科目名称', '合计', '基本支出', '项目支出'],
    rows: [
      ['', '', '', '合计', '150.00', '100.00', '50.00'],
      ['201', '', '', '一般公共服务支出', '120.00', '100.00', '20.00'],
      ['201', '01', '', '人大事务', '120.00', '100.00', '20.00'],
      ['201', '01', '01', '行政运行', '100.00', '100.00', ''],
      ['201', '01', '02', '一般行政管理事务', '20.00', '', '20.00'],
      ['208', '', '', '社会保障和就业支出', '30.00', '', '30.00'],
      ['208', '05', '', '行政事业单位养老支出', '30.00', '', '30.00'],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '30.00', '', '30.00'],
    ],
    rowPages: [4, 4, 4, 5, 5, 5, 5, 5],
  },
  fiscal_expenditure_economic: {
    title: '财政拨款支出预算表(部门经济分类)',
    columns: ['经济分类科目编码/类', '经济分类科目编码/款', '经济分类科目名称', '合计', '人员经费', '公用经费'],
    rows: [
      ['', '', '合计', '100.00', '90.00', '10.00'],
      ['301', '', '工资福利支出', '90.00', '90.00', ''],
      ['301', '01', '基本工资', '60.00', '60.00', ''],
      ['301', '02', '津贴补贴', '30.00', '30.00', ''],
      ['302', '', '商品和服务支出', '10.00', '', '10.00'],
      ['302', '01', '办公费', '10.00', '', '10.00'],
    ],
    rowPages: [8, 8, 8, 9, 9, 9],
  },
  general_public_expenditure: {
    title: '一般公共预算支出表',
    columns: ['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
    rows: [
      ['', '合计', '100.00', '70.00', '30.00'],
      ['201', '一般公共服务支出', '100.00', '70.00', '30.00'],
      ['20103', '政府办公厅(室)及相关机构事务', '100.00', '70.00', '30.00'],
      ['2010301', '行政运行', '70.00', '70.00', ''],
      ['2010302', '一般行政管理事务', '30.00', '', '30.00'],
    ],
  },
  basic_expenditure: {
    title: '一般公共预算基本支出表',
    columns: ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
    rows: [
      ['', '合计', '70.00', '60.00', '10.00'],
      ['301', '工资福利支出', '60.00', '60.00', ''],
      ['30101', '基本工资', '60.00', '60.00', ''],
      ['302', '商品和服务支出', '10.00', '', '10.00'],
      ['30201', '办公费', '10.00', '', '10.00'],
    ],
    rowPages: [12, 12, 12, 13, 13],
  },
  project_expenditure: {
    title: '一般公共预算项目支出表',
    columns: ['科目编码/类', '科目编码/款', '科目编码/项', '科目名称', '合计'],
    rows: [
      ['合计', '', '', '', '30.00'],
      ['201', '', '', '一般公共服务支出', '30.00'],
      ['201', '03', '', '政府办公厅(室)及相关机构事务', '30.00'],
      ['201', '03', '02', '一般行政管理事务', '30.00'],
    ],
    rowPages: [14, 14, 15, 15],
  },
  three_public: {
    title: '“三公”经费支出预算表',
    columns: [
      '单位编码',
      '单位名称',
      '合计',
      '因公出国(境)费',
      '公务用车购置及运行费/小计',
      '公务用车购置及运行费/公务用车购置费',
      '公务用车购置及运行费/公务用车运行费',
      '公务接待费',
    ],
    rows: [
      ['', '合计', '16.00', '2.00', '10.00', '6.00', '4.00', '4.00'],
      ['103001', '某某县农业农村局', '16.00', '2.00', '10.00', '6.00', '4.00', '4.00'],
    ],
    rowPages: [16, 17],
  },
  government_fund: {
    title: '政府性基金预算支出表',
    columns: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    rows: [
      ['', '合计', '50.00', '', '50.00'],
      ['212', '城乡社区支出', '50.00', '', '50.00'],
      ['21208', '国有土地使用权出让收入安排的支出', '50.00', '', '50.00'],
      ['2120803', '城市建设支出', '50.00', '', '50.00'],
    ],
  },
  government_fund_three_public: {
    title: '政府性基金预算“三公”经费支出表',
    columns: ['项目', '预算数'],
    rows: [
      ['合计', '5.00'],
      ['因公出国(境)费', '1.00'],
      ['公务用车购置及运行费', '3.00'],
      ['其中:公务用车购置费', '1.00'],
      ['公务用车运行费', '2.00'],
      ['公务接待费', '1.00'],
    ],
    rowPages: [18, 18, 18, 18, 18, 18],
  },
  state_capital: {
    title: '国有资本经营预算支出表',
    columns: ['单位编码', '单位名称', '合计'],
    rows: [
      ['', '合计', '15.00'],
      ['103001', '某某县国有资产服务中心', '10.00'],
      ['103002', '某某县投资促进中心', '5.00'],
    ],
    rowPages: [19, 19, 20],
  },
  project_performance: {
    title: '项目支出绩效目标表',
    columns: [
      '项目编码',
      '项目名称',
      '预算数',
      '年度目标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标值',
      '度量单位',
      '分值权重(90分)',
    ],
    rows: [
      [
        '51000023R000000012345',
        '信息化建设项目',
        '20.00',
        '完成系统建设',
        '产出指标',
        '数量指标',
        '建设系统数',
        '≥',
        '1',
        '套',
        '40',
      ],
      [
        '51000023R000000012345',
        '信息化建设项目',
        '20.00',
        '完成系统建设',
        '产出指标',
        '质量指标',
        '验收合格率',
        '=',
        '100',
        '%',
        '30',
      ],
      [
        '51000023R000000012345',
        '信息化建设项目',
        '20.00',
        '完成系统建设',
        '效益指标',
        '社会效益指标',
        '服务对象满意度',
        '≥',
        '90',
        '%',
        '20',
      ],
      [
        '51000023R000000067890',
        '办公楼维修项目',
        '10.00',
        '完成维修',
        '产出指标',
        '数量指标',
        '维修面积',
        '',
        '≥500',
        '平方米',
        '50',
      ],
      [
        '51000023R000000067890',
        '办公楼维修项目',
        '10.00',
        '完成维修',
        '满意度指标',
        '服务对象满意度指标',
        '群众满意度',
        '定性',
        '高',
        '',
        '40',
      ],
    ],
    rowPages: [21, 21, 21, 22, 22],
  },
  overall_performance: {
    title: '部门整体支出绩效目标表',
    columns: [
      '部门名称',
      '年度主要任务',
      '预算支出总额',
      '基本支出/合计',
      '基本支出/财政拨款',
      '基本支出/单位资金',
      '项目支出/合计',
      '项目支出/财政拨款',
      '项目支出/单位资金',
      '年度总体绩效目标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '权重',
    ],
    rows: [
      [
        '某某县农业农村局',
        '保障机构正常运转',
        '100.00',
        '70.00',
        '65.00',
        '5.00',
        '30.00',
        '30.00',
        '',
        '保障履职,推进乡村振兴',
        '产出指标',
        '数量指标',
        '培训农民人次',
        '≥1000',
        '50',
      ],
      ['', '', '', '', '', '', '', '', '', '', '满意度指标', '服务对象满意度指标', '农民满意度', '≥90%', '50'],
    ],
    rowPages: [23, 24],
  },
  procurement: {
    title: '政府采购预算表',
    columns: ['项目名称', '采购品目', '数量', '金额', '其中:面向中小企业预留', '备注'],
    rows: [
      ['合计', '', '', '25.00', '10.00', ''],
      ['办公设备购置', '台式计算机', '20', '15.00', '10.00', '集中采购'],
      ['物业管理服务', '物业管理服务', '1', '10.00', '', ''],
    ],
  },
  other: {
    title: '部门机构设置情况表',
    columns: ['序号', '机构名称', '机构性质'],
    rows: [['1', '某某县农业农村局', '行政单位']],
  },
};

/** A Table made by hand, as extraction would give it (unit 万元, every row on page 7 unless told). */
function make<K extends TableKind>(kind: K, lit: Literal, unit = '万元'): TableOf<K> {
  const rowPages = lit.rowPages ?? lit.rows.map(() => 7);
  return {
    kind,
    title: lit.title,
    label: '',
    titles: [lit.title],
    pages: [...new Set(rowPages)],
    unit,
    empty: false,
    columns: [...lit.columns],
    rows: lit.rows.map((r) => [...r]),
    rowPages: [...rowPages],
  } as TableOf<K>;
}

/** A cell change: `[row, column label, new text]`. */
type Change = [number, string, string];

/** The kind's literal as a Table (a fresh copy), with the given cells changed. */
function table<K extends TableKind>(
  kind: K,
  changes: Change[] = [],
  opts: { unit?: string; title?: string } = {},
): TableOf<K> {
  const lit = LITERALS[kind];
  const t = make(kind, { ...lit, title: opts.title ?? lit.title }, opts.unit);
  for (const [r, label, text] of changes) {
    const c = t.columns.indexOf(label);
    if (c < 0 || !t.rows[r]) throw new Error(`no cell ${r} ${label} in the ${kind} literal`);
    t.rows[r]![c] = text;
  }
  return t;
}

/** A table's records as extraction builds them (no warnings expected from a clean literal). */
function recordsOf<K extends TableKind>(t: TableOf<K>): NonNullable<TableOf<K>['records']> {
  const built = buildRecords(t);
  expect(built.warnings).toEqual([]);
  return built.records as NonNullable<TableOf<K>['records']>;
}

const checksOf = (t: Table): CheckResult[] => runChecks([t]).results;
const ids = (results: readonly CheckResult[]) => [...new Set(results.map((r) => r.id))].sort();
const failedOf = (t: Table) => checksOf(t).filter((r) => !r.passed);
/** A result's place and numbers, for exact comparison. */
const where = (r: CheckResult) => ({
  id: r.id,
  column: r.column,
  rowIndex: r.rowIndex,
  page: r.page,
  expected: r.expected,
  found: r.found,
  difference: r.difference,
});

describe('every kind has a literal here', () => {
  it('each kind of the registry has a literal whose title classifies as that kind', () => {
    const missing = TABLE_KINDS.filter((k) => !Object.hasOwn(LITERALS, k));
    expect(missing).toEqual([]);
    expect(Object.keys(LITERALS).sort()).toEqual([...TABLE_KINDS].sort());
    for (const k of TABLE_KINDS) expect(classifyTable(LITERALS[k].title), LITERALS[k].title).toBe(k);
  });

  it('every kind but `other` builds records from its literal, each naming a row of the table (or null for a form)', () => {
    for (const k of TABLE_KINDS) {
      const t = table(k);
      const { records, warnings } = buildRecords(t);
      expect(warnings, k).toEqual([]);
      if (k === 'other') {
        expect(records).toBeUndefined();
        continue;
      }
      expect(records?.length, k).toBeGreaterThan(0);
      for (const r of records!) if (r.row !== null) expect(r.row, k).toBeLessThan(t.rows.length);
    }
  });
});

describe('classification by title', () => {
  it.each([
    ['部门收支总表', 'income_expenditure_summary'],
    ['2025年部门收支预算总表', 'income_expenditure_summary'],
    ['部门收入总表', 'income'],
    ['部门支出总表', 'expenditure'],
    ['一般公共预算支出表', 'general_public_expenditure'],
    ['一般公共预算基本支出表', 'basic_expenditure'],
    ['一般公共预算项目支出表', 'project_expenditure'],
    ['政府性基金预算支出表', 'government_fund'],
    ['国有资本经营预算支出表', 'state_capital'],
    ['“三公”经费支出预算表', 'three_public'],
    ['项目支出绩效目标表', 'project_performance'],
    ['政府采购预算表', 'procurement'],
    ['部门机构设置情况表', 'other'],
  ] as [string, TableKind][])('%s → %s', (title, kind) => {
    expect(classifyTable(title)).toBe(kind);
  });

  it.each([
    // 政府性基金“三公” before 三公 (and before 政府性基金).
    ['政府性基金预算“三公”经费支出表', 'government_fund_three_public'],
    ['一般公共预算“三公”经费支出表', 'three_public'],
    // 财政拨款…经济分类 before 基本支出.
    ['财政拨款基本支出预算表(部门经济分类)', 'fiscal_expenditure_economic'],
    ['一般公共预算基本支出预算表(部门经济分类科目)', 'basic_expenditure'],
    // 财政拨款…支出 only after 一般公共预算…支出 (and after 收支总表's 财政拨款收支).
    ['一般公共预算财政拨款支出预算表', 'general_public_expenditure'],
    ['财政拨款支出预算表', 'fiscal_expenditure_economic'],
    ['财政拨款收支总表', 'fiscal_summary'],
    ['财政拨款收支预算总表', 'fiscal_summary'],
    // 政府性基金's own 财政拨款 table is the fund's.
    ['政府性基金预算财政拨款收入支出决算表', 'government_fund'],
    // 整体绩效 before 绩效; 绩效 before 项目支出.
    ['部门整体支出绩效目标表', 'overall_performance'],
    ['部门整体绩效目标表', 'overall_performance'],
    ['项目支出绩效目标表', 'project_performance'],
    // 国有资本经营 before 支出表.
    ['国有资本经营预算支出预算表', 'state_capital'],
  ] as [string, TableKind][])('precedence: %s → %s', (title, kind) => {
    expect(classifyTable(title)).toBe(kind);
  });
});

describe('收支总表 and 财政拨款收支总表 (summary records)', () => {
  it('收支总表: both sides by row, totals told apart by their names', () => {
    const records = recordsOf(table('income_expenditure_summary'));
    expect(records.map((r) => [r.side, r.row, r.name, r.totalKind, r.amounts, r.extra])).toEqual([
      ['income', 0, '一、一般公共预算拨款收入', null, { total: '100.00' }, {}],
      ['income', 1, '二、事业收入', null, { total: '20.00' }, {}],
      ['income', 2, '本年收入合计', 'incomeTotal', { total: '120.00' }, {}],
      ['income', 3, '上年结转', 'carriedOver', { total: '10.00' }, {}],
      ['income', 4, '收入总计', 'incomeGrandTotal', { total: '130.00' }, {}],
      ['expenditure', 0, '一、一般公共服务支出', null, { total: '80.00' }, {}],
      ['expenditure', 1, '二、教育支出', null, { total: '40.00' }, {}],
      ['expenditure', 2, '本年支出合计', 'expenditureTotal', { total: '120.00' }, {}],
      ['expenditure', 3, '年终结转结余', 'yearEndBalance', { total: '10.00' }, {}],
      ['expenditure', 4, '支出总计', 'expenditureGrandTotal', { total: '130.00' }, {}],
    ]);
  });

  it('财政拨款收支总表: the expenditure side’s fund columns; a side left blank on a row gives no record', () => {
    const records = recordsOf(table('fiscal_summary'));
    expect(records.map((r) => [r.side, r.row, r.name, r.totalKind, r.amounts])).toEqual([
      ['income', 0, '一般公共预算拨款', null, { total: '100.00' }],
      ['income', 1, '政府性基金预算拨款', null, { total: '10.00' }],
      ['income', 2, '收入总计', 'incomeGrandTotal', { total: '110.00' }],
      [
        'expenditure',
        0,
        '一般公共服务支出',
        null,
        { total: '110.00', generalBudget: '100.00', governmentFund: '10.00' },
      ],
      [
        'expenditure',
        2,
        '支出总计',
        'expenditureGrandTotal',
        { total: '110.00', generalBudget: '100.00', governmentFund: '10.00' },
      ],
    ]);
  });

  it('summary.income_equals_expenditure passes on both literals, on the 支出总计 row', () => {
    for (const [kind, rowIndex, page] of [
      ['income_expenditure_summary', 4, 3],
      ['fiscal_summary', 2, 5],
    ] as const) {
      const results = checksOf(table(kind));
      expect(
        results.map((r) => [r.id, r.column, r.rowIndex, r.page, r.expected, r.found, r.passed, r.rounding]),
      ).toEqual([
        [
          'summary.income_equals_expenditure',
          'total',
          rowIndex,
          page,
          kind === 'fiscal_summary' ? '110' : '130',
          kind === 'fiscal_summary' ? '110' : '130',
          true,
          false,
        ],
        // The 收支总表 prints its year totals and carries: each side against its 总计, and the carry identity
        // (120 + 10 上年结转 − 120 = 10 年终结转结余). The 财政拨款收支总表 literal prints no year totals.
        ...(kind === 'income_expenditure_summary'
          ? [
              ['final.income_total', '收入/预算数', 4, 3, '130', '130', true, false],
              ['final.expenditure_total', '支出/预算数', 4, 3, '130', '130', true, false],
              ['final.balance', '支出/预算数', 3, 3, '10', '10', true, false],
            ]
          : []),
      ]);
    }
  });

  it('one grand total changed fails, at the 支出总计 row and its page', () => {
    expect(failedOf(table('income_expenditure_summary', [[4, '支出/预算数', '131.00']])).map(where)).toEqual([
      {
        id: 'summary.income_equals_expenditure',
        column: 'total',
        rowIndex: 4,
        page: 3,
        expected: '130',
        found: '131',
        difference: '1',
      },
      // The 支出总计 against its own side's rows (120 本年支出合计 + 10 年终结转结余) fails as well.
      {
        id: 'final.expenditure_total',
        column: '支出/预算数',
        rowIndex: 4,
        page: 3,
        expected: '130',
        found: '131',
        difference: '1',
      },
    ]);
    expect(failedOf(table('fiscal_summary', [[2, '收入/预算数', '111.00']])).map(where)).toEqual([
      {
        id: 'summary.income_equals_expenditure',
        column: 'total',
        rowIndex: 2,
        page: 5,
        expected: '111',
        found: '110',
        difference: '-1',
      },
    ]);
  });

  it('尾差: a cent between two figures printed to the cent passes, marked rounding', () => {
    const [r] = checksOf(table('income_expenditure_summary', [[4, '支出/预算数', '130.01']]));
    expect(r).toMatchObject({ passed: true, rounding: true, difference: '0.01', tolerance: '0.01' });
    const [far] = checksOf(table('income_expenditure_summary', [[4, '支出/预算数', '130.02']]));
    expect(far).toMatchObject({ passed: false, rounding: false, difference: '0.02' });
  });
});

/** A line item's code split and place: [row, code, class, item, entry, level, parent, name, isTotal]. */
const placeOf = (r: {
  row: number | null;
  code: {
    code: string;
    class: string;
    item: string | null;
    entry: string | null;
    level: number;
    parent: string | null;
  } | null;
  name: string;
  isTotal: boolean;
}) => [
  r.row,
  r.code?.code ?? null,
  r.code?.class ?? null,
  r.code?.item ?? null,
  r.code?.entry ?? null,
  r.code?.level ?? null,
  r.code?.parent ?? null,
  r.name,
  r.isTotal,
];

describe('line-item tables (收入, 支出, 一般公共预算, 基本, 项目, 经济分类, 政府性基金, 国有资本经营)', () => {
  it('支出总表: 类/款/项 cells make one code split into class/item/entry; amounts exact as printed, blanks null', () => {
    const records = recordsOf(table('expenditure'));
    expect(records.map(placeOf)).toEqual([
      [0, null, null, null, null, null, null, '合计', true],
      [1, '201', '201', null, null, 1, null, '一般公共服务支出', false],
      [2, '20101', '201', '01', null, 2, '201', '人大事务', false],
      [3, '2010101', '201', '01', '01', 3, '20101', '行政运行', false],
      [4, '2010102', '201', '01', '02', 3, '20101', '一般行政管理事务', false],
      [5, '208', '208', null, null, 1, null, '社会保障和就业支出', false],
      [6, '20805', '208', '05', null, 2, '208', '行政事业单位养老支出', false],
      [7, '2080505', '208', '05', '05', 3, '20805', '机关事业单位基本养老保险缴费支出', false],
    ]);
    expect(records[3]).toEqual({
      code: { system: 'function', class: '201', item: '01', entry: '01', code: '2010101', level: 3, parent: '20101' },
      name: '行政运行',
      unitCode: null,
      isTotal: false,
      isSubtotal: false,
      amounts: { total: '100.00', basic: '100.00', project: null },
      extra: {},
      row: 3,
    });
    expect(records[0]!.amounts).toEqual({ total: '150.00', basic: '100.00', project: '50.00' });
  });

  it('收入总表: source columns by field (一般公共预算拨款收入 → generalBudget, 事业收入 → business)', () => {
    const records = recordsOf(table('income'));
    expect(records.map((r) => [r.row, r.code?.code ?? null, r.isTotal, r.amounts])).toEqual([
      [0, null, true, { total: '120.00', generalBudget: '100.00', business: '20.00' }],
      [1, '201', false, { total: '120.00', generalBudget: '100.00', business: '20.00' }],
      [2, '20101', false, { total: '120.00', generalBudget: '100.00', business: '20.00' }],
      [3, '2010101', false, { total: '70.00', generalBudget: '50.00', business: '20.00' }],
      [4, '2010102', false, { total: '50.00', generalBudget: '50.00', business: null }],
    ]);
  });

  it('经济分类 tables: 301/302 codes are economic, 人员经费/公用经费 by field', () => {
    for (const kind of ['fiscal_expenditure_economic', 'basic_expenditure'] as const) {
      const records = recordsOf(table(kind));
      expect(
        records.every((r) => r.code === null || r.code.system === 'economic'),
        kind,
      ).toBe(true);
      expect(
        records.filter((r) => r.code).map((r) => [r.code!.class, r.code!.item]),
        kind,
      ).toEqual(
        kind === 'basic_expenditure'
          ? [
              ['301', null],
              ['301', '01'],
              ['302', null],
              ['302', '01'],
            ]
          : [
              ['301', null],
              ['301', '01'],
              ['301', '02'],
              ['302', null],
              ['302', '01'],
            ],
      );
    }
    expect(recordsOf(table('fiscal_expenditure_economic')).map((r) => [r.row, r.name, r.amounts])).toEqual([
      [0, '合计', { total: '100.00', personnel: '90.00', public: '10.00' }],
      [1, '工资福利支出', { total: '90.00', personnel: '90.00', public: null }],
      [2, '基本工资', { total: '60.00', personnel: '60.00', public: null }],
      [3, '津贴补贴', { total: '30.00', personnel: '30.00', public: null }],
      [4, '商品和服务支出', { total: '10.00', personnel: null, public: '10.00' }],
      [5, '办公费', { total: '10.00', personnel: null, public: '10.00' }],
    ]);
    expect(recordsOf(table('basic_expenditure'))[0]).toMatchObject({
      isTotal: true,
      code: null,
      amounts: { total: '70.00', personnel: '60.00', public: '10.00' },
      row: 0,
    });
  });

  it('一般公共预算支出表 and 政府性基金预算支出表: one code cell read as class/item/entry', () => {
    expect(recordsOf(table('general_public_expenditure')).map(placeOf)).toEqual([
      [0, null, null, null, null, null, null, '合计', true],
      [1, '201', '201', null, null, 1, null, '一般公共服务支出', false],
      [2, '20103', '201', '03', null, 2, '201', '政府办公厅(室)及相关机构事务', false],
      [3, '2010301', '201', '03', '01', 3, '20103', '行政运行', false],
      [4, '2010302', '201', '03', '02', 3, '20103', '一般行政管理事务', false],
    ]);
    expect(recordsOf(table('general_public_expenditure')).map((r) => r.amounts.basic)).toEqual([
      '70.00',
      '70.00',
      '70.00',
      '70.00',
      null,
    ]);
    expect(
      recordsOf(table('government_fund')).map((r) => [
        r.row,
        r.code?.code ?? null,
        r.code?.item ?? null,
        r.code?.entry ?? null,
        r.amounts,
      ]),
    ).toEqual([
      [0, null, null, null, { total: '50.00', basic: null, project: '50.00' }],
      [1, '212', null, null, { total: '50.00', basic: null, project: '50.00' }],
      [2, '21208', '08', null, { total: '50.00', basic: null, project: '50.00' }],
      [3, '2120803', '08', '03', { total: '50.00', basic: null, project: '50.00' }],
    ]);
  });

  it('项目支出表: a 合计 printed in the 类 cell is the total row, named 合计, without a code', () => {
    expect(recordsOf(table('project_expenditure')).map((r) => [...placeOf(r), r.amounts.total])).toEqual([
      [0, null, null, null, null, null, null, '合计', true, '30.00'],
      [1, '201', '201', null, null, 1, null, '一般公共服务支出', false, '30.00'],
      [2, '20103', '201', '03', null, 2, '201', '政府办公厅(室)及相关机构事务', false, '30.00'],
      [3, '2010302', '201', '03', '02', 3, '20103', '一般行政管理事务', false, '30.00'],
    ]);
  });

  it('国有资本经营预算支出表 by unit: unit codes, no subject code', () => {
    expect(
      recordsOf(table('state_capital')).map((r) => [r.row, r.code, r.unitCode, r.name, r.isTotal, r.amounts.total]),
    ).toEqual([
      [0, null, null, '合计', true, '15.00'],
      [1, null, '103001', '某某县国有资产服务中心', false, '10.00'],
      [2, null, '103002', '某某县投资促进中心', false, '5.00'],
    ]);
  });

  const CHECK_IDS: [TableKind, string[]][] = [
    ['income', ['row.income_total_equals_sources', 'total.equals_top_rows', 'tree.parent_equals_children']],
    ['expenditure', ['row.total_equals_basic_plus_project', 'total.equals_top_rows', 'tree.parent_equals_children']],
    [
      'fiscal_expenditure_economic',
      ['row.total_equals_personnel_plus_public', 'total.equals_top_rows', 'tree.parent_equals_children'],
    ],
    [
      'general_public_expenditure',
      ['row.total_equals_basic_plus_project', 'total.equals_top_rows', 'tree.parent_equals_children'],
    ],
    [
      'basic_expenditure',
      ['row.total_equals_personnel_plus_public', 'total.equals_top_rows', 'tree.parent_equals_children'],
    ],
    ['project_expenditure', ['total.equals_top_rows', 'tree.parent_equals_children']],
    [
      'government_fund',
      ['row.total_equals_basic_plus_project', 'total.equals_top_rows', 'tree.parent_equals_children'],
    ],
    ['state_capital', ['total.equals_top_rows']],
  ];
  it.each(CHECK_IDS)('%s: its literal passes every check of its kind (%j)', (kind, expectedIds) => {
    const results = checksOf(table(kind));
    expect(ids(results)).toEqual(expectedIds);
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results.filter((r) => r.rounding)).toEqual([]);
  });

  it('expenditure: the counts of each identity (a tree check per parent and column, a row check per row)', () => {
    const results = checksOf(table('expenditure'));
    const count = (id: string) => results.filter((r) => r.id === id).length;
    // Parents 201, 20101, 208, 20805 × 3 columns; 合计 × 3 columns; 8 rows.
    expect([
      count('tree.parent_equals_children'),
      count('total.equals_top_rows'),
      count('row.total_equals_basic_plus_project'),
    ]).toEqual([12, 3, 8]);
    expect(results.filter((r) => r.id === 'total.equals_top_rows').map((r) => [r.column, r.expected, r.found])).toEqual(
      [
        ['合计', '150', '150'],
        ['基本支出', '100', '100'],
        ['项目支出', '50', '50'],
      ],
    );
  });

  const FAILURES: [TableKind, Change, ReturnType<typeof where>[]][] = [
    [
      'income',
      [4, '事业收入', '5.00'],
      [
        {
          id: 'tree.parent_equals_children',
          column: '事业收入',
          rowIndex: 2,
          page: 7,
          expected: '25',
          found: '20',
          difference: '-5',
        },
        {
          id: 'row.income_total_equals_sources',
          column: '合计',
          rowIndex: 4,
          page: 7,
          expected: '55',
          found: '50',
          difference: '-5',
        },
      ],
    ],
    [
      'expenditure',
      [3, '基本支出', '90.00'],
      [
        {
          id: 'tree.parent_equals_children',
          column: '基本支出',
          rowIndex: 2,
          page: 4,
          expected: '90',
          found: '100',
          difference: '10',
        },
        {
          id: 'row.total_equals_basic_plus_project',
          column: '合计',
          rowIndex: 3,
          page: 5,
          expected: '90',
          found: '100',
          difference: '10',
        },
      ],
    ],
    [
      'fiscal_expenditure_economic',
      [3, '合计', '31.00'],
      [
        {
          id: 'tree.parent_equals_children',
          column: '合计',
          rowIndex: 1,
          page: 8,
          expected: '91',
          found: '90',
          difference: '-1',
        },
        {
          id: 'row.total_equals_personnel_plus_public',
          column: '合计',
          rowIndex: 3,
          page: 9,
          expected: '30',
          found: '31',
          difference: '1',
        },
      ],
    ],
    [
      'general_public_expenditure',
      [0, '合计', '101.00'],
      [
        {
          id: 'total.equals_top_rows',
          column: '合计',
          rowIndex: 0,
          page: 7,
          expected: '100',
          found: '101',
          difference: '1',
        },
        {
          id: 'row.total_equals_basic_plus_project',
          column: '合计',
          rowIndex: 0,
          page: 7,
          expected: '100',
          found: '101',
          difference: '1',
        },
      ],
    ],
    [
      'basic_expenditure',
      [4, '公用经费', '9.00'],
      [
        {
          id: 'tree.parent_equals_children',
          column: '公用经费',
          rowIndex: 3,
          page: 13,
          expected: '9',
          found: '10',
          difference: '1',
        },
        {
          id: 'row.total_equals_personnel_plus_public',
          column: '合计',
          rowIndex: 4,
          page: 13,
          expected: '9',
          found: '10',
          difference: '1',
        },
      ],
    ],
    [
      'project_expenditure',
      [3, '合计', '25.00'],
      [
        {
          id: 'tree.parent_equals_children',
          column: '合计',
          rowIndex: 2,
          page: 15,
          expected: '25',
          found: '30',
          difference: '5',
        },
      ],
    ],
    [
      'government_fund',
      [1, '项目支出', '40.00'],
      [
        {
          id: 'tree.parent_equals_children',
          column: '项目支出',
          rowIndex: 1,
          page: 7,
          expected: '50',
          found: '40',
          difference: '-10',
        },
        {
          id: 'total.equals_top_rows',
          column: '项目支出',
          rowIndex: 0,
          page: 7,
          expected: '40',
          found: '50',
          difference: '10',
        },
        {
          id: 'row.total_equals_basic_plus_project',
          column: '合计',
          rowIndex: 1,
          page: 7,
          expected: '40',
          found: '50',
          difference: '10',
        },
      ],
    ],
    [
      'state_capital',
      [2, '合计', '6.00'],
      [
        {
          id: 'total.equals_top_rows',
          column: '合计',
          rowIndex: 0,
          page: 19,
          expected: '16',
          found: '15',
          difference: '-1',
        },
      ],
    ],
  ];
  it.each(FAILURES)(
    '%s: one cell changed (%j) fails exactly the identities it breaks, where it breaks them',
    (kind, change, expected) => {
      expect(failedOf(table(kind, [change])).map(where)).toEqual(expected);
    },
  );

  it('尾差: a 合计 a cent off its parts passes marked rounding; two cents off fails', () => {
    const near = checksOf(table('general_public_expenditure', [[0, '合计', '100.01']]));
    expect(near.every((r) => r.passed)).toBe(true);
    expect(near.filter((r) => r.rounding).map((r) => [r.id, r.rowIndex, r.difference, r.tolerance])).toEqual([
      ['total.equals_top_rows', 0, '0.01', '0.01'],
      ['row.total_equals_basic_plus_project', 0, '0.01', '0.015'],
    ]);
    expect(
      failedOf(table('general_public_expenditure', [[0, '合计', '100.02']])).map((r) => [
        r.id,
        r.difference,
        r.rounding,
      ]),
    ).toEqual([
      ['total.equals_top_rows', '0.02', false],
      ['row.total_equals_basic_plus_project', '0.02', false],
    ]);
  });
});

describe('“三公”经费 tables (three_public, government_fund_three_public)', () => {
  it('across: a record per row, the 合计 row the total, items and the vehicle parts by field, basis from the title', () => {
    const records = recordsOf(table('three_public'));
    expect(records).toEqual([
      {
        unit: null,
        unitCode: null,
        basis: 'budget',
        isTotal: true,
        total: '16.00',
        outbound: '2.00',
        vehicle: { subtotal: '10.00', purchase: '6.00', operation: '4.00' },
        reception: '4.00',
        extra: {},
        row: 0,
      },
      {
        unit: '某某县农业农村局',
        unitCode: '103001',
        basis: 'budget',
        isTotal: false,
        total: '16.00',
        outbound: '2.00',
        vehicle: { subtotal: '10.00', purchase: '6.00', operation: '4.00' },
        reception: '4.00',
        extra: {},
        row: 1,
      },
    ]);
  });

  it('down (政府性基金“三公”): one record for the column, its basis from 预算数, anchored on the 合计 row', () => {
    expect(recordsOf(table('government_fund_three_public'))).toEqual([
      {
        unit: null,
        unitCode: null,
        basis: 'budget',
        isTotal: true,
        total: '5.00',
        outbound: '1.00',
        vehicle: { subtotal: '3.00', purchase: '1.00', operation: '2.00' },
        reception: '1.00',
        extra: {},
        row: 0,
      },
    ]);
  });

  it('both kinds pass three_public.total and three_public.vehicle on every record', () => {
    const across = checksOf(table('three_public'));
    expect(across.map((r) => [r.id, r.column, r.rowIndex, r.page, r.expected, r.found, r.passed])).toEqual([
      ['three_public.total', 'total', 0, 16, '16', '16', true],
      ['three_public.vehicle', 'vehicle.subtotal', 0, 16, '10', '10', true],
      ['three_public.total', 'total', 1, 17, '16', '16', true],
      ['three_public.vehicle', 'vehicle.subtotal', 1, 17, '10', '10', true],
    ]);
    const down = checksOf(table('government_fund_three_public'));
    expect(down.map((r) => [r.id, r.tableKind, r.rowIndex, r.page, r.expected, r.found, r.passed])).toEqual([
      ['three_public.total', 'government_fund_three_public', 0, 18, '5', '5', true],
      ['three_public.vehicle', 'government_fund_three_public', 0, 18, '3', '3', true],
    ]);
  });

  it('a vehicle part changed fails three_public.vehicle only, on its unit’s row (the total reads the printed subtotal)', () => {
    expect(failedOf(table('three_public', [[1, '公务用车购置及运行费/公务用车购置费', '7.00']])).map(where)).toEqual([
      {
        id: 'three_public.vehicle',
        column: 'vehicle.subtotal',
        rowIndex: 1,
        page: 17,
        expected: '11',
        found: '10',
        difference: '-1',
      },
    ]);
    expect(failedOf(table('three_public', [[0, '公务接待费', '5.00']])).map(where)).toEqual([
      {
        id: 'three_public.total',
        column: 'total',
        rowIndex: 0,
        page: 16,
        expected: '17',
        found: '16',
        difference: '-1',
      },
    ]);
  });

  it('down: an item row changed fails on the record’s 合计 row', () => {
    expect(failedOf(table('government_fund_three_public', [[5, '预算数', '2.00']])).map(where)).toEqual([
      { id: 'three_public.total', column: 'total', rowIndex: 0, page: 18, expected: '6', found: '5', difference: '-1' },
    ]);
  });

  it('尾差: a 合计 a cent over its three items passes marked rounding (four figures to the cent allow 0.02)', () => {
    const results = checksOf(table('three_public', [[0, '合计', '16.01']]));
    expect(results.filter((r) => r.rowIndex === 0 && r.id === 'three_public.total')[0]).toMatchObject({
      passed: true,
      rounding: true,
      difference: '0.01',
      tolerance: '0.02',
    });
    expect(results.every((r) => r.passed)).toBe(true);
    expect(
      failedOf(table('three_public', [[0, '合计', '16.03']])).map((r) => [r.id, r.difference, r.tolerance]),
    ).toEqual([['three_public.total', '0.03', '0.02']]);
  });
});

describe('绩效目标表 (project_performance, overall_performance)', () => {
  it('项目支出绩效目标表: rows grouped into projects at their first row, indicators with operator, value, unit and weight', () => {
    const records = recordsOf(table('project_performance'));
    expect(records.map((r) => [r.row, r.code, r.name, r.unit, r.amount, r.goal, r.indicators.length])).toEqual([
      [0, '51000023R000000012345', '信息化建设项目', null, '20.00', '完成系统建设', 3],
      [3, '51000023R000000067890', '办公楼维修项目', null, '10.00', '完成维修', 2],
    ]);
    expect(records[0]!.indicators).toEqual([
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '建设系统数',
        operator: '≥',
        value: '1',
        unit: '套',
        weight: '40',
      },
      {
        level1: '产出指标',
        level2: '质量指标',
        name: '验收合格率',
        operator: '=',
        value: '100',
        unit: '%',
        weight: '30',
      },
      {
        level1: '效益指标',
        level2: '社会效益指标',
        name: '服务对象满意度',
        operator: '≥',
        value: '90',
        unit: '%',
        weight: '20',
      },
    ]);
    // The sign printed before the value is the operator when the 指标性质 cell is blank; 定性 keeps its value.
    expect(records[1]!.indicators.map((i) => [i.name, i.operator, i.value, i.unit, i.weight])).toEqual([
      ['维修面积', '≥', '500', '平方米', '50'],
      ['群众满意度', '定性', '高', null, '40'],
    ]);
  });

  it('a project code printed before the name (no 项目编码 column) is split off', () => {
    const lit = LITERALS.project_performance;
    const t = make('project_performance', {
      ...lit,
      columns: lit.columns.slice(1),
      rows: lit.rows.map((r) => [`${r[0]}-${r[1]}`, ...r.slice(2)]),
    });
    expect(recordsOf(t).map((r) => [r.code, r.name])).toEqual([
      ['51000023R000000012345', '信息化建设项目'],
      ['51000023R000000067890', '办公楼维修项目'],
    ]);
  });

  it('performance.weights: each project’s weights add up to the 90 the header prints; a changed weight fails on its project’s first row', () => {
    expect(
      checksOf(table('project_performance')).map((r) => [
        r.id,
        r.row?.name,
        r.rowIndex,
        r.page,
        r.expected,
        r.found,
        r.passed,
      ]),
    ).toEqual([
      ['performance.weights', '信息化建设项目', 0, 21, '90', '90', true],
      ['performance.weights', '办公楼维修项目', 3, 22, '90', '90', true],
    ]);
    expect(failedOf(table('project_performance', [[4, '分值权重(90分)', '45']])).map(where)).toEqual([
      {
        id: 'performance.weights',
        column: '分值权重(90分)',
        rowIndex: 3,
        page: 22,
        expected: '90',
        found: '95',
        difference: '5',
      },
    ]);
  });

  it('weights have no 尾差: a weight a hundredth off fails with tolerance 0', () => {
    expect(
      failedOf(table('project_performance', [[0, '分值权重(90分)', '40.01']])).map((r) => [
        r.rowIndex,
        r.difference,
        r.tolerance,
        r.rounding,
      ]),
    ).toEqual([[0, '0.01', '0', false]]);
  });

  it('部门整体支出绩效目标表: goal, tasks, funds by field (by-source parts under their label), fields, indicators; no row', () => {
    const [r, ...more] = recordsOf(table('overall_performance'));
    expect(more).toEqual([]);
    expect(r).toEqual({
      goal: '保障履职,推进乡村振兴',
      funds: {
        total: '100.00',
        basic: '70.00',
        '基本支出/财政拨款': '65.00',
        '基本支出/单位资金': '5.00',
        project: '30.00',
        '项目支出/财政拨款': '30.00',
      },
      tasks: ['保障机构正常运转'],
      fields: {
        部门名称: '某某县农业农村局',
        年度主要任务: '保障机构正常运转',
        预算支出总额: '100.00',
        '基本支出/合计': '70.00',
        '基本支出/财政拨款': '65.00',
        '基本支出/单位资金': '5.00',
        '项目支出/合计': '30.00',
        '项目支出/财政拨款': '30.00',
      },
      indicators: [
        {
          level1: '产出指标',
          level2: '数量指标',
          name: '培训农民人次',
          operator: '≥',
          value: '1000',
          unit: null,
          weight: '50',
        },
        {
          level1: '满意度指标',
          level2: '服务对象满意度指标',
          name: '农民满意度',
          operator: '≥',
          value: '90%',
          unit: null,
          weight: '50',
        },
      ],
      row: null,
    });
  });

  it('performance.funds_part and performance.funds_total pass; a part changed fails its part only; the total changed fails the total', () => {
    expect(
      checksOf(table('overall_performance')).map((r) => [
        r.id,
        r.column,
        r.rowIndex,
        r.page,
        r.expected,
        r.found,
        r.passed,
      ]),
    ).toEqual([
      ['performance.funds_part', '基本支出/合计', 0, 23, '70', '70', true],
      ['performance.funds_part', '项目支出/合计', 0, 23, '30', '30', true],
      ['performance.funds_total', 'funds.total', 0, 23, '100', '100', true],
    ]);
    expect(failedOf(table('overall_performance', [[0, '基本支出/单位资金', '6.00']])).map(where)).toEqual([
      {
        id: 'performance.funds_part',
        column: '基本支出/合计',
        rowIndex: 0,
        page: 23,
        expected: '71',
        found: '70',
        difference: '-1',
      },
    ]);
    expect(failedOf(table('overall_performance', [[0, '预算支出总额', '101.00']])).map(where)).toEqual([
      {
        id: 'performance.funds_total',
        column: 'funds.total',
        rowIndex: 0,
        page: 23,
        expected: '100',
        found: '101',
        difference: '1',
      },
    ]);
  });

  it('尾差: a 预算支出总额 a cent over its parts passes marked rounding', () => {
    const results = checksOf(table('overall_performance', [[0, '预算支出总额', '100.01']]));
    expect(results.map((r) => [r.id, r.passed, r.rounding, r.difference])).toEqual([
      ['performance.funds_part', true, false, '0'],
      ['performance.funds_part', true, false, '0'],
      ['performance.funds_total', true, true, '0.01'],
    ]);
  });
});

describe('政府采购预算表 and other tables', () => {
  it('procurement: name, category, quantity, amount, set-aside and other columns by printed label', () => {
    expect(recordsOf(table('procurement'))).toEqual([
      {
        name: '合计',
        category: null,
        quantity: null,
        amount: '25.00',
        isTotal: true,
        setAside: { '其中:面向中小企业预留': '10.00' },
        otherColumns: {},
        row: 0,
      },
      {
        name: '办公设备购置',
        category: '台式计算机',
        quantity: '20',
        amount: '15.00',
        isTotal: false,
        setAside: { '其中:面向中小企业预留': '10.00' },
        otherColumns: { 备注: '集中采购' },
        row: 1,
      },
      {
        name: '物业管理服务',
        category: '物业管理服务',
        quantity: '1',
        amount: '10.00',
        isTotal: false,
        setAside: { '其中:面向中小企业预留': null },
        otherColumns: {},
        row: 2,
      },
    ]);
  });

  it('procurement has no checks; even a 合计 that is not the sum of its items fails nothing', () => {
    expect(checksOf(table('procurement'))).toEqual([]);
    expect(checksOf(table('procurement', [[0, '金额', '99.00']]))).toEqual([]);
  });

  it('other: no records, no warnings, no checks', () => {
    expect(buildRecords(table('other'))).toEqual({ records: undefined, warnings: [] });
    expect(checksOf(table('other'))).toEqual([]);
  });
});

describe('cross-table checks', () => {
  const cross = (tables: Table[]) => runChecks(tables).results.filter((r) => r.id.startsWith('cross.'));

  it('一般公共预算支出表 against its 基本支出表 and 项目支出表: agreeing totals pass on the second table’s total row', () => {
    const results = cross([
      table('general_public_expenditure'),
      table('basic_expenditure'),
      table('project_expenditure'),
    ]);
    expect(
      results.map((r) => [
        r.id,
        r.tableKind,
        r.tableTitle,
        r.column,
        r.rowIndex,
        r.page,
        r.expected,
        r.found,
        r.passed,
      ]),
    ).toEqual([
      ['cross.general_budget_basic', 'basic_expenditure', '一般公共预算基本支出表', 'basic', 0, 12, '70', '70', true],
      [
        'cross.general_budget_project',
        'project_expenditure',
        '一般公共预算项目支出表',
        'project',
        0,
        14,
        '30',
        '30',
        true,
      ],
    ]);
    expect(results[0]!.message.zh).toContain('(一般公共预算支出表)');
  });

  it('disagreeing totals fail on the second table’s total row', () => {
    expect(
      cross([
        table('general_public_expenditure'),
        table('basic_expenditure', [[0, '合计', '71.00']]),
        table('project_expenditure'),
      ])
        .filter((r) => !r.passed)
        .map(where),
    ).toEqual([
      {
        id: 'cross.general_budget_basic',
        column: 'basic',
        rowIndex: 0,
        page: 12,
        expected: '70',
        found: '71',
        difference: '1',
      },
    ]);
    expect(
      cross([
        table('general_public_expenditure', [[0, '项目支出', '31.00']]),
        table('basic_expenditure'),
        table('project_expenditure'),
      ])
        .filter((r) => !r.passed)
        .map(where),
    ).toEqual([
      {
        id: 'cross.general_budget_project',
        column: 'project',
        rowIndex: 0,
        page: 14,
        expected: '31',
        found: '30',
        difference: '-1',
      },
    ]);
  });

  it('no cross check between tables of different units, nor with a 基本支出表 that is not the general budget’s', () => {
    expect(cross([table('general_public_expenditure'), table('basic_expenditure', [], { unit: '元' })])).toEqual([]);
    expect(
      cross([table('general_public_expenditure'), table('basic_expenditure', [], { title: '财政拨款基本支出表' })]),
    ).toEqual([]);
  });

  /** A 收支总表 of a department whose money is all fiscal appropriation (its 事业收入 blank). */
  const allFiscal = (): TableOf<'income_expenditure_summary'> =>
    make('income_expenditure_summary', {
      title: '部门收支总表',
      columns: LITERALS.income_expenditure_summary.columns,
      rows: [
        ['一、一般公共预算拨款收入', '100.00', '一、一般公共服务支出', '110.00'],
        ['二、政府性基金预算拨款收入', '10.00', '', ''],
        ['三、事业收入', '', '', ''],
        ['收入总计', '110.00', '支出总计', '110.00'],
      ],
    });

  it('cross.fiscal_summary_total: with fiscal money only, the 财政拨款收支总表 收入总计 equals the 收支总表’s', () => {
    const results = cross([allFiscal(), table('fiscal_summary')]);
    expect(
      results.map((r) => [r.id, r.tableKind, r.column, r.rowIndex, r.page, r.expected, r.found, r.passed]),
    ).toEqual([['cross.fiscal_summary_total', 'fiscal_summary', 'total', 2, 5, '110', '110', true]]);
    expect(cross([allFiscal(), table('fiscal_summary', [[2, '收入/预算数', '111.00']])]).map(where)).toEqual([
      {
        id: 'cross.fiscal_summary_total',
        column: 'total',
        rowIndex: 2,
        page: 5,
        expected: '110',
        found: '111',
        difference: '1',
      },
    ]);
  });

  it('cross.fiscal_summary_total is not run when the department has other income (the literal’s 事业收入 20.00)', () => {
    expect(cross([table('income_expenditure_summary'), table('fiscal_summary')])).toEqual([]);
  });
});

describe('unit conversion of every record kind (attachRecords, convertTables)', () => {
  /** Every kind's literal in 万元 with its records attached, then converted to 元. */
  function converted(): {
    tables: Table[];
    before: Map<TableKind, unknown>;
    warnings: { attach: unknown[]; convert: unknown[] };
  } {
    const tables = TABLE_KINDS.map((k) => table(k) as Table);
    const attach = attachRecords(tables);
    const before = new Map(tables.map((t) => [t.kind, structuredClone(t.records)] as const));
    const convert = convertTables(tables, '元');
    return { tables, before, warnings: { attach, convert } };
  }
  const of = <K extends TableKind>(tables: Table[], kind: K) => tables.find((t): t is TableOf<K> => t.kind === kind)!;

  it('attachRecords sets each table’s records in its own unit; convertTables converts them and says so in recordsUnit', () => {
    const { tables, before, warnings } = converted();
    expect(warnings).toEqual({ attach: [], convert: [] });
    for (const t of tables) {
      if (t.kind === 'other') {
        expect(t.records).toBeUndefined();
        expect(t.recordsUnit).toBeUndefined();
        continue;
      }
      expect(t.recordsUnit, t.kind).toBe('元');
      expect(t.records, t.kind).not.toEqual(before.get(t.kind));
      // The grid keeps the printed values.
      expect(t.rows, t.kind).toEqual(LITERALS[t.kind].rows);
    }
    expect(before.get('expenditure')).toEqual(recordsOf(table('expenditure')));
  });

  it('line items and summaries: every amount and every field ×10000, nulls kept', () => {
    const { tables } = converted();
    expect(of(tables, 'expenditure').records!.map((r) => r.amounts)).toEqual([
      { total: '1500000', basic: '1000000', project: '500000' },
      { total: '1200000', basic: '1000000', project: '200000' },
      { total: '1200000', basic: '1000000', project: '200000' },
      { total: '1000000', basic: '1000000', project: null },
      { total: '200000', basic: null, project: '200000' },
      { total: '300000', basic: null, project: '300000' },
      { total: '300000', basic: null, project: '300000' },
      { total: '300000', basic: null, project: '300000' },
    ]);
    expect(of(tables, 'income').records![4]!.amounts).toEqual({
      total: '500000',
      generalBudget: '500000',
      business: null,
    });
    expect(of(tables, 'state_capital').records!.map((r) => r.amounts.total)).toEqual(['150000', '100000', '50000']);
    // Codes and names are not amounts.
    expect(of(tables, 'expenditure').records![3]!.code).toMatchObject({
      code: '2010101',
      class: '201',
      item: '01',
      entry: '01',
    });
    expect(of(tables, 'fiscal_summary').records!.map((r) => [r.side, r.amounts])).toEqual([
      ['income', { total: '1000000' }],
      ['income', { total: '100000' }],
      ['income', { total: '1100000' }],
      ['expenditure', { total: '1100000', generalBudget: '1000000', governmentFund: '100000' }],
      ['expenditure', { total: '1100000', generalBudget: '1000000', governmentFund: '100000' }],
    ]);
    expect(
      of(tables, 'income_expenditure_summary').records!.find((r) => r.totalKind === 'carriedOver')!.amounts,
    ).toEqual({ total: '100000' });
  });

  it('“三公”: the items and the nested vehicle parts', () => {
    const { tables } = converted();
    for (const kind of ['three_public', 'government_fund_three_public'] as const) {
      const [r] = of(tables, kind).records!;
      expect(r, kind).toMatchObject(
        kind === 'three_public'
          ? {
              total: '160000',
              outbound: '20000',
              reception: '40000',
              vehicle: { subtotal: '100000', purchase: '60000', operation: '40000' },
            }
          : {
              total: '50000',
              outbound: '10000',
              reception: '10000',
              vehicle: { subtotal: '30000', purchase: '10000', operation: '20000' },
            },
      );
    }
    expect(of(tables, 'three_public').records![1]!.unitCode).toBe('103001');
  });

  it('performance: a project’s amount and the form’s funds (basic, project, parts by source); indicator values and weights kept', () => {
    const { tables } = converted();
    const projects = of(tables, 'project_performance').records!;
    expect(projects.map((p) => p.amount)).toEqual(['200000', '100000']);
    expect(projects[0]!.indicators.map((i) => [i.value, i.weight])).toEqual([
      ['1', '40'],
      ['100', '30'],
      ['90', '20'],
    ]);
    const [form] = of(tables, 'overall_performance').records!;
    expect(form!.funds).toEqual({
      total: '1000000',
      basic: '700000',
      '基本支出/财政拨款': '650000',
      '基本支出/单位资金': '50000',
      project: '300000',
      '项目支出/财政拨款': '300000',
    });
    expect(form!.indicators.map((i) => i.value)).toEqual(['1000', '90%']);
    // The form's label/value cells are text as printed (in the table's unit), not amounts.
    expect(form!.fields.预算支出总额).toBe('100.00');
  });

  it('procurement: the amount and the set-aside amounts; the quantity kept', () => {
    const { tables } = converted();
    expect(of(tables, 'procurement').records!.map((r) => [r.amount, r.setAside, r.quantity])).toEqual([
      ['250000', { '其中:面向中小企业预留': '100000' }, null],
      ['150000', { '其中:面向中小企业预留': '100000' }, '20'],
      ['100000', { '其中:面向中小企业预留': null }, '1'],
    ]);
  });

  it('元 → 万元 is exact (no digits lost)', () => {
    const t = table('three_public', [[0, '公务接待费', '4.01']], { unit: '元' });
    attachRecords([t]);
    expect(convertTables([t], '万元')).toEqual([]);
    expect(t.recordsUnit).toBe('万元');
    expect(t.records![0]).toMatchObject({ total: '0.0016', reception: '0.000401', vehicle: { purchase: '0.0006' } });
  });

  it('a table with no unit printed keeps its amounts, with a warning on its first page', () => {
    const t = table('expenditure', [], { unit: '' });
    expect(attachRecords([t])).toEqual([]);
    const before = structuredClone(t.records);
    expect(convertTables([t], '元')).toEqual([
      { page: 4, message: '部门支出总表: no unit printed, amounts not converted to 元' },
    ]);
    expect(t.records).toEqual(before);
    expect(t.records![0]!.amounts.total).toBe('150.00');
    expect(t.recordsUnit).toBe('');
  });

  it('a table already in the target unit is left as it is, without a warning', () => {
    const t = table('procurement', [], { unit: '元' });
    attachRecords([t]);
    expect(convertTables([t], '元')).toEqual([]);
    expect(t.records![0]!.amount).toBe('25.00');
    expect(t.recordsUnit).toBe('元');
  });
});
