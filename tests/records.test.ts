import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { amountReader } from '../src/records/amount.js';
import { DocumentSchema } from '../src/records/document-schema.js';
import { recordJsonSchemas } from '../src/records/json-schema.js';
import {
  plainAmount,
  RECORD_SCHEMAS,
  type LineItem,
  type ProjectPerformance,
  type ThreePublic,
} from '../src/records/index.js';
import type { ExtractedDocument, Table } from '../src/types.js';
import { CORPUS, corpusFacts, corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('record schemas', () => {
  it('schemas/*.schema.json are up to date with the zod schemas (npm run schemas)', () => {
    for (const [kind, schema] of Object.entries(recordJsonSchemas())) {
      const file = path.join(ROOT, 'schemas', `${kind}.schema.json`);
      expect(fs.existsSync(file), `${file} missing`).toBe(true);
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(schema);
    }
  });
});

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

describe.skipIf(!hasCorpus)('records on seed-a (the reference document)', () => {
  let doc: ExtractedDocument;
  const table = (kind: string) => doc.tables.find((t) => t.kind === kind)!;

  it('reads the document', async () => {
    doc = await extract(corpusPdf('seed-a'));
    expect(doc.tables.every((t) => t.kind === 'other' || Array.isArray(t.records))).toBe(true);
  });

  it('has 20 projects with 211 indicators, each equal to the reference values', () => {
    const projects = table('project_performance').records as ProjectPerformance[];
    expect(projects).toHaveLength(20);
    expect(projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(211);
    const field: Record<string, (p: ProjectPerformance, i: ProjectPerformance['indicators'][number]) => string | null> =
      {
        一级指标: (_, i) => i.level1,
        二级指标: (_, i) => i.level2,
        指标性质: (_, i) => i.operator,
        指标值: (_, i) => i.value,
        度量单位: (_, i) => i.unit,
        权重: (_, i) => i.weight,
        预算数: (p) => p.amount,
        年度目标: (p) => p.goal,
      };
    const facts = corpusFacts('seed-a').filter((f) => f.table === '项目支出绩效表' && f.row && f.col && field[f.col]);
    expect(facts.length).toBeGreaterThan(1000);
    const wrong: string[] = [];
    for (const f of facts) {
      const [code, name] = [f.row![0]!, f.row![f.row!.length - 1]!];
      const candidates = projects
        .filter((p) => p.code === code)
        .flatMap((p) => p.indicators.filter((i) => norm(i.name) === norm(name)).map((i) => [p, i] as const));
      const ok = candidates.some(([p, i]) => {
        const got = field[f.col!]!(p, i) ?? '';
        return f.col === '预算数' ? plainAmount(got) === plainAmount(f.value!) : norm(got) === norm(f.value!);
      });
      if (!ok) wrong.push(`${code} ${name} ${f.col}=${f.value}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads the “三公” table: 公务接待费 0.50, total 0.50', () => {
    const total = (table('three_public').records as ThreePublic[]).find((r) => r.isTotal)!;
    expect(total).toMatchObject({ total: '0.50', reception: '0.50', outbound: null, basis: 'budget' });
    expect(total.vehicle).toEqual({ subtotal: null, purchase: null, operation: null });
  });

  it('splits 支出总表 codes into class / item / entry', () => {
    const items = table('expenditure').records as LineItem[];
    const row = items.find((r) => r.code?.code === '2130804')!;
    expect(row.code).toEqual({
      system: 'function',
      class: '213',
      item: '08',
      entry: '04',
      code: '2130804',
      level: 3,
      parent: '21308',
    });
    expect(items[0]).toMatchObject({ isTotal: true, amounts: { total: '931.79', basic: '173.78', project: '758.01' } });
    expect(table('expenditure').recordsUnit).toBe('万元');
  });

  it('reads the 部门整体支出绩效目标表’s two-level money header: total, basic and project equal the 支出总表’s 合计 row', () => {
    const total = (table('expenditure').records as LineItem[]).find((r) => r.isTotal)!;
    const form = table('overall_performance').records![0] as {
      funds: Record<string, string>;
      fields: Record<string, string>;
    };
    expect(form.funds).toMatchObject({
      total: total.amounts.total,
      basic: total.amounts.basic,
      project: total.amounts.project,
    });
    expect(form.fields['基本支出/合计']).toBe(total.amounts.basic);
    expect(form.fields['项目支出/合计']).toBe(total.amounts.project);
  });

  it('converts record amounts exactly to 元 on request, rows as printed', async () => {
    const yuan = await extract(corpusPdf('seed-a'), { unit: 'yuan' });
    const t = yuan.tables.find((x) => x.kind === 'expenditure')!;
    expect((t.records as LineItem[])[0]!.amounts.total).toBe('9317900');
    expect(t.rows[0]).toContain('931.79');
    expect(yuan.unitConversion?.to).toBe('元');
  });
});

/** The grid row a line-item record came from: its 合计 row. */
function totalRowAgrees(t: Table): string[] {
  const problems: string[] = [];
  const records = t.records as LineItem[];
  const totalRecord = records.find((r) => r.isTotal);
  if (!totalRecord) return problems;
  // The 合计 row; where none is printed, the row the total record says it was read from (a department's own row
  // above its units, a table of one row): its figures too are all in the record.
  const gridRow =
    t.rows.find((r) => r.some((c) => /^(合计|总计)$/u.test(norm(c)))) ??
    (totalRecord.row !== null && !/^(合计|总计)$/u.test(norm(totalRecord.name)) ? t.rows[totalRecord.row] : undefined);
  if (!gridRow) return [`${t.title}: total record without a 合计 row`];
  // Every figure of the 合计 row is in the record, and nothing else (the record orders known fields first).
  const serial = (i: number) => /^(序号|行次|栏次|编号)$/u.test(norm(t.columns[i] ?? ''));
  // Read as the table reads its cells (Shanghai's 元 tables print 25829,012: one comma, the last group only).
  const read = amountReader(t);
  const printed = gridRow
    .map((c, i) => (serial(i) ? null : read(c)))
    .map((p) => (p?.kind === 'number' ? p.value : null))
    .filter((v): v is string => v !== null)
    .sort();
  const recorded = [...Object.values(totalRecord.amounts), ...Object.values(totalRecord.extra)]
    .filter((v): v is string => v !== null)
    .sort();
  if (printed.join('|') !== recorded.join('|'))
    problems.push(`${t.title}: 合计 row ${printed.join(',')} but record ${recorded.join(',')}`);
  return problems;
}

describe.skipIf(!hasCorpus)('records over the corpus', () => {
  const manifest = hasCorpus
    ? (JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as {
        documents: { id: string; expect?: string }[];
      })
    : { documents: [] };
  for (const { id } of manifest.documents.filter((d) => d.expect !== 'error')) {
    it(`${id}: every table of a known kind has records that validate, totals equal to the 合计 row`, async () => {
      const doc = await readOnce(corpusPdf(id));
      // The whole output is a valid document (schemas/document.schema.json, from the same zod schemas).
      const valid = DocumentSchema.safeParse(JSON.parse(JSON.stringify(doc)));
      expect(valid.success ? [] : valid.error.issues.slice(0, 3)).toEqual([]);
      expect(doc.warnings.filter((w) => /schema/u.test(w.message))).toEqual([]);
      const problems: string[] = [];
      for (const t of doc.tables) {
        if (t.kind === 'other') {
          expect(t.records).toBeUndefined();
          continue;
        }
        expect(Array.isArray(t.records), `${t.title} has records`).toBe(true);
        const schema = RECORD_SCHEMAS[t.kind];
        for (const r of t.records!) schema.parse(r);
        if (
          [
            'income',
            'expenditure',
            'general_public_expenditure',
            'basic_expenditure',
            'project_expenditure',
            'government_fund',
            'state_capital',
            'fiscal_expenditure_economic',
          ].includes(t.kind)
        ) {
          problems.push(...totalRowAgrees(t));
        }
      }
      expect(problems).toEqual([]);
    });
  }

  // 部门整体支出绩效目标表 whose money is split by part or source add up (seed-a and the Beijing forms among them):
  // a test per document (each read once, shared with the test above), then which documents had such forms.
  const withFunds: string[] = [];
  for (const { id } of manifest.documents.filter((d) => d.expect !== 'error')) {
    it(`${id}: every 部门整体支出绩效目标表's money adds up; a part of one source is never the whole`, async () => {
      const doc = await readOnce(corpusPdf(id));
      const funds = doc.checks.results.filter((r) => r.id.startsWith('performance.funds'));
      if (funds.length) withFunds.push(id);
      expect(funds.filter((r) => !r.passed).map((r) => `p.${r.page} ${r.column}: ${r.found} vs ${r.expected}`)).toEqual(
        [],
      );
      // funds.basic/project come only from 基本支出 / 项目支出 themselves, never from one source's part of them.
      for (const t of doc.tables) {
        if (t.kind !== 'overall_performance') continue;
        for (const r of t.records ?? []) {
          const bySource = Object.keys(r.fields).filter((k) => /^[^/]*(资金|拨款)[^/]*\/(基本支出|项目支出)$/u.test(k));
          if (bySource.length) expect(r.funds, t.title).not.toHaveProperty('basic');
        }
      }
    });
  }
  it('the forms checked include seed-a’s and the Beijing ones', () => {
    expect(withFunds).toEqual(expect.arrayContaining(['seed-a', 'bj-01', 'bj-08']));
  });
});
