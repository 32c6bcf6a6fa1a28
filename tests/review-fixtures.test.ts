// The review (issue #17) on the generated fixtures/review/*.pdf: a whole 部门预算 — a cover, a 情况说明 page stating
// its figures, the eight tables of the national 预算 template with 编制单位 lines, the 政府性基金 table printed empty
// with its reason — and copies with one fault each (reviewInjections in scripts/fixture-data.mjs). What each fault
// must raise is derived from the injection, not from the output.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import * as D from '../scripts/fixture-data.mjs';
import type { ExtractedDocument, Finding } from '../src/types.js';
import { readOnce } from './helpers/read-once.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLOW = { timeout: 120_000 };
const file = (name: string) => path.join(ROOT, 'fixtures', 'review', `${name}.pdf`);
const read = (name: string): Promise<ExtractedDocument> => readOnce(file(name));
/** An amount in cents (of 万元) as the exact decimal the output gives (no trailing zeros: 28.6, 2.5). */
const cents = (c: number) => new Decimal(c).dividedBy(100).toFixed();
const [abroad, buy, run, reception] = D.reviewThreePublic as [number, number, number, number];
const threeTotal = abroad + buy + run + reception;
const tableOf = (name: D.ReviewName, kind: string) => D.reviewDocument(name).tables.findIndex((t) => t.kind === kind);
const findings = (doc: ExtractedDocument, id: string): Finding[] => doc.review.findings.filter((f) => f.id === id);
const raised = (doc: ExtractedDocument) =>
  doc.review.findings.filter((f) => f.severity !== 'notice').map((f) => `${f.id} p.${f.page}`);

describe('review of a whole 部门预算 (fixtures/review/review-clean.pdf)', () => {
  it('every required table printed, the 政府性基金 table empty with the reason printed under it', SLOW, async () => {
    const doc = await read('review-clean');
    const { template, tables } = doc.review.completeness;
    expect(template?.id).toMatch(/budget/u);
    const byKind = new Map(tables.map((t) => [t.kind, t]));
    for (const t of D.reviewDocument('review-clean').tables) {
      const required = byKind.get(t.kind as never);
      expect(required, t.kind).toBeDefined();
      expect(required!.status).toBe(t.empty ? 'empty' : 'present');
      expect(required!.pages).toEqual([doc.tables[required!.tables[0]!]!.pages[0]]);
    }
    const fund = byKind.get('government_fund')!;
    expect(fund.reason?.text).toContain('无政府性基金预算收支');
    // No requirement of this template is missing but what the document, printing 8 tables, may leave out.
    expect(tables.filter((t) => t.status === 'missing').every((t) => t.kind === 'state_capital')).toBe(true);
    expect(raised(doc)).toEqual([]);
    expect(doc.checks.summary.failed).toBe(0);
  });

  it(
    'the figures the text states agree with the tables; 机关运行经费, printed in no table, unmatched',
    SLOW,
    async () => {
      const doc = await read('review-clean');
      const three = doc.review.narrative.find((f) => f.topic === 'three_public_total');
      expect(three).toMatchObject({
        status: 'agrees',
        value: cents(threeTotal),
        unit: '万元',
        expected: cents(threeTotal),
      });
      expect(three!.sentence.page).toBe(2);
      expect(three!.cell?.table).toBe(tableOf('review-clean', 'three_public'));
      const income = doc.review.narrative.find((f) => /income.*total|total.*income/u.test(f.topic));
      expect(income?.status).toBe('agrees');
      expect(income?.value).toBe(cents((D.narrowTree.total as number[]).reduce((a, b) => a + b, 0)));
      const operating = doc.review.narrative.filter((f) => f.topic.includes('operating'));
      expect(operating.length).toBeGreaterThan(0);
      expect(operating.every((f) => f.status === 'unmatched' && f.cell === null && f.note)).toBe(true);
      expect(operating[0]!.value).toBe(cents(D.reviewOperatingCosts));
      expect(doc.review.narrative.some((f) => f.status === 'differs')).toBe(false);
      // Each matched figure is a passed narrative.* check citing its sentence.
      const stated = doc.checks.results.filter((r) => r.id.startsWith('narrative.'));
      expect(stated.length).toBe(doc.review.narrative.filter((f) => f.status !== 'unmatched').length);
      expect(stated.every((r) => r.passed && r.sentence?.page === 2)).toBe(true);
    },
  );
});

describe('review faults', () => {
  it('missing-table: the 财政拨款收支总表 missing, an error naming it', SLOW, async () => {
    const doc = await read('missing-table');
    const { kind } = D.reviewInjections['missing-table'];
    const required = doc.review.completeness.tables.find((t) => t.kind === kind);
    expect(required).toMatchObject({ status: 'missing', tables: [], pages: [] });
    const missing = findings(doc, 'completeness.missing').filter((f) => f.message.zh.includes(required!.name));
    expect(missing).toHaveLength(1);
    expect(missing[0]!.severity).toBe('error');
    expect(raised(doc)).toEqual(['completeness.missing p.null']);
  });

  it(
    'narrative-off: the “三公” total stated 0.01 万元 above the table: a failed check citing sentence and cell',
    SLOW,
    async () => {
      const doc = await read('narrative-off');
      const { delta } = D.reviewInjections['narrative-off'];
      const failed = doc.checks.results.filter((r) => !r.passed);
      expect(failed).toHaveLength(1);
      const r = failed[0]!;
      expect(r.id).toBe('narrative.three_public_total');
      expect(r).toMatchObject({
        expected: cents(threeTotal),
        found: cents(threeTotal + delta),
        difference: cents(delta),
        unit: '万元',
        page: 2,
        table: tableOf('narrative-off', 'three_public'),
      });
      expect(r.sentence?.text).toContain(`“三公”经费预算数为${((threeTotal + delta) / 100).toFixed(2)}万元`);
      expect(r.terms).toHaveLength(1);
      expect(r.terms![0]).toMatchObject({ table: r.table, value: cents(threeTotal), page: 9 });
      const figure = doc.review.narrative.find((f) => f.topic === 'three_public_total');
      expect(figure).toMatchObject({
        status: 'differs',
        expected: cents(threeTotal),
        value: cents(threeTotal + delta),
      });
      // The parts still agree.
      expect(doc.review.narrative.filter((f) => f.status === 'differs')).toHaveLength(1);
    },
  );

  it('department-two-ways: the name spelled two ways, both places listed', SLOW, async () => {
    const doc = await read('department-two-ways');
    const { department } = D.reviewInjections['department-two-ways'];
    const found = findings(doc, 'names.department');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    const texts = found[0]!.places.map((p) => p.text).join(' ');
    expect(texts).toContain(department);
    expect(texts).toContain(D.reviewDepartment);
    const wrong = found[0]!.places.filter((p) => p.text.includes(department));
    expect(wrong.map((p) => p.page)).toEqual([2 + 1 + tableOf('department-two-ways', 'general_public_expenditure')]);
    expect(raised(doc)).toEqual([`names.department p.${found[0]!.page}`]);
  });

  it('code-two-ways: one code named two ways in two tables', SLOW, async () => {
    const doc = await read('code-two-ways');
    const { code, name } = D.reviewInjections['code-two-ways'];
    const found = findings(doc, 'names.code');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message.zh).toContain(code);
    const names = new Set(found[0]!.places.map((p) => p.text));
    expect([...names].some((t) => t.includes(name))).toBe(true);
    expect([...names].some((t) => !t.includes(name))).toBe(true);
    expect(new Set(found[0]!.places.map((p) => p.table)).size).toBeGreaterThanOrEqual(2);
  });

  it('unit-wrong: the table printed in 元 under a 万元 label named as the unit error', SLOW, async () => {
    const doc = await read('unit-wrong');
    const index = tableOf('unit-wrong', 'general_public_expenditure');
    const found = findings(doc, 'units.scale');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', table: index, page: doc.tables[index]!.pages[0] });
    expect(found[0]!.message.zh).toContain('万元');
  });
});

describe('budget-extract check on the review fixtures', () => {
  const BIN = path.join(ROOT, 'bin/budget-extract.js');
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 120_000 });
    return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
  };

  it(
    'the report names the missing table and the sentence off by 0.01; --strict exits 3 on a review error',
    SLOW,
    () => {
      const missing = cli(['check', file('missing-table')]);
      expect(missing.status).toBe(0);
      expect(missing.stdout).toMatch(/必备表 \/ required tables .*: 7\/\d+ printed, 1 空表 empty .*缺 missing/u);
      expect(missing.stdout).toContain('completeness.missing');
      const strict = cli(['check', '--strict', file('missing-table')]);
      expect(strict.status).toBe(3);
      expect(strict.stderr).toContain('the review raised 1 errors');
      const off = cli(['check', file('narrative-off')]);
      expect(off.stdout).toContain('narrative.three_public_total');
      expect(off.stdout).toMatch(/句 sentence {3}p\.2 “.*“三公”经费预算数为28\.60万元/u);
      expect(off.stdout).toMatch(/实为 found +28\.60 万元/u);
      expect(off.stdout).toMatch(/差额 difference +0\.01 万元/u);
    },
  );
});
