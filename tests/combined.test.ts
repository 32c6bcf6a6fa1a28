// One workbook and one long CSV for many documents (--combine, -f long): read back with an independent reader
// (SheetJS, @e965/xlsx). On generated fixtures (with a refused file), and on the whole corpus against the analyst's
// figures (../shared/corpus/records), skipped with a notice where ../shared is absent.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus } from './helpers/corpus.js';
import { csvObjects } from './helpers/csv.js';

const BIN = path.resolve('bin/budget-extract.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'be-combined-'));

type Row = Record<string, string | number | boolean | undefined>;
function sheetRows(wb: XLSX.WorkBook, name: string): { rows: Row[]; keys: string[]; ws: XLSX.WorkSheet } {
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet ${name}: ${wb.SheetNames.join(', ')}`);
  const matrix = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: undefined });
  // Above the header: the notes (the unit); the header names each column `中文 key`.
  const h = matrix.findIndex((r) => Array.isArray(r) && r.some((c) => typeof c === 'string' && / file$/u.test(c)));
  const keys = (matrix[h] as string[]).map((c) => String(c).split(' ').pop()!);
  const rows = matrix
    .slice(h + 1)
    .map((r) => Object.fromEntries(keys.map((k, i) => [k, (r as unknown[])[i] as Row[string]])));
  return { rows, keys, ws };
}

/** The cell of a row's key, with its type as SheetJS reads it ('s' text, 'n' number). */
function cellOf(ws: XLSX.WorkSheet, keys: string[], sheetRow: number, key: string): XLSX.CellObject | undefined {
  return ws[XLSX.utils.encode_cell({ r: sheetRow, c: keys.indexOf(key) })];
}

describe('--combine on generated fixtures', () => {
  it('one workbook: every input in 文档 (the refused one with its reason), wide sheets, 明细, 检查', {
    timeout: 120_000,
  }, () => {
    const dir = tmp();
    const book = path.join(dir, 'all.xlsx');
    const r = run([
      'fixtures/sample-budget.pdf',
      'fixtures/final-account.pdf',
      'fixtures/bad/not-a-pdf.pdf',
      '--combine',
      book,
    ]);
    expect(r.status).toBe(1); // one input refused
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not-a-pdf\.pdf: /u);
    expect(r.stderr).toMatch(/wrote .*all\.xlsx \(2 of 3 documents\)/u);
    const wb = XLSX.read(fs.readFileSync(book), { type: 'buffer' });
    expect(wb.SheetNames).toEqual([
      '文档',
      '概览',
      '三公经费',
      '收支总表',
      '支出总表',
      '项目数',
      '明细',
      '检查',
      '审阅',
    ]);
    const docs = sheetRows(wb, '文档').rows;
    expect(docs.map((d) => [d.file, d.status])).toEqual([
      ['fixtures/sample-budget.pdf', 'ok'],
      ['fixtures/final-account.pdf', 'ok'],
      ['fixtures/bad/not-a-pdf.pdf', 'refused'],
    ]);
    expect(String(docs[2]!.reason)).not.toBe('');
    const sample = JSON.parse(run(['fixtures/sample-budget.pdf']).stdout);
    expect(docs[0]).toMatchObject({
      department: sample.document.department,
      year: sample.document.year,
      document: '预算',
    });
    // The long sheet holds the same lines as -f long, amounts as numbers, codes as text.
    const long = csvObjects(run(['fixtures/sample-budget.pdf', 'fixtures/final-account.pdf', '-f', 'long']).stdout);
    const detail = sheetRows(wb, '明细');
    expect(detail.rows).toHaveLength(long.length);
    detail.rows.forEach((row, i) => {
      expect(new Decimal(row.value as number).eq(long[i]!.value!)).toBe(true);
      expect(String(row.code ?? '')).toBe(long[i]!.code);
    });
    const coded = detail.rows.findIndex((row) => row.item !== undefined && String(row.item).startsWith('0'));
    expect(coded).toBeGreaterThanOrEqual(0);
    const h = XLSX.utils.decode_range(detail.ws['!ref']!).s.r; // sheet rows above the data: notes + header
    const header = detail.ws ? sheetRows(wb, '明细') : detail;
    const first = XLSX.utils
      .sheet_to_json<unknown[]>(detail.ws, { header: 1 })
      .findIndex((x) => Array.isArray(x) && x.includes('文件 file'));
    expect(cellOf(detail.ws, header.keys, h + first + 1 + coded, 'item')?.t).toBe('s');
    expect(cellOf(detail.ws, header.keys, h + first + 1 + coded, 'value')?.t).toBe('n');
    // The “三公” sheet: one row per document printing the table, the record's figures.
    const three = sheetRows(wb, '三公经费').rows;
    const rec = sample.tables
      .find((t: { kind: string }) => t.kind === 'three_public')
      .records.find((x: { isTotal: boolean }) => x.isTotal);
    expect(three[0]).toMatchObject({ file: 'fixtures/sample-budget.pdf', unit: '元' });
    expect(new Decimal(three[0]!.total as number).eq(rec.total)).toBe(true);
  });

  it('--combine alone writes no per-document output; a path ending otherwise is a usage error', {
    timeout: 60_000,
  }, () => {
    const dir = tmp();
    const r = run(['fixtures/sample-budget.pdf', '--combine', path.join(dir, 'one.xlsx'), '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(fs.readdirSync(dir)).toEqual(['one.xlsx']);
    const bad = run(['fixtures/sample-budget.pdf', '--combine', path.join(dir, 'one.csv')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--combine writes an Excel workbook/u);
    expect(fs.readdirSync(dir)).toEqual(['one.xlsx']);
  });
});

describe('-f xlsx', () => {
  it('-o FILE.xlsx: the document’s workbook; several inputs into -o DIR/ one each', {
    timeout: 120_000,
  }, () => {
    const dir = tmp();
    const one = path.join(dir, 'sample.xlsx');
    const r = run(['fixtures/sample-budget.pdf', '-f', 'xlsx', '-o', one]);
    expect(r.status, r.stderr).toBe(0);
    const wb = XLSX.read(fs.readFileSync(one), { type: 'buffer' });
    expect(wb.SheetNames[0]).toBe('文档');
    expect(wb.SheetNames.length).toBeGreaterThan(5);
    const out = path.join(dir, 'many') + path.sep;
    const m = run(['fixtures/sample-budget.pdf', 'fixtures/final-account.pdf', '-f', 'xlsx', '-o', out, '-q']);
    expect(m.status, m.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['final-account.xlsx', 'sample-budget.xlsx']);
    // Several inputs without a folder: usage error naming --combine.
    const two = run([
      'fixtures/sample-budget.pdf',
      'fixtures/final-account.pdf',
      '-f',
      'xlsx',
      '-o',
      path.join(dir, 'x.xlsx'),
    ]);
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/--combine/u);
  });
});

interface TruthFact {
  kind: string;
  unit?: string;
  [field: string]: unknown;
}

/** A truth amount (in its unit) in 万元, exactly. */
const inWan = (v: unknown, unit: string): Decimal | null =>
  v === null || v === undefined ? null : unit === '元' ? new Decimal(String(v)).div(10000) : new Decimal(String(v));

describe.skipIf(!hasCorpus)('the corpus into one workbook and one long CSV (--unit wan)', () => {
  it('the wide sheets equal the analyst’s figures of every document; codes text, amounts numbers', {
    timeout: 600_000,
  }, () => {
    const dir = tmp();
    const book = path.join(dir, 'corpus.xlsx');
    const csv = path.join(dir, 'corpus.csv');
    const r = run([path.join(CORPUS, 'pdf'), '-f', 'long', '-o', csv, '--combine', book, '--unit', 'wan', '-q']);
    expect([0, 1]).toContain(r.status); // the corpus holds one scan, refused
    const wb = XLSX.read(fs.readFileSync(book), { type: 'buffer' });
    const byFile = (name: string) =>
      new Map(sheetRows(wb, name).rows.map((row) => [path.basename(String(row.file), '.pdf'), row]));
    const three = byFile('三公经费');
    const summary = byFile('收支总表');
    const expenditure = byFile('支出总表');
    const projects = byFile('项目数');
    let compared = 0;
    const same = (got: unknown, want: Decimal | null, what: string) => {
      compared++;
      if (want === null) expect(got, what).toBeUndefined();
      else expect(got === undefined ? null : new Decimal(got as number).toString(), what).toBe(want.toString());
    };
    for (const f of fs.readdirSync(path.join(CORPUS, 'records'))) {
      const id = f.replace(/\.json$/u, '');
      const truth = JSON.parse(fs.readFileSync(path.join(CORPUS, 'records', f), 'utf8')) as {
        unit: string;
        facts: TruthFact[];
      };
      for (const fact of truth.facts) {
        const unit = fact.unit ?? truth.unit;
        const figures = (row: Row | undefined, fields: Record<string, string>) => {
          expect(row, `${id} ${fact.kind}`).toBeDefined();
          expect(row!.unit).toBe('万元');
          for (const [k, col] of Object.entries(fields))
            if (Object.hasOwn(fact, k)) same(row![col], inWan(fact[k], unit), `${id} ${fact.kind} ${k}`);
        };
        if (fact.kind === 'three_public')
          figures(three.get(id), {
            total: 'total',
            outbound: 'outbound',
            vehicle: 'vehicle',
            vehiclePurchase: 'vehiclePurchase',
            vehicleOperation: 'vehicleOperation',
            reception: 'reception',
          });
        if (fact.kind === 'income_expenditure_summary')
          figures(summary.get(id), { incomeTotal: 'incomeTotal', expenditureTotal: 'expenditureTotal' });
        if (fact.kind === 'expenditure')
          figures(expenditure.get(id), { total: 'total', basic: 'basic', project: 'project' });
        if (fact.kind === 'project_performance') {
          compared++;
          expect(projects.get(id)?.count, `${id} projects`).toBe(fact.projects);
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
    // Every document with a “三公” table has its row, and no other.
    const docs = sheetRows(wb, '文档').rows;
    expect(docs.filter((d) => d.status === 'ok').length).toBeGreaterThan(50);
    // The long CSV and the 明细 sheet: the same lines; a two-digit 款 stays text.
    const long = csvObjects(fs.readFileSync(csv, 'utf8'));
    const detail = sheetRows(wb, '明细');
    expect(detail.rows.length).toBe(long.length);
    // Every amount in 万元, but those of a table that prints no unit: converted it cannot be, and says so (empty).
    expect(long.filter((l) => l.unit !== '万元').every((l) => l.unit === '')).toBe(true);
    expect(long.filter((l) => l.unit === '').length).toBeLessThan(long.length / 50);
    const i = long.findIndex((l) => /^0\d$/u.test(l.item!));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(detail.rows[i]!.item).toBe(long[i]!.item);
  });
});
