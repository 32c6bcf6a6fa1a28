import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { InputError } from '../src/errors.js';
import { amount, CORPUS, corpusFacts, corpusPdf, factFound, hasCorpus } from './helpers/corpus.js';

// Every corpus document with facts must reproduce all of them, but for two whose facts carry artefacts of the tool
// that made them (see the closing note of the core issue): cq-02 moves punctuation to the end of a cell
// (`一一般公共预算资金、` for the printed `一、一般公共预算资金`), xa-03 names columns that are printed three times
// alike or cut from a wrapped header. For those the share found must not fall below what the reader reaches now.
const ARTEFACTS: Record<string, number> = { 'cq-02': 0.75, 'xa-03': 0.93 };
const manifest = hasCorpus
  ? (JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as {
      documents: { id: string; expect?: string }[];
    })
  : { documents: [] };
const WITH_FACTS = manifest.documents
  .filter((d) => d.expect !== 'error' && corpusFacts(d.id).length > 0)
  .map((d) => d.id);

describe.skipIf(!hasCorpus)('corpus documents by path', () => {
  it('covers the corpus: at least 45 documents with facts', () => {
    expect(WITH_FACTS.length).toBeGreaterThanOrEqual(45);
  });

  for (const id of WITH_FACTS) {
    it(`${id}: reproduces ${ARTEFACTS[id] ? `at least ${ARTEFACTS[id] * 100} % of` : 'every'} verified fact`, async () => {
      const doc = await extract(corpusPdf(id));
      const facts = corpusFacts(id);
      const missing = facts
        .filter((f) => !factFound(doc, f))
        .map((f) => `${f.table} | ${(f.row ?? []).join(' ')} | ${f.col ?? f.unit}`);
      if (ARTEFACTS[id]) expect(1 - missing.length / facts.length).toBeGreaterThanOrEqual(ARTEFACTS[id]!);
      else expect(missing).toEqual([]);
    });
  }

  it('seed-a: 15 tables with the reference layout, a performance table stitched over pages', async () => {
    const doc = await extract(corpusPdf('seed-a'));
    expect(doc.document).toMatchObject({ year: 2024, kind: 'budget', scope: 'department' });
    expect(doc.document.department).toContain('中共乐山高新技术产业开发区工作委员会党群工作部');
    const perf = doc.tables.find((t) => t.kind === 'project_performance')!;
    expect(perf.pages.length).toBeGreaterThan(10);
    // One row per indicator: the reference document has 211 indicators.
    expect(perf.rows.length).toBe(211);
    const expenditure = doc.tables.find((t) => t.kind === 'expenditure')!;
    expect(expenditure.unit).toBe('万元');
    expect(expenditure.columns.slice(0, 3)).toEqual(['科目编码/类', '科目编码/款', '科目编码/项']);
    // Codes broken vertically in the source (21 / 3) are whole again.
    expect(expenditure.rows.some((r) => r[0] === '213' && r[1] === '08' && r[2] === '04')).toBe(true);
    expect(doc.tables.filter((t) => t.empty).map((t) => t.kind)).toContain('state_capital');
  });

  it('function-class parents equal the sum of their children (sz-01, 241 pages)', async () => {
    const doc = await extract(corpusPdf('sz-01'));
    const table = doc.tables.find((t) => t.kind === 'expenditure')!;
    const code = table.columns.findIndex((c) => /编码|科目代码/u.test(c));
    const total = table.columns.findIndex((c) => /合计/u.test(c));
    expect(code).toBeGreaterThanOrEqual(0);
    const rows = table.rows.filter((r) => /^\d{3,7}$/u.test(r[code]!));
    let checked = 0;
    rows.forEach((r, i) => {
      const c = r[code]!;
      if (c.length !== 3) return;
      const kids = rows.slice(i + 1).filter((k) => k[code]!.length === 5 && k[code]!.startsWith(c));
      if (!kids.length) return;
      const sum = kids.reduce((s, k) => s + (amount(k[total]) ?? 0n), 0n);
      const diff = sum - (amount(r[total]) ?? 0n);
      expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(5000n * BigInt(kids.length + 1));
      checked++;
    });
    expect(checked).toBeGreaterThan(3);
  });

  it('narrative-only documents yield no tables (bj-04, bj-05, bj-06)', async () => {
    for (const id of ['bj-04', 'bj-05', 'bj-06']) {
      const doc = await extract(corpusPdf(id));
      expect(doc.tables).toEqual([]);
      expect(doc.warnings.map((w) => w.message)).toContain('no tables found in this document');
    }
  });

  it('refuses the scanned document, asking for OCR (bj-09)', async () => {
    const err = await extract(corpusPdf('bj-09')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('no_text_layer');
    expect((err as InputError).message).toMatch(/OCR/u);
  });

  it('reads rotated Jiangsu pages and tables continued without a title (js-01, bj-07)', async () => {
    const js = await extract(corpusPdf('js-01'));
    expect(js.tables.find((t) => t.kind === 'income_expenditure_summary')?.unit).toBe('万元');
    const bj = await extract(corpusPdf('bj-07'));
    const perf = bj.tables.find((t) => t.kind === 'project_performance' && t.pages.length > 100);
    expect(perf).toBeDefined();
    expect(bj.tables.filter((t) => !t.title)).toHaveLength(
      bj.warnings.filter((w) => w.message === 'table without a title').length,
    );
  });
});
