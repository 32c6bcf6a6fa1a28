// Records and checks on small Table literals: each rule on the least table that shows it, values asserted.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/index.js';
import { amountReader, parseAmount } from '../src/records/amount.js';
import { buildRecords } from '../src/records/index.js';
import { lineItems } from '../src/records/line-items.js';
import { threePublicRecords } from '../src/records/three-public.js';
import { summaryItems } from '../src/records/summary.js';
import type { CheckResult, Table, TableKind } from '../src/types.js';

/** A table's own checks, as extraction runs them: records built by its kind, then its kind's identities. */
const checksOf = (t: Table): CheckResult[] => runChecks([t]).results;

function table(
  kind: TableKind,
  columns: string[],
  rows: string[][],
  opts: { unit?: string; rowPages?: number[]; title?: string } = {},
): Table {
  const rowPages = opts.rowPages ?? rows.map(() => 7);
  return {
    kind,
    title: opts.title ?? '表',
    label: '',
    titles: [],
    pages: [...new Set(rowPages)],
    unit: opts.unit ?? '万元',
    empty: false,
    columns,
    rows,
    rowPages,
    parts: [],
  } as Table;
}

// Sichuan's 基本支出表 template: 类 | 款 | 单位代码 | 单位名称(科目) | 基本支出 合计 | 人员经费 | 公用经费.
const BASIC_COLUMNS = [
  '科目编码/类',
  '科目编码/款',
  '单位代码',
  '单位名称(科目)',
  '基本支出/合计',
  '基本支出/人员经费',
  '基本支出/公用经费',
];
const basicRows = (): string[][] => [
  ['', '', '', '合计', '100.50', '90.50', '10.00'],
  ['', '', '103001', '某某县农业农村局', '100.50', '90.50', '10.00'],
  ['', '', '301', '工资福利支出', '90.50', '90.50', ''],
  ['301', '01', '30101', '基本工资', '60.00', '60.00', ''],
  ['301', '02', '30102', '津贴补贴', '30.50', '30.50', ''],
  ['', '', '302', '商品和服务支出', '10.00', '', '10.00'],
  ['302', '01', '30201', '办公费', '10.00', '', '10.00'],
];

describe('codes in the 单位代码 column', () => {
  it('a class row’s code and an item row’s full code are codes; the unit code stays a unit code', () => {
    const items = lineItems(table('basic_expenditure', BASIC_COLUMNS, basicRows()));
    expect(items.map((r) => [r.code?.code ?? null, r.code?.level ?? null, r.unitCode])).toEqual([
      [null, null, null],
      [null, null, '103001'],
      ['301', 1, null],
      ['30101', 2, null],
      ['30102', 2, null],
      ['302', 1, null],
      ['30201', 2, null],
    ]);
    expect(items[2]!.code).toMatchObject({ system: 'economic', class: '301', parent: null });
    expect(items[3]!.code).toMatchObject({ class: '301', item: '01', parent: '301' });
  });

  it('the tree and total checks run on such a table, and a removed child fails its class at its page and row', () => {
    const rows = basicRows().filter((r) => r[2] !== '30102');
    const t = table('basic_expenditure', BASIC_COLUMNS, rows, { rowPages: [3, 3, 3, 3, 4, 4] });
    const results = checksOf(t);
    const trees = results.filter((r) => r.id === 'tree.parent_equals_children');
    expect(trees.map((r) => [r.row!.code, r.column, r.passed])).toEqual([
      ['301', '基本支出/合计', false],
      ['301', '基本支出/人员经费', false],
      ['301', '基本支出/公用经费', true],
      ['302', '基本支出/合计', true],
      ['302', '基本支出/人员经费', true],
      ['302', '基本支出/公用经费', true],
    ]);
    expect(trees[0]).toMatchObject({ page: 3, rowIndex: 2, expected: '60', found: '90.5', difference: '30.5' });
    expect(trees[3]).toMatchObject({ page: 4, rowIndex: 4 });
    const total = results.filter((r) => r.id === 'total.equals_top_rows');
    expect(total.map((r) => [r.expected, r.found, r.passed, r.rowIndex, r.page])).toEqual([
      ['100.5', '100.5', true, 0, 3],
      ['90.5', '90.5', true, 0, 3],
      ['10', '10', true, 0, 3],
    ]);
  });

  it('a 3-digit unit code beside a different code stays a unit code (Sichuan’s 一般公共预算支出表: 201 | 28 | 02 | 103)', () => {
    const t = table(
      'general_public_expenditure',
      ['科目编码/类', '科目编码/款', '科目编码/项', '单位代码', '单位名称(科目)', '合计'],
      [
        ['', '', '', '', '合计', '20.00'],
        ['201', '28', '02', '103', '一般行政管理事务', '20.00'],
      ],
    );
    expect(lineItems(t).map((r) => [r.code?.code ?? null, r.unitCode])).toEqual([
      [null, null],
      ['2012802', '103'],
    ]);
  });

  it('a code-like unit cell stays a unit code when the row below is not under it, or the row names an organisation', () => {
    const t = table('basic_expenditure', BASIC_COLUMNS, [
      ['', '', '303', '对个人和家庭的补助', '5.00', '5.00', ''], // no child below: not provably a class row
      ['', '', '302', '商品和服务支出', '10.00', '', '10.00'],
      ['302', '01', '30201', '办公费', '10.00', '', '10.00'],
      ['', '', '301', '某某县人民政府办公室', '10.00', '', '10.00'], // an organisation's name
      ['301', '01', '30101', '基本工资', '10.00', '', '10.00'],
    ]);
    expect(lineItems(t).map((r) => [r.code?.code ?? null, r.unitCode])).toEqual([
      [null, '303'],
      ['302', null],
      ['30201', null],
      [null, '301'],
      ['30101', null],
    ]);
  });
});

describe('where a check points', () => {
  it('a row identity names the row and the page it was read from', () => {
    const t = table(
      'expenditure',
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [
        ['', '合计', '30.00', '10.00', '20.00'],
        ['201', '一般公共服务支出', '30.00', '10.00', '20.00'],
        ['20101', '人大事务', '30.00', '10.00', '20.00'],
        ['2010101', '行政运行', '12.00', '10.00', '0'],
        ['2010102', '一般行政管理事务', '20.00', '', '20.00'],
      ],
      { rowPages: [5, 5, 5, 6, 6] },
    );
    const failed = checksOf(t).filter((r) => !r.passed);
    expect(failed.map((r) => [r.id, r.row!.code, r.column, r.page, r.rowIndex, r.difference])).toEqual([
      ['tree.parent_equals_children', '20101', '合计', 5, 2, '-2'],
      ['row.total_equals_basic_plus_project', '2010101', '合计', 6, 3, '2'],
    ]);
  });

  it('performance weights name each project’s first row and its page, not the table’s first page', () => {
    const columns = ['项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值', '权重'];
    const row = (name: string, w: string) => [name, '10.00', '产出指标', '数量指标', `指标${w}`, '1', w];
    const t = table(
      'project_performance',
      columns,
      [
        row('项目甲', '50'),
        row('项目甲', '40'),
        row('项目乙', '50'),
        row('项目乙', '40'),
        row('项目丙', '50'),
        row('项目丙', '30'),
      ],
      { rowPages: [21, 21, 22, 22, 23, 23] },
    );
    const results = checksOf(t);
    expect(results.map((r) => [r.row!.name, r.page, r.rowIndex, r.passed, r.found])).toEqual([
      ['项目甲', 21, 0, true, '90'],
      ['项目乙', 22, 2, true, '90'],
      ['项目丙', 23, 4, false, '80'],
    ]);
  });

  it('summary and “三公” results name their row', () => {
    const summary = table(
      'income_expenditure_summary',
      ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'],
      [
        ['一般公共预算拨款收入', '10.00', '一般公共服务支出', '10.00'],
        ['收入总计', '10.00', '支出总计', '11.00'],
      ],
      { rowPages: [2, 3] },
    );
    const report = runChecks([summary]);
    expect(report.results.map((r) => [r.id, r.page, r.rowIndex, r.passed])).toEqual([
      ['summary.income_equals_expenditure', 3, 1, false],
    ]);
    const three = table(
      'three_public',
      [
        '单位名称',
        '合计',
        '因公出国(境)费',
        '公务用车购置及运行费/小计',
        '公务用车购置及运行费/购置费',
        '公务用车购置及运行费/运行费',
        '公务接待费',
      ],
      [
        ['合计', '3.00', '1.00', '1.00', '0.50', '0.50', '1.00'],
        ['某单位', '3.00', '1.00', '1.00', '0.60', '0.50', '1.00'],
      ],
      { rowPages: [9, 10] },
    );
    const failed = checksOf(three).filter((r) => !r.passed);
    expect(failed.map((r) => [r.id, r.row!.name, r.page, r.rowIndex, r.difference])).toEqual([
      ['three_public.vehicle', '某单位', 10, 1, '-0.1'],
    ]);
  });
});

describe('“三公” vehicle labels and repeated headings', () => {
  const columns = [
    '合计',
    '因公出国(境)经费',
    '公务用车购置及运行维护费/小计',
    '公务用车购置及运行维护费/公务用车购置经费',
    '公务用车购置及运行维护费/公务用车运行维护费',
    '公务接待费',
  ];

  it('Yantai’s 公务用车购置经费 is the purchase, 公务用车运行维护费 the operation', () => {
    const t = table('three_public', columns, [['42.26', '', '37.25', '15.20', '22.05', '5.01']]);
    const [r] = threePublicRecords(t);
    expect(r!.vehicle).toEqual({ subtotal: '37.25', purchase: '15.20', operation: '22.05' });
    expect(r!.extra).toEqual({});
    expect(checksOf(t).map((c) => c.passed)).toEqual([true, true]);
  });

  it('other spellings: 车辆购置支出, 公车运行经费, 其中:购置费 under the subtotal', () => {
    const t = table(
      'three_public',
      [
        '合计',
        '因公出国(境)费',
        '公务用车购置及运行费/小计',
        '公务用车购置及运行费/其中:车辆购置支出',
        '公务用车购置及运行费/公车运行经费',
        '公务接待费',
      ],
      [['6.00', '1.00', '3.00', '2.00', '1.00', '2.00']],
    );
    expect(threePublicRecords(t)[0]!.vehicle).toEqual({ subtotal: '3.00', purchase: '2.00', operation: '1.00' });
  });

  it('a table printed down names items with their numbering: (1)公务用车购置费', () => {
    const t = table(
      'three_public',
      ['项目', '预算数'],
      [
        ['合计', '6.00'],
        ['因公出国(境)费', '1.00'],
        ['公务用车购置及运行维护费', '3.00'],
        ['(1)公务用车购置费', '2.00'],
        ['(2)公务用车运行维护费', '1.00'],
        ['公务接待费', '2.00'],
      ],
    );
    const [r] = threePublicRecords(t);
    expect(r).toMatchObject({
      total: '6.00',
      outbound: '1.00',
      reception: '2.00',
      vehicle: { subtotal: '3.00', purchase: '2.00', operation: '1.00' },
    });
  });

  it('two years under one basis give one record per heading, with its year, none overwritten', () => {
    const t = table(
      'three_public',
      [...columns.map((c) => `2025年预算数/${c}`), ...columns.map((c) => `2026年预算数/${c}`)],
      [['107.05', '', '97.20', '54.00', '43.20', '9.85', '42.26', '', '37.25', '15.20', '22.05', '5.01']],
    );
    const records = threePublicRecords(t);
    expect(records.map((r) => [r.heading, r.year, r.basis, r.total, r.vehicle.purchase, r.vehicle.operation])).toEqual([
      ['2025年预算数', 2025, 'budget', '107.05', '54.00', '43.20'],
      ['2026年预算数', 2026, 'budget', '42.26', '15.20', '22.05'],
    ]);
    expect(checksOf(t).every((c) => c.passed)).toBe(true);
  });
});

describe('amounts printed with odd separators', () => {
  // Shanghai's 2026 unit budget 收支总表 (单位:元): one comma, before the last three digits only.
  const shanghai = (unit: string) =>
    table(
      'income_expenditure_summary',
      ['本年收入/项目', '本年收入/预算数', '本年支出/项目', '本年支出/预算数/合计'],
      [
        ['一、财政拨款收入', '120258,600', '一、社会保障和就业支出', '125360,898'],
        ['四、其他收入', '7880,000', '二、卫生健康支出', '2777,702'],
        ['收入总计', '128138,600', '支出总计', '128138,600'],
      ],
      { unit },
    );

  it('parseAmount alone leaves them unread; standard grouping still reads', () => {
    expect(parseAmount('120258,600')).toEqual({ kind: 'unread', text: '120258,600' });
    expect(parseAmount('10,000')).toEqual({ kind: 'number', value: '10000' });
    expect(parseAmount('1.234.567')).toEqual({ kind: 'unread', text: '1.234.567' });
    expect(parseAmount('合计')).toEqual({ kind: 'text', text: '合计' });
  });

  it('in a 元 table a lone comma before three digits is a thousands separator (three decimals would be 厘)', () => {
    const t = shanghai('元');
    expect(amountReader(t)('120258,600')).toEqual({ kind: 'number', value: '120258600' });
    expect(amountReader(t)('(925,901)')).toEqual({ kind: 'number', value: '-925901' });
    const items = summaryItems(t);
    expect(items.map((i) => [i.side, i.name, i.amounts.total])).toEqual([
      ['income', '一、财政拨款收入', '120258600'],
      ['income', '四、其他收入', '7880000'],
      ['income', '收入总计', '128138600'],
      ['expenditure', '一、社会保障和就业支出', '125360898'],
      ['expenditure', '二、卫生健康支出', '2777702'],
      ['expenditure', '支出总计', '128138600'],
    ]);
    expect(buildRecords(t).warnings).toEqual([]);
    expect(runChecks([t]).results.map((r) => [r.id, r.passed])).toEqual([['summary.income_equals_expenditure', true]]);
  });

  it('in a 万元 table the same cells are not provable: no record of nulls, a warning naming the cells', () => {
    const t = shanghai('万元');
    expect(amountReader(t)('120258,600').kind).toBe('unread');
    const built = buildRecords(t);
    expect(built.records).toEqual([]);
    expect(built.warnings).toHaveLength(1);
    expect(built.warnings[0]!.page).toBe(7);
    expect(built.warnings[0]!.message).toMatch(/6 amount cells not understood/u);
    expect(built.warnings[0]!.message).toContain('row 1 [本年收入/预算数] "120258,600"');
  });

  it('a 元 table that also prints decimal points does not prove the reading; a row with something read keeps it', () => {
    const t = table(
      'expenditure',
      ['科目编码', '科目名称', '合计', '基本支出'],
      [
        ['201', '一般公共服务支出', '1200,500', '1200.50'],
        ['20101', '人大事务', '1200.50', '1200.50'],
      ],
      { unit: '元', rowPages: [4, 5] },
    );
    const built = buildRecords(t);
    const records = built.records as ReturnType<typeof lineItems>;
    expect(records.map((r) => [r.code?.code, r.amounts.total, r.amounts.basic])).toEqual([
      ['201', null, '1200.50'],
      ['20101', '1200.50', '1200.50'],
    ]);
    expect(built.warnings.map((w) => [w.page, /1 amount cell not understood/u.test(w.message)])).toEqual([[4, true]]);
  });
});

describe("尾差: half a unit of each printed figure's last digit", () => {
  it('a sum within rounding passes marked as rounding; one beyond fails', () => {
    const rows = (total: string) => [
      ['', '合计', total, total],
      ['301', '工资福利支出', '71.04', '71.04'],
      ['302', '商品和服务支出', '102.73', '102.73'],
      ['303', '对个人和家庭的补助', '0.02', '0.02'],
    ];
    const columns = ['科目编码', '科目名称', '合计', '基本支出'];
    // 71.04 + 102.73 + 0.02 = 173.79: four printed figures to 0.01 allow 0.02.
    const near = checksOf(table('basic_expenditure', columns, rows('173.78'))).filter(
      (r) => r.id === 'total.equals_top_rows',
    );
    expect(near.map((r) => [r.tolerance, r.difference, r.passed, r.rounding])).toEqual([
      ['0.02', '-0.01', true, true],
      ['0.02', '-0.01', true, true],
    ]);
    const far = checksOf(table('basic_expenditure', columns, rows('173.76'))).filter(
      (r) => r.id === 'total.equals_top_rows',
    );
    expect(far.map((r) => [r.difference, r.passed, r.rounding])).toEqual([
      ['-0.03', false, false],
      ['-0.03', false, false],
    ]);
    const exact = checksOf(table('basic_expenditure', columns, rows('173.79'))).filter(
      (r) => r.id === 'total.equals_top_rows',
    );
    expect(exact.map((r) => [r.passed, r.rounding])).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it('each figure carries half a unit of its own last printed digit; a blank, and a 0 coarser than its table, none', () => {
    const columns = ['科目编码', '科目名称', '合计'];
    // A 合计 printed in whole 元 over children in 分, and a figure shown to 0.1 by a General format.
    const whole = checksOf(
      table('expenditure', columns, [
        ['205', '教育支出', '22118861'],
        ['20503', '职业教育', '22118860.30'],
        ['20508', '进修及培训', '1.04'],
      ]),
    );
    expect(whole.map((r) => [r.tolerance, r.difference, r.passed, r.rounding])).toEqual([
      ['0.51', '-0.34', true, true],
    ]);
    const tenth = checksOf(
      table('expenditure', columns, [
        ['205', '教育支出', '12063.9'],
        ['20503', '职业教育', '12063.96'],
      ]),
    );
    expect(tenth.map((r) => [r.tolerance, r.difference, r.passed])).toEqual([['0.055', '-0.06', false]]);
    const blanks = checksOf(
      table(
        'expenditure',
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [
          ['2010101', '行政运行', '10.00', '10.00', ''],
          ['2010102', '一般行政管理事务', '5.00', '5.00', '0'],
        ],
      ),
    );
    expect(blanks.map((r) => [r.id, r.tolerance])).toEqual([
      ['row.total_equals_basic_plus_project', '0.01'],
      ['row.total_equals_basic_plus_project', '0.01'],
    ]);
  });
});

describe('warnings on performance tables name money cells only', () => {
  it('an indicator value like 2025.12.31 is no amount cell; two amounts run together in 项目总额 are', () => {
    const t = table(
      'project_performance',
      ['项目名称', '项目总额', '三级指标', '指标值', '权重'],
      [
        ['项目甲', '52.00000027.000000', '完成时间', '2025.12.31', '90'],
        ['项目乙', '10.00', '覆盖率', '100', '90'],
      ],
    );
    const { warnings } = buildRecords(t);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('row 1 [项目总额] "52.00000027.000000"')]);
    expect(warnings[0]!.message).not.toContain('2025.12.31');
  });
});
