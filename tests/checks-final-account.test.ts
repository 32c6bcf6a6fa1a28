// The 决算 identities beside the budget ones (issue #17 part 4): a 收入支出决算总表's carry identity (final.balance), its
// sides against their grand totals (final.income_total, final.expenditure_total = GJ-001), and 机关运行经费 against the
// 基本支出's 公用经费 (operating_costs.within_public). On table literals, the fixture final-account.pdf and the corpus.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as D from '../scripts/fixture-data.mjs';
import { runChecks } from '../src/checks/index.js';
import { buildRecords } from '../src/records/index.js';
import type { SummaryItem } from '../src/records/schemas.js';
import type { CheckResult, ExtractedDocument, Table } from '../src/types.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';
import { tableLiteral } from './helpers/table.js';

const SLOW = { timeout: 120_000 };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FINAL = /^(final|operating_costs)\./u;

const COLUMNS = ['收入/项目', '收入/决算数', '支出/项目', '支出/决算数'];
/** A 收入支出决算总表 (万元): 10.00 + 5.00 + 120.00 − 110.00 − 3.00 = 22.00, and 135.00 on each side. */
const finalRows = (over: { distributed?: string; opening?: string; incomeGrand?: string } = {}): string[][] => [
  ['一、一般公共预算财政拨款收入', '100.00', '一、一般公共服务支出', '80.00'],
  ['二、其他收入', '20.00', '二、社会保障和就业支出', '30.00'],
  ['本年收入合计', '120.00', '本年支出合计', '110.00'],
  ['使用非财政拨款结余', '5.00', '结余分配', over.distributed ?? '3.00'],
  ['年初结转和结余', over.opening ?? '10.00', '年末结转和结余', '22.00'],
  ['总计', over.incomeGrand ?? '135.00', '总计', '135.00'],
];
const summary = (rows: string[][]) =>
  tableLiteral('income_expenditure_summary', COLUMNS, rows, { title: '收入支出决算总表' }) as Table;

/** A table's records, as extraction (and runChecks, for a table given without them) builds them. */
const recordsOf = (t: Table): SummaryItem[] => buildRecords(t).records as SummaryItem[];

/** The results of the new identities, by id, as [column, expected, found, passed, rounding]. */
const finalResults = (results: readonly CheckResult[]) =>
  results
    .filter((r) => FINAL.test(r.id))
    .map((r) => [r.id, r.column, r.expected, r.found, r.passed, r.rounding] as const);

describe('收入支出决算总表: records', () => {
  it('every carry row has its kind; a side’s bare 总计 is its grand total', () => {
    const recs = recordsOf(summary(finalRows()));
    expect(recs.filter((r) => r.totalKind).map((r) => [r.side, r.name, r.totalKind, r.amounts.total])).toEqual([
      ['income', '本年收入合计', 'incomeTotal', '120.00'],
      ['income', '使用非财政拨款结余', 'balanceUsed', '5.00'],
      ['income', '年初结转和结余', 'carriedOver', '10.00'],
      ['income', '总计', 'incomeGrandTotal', '135.00'],
      ['expenditure', '本年支出合计', 'expenditureTotal', '110.00'],
      ['expenditure', '结余分配', 'balanceDistribution', '3.00'],
      ['expenditure', '年末结转和结余', 'yearEndBalance', '22.00'],
      ['expenditure', '总计', 'expenditureGrandTotal', '135.00'],
    ]);
  });

  it('年初/年末财政拨款结转和结余 (财政拨款收入支出决算总表) are the carries; the fund rows under them are not', () => {
    const t = tableLiteral(
      'fiscal_summary',
      ['收入/项目', '收入/决算数', '支出/项目', '支出/合计', '支出/一般公共预算财政拨款'],
      [
        ['一、一般公共预算财政拨款', '2,940.05', '一、一般公共服务支出', '2,940.05', '2,940.05'],
        ['本年收入合计', '2,940.05', '本年支出合计', '2,940.05', '2,940.05'],
        ['年初财政拨款结转和结余', '21.63', '年末财政拨款结转和结余', '21.63', '21.63'],
        ['一、一般公共预算财政拨款', '21.63', '', '', ''],
        ['总计', '2,961.68', '总计', '2,961.68', '2,961.68'],
      ],
      { title: '财政拨款收入支出决算总表' },
    ) as Table;
    const recs = recordsOf(t);
    expect(recs.filter((r) => r.totalKind).map((r) => [r.side, r.name, r.totalKind])).toEqual([
      ['income', '本年收入合计', 'incomeTotal'],
      ['income', '年初财政拨款结转和结余', 'carriedOver'],
      ['income', '总计', 'incomeGrandTotal'],
      ['expenditure', '本年支出合计', 'expenditureTotal'],
      ['expenditure', '年末财政拨款结转和结余', 'yearEndBalance'],
      ['expenditure', '总计', 'expenditureGrandTotal'],
    ]);
    // The income side prints one column (决算数): the balance on it; each side's total on each of its columns.
    expect(finalResults(runChecks([t]).results)).toEqual([
      ['final.income_total', '收入/决算数', '2961.68', '2961.68', true, false],
      ['final.expenditure_total', '支出/合计', '2961.68', '2961.68', true, false],
      ['final.expenditure_total', '支出/一般公共预算财政拨款', '2961.68', '2961.68', true, false],
      ['final.balance', '支出/合计', '21.63', '21.63', true, false],
    ]);
  });
});

describe('收入支出决算总表: the identities', () => {
  it('a 总表 that adds up passes the carry identity and both sides', () => {
    const { results } = runChecks([summary(finalRows())]);
    expect(finalResults(results)).toEqual([
      ['final.income_total', '收入/决算数', '135', '135', true, false],
      ['final.expenditure_total', '支出/决算数', '135', '135', true, false],
      ['final.balance', '支出/决算数', '22', '22', true, false],
    ]);
    const balance = results.find((r) => r.id === 'final.balance')!;
    expect([balance.rowIndex, balance.row?.name, balance.page, balance.unit]).toEqual([4, '年末结转和结余', 7, '万元']);
    expect(balance.message.zh).toBe(
      '年末结转和结余等于年初结转和结余、使用非财政拨款结余、本年收入合计之和减本年支出合计、结余分配(年初结转和结余 + 本年收入 = 本年支出 + 结余分配 + 年末结转和结余)',
    );
    expect(results.find((r) => r.id === 'final.expenditure_total')!.message.zh).toBe(
      '支出方支出总计等于本年支出合计、结余分配、年末结转和结余之和',
    );
    expect(results.find((r) => r.id === 'final.income_total')!.message.zh).toBe(
      '收入方收入总计等于本年收入合计、使用非财政拨款结余、年初结转和结余之和',
    );
    // The grand totals agree (the existing identity, not repeated by the new ones).
    expect(results.filter((r) => r.id === 'summary.income_equals_expenditure').map((r) => r.passed)).toEqual([true]);
  });

  it('a wrong 结余分配 fails the carry identity and GJ-001, with the terms listed and one cause', () => {
    const { results } = runChecks([summary(finalRows({ distributed: '13.00' }))]);
    const failed = results.filter((r) => !r.passed);
    expect(failed.map((r) => [r.id, r.expected, r.found, r.difference])).toEqual([
      ['final.expenditure_total', '145', '135', '-10'],
      ['final.balance', '12', '22', '10'],
    ]);
    const balance = failed.find((r) => r.id === 'final.balance')!;
    expect(balance.terms!.map((t) => [t.rowIndex, t.name, t.column, t.value])).toEqual([
      [4, '年初结转和结余', '收入/决算数', '10.00'],
      [3, '使用非财政拨款结余', '收入/决算数', '5.00'],
      [2, '本年收入合计', '收入/决算数', '120.00'],
      [2, '本年支出合计', '支出/决算数', '110.00'],
      [3, '结余分配', '支出/决算数', '13.00'],
    ]);
    const side = failed.find((r) => r.id === 'final.expenditure_total')!;
    expect(side.terms!.map((t) => [t.rowIndex, t.name, t.value])).toEqual([
      [2, '本年支出合计', '110.00'],
      [3, '结余分配', '13.00'],
      [4, '年末结转和结余', '22.00'],
    ]);
    // One printed error behind both: they fail by the same difference and share cells (本年支出合计, 结余分配,
    // 年末结转和结余 — which of them is wrong the two identities cannot tell; causes.ts names the first).
    expect(balance.cause).toBeDefined();
    expect(side.cause).toEqual(balance.cause);
    expect(balance.cause!.zh).toContain('使 2 个等式以同一差额不成立');
    // The income side and the grand totals still agree.
    expect(
      results.filter((r) => r.id === 'final.income_total' || r.id.startsWith('summary.')).every((r) => r.passed),
    ).toBe(true);
  });

  it('尾差: off by 0.01 over four figures to 0.01 passes, marked rounding', () => {
    const { results } = runChecks([summary(finalRows({ opening: '10.01', incomeGrand: '135.01' }))]);
    const balance = results.find((r) => r.id === 'final.balance')!;
    expect([balance.expected, balance.found, balance.difference, balance.passed, balance.rounding]).toEqual([
      '22.01',
      '22',
      '-0.01',
      true,
      true,
    ]);
    expect(Number(balance.tolerance)).toBeGreaterThanOrEqual(0.01);
    // The income side adds up exactly (135.01); the grand totals differ by the same 尾差.
    expect(results.find((r) => r.id === 'final.income_total')!.rounding).toBe(false);
    expect(results.find((r) => r.id === 'summary.income_equals_expenditure')!.rounding).toBe(true);
  });

  it('a budget 收支总表 with 上年结转 / 结转下年: the same identities; without carry rows no final.balance', () => {
    const budget = tableLiteral(
      'income_expenditure_summary',
      ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'],
      [
        ['一、一般公共预算拨款收入', '913.13', '一、一般公共服务支出', '931.79'],
        ['本年收入合计', '913.13', '本年支出合计', '931.79'],
        ['上年结转结余', '18.66', '年终结转结余', ''],
        ['收入总计', '931.79', '支出总计', '931.79'],
      ],
    ) as Table;
    expect(finalResults(runChecks([budget]).results)).toEqual([
      ['final.income_total', '收入/预算数', '931.79', '931.79', true, false],
      ['final.expenditure_total', '支出/预算数', '931.79', '931.79', true, false],
      ['final.balance', '支出/预算数', '0', '0', true, false],
    ]);
    const bare = tableLiteral(
      'income_expenditure_summary',
      ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'],
      [
        ['一、一般公共预算拨款收入', '913.13', '一、一般公共服务支出', '913.13'],
        ['收入合计', '913.13', '支出合计', '913.13'],
      ],
    ) as Table;
    // The year's 收入合计 = 支出合计 is summary.income_equals_expenditure's; no grand totals, no carries: nothing new.
    const results = runChecks([bare]).results;
    expect(finalResults(results)).toEqual([]);
    expect(results.filter((r) => r.id === 'summary.income_equals_expenditure')).toHaveLength(1);
  });
});

// ── 机关运行经费 against 公用经费 ─────────────────────────────────────────────────────────────────────────────────

/** Shanghai's 一般公共预算基本支出表 (元): 公用经费 on its 合计 row. */
const basicTable = (publicCosts: string, opts: { title?: string; publicColumn?: boolean } = {}) =>
  tableLiteral(
    'basic_expenditure',
    opts.publicColumn === false
      ? ['科目编码', '科目名称', '金额']
      : [
          '项目/经济分类科目编码/类',
          '项目/经济分类科目编码/款',
          '项目/经济分类科目名称',
          '一般公共预算基本支出/合计',
          '一般公共预算基本支出/人员经费',
          '一般公共预算基本支出/公用经费',
        ],
    opts.publicColumn === false
      ? [
          ['合计', '', '3,000,000.00'],
          ['301', '工资福利支出', '1,000,000.00'],
          ['302', '商品和服务支出', '2,000,000.00'],
        ]
      : [
          ['301', '', '工资福利支出', '22,000,000.00', '22,000,000.00', '0.00'],
          ['302', '', '商品和服务支出', publicCosts, '0.00', publicCosts],
          ['合计', '', '', '—', '22,000,000.00', publicCosts],
        ],
    { unit: '元', title: opts.title ?? '2025年部门一般公共预算基本支出部门预算经济分类预算表', rowPages: [19, 19, 20] },
  ) as Table;
/** Shanghai's “三公”经费和机关运行经费预算表 (万元), one row. */
const threePublicTable = (operating: string) =>
  tableLiteral(
    'three_public',
    [
      '“三公”经费预算数/合计',
      '“三公”经费预算数/因公出国(境)费',
      '“三公”经费预算数/公务接待费',
      '“三公”经费预算数/公务用车购置及运行费/小计',
      '“三公”经费预算数/公务用车购置及运行费/购置费',
      '“三公”经费预算数/公务用车购置及运行费/运行费',
      '机关运行经费预算数',
    ],
    [['0.95', '', '0.95', '', '', '', operating]],
    { unit: '万元', title: '2025年部门“三公”经费和机关运行经费预算表', rowPages: [21] },
  ) as Table;

const operatingResults = (tables: Table[]) =>
  runChecks(tables).results.filter((r) => r.id === 'operating_costs.within_public');

describe('机关运行经费 within 公用经费', () => {
  it('within: 229.43 万元 against 2,294,335.00 元 (229.4335 万元) passes; the bound is expected, the cost found', () => {
    const [r, ...more] = operatingResults([basicTable('2,294,335.00'), threePublicTable('229.43')]);
    expect(more).toEqual([]);
    expect([r!.expected, r!.found, r!.difference, r!.passed, r!.rounding, r!.unit]).toEqual([
      '229.4335',
      '229.43',
      '-0.0035',
      true,
      false,
      '万元',
    ]);
    expect([r!.table, r!.tableKind, r!.page, r!.column, r!.row]).toEqual([
      1,
      'three_public',
      21,
      '机关运行经费预算数',
      { code: null, name: '合计' },
    ]);
    expect(r!.message.zh).toContain('期望值为公用经费(上限),实际值为机关运行经费');
    expect(r!.message.zh).toContain('已由元折为万元');
  });

  it('over by less than the last printed digit: 229.44 against 229.438 passes as rounding', () => {
    const [r] = operatingResults([basicTable('2,294,380.00'), threePublicTable('229.44')]);
    expect([r!.difference, r!.passed, r!.rounding]).toEqual(['0.002', true, true]);
  });

  it('over: 250.00 万元 against 229.4335 万元 fails, both figures listed', () => {
    const [r] = operatingResults([basicTable('2,294,335.00'), threePublicTable('250.00')]);
    expect([r!.expected, r!.found, r!.difference, r!.passed]).toEqual(['229.4335', '250', '20.5665', false]);
    expect(r!.terms!.map((t) => [t.table, t.rowIndex, t.column, t.value, t.page])).toEqual([
      [0, 2, '一般公共预算基本支出/公用经费', '2294335.00', 20],
      [1, 0, '机关运行经费预算数', '250.00', 21],
    ]);
  });

  it('a 机关运行经费支出预算表 (Suzhou, Wuxi) against the 基本支出表’s 公用经费 in the same unit', () => {
    const basic = tableLiteral(
      'basic_expenditure',
      ['科目编码', '科目名称', '基本支出/合计', '基本支出/人员经费', '基本支出/公用经费'],
      [
        ['', '合计', '4,312.17', '3,916.57', '395.60'],
        ['301', '工资福利支出', '3,584.70', '3,584.70', ''],
        ['302', '商品和服务支出', '395.60', '', '395.60'],
        ['303', '对个人和家庭的补助', '331.87', '331.87', ''],
      ],
      { title: '一般公共预算基本支出表' },
    ) as Table;
    const operating = (total: string) =>
      tableLiteral(
        'general_public_expenditure',
        ['科目编码', '科目名称', '机关运行经费支出'],
        [
          ['合计', '', total],
          ['302', '商品和服务支出', total],
        ],
        { title: '一般公共预算机关运行经费支出预算表' },
      ) as Table;
    const [ok] = operatingResults([basic, operating('395.60')]);
    expect([ok!.expected, ok!.found, ok!.passed, ok!.column, ok!.tableKind]).toEqual([
      '395.6',
      '395.6',
      true,
      '机关运行经费支出',
      'general_public_expenditure',
    ]);
    const [over] = operatingResults([basic, operating('400.00')]);
    expect([over!.difference, over!.passed]).toEqual(['4.4', false]);
  });

  it('no 公用经费 printed (Jiangsu’s 基本支出表 by 经济分类 only): not checked', () => {
    expect(operatingResults([basicTable('', { publicColumn: false }), threePublicTable('229.43')])).toEqual([]);
  });
});

// ── The fixture and the corpus ──────────────────────────────────────────────────────────────────────────────────

describe('fixtures/final-account.pdf', () => {
  it('its 收入支出决算总表 passes the carry identity and both sides, at the fixture’s figures', SLOW, async () => {
    const doc = await readOnce(path.join(ROOT, 'fixtures', 'final-account.pdf'));
    const F = D.finalSummary;
    const yuan = (cents: number) => (cents / 100).toFixed(2).replace(/\.?0+$/u, '');
    expect(finalResults(doc.checks.results)).toEqual([
      ['final.income_total', '收入/决算数', yuan(F.grandTotal), yuan(F.grandTotal), true, false],
      ['final.expenditure_total', '支出/决算数', yuan(F.grandTotal), yuan(F.grandTotal), true, false],
      ['final.balance', '支出/决算数', yuan(F.yearEndBalance), yuan(F.yearEndBalance), true, false],
    ]);
  });
});

const read = (id: string): Promise<ExtractedDocument> => readOnce(corpusPdf(id));

describe.skipIf(!hasCorpus)('决算 总表s of the corpus (pt-05, pt-07)', () => {
  it('pt-07 p.7 收入支出决算总表: 49.14 + 2,946.25 − 2,940.05 = 55.34; 总计 2,995.39 on each side', SLOW, async () => {
    const doc = await read('pt-07');
    const own = (kind: string) => doc.checks.results.filter((r) => FINAL.test(r.id) && r.tableKind === kind);
    expect(
      own('income_expenditure_summary').map((r) => [r.id, r.page, r.row?.name, r.expected, r.found, r.passed]),
    ).toEqual([
      ['final.income_total', 7, '总计', '2995.39', '2995.39', true],
      ['final.expenditure_total', 7, '总计', '2995.39', '2995.39', true],
      ['final.balance', 7, '年末结转和结余', '55.34', '55.34', true],
    ]);
    // p.11 财政拨款收入支出决算总表: 21.63 brought in and carried forward; the 一般公共预算 column on the spending side.
    expect(own('fiscal_summary').map((r) => [r.id, r.page, r.column, r.expected, r.found, r.passed])).toEqual([
      ['final.income_total', 11, '收入/决算数', '2961.68', '2961.68', true],
      ['final.expenditure_total', 11, '支出/合计', '2961.68', '2961.68', true],
      ['final.expenditure_total', 11, '支出/一般公共预算财政拨款', '2961.68', '2961.68', true],
      ['final.balance', 11, '支出/合计', '21.63', '21.63', true],
    ]);
    const summaryRecords = doc.tables.find((t) => t.kind === 'income_expenditure_summary')!.records as SummaryItem[];
    expect(summaryRecords.filter((r) => r.totalKind).map((r) => [r.name, r.totalKind, r.amounts.total])).toEqual([
      ['本年收入合计', 'incomeTotal', '2946.25'],
      ['使用非财政拨款结余(含专用结余)', 'balanceUsed', null],
      ['年初结转和结余', 'carriedOver', '49.14'],
      ['总计', 'incomeGrandTotal', '2995.39'],
      ['本年支出合计', 'expenditureTotal', '2940.05'],
      ['结余分配', 'balanceDistribution', null],
      ['年末结转和结余', 'yearEndBalance', '55.34'],
      ['总计', 'expenditureGrandTotal', '2995.39'],
    ]);
  });

  it('pt-05 p.5 收入支出决算总表: no carries, 307.82 on each side', SLOW, async () => {
    const doc = await read('pt-05');
    const results = doc.checks.results.filter((r) => FINAL.test(r.id));
    expect(results.every((r) => r.passed)).toBe(true);
    expect(
      results
        .filter((r) => r.tableKind === 'income_expenditure_summary')
        .map((r) => [r.id, r.page, r.expected, r.found]),
    ).toEqual([
      ['final.income_total', 5, '307.82', '307.82'],
      ['final.expenditure_total', 5, '307.82', '307.82'],
      ['final.balance', 5, '0', '0'],
    ]);
    expect(results.filter((r) => r.tableKind === 'fiscal_summary').map((r) => r.id)).toEqual([
      'final.income_total',
      'final.expenditure_total',
      'final.expenditure_total',
      'final.balance',
    ]);
  });

  it(
    'w10 p.146: 2,074,962.01 + 6,374.88 + 399,035.80 = 2,480,372.69 against 总计 2,480,372.70 is 尾差',
    SLOW,
    async () => {
      // The table's own note: 本表金额转换为万元时，因四舍五入可能存在尾差.
      const doc = await read('w10');
      const own = doc.checks.results.filter((r) => FINAL.test(r.id) && r.page === 146);
      expect(own.map((r) => [r.id, r.expected, r.found, r.passed, r.rounding])).toEqual([
        ['final.income_total', '2480372.7', '2480372.7', true, false],
        ['final.expenditure_total', '2480372.69', '2480372.7', true, true],
        ['final.balance', '399035.81', '399035.8', true, true],
      ]);
    },
  );

  it(
    'pt-06: 机关运行经费 229.43 万元 (p.21) within the 基本支出表’s 公用经费 2,294,335.00 元 (p.20)',
    SLOW,
    async () => {
      const doc = await read('pt-06');
      const r = doc.checks.results.filter((x) => x.id === 'operating_costs.within_public');
      expect(r.map((x) => [x.page, x.expected, x.found, x.passed, x.rounding])).toEqual([
        [21, '229.4335', '229.43', true, false],
      ]);
    },
  );
});
