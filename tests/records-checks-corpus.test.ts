// Records and checks on corpus documents by path (skipped without ../shared/corpus): the layout cases behind the
// rules of src/records and src/checks, each asserted on the document that shows it.
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../src/index.js';
import type { LineItem, SummaryItem, ThreePublic } from '../src/records/schemas.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';

const SLOW = { timeout: 120_000 };
const read = (id: string): Promise<ExtractedDocument> => readOnce(corpusPdf(id));

describe.skipIf(!hasCorpus)('codes in the 单位代码 column (seed-a, seed-c)', () => {
  for (const id of ['seed-a', 'seed-c']) {
    it(`${id}: the 基本支出表's classes are codes and its tree checks run and pass`, SLOW, async () => {
      const doc = await read(id);
      const t = doc.tables.find((x) => x.kind === 'basic_expenditure')!;
      const records = t.records as LineItem[];
      expect(records.filter((r) => r.code?.level === 1).map((r) => [r.code!.code, r.name, r.unitCode])).toEqual([
        ['301', '工资福利支出', null],
        ['302', '商品和服务支出', null],
        ['303', '对个人和家庭的补助', null],
      ]);
      expect(records.find((r) => r.unitCode)?.unitCode).toBe('103001');
      const trees = doc.checks.results.filter(
        (r) => r.tableKind === 'basic_expenditure' && r.id === 'tree.parent_equals_children',
      );
      expect(trees).toHaveLength(9);
      expect(trees.every((r) => r.passed)).toBe(true);
      expect(trees.map((r) => r.found).slice(0, 3)).toEqual(['71.04', '71.04', '0']);
      // 合计 173.78 against 71.04 + 102.73 + 0.02 = 173.79: 尾差 within the tolerance.
      const total = doc.checks.results.find(
        (r) => r.tableKind === 'basic_expenditure' && r.id === 'total.equals_top_rows',
      )!;
      expect([total.expected, total.found, total.passed, total.rowIndex]).toEqual(['173.79', '173.78', true, 0]);
    });
  }
});

describe.skipIf(!hasCorpus)('where a check points (seed-c)', () => {
  it('each performance.weights result names its project’s first row and that row’s page', SLOW, async () => {
    const doc = await read('seed-c');
    const t = doc.tables.find((x) => x.kind === 'project_performance')!;
    const weights = doc.checks.results.filter((r) => r.id === 'performance.weights');
    expect(weights.length).toBeGreaterThan(10);
    for (const r of weights) {
      expect(r.page).toBe(t.rowPages[r.rowIndex!]);
      expect(t.rows[r.rowIndex!]!.join('')).toContain(r.row!.name);
    }
    // The projects run over pp.21–39: their results do not all name the table's first page.
    expect(new Set(weights.map((r) => r.page)).size).toBeGreaterThan(5);
    // Projects continued below the repeated header keep their indicators: 20 projects, 211 indicators, as seed-a.
    expect(t.records!.length).toBe(20);
    expect((t.records as { indicators: unknown[] }[]).reduce((n, p) => n + p.indicators.length, 0)).toBe(211);
    expect(weights.filter((r) => !r.passed)).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)('odd separators (w08, Shanghai 单位:元)', () => {
  it('reads 120258,600 as 120258600 元 on pp.7–18, every check passing and no warning', SLOW, async () => {
    const doc = await read('w08');
    const summary = doc.tables.find((t) => t.kind === 'income_expenditure_summary')!;
    const items = summary.records as SummaryItem[];
    expect(items.find((i) => i.name === '一、财政拨款收入')!.amounts.total).toBe('120258600');
    expect(items.find((i) => i.totalKind === 'expenditureGrandTotal')!.amounts).toMatchObject({
      total: '128138600',
      project: '102309588',
    });
    const basic = doc.tables.find((t) => t.kind === 'basic_expenditure')!;
    const reception = (basic.records as LineItem[]).find((r) => r.code?.code === '30217')!;
    // The 三公 table (万元) prints 公务接待费 1.00: 10,000 元.
    expect(reception.amounts.total).toBe('10000');
    // Every table of those pages printing such cells has records with amounts (not `amounts: {}`).
    const printing = doc.tables.filter(
      (x) => x.pages.some((p) => p >= 7 && p <= 18) && x.rows.some((r) => r.some((c) => /^\d+,\d{3}$/u.test(c))),
    );
    expect(printing.length).toBeGreaterThanOrEqual(6);
    for (const t of printing) {
      expect(
        t.records!.some((r) => Object.values((r as LineItem).amounts ?? {}).some((v) => v !== null)),
        t.title,
      ).toBe(true);
    }
    expect(doc.warnings.filter((w) => /not understood/u.test(w.message))).toEqual([]);
    expect(doc.checks.summary.failed).toBe(0);
    expect(doc.checks.summary.total).toBeGreaterThan(100);
  });
});

describe.skipIf(!hasCorpus)('“三公” vehicle labels (w09, Yantai)', () => {
  it('p.21: 公务用车购置经费 is the purchase, for 2025 and 2026 each; the checks pass', SLOW, async () => {
    const doc = await read('w09');
    const t = doc.tables.find((x) => x.kind === 'three_public' && x.pages.includes(21))!;
    const records = t.records as ThreePublic[];
    expect(
      records.map((r) => [
        r.heading,
        r.year,
        r.total,
        r.vehicle.subtotal,
        r.vehicle.purchase,
        r.vehicle.operation,
        r.reception,
      ]),
    ).toEqual([
      ['2025年预算数', 2025, '107.05', '97.20', '54.00', '43.20', '9.85'],
      ['2026年预算数', 2026, '42.26', '37.25', '15.20', '22.05', '5.01'],
    ]);
    // The table's own identities (the 情况说明's figures about it are narrative.* checks, on their sentence's page).
    const checks = doc.checks.results.filter((r) => r.tableKind === 'three_public' && !r.id.startsWith('narrative.'));
    expect(checks.map((r) => [r.id, r.passed, r.page])).toEqual([
      ['three_public.total', true, 21],
      ['three_public.vehicle', true, 21],
      ['three_public.total', true, 21],
      ['three_public.vehicle', true, 21],
    ]);
  });
});
