// The exact grids the extractor must read from the generated PDFs in fixtures/.
//
// The PDFs are drawn by scripts/make-fixtures.mjs from scripts/fixture-data.mjs; the expected
// rows below are derived from that same data module, as logical values: a wrapped cell is its
// whole text ('931.79', not the drawn '931.7' + '9'), a vertically merged cell's text is repeated
// in every row it spans (also over a page break), an empty table has no rows.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { extract } from '../src/index.js';
import type { ExtractedDocument, Table } from '../src/index.js';
import * as D from '../scripts/fixture-data.mjs';
import type { FixtureTable } from '../scripts/fixture-data.mjs';
import { expectedColumns, expectedRows, printed } from './helpers/fixture-grid.js';
import { readOnce } from './helpers/read-once.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixturePath = (name: string) => path.join(ROOT, 'fixtures', name);
const SLOW = { timeout: 60_000 };

// ---------------------------------------------------------------------------------------------
// Expected values from the fixture data

// ---------------------------------------------------------------------------------------------
// Extraction, once per file

const read = (name: string): Promise<ExtractedDocument> => readOnce(fixturePath(name));

interface TableExpectation {
  spec: FixtureTable;
  pages: number[];
  columns: string[];
}

/** The heading, columns and rows of table `index` of `file`. */
function expectTable(file: string, index: number, { spec, pages, columns }: TableExpectation) {
  const table = async (): Promise<Table> => {
    const doc = await read(file);
    const t = doc.tables[index];
    expect(t, `${file}: table ${index}`).toBeDefined();
    return t!;
  };

  it(`table ${index + 1}: ${spec.title} — kind, title, label, unit, pages`, SLOW, async () => {
    const t = await table();
    expect({ kind: t.kind, title: t.title, label: t.label, unit: t.unit, pages: t.pages, empty: t.empty }).toEqual({
      kind: spec.kind,
      title: printed(spec.title),
      label: spec.label,
      unit: spec.unit,
      pages,
      empty: spec.empty === true,
    });
    expect(t.titles).toContain(printed(spec.title));
  });

  it(`table ${index + 1}: ${spec.title} — columns`, SLOW, async () => {
    expect(expectedColumns(spec), 'fixture data and the literal columns in this test disagree').toEqual(columns);
    const t = await table();
    expect(t.columns).toEqual(columns);
  });

  it(`table ${index + 1}: ${spec.title} — rows`, SLOW, async () => {
    const t = await table();
    const want = expectedRows(spec);
    expect(t.rows.length, 'row count').toBe(want.length);
    expect(t.rows).toEqual(want);
  });
}

function expectTableCount(file: string, pages: number, count: number) {
  it(`has ${pages} page(s) and ${count} table(s)`, SLOW, async () => {
    const doc = await read(file);
    expect(doc.source.pages).toBe(pages);
    expect(doc.tables.map((t) => `${t.kind} ${t.title}`)).toHaveLength(count);
  });
}

// ---------------------------------------------------------------------------------------------
// The fixtures themselves

describe('fixture files', () => {
  it('are what scripts/make-fixtures.mjs generates (run `npm run fixtures` after editing it)', SLOW, () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-extract-fixtures-'));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/make-fixtures.mjs'), '--out', out], {
        cwd: ROOT,
        stdio: 'pipe',
      });
      const list = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? list(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]))
          .sort();
      const generated = list(out);
      expect(list(path.join(ROOT, 'fixtures'))).toEqual(generated);
      for (const f of generated) {
        const same = fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(fixturePath(f)));
        expect(same, `fixtures/${f} differs from a fresh generation`).toBe(true);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('are small', () => {
    for (const f of fs.readdirSync(path.join(ROOT, 'fixtures'))) {
      if (f.endsWith('.pdf')) expect(fs.statSync(fixturePath(f)).size, f).toBeLessThan(300 * 1024);
    }
  });
});

/** Amount text to cents ('' is 0). */
const cents = (s: string) => (s === '' ? 0 : Math.round(Number(s.replace(/,/g, '')) * 100));

/**
 * Subject rows must add up: each code's amounts are the sums of its children's (next code
 * length), the 合计 row the sum of the top level, and in every row `total` = sum of `parts`.
 */
function checkTree(rows: string[][], codeOf: (row: string[]) => string, total: number, parts: number[]) {
  const coded = rows.filter((r) => codeOf(r) !== '');
  const lengths = [...new Set(coded.map((r) => codeOf(r).length))].sort((a, b) => a - b);
  const amountCols = [total, ...parts];
  for (const row of rows) {
    expect(cents(row[total]!), `${row.join(' | ')}: total = parts`).toBe(parts.reduce((a, c) => a + cents(row[c]!), 0));
  }
  const sumOf = (list: string[][]) => amountCols.map((c) => list.reduce((a, r) => a + cents(r[c]!), 0));
  const grand = rows.find((r) => r.includes('合计') && codeOf(r) === '')!;
  expect(grand, '合计 row').toBeDefined();
  expect(amountCols.map((c) => cents(grand[c]!))).toEqual(sumOf(coded.filter((r) => codeOf(r).length === lengths[0])));
  for (const row of coded) {
    const code = codeOf(row);
    const next = lengths[lengths.indexOf(code.length) + 1];
    if (next === undefined) continue;
    const children = coded.filter((r) => codeOf(r).length === next && codeOf(r).startsWith(code));
    expect(children.length, `${code} has children`).toBeGreaterThan(0);
    expect(
      amountCols.map((c) => cents(row[c]!)),
      `${code} = sum of its children`,
    ).toEqual(sumOf(children));
  }
}

describe('fixture data is internally consistent', () => {
  const split = (r: string[]) => r.slice(0, 3).join('');
  const first = (r: string[]) => r[0]!;
  it('subject tables add up', () => {
    checkTree(expectedRows(D.fillRulings), split, 4, [5, 6]);
    checkTree(expectedRows(D.wrappedCells), split, 4, [5, 6, 7]);
    checkTree(expectedRows(D.strokeRulings), first, 2, [3, 4, 5, 6]);
    checkTree(expectedRows(D.longTable), first, 2, [3, 4]);
    checkTree(expectedRows(D.borderlessTable), first, 2, [3, 4]);
    checkTree(expectedRows(D.stateCapitalTable), first, 2, [3, 4]);
    checkTree(expectedRows(D.sampleIncomeTable), first, 2, [3, 4, 5]);
    checkTree(expectedRows(D.sampleExpenditureTable), first, 2, [3, 4]);
  });

  it('sample-budget tables agree with each other', () => {
    const summary = expectedRows(D.sampleSummaryTable);
    const income = expectedRows(D.sampleIncomeTable);
    const exp = expectedRows(D.sampleExpenditureTable);
    const at = (rows: string[][], label: string, col: number) => rows.find((r) => r.includes(label))![col]!;
    const total = at(exp, '合计', 2);
    expect(at(income, '合计', 2)).toBe(total);
    expect(at(summary, '本年收入合计', 1)).toBe(total);
    expect(at(summary, '本年支出合计', 3)).toBe(total);
    expect(at(summary, '收入总计', 1)).toBe(total);
    expect(at(summary, '一、一般公共预算拨款收入', 1)).toBe(at(income, '合计', 3));
    expect(at(summary, '五、其他收入', 1)).toBe(at(income, '合计', 5));
    const incomeItems = summary.slice(0, 5).reduce((a, r) => a + cents(r[1]!), 0);
    const expItems = summary.slice(0, 5).reduce((a, r) => a + cents(r[3]!), 0);
    expect(incomeItems).toBe(cents(total));
    expect(expItems).toBe(cents(total));
    for (const code of ['201', '208', '210', '221']) {
      const name = exp.find((r) => r[0] === code)![1]!;
      expect(summary.find((r) => r[2]!.endsWith(name))![3], code).toBe(exp.find((r) => r[0] === code)![2]);
    }
    const [three] = expectedRows(D.sampleThreePublicTable);
    const [all, abroad, car, buy, run, reception] = three!.map(cents);
    expect(car).toBe(buy! + run!);
    expect(all).toBe(abroad! + car! + reception!);
  });

  it('the 财政拨款收支总表 adds up', () => {
    const rows = expectedRows(D.fiscalSummaryTable);
    for (const r of rows) expect(cents(r[3]!), r[2]).toBe(cents(r[4]!) + cents(r[5]!) + cents(r[6]!));
    const [head, ...rest] = rows;
    const items = rest.filter((r) => /^\(/u.test(r[2]!));
    for (const c of [3, 4, 5, 6]) expect(cents(head![c]!)).toBe(items.reduce((a, r) => a + cents(r[c]!), 0));
    expect(cents(head![1]!)).toBe(rest.filter((r) => /^\(/u.test(r[0]!)).reduce((a, r) => a + cents(r[1]!), 0));
    expect(cents(head![1]!)).toBe(cents(head![3]!));
    // Each funding source's income equals its expenditure column.
    expect(rest.filter((r) => /^\(/u.test(r[0]!)).map((r) => r[1])).toEqual([head![4], head![5], head![6]]);
  });

  it('the wrapped fixture really wraps numbers and codes', () => {
    const body = D.wrappedCells.body;
    expect(body[0]![4]).toEqual({ t: '931.79', lines: ['931.7', '9'] });
    expect(body[0]![7]).toEqual({ t: '11.70', lines: ['11.7', '0'] });
    expect(body.map((r) => r[0]).find((s) => typeof s === 'object' && s?.t === '213')).toEqual({
      t: '213',
      lines: ['21', '3'],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// What the extractor reads

describe('fill-rulings.pdf: 部门支出预算总表, grid of filled rectangles, merged 类/款 cells', () => {
  const file = 'fill-rulings.pdf';
  expectTableCount(file, 1, 1);
  expectTable(file, 0, {
    spec: D.fillRulings,
    pages: [1],
    columns: [
      '功能分类科目编码/类',
      '功能分类科目编码/款',
      '功能分类科目编码/项',
      '功能分类科目名称',
      '支出预算/合计',
      '支出预算/基本支出',
      '支出预算/项目支出',
    ],
  });
  it('spot checks', SLOW, async () => {
    const [t] = (await read(file)).tables;
    expect(t!.rows[0]).toEqual(['', '', '', '合计', '16,278,235.28', '12,347,735.28', '3,930,500.00']);
    expect(t!.rows).toContainEqual(['201', '13', '01', '行政运行', '9,389,913.00', '9,389,913.00', '']);
    // 类 208 is one cell over four rows, 款 05 one cell over three: repeated in each.
    expect(t!.rows.filter((r) => r[0] === '208').map((r) => r.slice(0, 4))).toEqual([
      ['208', '', '', '社会保障和就业支出'],
      ['208', '05', '', '行政事业单位养老支出'],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出'],
      ['208', '05', '06', '机关事业单位职业年金缴费支出'],
    ]);
  });
});

describe('stroke-rulings.pdf: 部门收入预算总表, stroked grid, 7-digit codes', () => {
  const file = 'stroke-rulings.pdf';
  expectTableCount(file, 1, 1);
  expectTable(file, 0, {
    spec: D.strokeRulings,
    pages: [1],
    columns: [
      '科目编码',
      '科目名称',
      '合计',
      '本年收入/一般公共预算拨款',
      '本年收入/事业收入',
      '本年收入/其他收入',
      '上年结转结余',
    ],
  });
  it('spot checks', SLOW, async () => {
    const [t] = (await read(file)).tables;
    expect(t!.rows.map((r) => r[0])).toEqual([
      '',
      '201',
      '20113',
      '2011301',
      '2011302',
      '2011350',
      '205',
      '20508',
      '2050803',
      '208',
      '20805',
      '2080505',
      '2080506',
      '221',
      '22102',
      '2210201',
    ]);
    expect(t!.rows).toContainEqual([
      '2011302',
      '一般行政管理事务',
      '1,025,000.00',
      '860,000.00',
      '',
      '45,000.00',
      '120,000.00',
    ]);
  });
});

describe('wrapped-cells.pdf: names, a header, numbers and codes wrapped inside their cells', () => {
  const file = 'wrapped-cells.pdf';
  expectTableCount(file, 1, 1);
  expectTable(file, 0, {
    spec: D.wrappedCells,
    pages: [1],
    columns: [
      '科目编码/类',
      '科目编码/款',
      '科目编码/项',
      '科目名称',
      '合计',
      '基本支出',
      '项目支出',
      '对附属单位补助支出',
    ],
  });
  it('spot checks', SLOW, async () => {
    const [t] = (await read(file)).tables;
    expect(t!.unit).toBe('万元');
    expect(t!.rows).toEqual([
      ['', '', '', '合计', '931.79', '830.38', '89.71', '11.70'],
      ['208', '', '', '社会保障和就业支出', '785.18', '785.18', '', ''],
      ['208', '05', '', '行政事业单位养老支出', '785.18', '785.18', '', ''],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '523.45', '523.45', '', ''],
      ['208', '05', '06', '机关事业单位职业年金缴费支出', '261.73', '261.73', '', ''],
      ['213', '', '', '农林水支出', '146.61', '45.20', '89.71', '11.70'],
      ['213', '01', '', '农业农村', '146.61', '45.20', '89.71', '11.70'],
      ['213', '01', '04', '事业运行', '146.61', '45.20', '89.71', '11.70'],
    ]);
  });
});

for (const [file, what] of [
  ['three-pages-repeated.pdf', 'continuation pages repeat the title and header'],
  ['three-pages-bare.pdf', 'continuation pages have no title and no header'],
] as const) {
  describe(`${file}: one 90-row table over three pages; ${what}`, () => {
    expectTableCount(file, 3, 1);
    expectTable(file, 0, {
      spec: D.longTable,
      pages: [1, 2, 3],
      columns: [
        '功能分类科目/编码',
        '功能分类科目/名称',
        '2025年预算数/合计',
        '2025年预算数/基本支出',
        '2025年预算数/项目支出',
      ],
    });
    it('spot checks', SLOW, async () => {
      const [t] = (await read(file)).tables;
      expect(t!.rows).toHaveLength(90);
      expect(t!.rows.filter((r) => r.includes('编码') || r.includes('合计')).map((r) => r[1])).toEqual(['合计']);
      expect(t!.rows[89]!.slice(0, 2)).toEqual(['2210203', '购房补贴']);
      expect(t!.rows.filter((r) => r[0] === '20103')[0]![1]).toBe('政府办公厅(室)及相关机构事务');
    });
  });
}

describe('merged-across-pages.pdf: 项目支出绩效目标表, a project merged over the page break', () => {
  const file = 'merged-across-pages.pdf';
  expectTableCount(file, 2, 1);
  expectTable(file, 0, {
    spec: D.performanceTable,
    pages: [1, 2],
    columns: ['项目名称', '预算金额', '年度目标', '一级指标', '二级指标', '三级指标', '指标值'],
  });
  it('repeats the split project’s name, amount and whole goal in each of its rows on both pages', SLOW, async () => {
    const [t] = (await read(file)).tables;
    const p = D.performanceProjects[D.performanceSplitProject]!;
    const rows = t!.rows.filter((r) => r[0] === printed(p.name));
    expect(rows).toHaveLength(p.indicators.length);
    for (const r of rows) expect(r.slice(0, 3)).toEqual([printed(p.name), D.money(p.amount), printed(p.goal)]);
    expect(rows.map((r) => r.slice(3))).toEqual(p.indicators.map((i) => i.map(printed)));
  });
});

describe('borderless.pdf: 一般公共预算基本支出表 without any rulings', () => {
  const file = 'borderless.pdf';
  expectTableCount(file, 1, 1);
  expectTable(file, 0, {
    spec: D.borderlessTable,
    pages: [1],
    columns: ['经济分类科目编码', '经济分类科目名称', '合计', '人员经费', '公用经费'],
  });
});

describe('empty-table.pdf: an empty 政府性基金 table and a 国有资本经营 table on one page', () => {
  const file = 'empty-table.pdf';
  const columns = ['功能分类科目/编码', '功能分类科目/名称', '合计', '基本支出', '项目支出'];
  expectTableCount(file, 1, 2);
  expectTable(file, 0, { spec: D.emptyFundTable, pages: [1], columns });
  expectTable(file, 1, { spec: D.stateCapitalTable, pages: [1], columns });
  it('the empty table has no rows', SLOW, async () => {
    const [t] = (await read(file)).tables;
    expect(t!.empty).toBe(true);
    expect(t!.rows).toEqual([]);
  });
});

describe('rotated.pdf: landscape 财政拨款收支总表 on a /Rotate 90 page', () => {
  const file = 'rotated.pdf';
  expectTableCount(file, 1, 1);
  expectTable(file, 0, {
    spec: D.fiscalSummaryTable,
    pages: [1],
    columns: [
      '收入/项目',
      '收入/预算数',
      '支出/项目',
      '支出/合计',
      '支出/一般公共预算',
      '支出/政府性基金预算',
      '支出/国有资本经营预算',
    ],
  });
});

describe('sample-budget.pdf: a small complete 部门预算', () => {
  const file = 'sample-budget.pdf';
  expectTableCount(file, 5, 4);
  it('reads the document', SLOW, async () => {
    const doc = await read(file);
    expect(doc.source.pages).toBe(5);
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect({
      department: doc.document.department,
      year: doc.document.year,
      kind: doc.document.kind,
      scope: doc.document.scope,
    }).toEqual({
      department: D.sampleDepartment,
      year: D.sampleYear,
      kind: 'budget',
      scope: 'department',
    });
  });
  expectTable(file, 0, {
    spec: D.sampleSummaryTable,
    pages: [2],
    columns: ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'],
  });
  expectTable(file, 1, {
    spec: D.sampleIncomeTable,
    pages: [3],
    columns: [
      '功能分类科目/编码',
      '功能分类科目/名称',
      '合计',
      '一般公共预算拨款收入',
      '政府性基金预算拨款收入',
      '其他收入',
    ],
  });
  expectTable(file, 2, {
    spec: D.sampleExpenditureTable,
    pages: [4],
    columns: ['功能分类科目/编码', '功能分类科目/名称', '合计', '基本支出', '项目支出'],
  });
  expectTable(file, 3, {
    spec: D.sampleThreePublicTable,
    pages: [5],
    columns: [
      '合计',
      '因公出国(境)费',
      '公务用车购置及运行费/小计',
      '公务用车购置及运行费/公务用车购置费',
      '公务用车购置及运行费/公务用车运行费',
      '公务接待费',
    ],
  });
  it('takes bytes as well as a path', SLOW, async () => {
    const fromBytes = await extract(new Uint8Array(fs.readFileSync(fixturePath(file))));
    const fromPath = await read(file);
    expect(fromBytes.source.sha256).toBe(fromPath.source.sha256);
    expect(fromBytes.tables).toEqual(fromPath.tables);
  });
});
