// What a failed check tells an accountant: the cells it added up (terms), the unit, and the one printed error behind
// several failures (cause); and the text report built from them. Table literals, then the corpus documents whose
// checks fail (fz-01, pt-01, wx-02, sh-01).
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/index.js';
import { formatAmount } from '../src/checks/format.js';
import { formatCheckReport } from '../src/checks/report.js';
import type { CheckResult } from '../src/types.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';
import { tableLiteral } from './helpers/table.js';

const COLUMNS = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
const plain = { bold: (s: string) => s, red: (s: string) => s, green: (s: string) => s, dim: (s: string) => s };
const failed = (results: CheckResult[]) => results.filter((r) => !r.passed);

describe('terms, unit and cause (Table literals)', () => {
  it('a parent ≠ Σ children failure lists the children rows, with values and pages; no cause without evidence', () => {
    const t = tableLiteral(
      'expenditure',
      COLUMNS,
      [
        ['', '合计', '300.00', '100.00', '200.00'],
        ['201', '一般公共服务支出', '300.00', '100.00', '200.00'],
        ['20101', '人大事务', '100.00', '50.00', '50.00'],
        ['20103', '政府办公厅', '100.00', '40.00', '60.00'],
        ['20106', '财政事务', '90.00', '10.00', '80.00'],
      ],
      { unit: '元', rowPages: [4, 4, 4, 5, 5], title: '支出总表' },
    );
    const report = runChecks([t]);
    const bad = failed(report.results);
    expect(bad.map((r) => [r.id, r.rowIndex, r.column, r.expected, r.found, r.difference])).toEqual([
      ['tree.parent_equals_children', 1, '合计', '290', '300', '10'],
      ['tree.parent_equals_children', 1, '项目支出', '190', '200', '10'],
    ]);
    expect(bad[0]!.terms).toEqual([
      { table: 0, rowIndex: 2, column: '合计', page: 4, code: '20101', name: '人大事务', value: '100.00' },
      { table: 0, rowIndex: 3, column: '合计', page: 5, code: '20103', name: '政府办公厅', value: '100.00' },
      { table: 0, rowIndex: 4, column: '合计', page: 5, code: '20106', name: '财政事务', value: '90.00' },
    ]);
    expect(bad[1]!.terms!.map((x) => x.value)).toEqual(['50.00', '60.00', '80.00']);
    // Two columns of one row, no cell in common: nothing says they are one error.
    expect(bad.map((r) => r.cause)).toEqual([undefined, undefined]);
    // Every result names the unit; passed ones carry no terms.
    expect(report.results.every((r) => r.unit === '元')).toBe(true);
    expect(report.results.filter((r) => r.passed).every((r) => r.terms === undefined && !r.cause)).toBe(true);
  });

  it('a row printed twice: one cause on every failure it makes', () => {
    const t = tableLiteral(
      'expenditure',
      COLUMNS,
      [
        ['', '合计', '100.00', '40.00', '60.00'],
        ['201', '一般公共服务支出', '100.00', '40.00', '60.00'],
        ['20101', '人大事务', '100.00', '40.00', '60.00'],
        ['20101', '人大事务', '100.00', '40.00', '60.00'],
      ],
      { unit: '万元', title: '支出总表' },
    );
    const bad = failed(runChecks([t]).results);
    expect(bad.map((r) => [r.id, r.column, r.difference])).toEqual([
      ['tree.parent_equals_children', '合计', '-100'],
      ['tree.parent_equals_children', '基本支出', '-40'],
      ['tree.parent_equals_children', '项目支出', '-60'],
    ]);
    const causes = new Set(bad.map((r) => r.cause?.id));
    expect(causes.size).toBe(1);
    expect([...causes][0]).toBeDefined();
    expect(bad[0]!.cause!.zh).toBe('第4行 20101 人大事务 与第3行重复,被计入两次(支出总表 p.7)');
    expect(bad[0]!.cause!.en).toBe('row 4 20101 人大事务 repeats row 3 and is counted twice (支出总表 p.7)');
    expect(bad.every((r) => r.unit === '万元' && r.terms?.length === 2)).toBe(true);
  });

  it('one wrong cell failing its row and its parent (and the 合计): one cause', () => {
    // 201's 合计 printed 310 instead of 300: its row (100 + 200), its children (300) and the 合计 row all disagree.
    const t = tableLiteral(
      'expenditure',
      COLUMNS,
      [
        ['', '合计', '300.00', '100.00', '200.00'],
        ['201', '一般公共服务支出', '310.00', '100.00', '200.00'],
        ['20101', '人大事务', '200.00', '50.00', '150.00'],
        ['20103', '政府办公厅', '100.00', '50.00', '50.00'],
      ],
      { unit: '元', title: '支出总表' },
    );
    const bad = failed(runChecks([t]).results);
    expect(bad.map((r) => [r.id, r.rowIndex, r.column, r.difference]).sort()).toEqual(
      [
        ['tree.parent_equals_children', 1, '合计', '10'],
        ['total.equals_top_rows', 0, '合计', '-10'],
        ['row.total_equals_basic_plus_project', 1, '合计', '10'],
      ].sort(),
    );
    const ids = new Set(bad.map((r) => r.cause?.id));
    expect(ids.size).toBe(1);
    expect(bad[0]!.cause!.zh).toContain('第2行 201 一般公共服务支出 [合计] 310.00');
    expect(bad[0]!.cause!.en).toContain('one wrong cell: row 2 201 一般公共服务支出 [合计] 310.00 fails 3 identities');
  });

  it('a leaf cell off: the leaf row and its parent fail by the same difference, one cause naming the cell', () => {
    const t = tableLiteral(
      'expenditure',
      COLUMNS,
      [
        ['201', '一般公共服务支出', '300.00', '100.00', '200.00'],
        ['20101', '人大事务', '200.00', '50.00', '250.00'],
        ['20103', '政府办公厅', '100.00', '50.00', '50.00'],
      ],
      { unit: '元' },
    );
    const bad = failed(runChecks([t]).results);
    expect(bad.map((r) => [r.id, r.column, r.difference])).toEqual([
      ['tree.parent_equals_children', '项目支出', '-100'],
      ['row.total_equals_basic_plus_project', '合计', '-100'],
    ]);
    expect(bad[0]!.cause).toEqual(bad[1]!.cause);
    expect(bad[0]!.cause!.zh).toContain('第2行 20101 人大事务 [项目支出] 250.00');
  });
});

describe('amounts as printed', () => {
  it('thousands separators and the table’s decimals', () => {
    expect(formatAmount('129681094', 2)).toBe('129,681,094.00');
    expect(formatAmount('-64840547', 2)).toBe('-64,840,547.00');
    expect(formatAmount('502', 0)).toBe('502');
    expect(formatAmount('0.015', 2)).toBe('0.015');
    expect(formatAmount('999.5', 2)).toBe('999.50');
  });

  it('the report prints 应为 / 实为 / 差额 in the unit, with the table’s decimals, and the terms', () => {
    const t = tableLiteral(
      'expenditure',
      COLUMNS,
      [
        ['201', '一般公共服务支出', '64,840,547.00', '0.00', '64,840,547.00'],
        ['20101', '人大事务', '64,840,547.00', '0.00', '64,840,547.00'],
        ['20103', '政府办公厅', '64,840,547.00', '0.00', '64,840,547.00'],
      ],
      { unit: '元', title: '支出总表', rowPages: [5, 5, 6] },
    );
    const report = runChecks([t]);
    const text = formatCheckReport('a.pdf', report, plain, [t]);
    expect(text).toMatch(/应为 expected +129,681,094\.00 元\n/u);
    expect(text).toMatch(/实为 found +64,840,547\.00 元\n/u);
    expect(text).toMatch(/差额 difference -64,840,547\.00 元/u);
    expect(text).toContain('  = 20101 人大事务 64,840,547.00 (p.5, 第2行)\n');
    expect(text).toContain('  + 20103 政府办公厅 64,840,547.00 (p.6, 第3行)\n');
    expect(text).not.toContain('同一原因');
    expect(text).toContain('p.5 支出总表 第1行 / row 1 201 一般公共服务支出 [合计]');
  });

  it('cuts the terms after 12, with a count', () => {
    const kids = Array.from({ length: 15 }, (_, i) => [`201${String(i + 10)}`, `子项${i}`, '1.00', '1.00', '']);
    const t = tableLiteral('expenditure', COLUMNS, [['201', '一般公共服务支出', '16.00', '16.00', ''], ...kids], {
      unit: '元',
    });
    const report = runChecks([t]);
    // 16 printed over 15 children, in 合计 and in 基本支出: two failures of 15 terms each.
    expect(failed(report.results).map((r) => r.terms?.length)).toEqual([15, 15]);
    const text = formatCheckReport('a.pdf', report, plain, [t]);
    expect(text.split('\n').filter((l) => /^ +[=+] 201\d\d /u.test(l))).toHaveLength(24);
    expect(text.split('… 另 3 项 / 3 more terms')).toHaveLength(3);
  });
});

describe.skipIf(!hasCorpus)('failed checks on the corpus', () => {
  const SLOW = { timeout: 180_000 };
  it('wx-02: the row printed twice (21999 其他支出) is the one cause of its 6 failures', SLOW, async () => {
    const doc = await readOnce(corpusPdf('wx-02'));
    const bad = failed(doc.checks.results);
    expect(bad).toHaveLength(6);
    expect(new Set(bad.map((r) => r.cause?.id))).toEqual(new Set([bad[0]!.cause!.id]));
    expect(bad[0]!.cause!.zh).toMatch(/^第25行 21999 其他支出 与第24行重复,被计入两次/u);
    expect(new Set(bad.map((r) => r.table)).size).toBe(3);
  });

  it('pt-01: the one wrong cell (2040601 行政运行, 项目支出) is the one cause of its 4 failures', SLOW, async () => {
    const doc = await readOnce(corpusPdf('pt-01'));
    const bad = failed(doc.checks.results);
    expect(bad).toHaveLength(4);
    expect(new Set(bad.map((r) => r.cause?.id)).size).toBe(1);
    // The 款 20406's own 项目支出, printed again on its first 项.
    expect(bad[0]!.cause!.zh).toContain('第3行 2040601 行政运行 [支出预算/项目支出] 64,840,547.00,与第2行同列的数相同');
    expect(bad.every((r) => r.difference === '-64840547' && r.unit === '元')).toBe(true);
  });

  for (const id of ['fz-01', 'pt-01', 'wx-02', 'sh-01'])
    it(`${id}: every failed check has its terms, and 应为 / 实为 / 差额 in the report`, SLOW, async () => {
      const doc = await readOnce(corpusPdf(id));
      const bad = failed(doc.checks.results);
      expect(bad.length).toBeGreaterThan(0);
      for (const r of bad) {
        expect(r.terms?.length, `${r.id} ${r.rowIndex} ${r.column}`).toBeGreaterThan(0);
        for (const t of r.terms!) {
          const table = doc.tables[t.table]!;
          expect(table.columns).toContain(t.column);
          expect(t.page).toBe(table.rowPages[t.rowIndex]);
        }
        expect(r.unit).toBe(doc.tables[r.table!]!.unit);
      }
      const text = formatCheckReport(id, doc.checks, plain, doc.tables);
      for (const word of ['应为 expected', '实为 found', '差额 difference'])
        expect(text.split(word).length - 1, word).toBe(bad.length);
    });
});
