// Table-stage defects seen on the wider sample of disclosures: each class on a generated PDF (fixtures/, drawn by
// the tables-wide block of scripts/make-fixtures.mjs from scripts/fixture-data.mjs) and on the corpus document
// where it was seen.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, Table } from '../src/index.js';
import { readHeadings, unitOf } from '../src/tables/headings.js';
import * as D from '../scripts/fixture-data.mjs';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLOW = { timeout: 120_000 };

const read = readOnce;
const fixture = (name: string) => read(path.join(ROOT, 'fixtures', name));
const corpus = (id: string) => read(corpusPdf(id));

/** Slot rows as the reader gives them: a cell's text in its first column, '' under a span. */
const text = (rows: readonly (readonly unknown[])[]): string[][] =>
  rows.map((row) => row.map((s) => (s === null ? '' : typeof s === 'string' ? s : (s as { t: string }).t)));
const oneRowTables = (doc: ExtractedDocument): Table[] => doc.tables.filter((t) => !t.title && t.rows.length === 1);
const AMOUNT_PATH = /(^|\/)[-+(]?[\d,]+(\.\d+)?\)?%?$/u;

describe('a table that states it is empty', () => {
  it(
    'empty-statement.pdf: empty with its title and whole header, whether the statement is a note below or a cell',
    SLOW,
    async () => {
      const doc = await fixture('empty-statement.pdf');
      const [noted, after, inCell] = doc.tables;
      expect(doc.tables).toHaveLength(3);
      expect(noted).toMatchObject({
        title: D.wideEmpty.title,
        empty: true,
        rows: [],
        unit: '元',
        columns: D.wideFundColumns,
      });
      expect(after).toMatchObject({
        title: D.wideAfterEmpty.title,
        empty: false,
        rows: text(D.wideAfterEmpty.rows.slice(2)),
      });
      expect(inCell).toMatchObject({
        title: D.wideEmptyCell.title,
        empty: true,
        rows: [],
        columns: text(D.wideEmptyCell.rows.slice(0, 1))[0],
      });
    },
  );

  describe.skipIf(!hasCorpus)('corpus', () => {
    it(
      'w05: the 政府性基金 and 国有资本经营 tables printed 本表为空表 are empty with their title and header',
      SLOW,
      async () => {
        const doc = await corpus('w05');
        const empty = doc.tables.filter((t) => /政府性基金预算支出|国有资本经营预算支出/u.test(t.title));
        expect(empty).toHaveLength(2);
        for (const t of empty) {
          expect(t).toMatchObject({ empty: true, rows: [], unit: '元' });
          expect(t.columns.slice(0, 4)).toEqual([
            '项目/功能分类科目编码/类',
            '项目/功能分类科目编码/款',
            '项目/功能分类科目编码/项',
            '项目/功能分类科目名称',
          ]);
        }
        // The tables with data keep it.
        expect(doc.tables.filter((t) => !t.empty).length).toBe(doc.tables.length - 2);
      },
    );

    it('w06: a table stating it is empty while printing figures keeps them, with a warning', SLOW, async () => {
      const doc = await corpus('w06');
      const t = doc.tables.find((x) => x.kind === 'three_public')!;
      expect(t.rows[0]).toContain('47.91');
      expect(
        doc.warnings.some((w) => w.page === t.pages[0] && /says it has no data but prints figures/u.test(w.message)),
      ).toBe(true);
    });
  });
});

describe("a table's total row spilled onto the next page", () => {
  it('spilled-total.pdf: the 合计 row (one cell over codes and name) is the last row of its table', SLOW, async () => {
    const doc = await fixture('spilled-total.pdf');
    expect(doc.tables.map((t) => t.title)).toEqual([D.wideSpilled.title, D.wideAfterSpilled.title]);
    const t = doc.tables[0]!;
    expect(t.pages).toEqual([1, 2]);
    expect(t.rows).toEqual(text([...D.wideSpilled.body, D.wideSpilled.total]));
    expect(t.rowPages[t.rowPages.length - 1]).toBe(2);
    expect(oneRowTables(doc)).toEqual([]);
  });

  describe.skipIf(!hasCorpus)('corpus', () => {
    it(
      'w06: 收入/支出预算总表 end with their 合计 row from the next page; no one-row table remains',
      SLOW,
      async () => {
        const doc = await corpus('w06');
        expect(oneRowTables(doc)).toEqual([]);
        const income = doc.tables.find((t) => t.kind === 'income')!;
        const spending = doc.tables.find((t) => t.kind === 'expenditure')!;
        expect(income.pages).toContain(15);
        expect(income.rows[income.rows.length - 1]).toEqual([
          '合计',
          '',
          '',
          '',
          '156,211,123',
          '156,211,123',
          '0',
          '0',
          '0',
        ]);
        expect(spending.pages).toContain(20);
        expect(spending.rows[spending.rows.length - 1]).toEqual([
          '合计',
          '',
          '',
          '',
          '156,211,123',
          '99,706,020',
          '56,505,103',
        ]);
      },
    );

    it('w07: 收支预算总表 ends with 收入合计 | 支出合计 from p.9; no one-row untitled table', SLOW, async () => {
      const doc = await corpus('w07');
      expect(oneRowTables(doc)).toEqual([]);
      const summary = doc.tables.find((t) => t.kind === 'income_expenditure_summary')!;
      expect(summary.pages).toEqual([7, 8, 9]);
      const last = summary.rows[summary.rows.length - 1]!;
      expect([last[0], last[1], last[2], last[5]]).toEqual(['收入合计', '13,649.07', '支出合计', '13,649.07']);
    });
  });
});

describe('a title printed at the foot of a page, its table on the next', () => {
  it("foot-title.pdf: the title heads the next page's grid, which is a table of its own", SLOW, async () => {
    const doc = await fixture('foot-title.pdf');
    expect(doc.tables.map((t) => [t.title, t.pages, t.unit])).toEqual([
      [D.wideFootFirst.title, [1], '万元'],
      [D.wideFootSecond.title, [2], '万元'],
    ]);
    expect(doc.tables[0]!.rows).toEqual(text(D.wideFootFirst.rows.slice(1)));
    expect(doc.tables[1]!.rows).toEqual(text(D.wideFootSecond.rows.slice(1)));
  });

  it.skipIf(!hasCorpus)(
    "bj-08: a clipped cell's overflow below the last grid (ending in 表) is no title; the performance table stays one",
    SLOW,
    async () => {
      const doc = await corpus('bj-08');
      const perf = doc.tables.filter((t) => t.title.includes('项目支出绩效目标表') && !t.title.includes('转移支付'));
      expect(perf).toHaveLength(1);
      expect(perf[0]!.pages[perf[0]!.pages.length - 1]).toBe(144);
      expect(doc.tables.filter((t) => t.title.endsWith('的表') || t.title.endsWith('影像表'))).toEqual([]);
    },
  );

  it.skipIf(!hasCorpus)(
    'w07: 机关运行经费 (title at the foot of p.18) is a table of its own, not part of 基本支出',
    SLOW,
    async () => {
      const doc = await corpus('w07');
      const basic = doc.tables.find((t) => t.title === '一般公共预算基本支出预算表')!;
      const running = doc.tables.find((t) => t.title === '一般公共预算机关运行经费支出预算表')!;
      expect(basic.pages).toEqual([17, 18]);
      expect(running.pages).toEqual([19]);
      expect(running.rows[0]).toEqual(['', '合计', '5,619.31']);
      expect(running.unit).toBe('万元');
    },
  );
});

describe("a continuation part that lost a column's rules", () => {
  it(
    "lost-column.pdf: the part is appended on the table's columns, with a warning for the missing column",
    SLOW,
    async () => {
      const doc = await fixture('lost-column.pdf');
      expect(doc.tables).toHaveLength(1);
      const t = doc.tables[0]!;
      expect(t).toMatchObject({ title: D.wideLost.title, pages: [1, 2], columns: D.wideLost.header });
      expect(t.rows).toEqual([...D.wideLost.page1, ...D.wideLost.page2.map((r) => ['', ...r.slice(1)])]);
      expect(doc.warnings.some((w) => w.page === 2 && /column\(s\) 1 /u.test(w.message))).toBe(true);
    },
  );

  it.skipIf(!hasCorpus)(
    'w04: the 项目支出绩效目标表 is one table over pp.39–149, no untitled parts',
    SLOW,
    async () => {
      const doc = await corpus('w04');
      const perf = doc.tables.filter((t) => t.label === '预算12表');
      expect(perf).toHaveLength(1);
      expect(perf[0]!.pages[0]).toBe(39);
      expect(perf[0]!.pages[perf[0]!.pages.length - 1]).toBe(149);
      expect(perf[0]!.pages.length).toBeGreaterThanOrEqual(110);
      expect(doc.tables.filter((t) => !t.title && t.rows.length > 100)).toEqual([]);
    },
  );
});

describe('an amount in a performance form is a value, never header text', () => {
  it('amount-block-form.pdf: 项目资金(万元) amounts read under their row and column labels', SLOW, async () => {
    const doc = await fixture('amount-block-form.pdf');
    const t = doc.tables[0]!;
    expect(t.title).toBe(D.wideForm.title);
    expect(t.columns.filter((c) => AMOUNT_PATH.test(c))).toEqual([]);
    const col = (name: string) => t.columns.indexOf(name);
    expect(col('项目资金(万元)/年度资金总额/全年预算数(A)')).toBeGreaterThanOrEqual(0);
    for (const row of t.rows) {
      expect(row[col('项目资金(万元)/年度资金总额/年初预算数')]).toBe('240');
      expect(row[col('项目资金(万元)/年度资金总额/全年预算数(A)')]).toBe('229.19');
      expect(row[col('项目资金(万元)/年度资金总额/执行率')]).toBe('100.00%');
      expect(row[col('项目资金(万元)/其中:财政拨款/全年执行数(B)')]).toBe('229.19');
    }
    expect(t.rows.map((r) => r[3])).toEqual(['保洁河道条数', '河道水质达标']);
  });

  it.skipIf(!hasCorpus)('w10: no form column is named by an amount; the funds keep their amounts', SLOW, async () => {
    const doc = await corpus('w10');
    const forms = doc.tables.filter((t) => t.columns.some((c) => c.startsWith('项目资金(万元)')));
    expect(forms.length).toBeGreaterThan(50);
    for (const t of forms) expect(t.columns.filter((c) => AMOUNT_PATH.test(c) || /^[-—–]+$/u.test(c))).toEqual([]);
    const t = doc.tables.find((x) => x.title.includes('病媒生物防制'))!;
    const c = t.columns.indexOf('项目资金(万元)/年度资金总额/全年预算数(A)');
    expect(c).toBeGreaterThanOrEqual(0);
    expect(t.rows[0]![c]).toBe('229.19');
  });
});

describe('a unit statement inside the top rule, a section heading above the title', () => {
  it(
    "unit-in-rule.pdf: the unit row is the unit, not a header level; the table's own title wins over the section heading",
    SLOW,
    async () => {
      const doc = await fixture('unit-in-rule.pdf');
      const t = doc.tables[0]!;
      expect(t).toMatchObject({
        title: D.wideUnitRule.title,
        unit: '万元',
        columns: D.wideUnitRule.columns,
        kind: 'income_expenditure_summary',
      });
      expect(t.titles).toContain(D.wideSection);
      expect(t.rows).toEqual(text(D.wideUnitRule.rows.slice(3)));
    },
  );
});

describe('a unit only from a unit statement', () => {
  it('reads statements, not body text', () => {
    for (const s of [
      '单位：元',
      '金额单位:万元',
      '单位:万元',
      '单位(万元)',
      '单位（元）',
      ':万元',
      '单 位 ： 万 元',
      '编制单位:示例局 单位:元',
    ])
      expect(unitOf(s), s).not.toBeNull();
    for (const s of ['元,用于开展基层水务人员业务培训。', '万元', '元', '下属单位:元旦慰问品'])
      expect(unitOf(s), s).toBeNull();
    // A statement cut at the page's edge: `位:万` over `元`.
    const line = (text: string, y: number) => ({ text, x0: 680, x1: 700, y0: y, y1: y + 9, size: 9.5 });
    expect(readHeadings([line('项目支出绩效表', 0), line('位:万', 14), line('元', 24)]).unit).toBe('万元');
  });

  it('unit-in-rule.pdf: body text lines `万元` and `元,用于…` above a table give it no unit', SLOW, async () => {
    const doc = await fixture('unit-in-rule.pdf');
    expect(doc.tables[1]).toMatchObject({ title: D.wideNoUnit.title, unit: '' });
  });

  it('unit-in-rule.pdf p.2: a title of no known kind still wins over the section heading above it', SLOW, async () => {
    const t = (await fixture('unit-in-rule.pdf')).tables[1]!;
    expect(t.title).toBe(D.wideNoUnit.title);
    expect(t.titles).toContain(D.wideSection);
  });

  it.skipIf(!hasCorpus)('w05, w07: the units printed as statements are read', SLOW, async () => {
    expect(new Set((await corpus('w05')).tables.map((t) => t.unit))).toEqual(new Set(['元', '万元']));
    expect(new Set((await corpus('w07')).tables.map((t) => t.unit))).toEqual(new Set(['万元']));
  });
});
