// Totals of 收支总表 and line-item tables, by layout: the record an analyst takes as the table's total (isTotal,
// totalKind) carries the printed figure as `total`, on Table literals (values asserted) and on corpus documents by
// path (skipped without ../shared/corpus; the expected figures are read from the corpus's own records files).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/index.js';
import type { ExtractedDocument } from '../src/index.js';
import { lineItems } from '../src/records/line-items.js';
import type { LineItem, SummaryItem } from '../src/records/schemas.js';
import { summaryItems } from '../src/records/summary.js';
import type { CheckResult, Table, TableKind } from '../src/types.js';
import { CORPUS, corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';

function table(kind: TableKind, columns: string[], rows: string[][], unit = '万元'): Table {
  return {
    kind,
    title: '表',
    label: '',
    titles: [],
    pages: [3],
    unit,
    empty: false,
    columns,
    rows,
    rowPages: rows.map(() => 3),
    parts: [],
  } as Table;
}
const checksOf = (t: Table): CheckResult[] => runChecks([t]).results;
const totalOf = (records: readonly SummaryItem[], kind: SummaryItem['totalKind']) =>
  records.filter((r) => r.totalKind === kind).map((r) => [r.name, r.amounts.total, r.row]);

describe('names: the item’s own name column before the unit’s', () => {
  it('单位名称 | 项目名称 | 合计: projects named by 项目名称, the 合计 under 单位名称 is the total', () => {
    const t = table(
      'project_expenditure',
      ['单位名称', '项目名称', '合计'],
      [
        ['合计', '', '30.00'],
        ['某某局', '信息化建设项目', '20.00'],
        ['某某局', '办公楼维修项目', '10.00'],
      ],
    );
    expect(lineItems(t).map((r) => [r.name, r.isTotal, r.amounts.total, r.row])).toEqual([
      ['合计', true, '30.00', 0],
      ['信息化建设项目', false, '20.00', 1],
      ['办公楼维修项目', false, '10.00', 2],
    ]);
  });

  it('预算单位 | 科目编码 | 科目名称: subjects named by 科目名称, the unit’s own row by 预算单位', () => {
    const t = table(
      'expenditure',
      ['预算单位', '科目编码', '科目名称', '支出总计', '基本支出', '项目支出'],
      [
        ['某某局(本级)', '', '', '30.00', '20.00', '10.00'],
        ['', '201', '一般公共服务支出', '30.00', '20.00', '10.00'],
        ['', '20105', '统计信息事务', '30.00', '20.00', '10.00'],
      ],
    );
    expect(lineItems(t).map((r) => [r.code?.code ?? null, r.name])).toEqual([
      [null, '某某局(本级)'],
      ['201', '一般公共服务支出'],
      ['20105', '统计信息事务'],
    ]);
  });
});

describe('收支总表 totals', () => {
  it('a side printed as two name | amount blocks: the total row’s figure under the second block is its total', () => {
    const t = table(
      'income_expenditure_summary',
      [
        '收入/项目名称',
        '收入/金额',
        '支出/功能分类/功能科目名称',
        '支出/功能分类/金额',
        '支出/支出用途/项目名称',
        '支出/支出用途/金额',
      ],
      [
        ['一、财政拨款', '120.00', '一、一般公共服务支出', '100.00', '一、基本支出', '70.00'],
        ['', '', '二、教育支出', '20.00', '二、项目支出', '50.00'],
        ['当年收入小计', '120.00', '当年支出小计', '', '', '120.00'],
        ['上年结转资金', '', '结转下年资金', '', '', ''],
        ['收入合计', '120.00', '支出合计', '', '', '120.00'],
      ],
    );
    const records = summaryItems(t);
    expect(totalOf(records, 'incomeGrandTotal')).toEqual([['收入合计', '120.00', 4]]);
    expect(totalOf(records, 'expenditureGrandTotal')).toEqual([['支出合计', '120.00', 4]]);
    expect(totalOf(records, 'expenditureTotal')).toEqual([['当年支出小计', '120.00', 2]]);
    const grand = records.find((r) => r.totalKind === 'expenditureGrandTotal')!;
    expect(grand.extra).toEqual({});
    // A row that is not a total keeps the second block's figure in extra: it is not that row's figure.
    expect(records.find((r) => r.name === '一、一般公共服务支出')!.extra).toEqual({ '支出/支出用途/金额': '70.00' });
    const sum = checksOf(t).filter((c) => c.id === 'summary.income_equals_expenditure');
    expect(sum.map((c) => [c.expected, c.found, c.passed, c.rowIndex])).toEqual([['120', '120', true, 4]]);
  });

  it('本年收入合计 above 上年结转 and 收入合计: one year total and one grand total per side', () => {
    const t = table(
      'income_expenditure_summary',
      ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'],
      [
        ['一、一般公共预算拨款收入', '50.00', '一、一般公共服务支出', '60.00'],
        ['本年收入合计', '50.00', '本年支出合计', '60.00'],
        ['上年结转结余', '10.00', '结转下年支出', '0.00'],
        ['收入合计', '60.00', '支出合计', '60.00'],
      ],
    );
    const records = summaryItems(t);
    expect(totalOf(records, 'incomeTotal')).toEqual([['本年收入合计', '50.00', 1]]);
    expect(totalOf(records, 'incomeGrandTotal')).toEqual([['收入合计', '60.00', 3]]);
    expect(totalOf(records, 'expenditureTotal')).toEqual([['本年支出合计', '60.00', 1]]);
    expect(totalOf(records, 'expenditureGrandTotal')).toEqual([['支出合计', '60.00', 3]]);
  });

  it('a single 收入合计 with no carry-over keeps its kind, and the year totals are checked against each other', () => {
    const t = table(
      'income_expenditure_summary',
      ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'],
      [
        ['一、一般公共预算拨款收入', '50.00', '一、一般公共服务支出', '50.00'],
        ['收入合计', '50.00', '支出合计', '49.00'],
      ],
    );
    const records = summaryItems(t);
    expect(totalOf(records, 'incomeTotal')).toEqual([['收入合计', '50.00', 1]]);
    expect(totalOf(records, 'incomeGrandTotal')).toEqual([]);
    const sum = checksOf(t).filter((c) => c.id === 'summary.income_equals_expenditure');
    // The printed figures disagree: the check says so (a record is never "fixed").
    expect(sum.map((c) => [c.expected, c.found, c.passed])).toEqual([['50', '49', false]]);
  });

  it('an amount column labelled 预算 or with the year (2026年预算数) is the total', () => {
    for (const label of ['预算', '2026年预算数']) {
      const records = summaryItems(
        table(
          'income_expenditure_summary',
          [`收入/项目`, `收入/${label}`, '支出/项目', `支出/${label}`],
          [
            ['一、预算拨款', '30.00', '一、一般公共服务支出', '30.00'],
            ['收入总计', '30.00', '支出总计', '30.00'],
          ],
        ),
      );
      expect(totalOf(records, 'incomeGrandTotal')).toEqual([['收入总计', '30.00', 1]]);
      expect(totalOf(records, 'expenditureGrandTotal')).toEqual([['支出总计', '30.00', 1]]);
    }
  });
});

describe('line-item table totals', () => {
  const SZ_COLUMNS = ['预算单位', '科目编码', '科目名称', '支出总计', '基本支出', '项目支出', '采购项目/小计'];

  it('the department row above its units is the total where the units sum to it; 采购/小计 is not the total', () => {
    const rows = [
      ['某某市某某局', '', '', '300.00', '100.00', '200.00', '9.00'],
      ['某某市某某局(本级)', '', '', '250.00', '80.00', '170.00', '9.00'],
      ['', '201', '一般公共服务支出', '250.00', '80.00', '170.00', '9.00'],
      ['某某市某某中心', '', '', '50.00', '20.00', '30.00', '0.00'],
      ['', '201', '一般公共服务支出', '50.00', '20.00', '30.00', '0.00'],
    ];
    const t = table('expenditure', SZ_COLUMNS, rows);
    const records = lineItems(t);
    expect(records.filter((r) => r.isTotal).map((r) => [r.name, r.amounts.total, r.amounts.basic, r.row])).toEqual([
      ['某某市某某局', '300.00', '100.00', 0],
    ]);
    expect(records[0]!.extra).toEqual({ '采购项目/小计': '9.00' });
    const total = checksOf(t).filter((c) => c.id === 'total.equals_top_rows' && c.column === '支出总计');
    expect(total.map((c) => [c.expected, c.found, c.passed])).toEqual([['300', '300', true]]);
  });

  it('a department of one unit: its row is the total where its 类 rows sum to it (within 尾差)', () => {
    const rows = [
      ['某某市某某局(本级)', '', '', '100.01', '60.00', '40.01', '0.00'],
      ['', '201', '一般公共服务支出', '60.00', '20.00', '40.00', '0.00'],
      ['', '208', '社会保障和就业支出', '40.00', '40.00', '0.00', '0.00'],
    ];
    const records = lineItems(table('expenditure', SZ_COLUMNS, rows));
    expect(records.filter((r) => r.isTotal).map((r) => [r.name, r.amounts.total, r.row])).toEqual([
      ['某某市某某局(本级)', '100.01', 0],
    ]);
  });

  it('a table of one unnamed row of amounts is its own total', () => {
    const records = lineItems(
      table('expenditure', ['合计', '基本支出', '项目支出', '机动经费'], [['100.00', '50.00', '40.00', '10.00']]),
    );
    expect(records.map((r) => [r.isTotal, r.amounts.total, r.amounts.basic, r.amounts.project, r.row])).toEqual([
      [true, '100.00', '50.00', '40.00', 0],
    ]);
  });

  it('a first row that is not the sum, with no 本级 row under it, is not made a total', () => {
    const rows = [
      ['某某市某某局', '', '', '300.00', '100.00', '200.00', '0.00'],
      ['某某市某某中心', '', '', '50.00', '20.00', '30.00', '0.00'],
      ['某某市某某站', '', '', '40.00', '20.00', '20.00', '0.00'],
    ];
    expect(lineItems(table('expenditure', SZ_COLUMNS, rows)).some((r) => r.isTotal)).toBe(false);
  });

  it('合计 printed in the 单位编码 column is the total row, not a unit code', () => {
    const records = lineItems(
      table(
        'expenditure',
        ['单位编码', '单位名称', '部门预算/合计', '部门预算/一般公共预算拨款/小计'],
        [
          ['合计', '', '1,000.50', '1,000.50'],
          ['119', '某某市某某局', '1,000.50', '1,000.50'],
          ['119001', '某某市某某局', '1,000.50', '1,000.50'],
        ],
        '元',
      ),
    );
    expect(records.map((r) => [r.name, r.unitCode, r.isTotal, r.amounts.total, r.row])).toEqual([
      ['合计', null, true, '1000.50', 0],
      ['某某市某某局', '119', false, '1000.50', 1],
      ['某某市某某局', '119001', false, '1000.50', 2],
    ]);
  });

  it('本年支出合计 as a column label is the total', () => {
    const records = lineItems(
      table(
        'expenditure',
        ['项目/功能分类科目编码', '项目/科目名称', '本年支出合计', '基本支出', '项目支出'],
        [
          ['合计', '', '30.00', '10.00', '20.00'],
          ['201', '一般公共服务支出', '30.00', '10.00', '20.00'],
        ],
      ),
    );
    expect(records.filter((r) => r.isTotal).map((r) => [r.amounts.total, r.amounts.basic, r.amounts.project])).toEqual([
      ['30.00', '10.00', '20.00'],
    ]);
  });

  it('last year’s and change columns never give the amount: they stay in extra under their label', () => {
    const records = lineItems(
      table(
        'expenditure',
        ['科目编码', '科目名称', '上年预算数/合计', '本年预算数/合计', '增减额', '增减率%'],
        [
          ['合计', '', '80.00', '100.00', '20.00', '25.00'],
          ['201', '一般公共服务支出', '80.00', '100.00', '20.00', '25.00'],
        ],
      ),
    );
    const total = records.find((r) => r.isTotal)!;
    expect(total.amounts).toEqual({ total: '100.00' });
    expect(total.extra).toEqual({ '上年预算数/合计': '80.00', 增减额: '20.00', '增减率%': '25.00' });
  });

  it('of two years’ columns only the later one is the total', () => {
    const records = lineItems(
      table('expenditure', ['科目编码', '科目名称', '2025年预算数', '2026年预算数'], [['合计', '', '80.00', '100.00']]),
    );
    expect([records[0]!.amounts, records[0]!.extra]).toEqual([{ total: '100.00' }, { '2025年预算数': '80.00' }]);
  });
});

// ── Corpus documents by path: the total records against the figures of ../shared/corpus/records ────────────────

interface Truth {
  kind: string;
  incomeTotal?: string;
  expenditureTotal?: string;
  total?: string;
  basic?: string;
  project?: string;
  unit?: string;
}
const truth = (id: string): Truth[] =>
  (JSON.parse(fs.readFileSync(path.join(CORPUS, 'records', `${id}.json`), 'utf8')) as { facts: Truth[] }).facts;
const SLOW = { timeout: 180_000 };

/** One document per layout family: two-block sides; 本年/合计 after 结转; 预算 and year columns; department rows. */
const DOCS = ['js-01', 'fz-01', 'gz-01', 'sz-02', 'pt-05', 'xa-01'];

describe.skipIf(!hasCorpus)('corpus: one total per question', () => {
  for (const id of DOCS) {
    it(`${id}: the 收支总表 grand totals and the 支出总表 total record are the printed figures`, SLOW, async () => {
      const doc: ExtractedDocument = await readOnce(corpusPdf(id));
      const facts = truth(id);
      const summary = facts.find((f) => f.kind === 'income_expenditure_summary');
      if (summary) {
        const t = doc.tables.find((x) => x.kind === 'income_expenditure_summary')!;
        expect(t.unit).toBe(summary.unit);
        const records = t.records as SummaryItem[];
        const side = (grand: SummaryItem['totalKind'], year: SummaryItem['totalKind']) => {
          const g = records.filter((r) => r.totalKind === grand);
          return (g.length ? g : records.filter((r) => r.totalKind === year)).map((r) => r.amounts.total);
        };
        expect(side('incomeGrandTotal', 'incomeTotal')).toEqual([summary.incomeTotal]);
        expect(side('expenditureGrandTotal', 'expenditureTotal')).toEqual([summary.expenditureTotal]);
      }
      const exp = facts.find((f) => f.kind === 'expenditure');
      if (exp) {
        const t = doc.tables.find((x) => x.kind === 'expenditure')!;
        expect(t.unit).toBe(exp.unit);
        const totals = (t.records as LineItem[]).filter((r) => r.isTotal);
        expect(totals).toHaveLength(1);
        expect(typeof totals[0]!.row).toBe('number');
        const want = { total: exp.total, basic: exp.basic, project: exp.project };
        for (const [field, value] of Object.entries(want))
          if (value !== undefined) expect([field, totals[0]!.amounts[field]]).toEqual([field, value]);
      }
      // What the total records claim is checked, and passes on these documents.
      const failed = doc.checks.results.filter(
        (c) => !c.passed && (c.id === 'summary.income_equals_expenditure' || c.id === 'total.equals_top_rows'),
      );
      expect(failed).toEqual([]);
      expect(doc.checks.results.some((c) => c.id === 'summary.income_equals_expenditure')).toBe(true);
    });
  }
});
