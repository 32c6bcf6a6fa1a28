// Excel workbooks (src/export/xlsx.ts), read back with an independent reader (SheetJS, @e965/xlsx): sheet names,
// cell types (codes text, amounts numbers only when Excel shows the same digits), the printed header merged, the
// frozen header, the checks sheet's order, and writing atomically.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { columnWidth, displayWidth, excelNumber } from '../src/export/xlsx-cells.js';
import { documentWorkbook, type PlainSheet, sheetNames, writeWorkbook } from '../src/export/xlsx.js';
import { plainAmount } from '../src/records/amount.js';
import { columnRoles } from '../src/records/columns.js';
import type { ExtractedDocument, LineItem, Table } from '../src/index.js';
import { KINDS } from '../src/kinds/registry.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLOW = { timeout: 120_000 };

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'xlsx-test-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const read = (bytes: Uint8Array) => XLSX.read(bytes, { type: 'array', cellNF: true, bookFiles: true });
type Book = ReturnType<typeof read>;

/** The sheet's XML (exceljs numbers the sheet files in the order the sheets were added). */
function sheetXml(wb: Book, name: string): string {
  const i = wb.SheetNames.indexOf(name);
  const files = (wb as unknown as { files: Record<string, { content: Uint8Array | string }> }).files;
  const f = files[`xl/worksheets/sheet${i + 1}.xml`];
  if (!f) throw new Error(`no XML for sheet ${name}`);
  return typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
}

/** The rows of a sheet as cell objects (row-major, 0-based). */
function cells(ws: XLSX.WorkSheet): (XLSX.CellObject | undefined)[][] {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1:A1');
  const out: (XLSX.CellObject | undefined)[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: (XLSX.CellObject | undefined)[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(ws[XLSX.utils.encode_cell({ r, c })]);
    out.push(row);
  }
  return out;
}

const FORBIDDEN = /[[\]:*?/\\]/u;
function expectLegalNames(names: string[]): void {
  for (const n of names) {
    expect(n.length).toBeGreaterThan(0);
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n).not.toMatch(FORBIDDEN);
    expect(n.startsWith("'") || n.endsWith("'")).toBe(false);
  }
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
}

describe('sheetNames', () => {
  it('replaces forbidden characters, strips quotes, never returns an empty name', () => {
    const names = sheetNames(['a/b:c*d?e[f]g\\h', "'quoted'", '', '   ', 'tab\there']);
    expect(names[0]).toBe('a／b：c＊d？e［f］g＼h');
    expect(names[1]).toBe('quoted');
    expect(names[2]).toBe('Sheet');
    expect(names[3]).toBe('Sheet~2');
    expect(names[4]).toBe('tab here');
    expectLegalNames(names);
  });

  it('cuts to 31 characters, CJK counted as one each', () => {
    const title = '2025年一般公共预算“三公”经费支出及政府性基金预算“三公”经费支出情况表';
    const [name] = sheetNames([`03 ${title}`]);
    expect(name).toBe(`03 ${title}`.slice(0, 31));
    expect(name!.length).toBe(31);
  });

  it('makes repeats unique case-insensitively, suffix within 31 characters', () => {
    const long = 'x'.repeat(40);
    const names = sheetNames(['支出总表', '支出总表', 'Sheet', 'sheet', long, long, 'History']);
    expect(names.slice(0, 4)).toEqual(['支出总表', '支出总表~2', 'Sheet', 'sheet~2']);
    expect(names[4]).toBe('x'.repeat(31));
    expect(names[5]).toBe(`${'x'.repeat(29)}~2`);
    expect(names[6]).toBe('History~2');
    expectLegalNames(names);
  });
});

describe('column widths', () => {
  it('count CJK and fullwidth characters double, take the widest line, stay within 6…60', () => {
    expect(displayWidth('支出总表')).toBe(8);
    expect(displayWidth('2025年（预算）')).toBe(4 + 2 + 8);
    expect(displayWidth('ab\n支出总表合计')).toBe(12);
    expect(columnWidth(0)).toBe(6);
    expect(columnWidth(10)).toBe(12);
    expect(columnWidth(500)).toBe(60);
  });
});

describe('the amount exactness rule', () => {
  it('a decimal of at most 15 significant digits is a number; more stays text', () => {
    expect(excelNumber('590242.670510')).toBe(590242.67051);
    expect(excelNumber('-12.5')).toBe(-12.5);
    expect(excelNumber('0.000001')).toBe(0.000001);
    expect(excelNumber('123456789012345')).toBe(123456789012345);
    expect(excelNumber('1234567890.12345')).toBe(1234567890.12345);
    expect(excelNumber('12345678901234567')).toBeNull();
    expect(excelNumber('1234567890.123456')).toBeNull();
    expect(excelNumber('1,234')).toBeNull();
    expect(Object.is(excelNumber('-0.00'), 0)).toBe(true);
  });
});

describe('writeWorkbook', () => {
  const sheet: PlainSheet = {
    name: '明细:2025',
    notes: ['单位：万元'],
    columns: [
      { key: 'code', header: '编码', type: 'text' },
      { key: 'name', header: '名称', type: 'text' },
      { key: 'amount', header: '金额', type: 'amount' },
      { key: 'n', header: '数量', type: 'integer' },
      { key: 'ok', header: '通过', type: 'boolean' },
    ],
    rows: [
      { code: '02', name: '文物', amount: '590242.670510', n: 3, ok: true },
      { code: '2012902', name: '长', amount: '12345678901234567', n: null, ok: false },
      { code: '103001', name: null, amount: '-12.5', n: 0, ok: null },
    ],
  };

  it('writes codes as text, amounts as numbers (or text when Excel would round), frozen header, autofilter', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'out.xlsx');
    await writeWorkbook(file, [sheet, { ...sheet, name: '明细:2025' }]);
    expect(await readdir(dir)).toEqual(['out.xlsx']);
    const wb = read(await readFile(file));
    expect(wb.SheetNames).toEqual(['明细：2025', '明细：2025~2']);
    const ws = wb.Sheets['明细：2025']!;
    expect(ws.A1?.v).toBe('单位：万元');
    expect(ws.A2?.v).toBe('编码');
    expect(ws.A3).toMatchObject({ t: 's', v: '02' });
    expect(ws.A4).toMatchObject({ t: 's', v: '2012902' });
    expect(ws.A5).toMatchObject({ t: 's', v: '103001' });
    expect(ws.C3).toMatchObject({ t: 'n', v: 590242.67051, z: '#,##0.000000' });
    expect(ws.C4).toMatchObject({ t: 's', v: '12345678901234567' });
    expect(ws.C5).toMatchObject({ t: 'n', v: -12.5, z: '#,##0.0' });
    expect(ws.D3).toMatchObject({ t: 'n', v: 3 });
    expect(ws.E3).toMatchObject({ t: 'b', v: true });
    expect(ws.B5).toBeUndefined();
    expect(ws['!autofilter']).toEqual({ ref: 'A2:E2' });
    expect(sheetXml(wb, '明细：2025')).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/u);
  });

  it('a failure leaves neither the file nor a temp file behind', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'sub', 'fail.xlsx');
    async function* sheets(): AsyncGenerator<PlainSheet> {
      yield sheet;
      throw new Error('source failed');
    }
    await expect(writeWorkbook(file, sheets())).rejects.toThrow('source failed');
    expect(await readdir(path.dirname(file))).toEqual([]);
    // And an existing file is left as it was.
    await writeWorkbook(file, [sheet]);
    const before = await readFile(file);
    await expect(writeWorkbook(file, sheets())).rejects.toThrow('source failed');
    expect(await readdir(path.dirname(file))).toEqual(['fail.xlsx']);
    expect(Buffer.compare(await readFile(file), before)).toBe(0);
  });

  it('streams many rows', SLOW, async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'big.xlsx');
    const n = 50_000;
    const rows = Array.from({ length: n }, (_, i) => ({
      code: String(i).padStart(6, '0'),
      name: `项目${i}`,
      amount: `${i}.${String(i % 100).padStart(2, '0')}`,
      n: i,
      ok: i % 2 === 0,
    }));
    await writeWorkbook(file, [{ ...sheet, rows }]);
    const ws = read(await readFile(file)).Sheets['明细：2025']!;
    expect(ws[`A${n + 2}`]).toMatchObject({ t: 's', v: String(n - 1).padStart(6, '0') });
    expect(ws[`C${n + 2}`]).toMatchObject({ t: 'n', v: Number(`${n - 1}.${String((n - 1) % 100).padStart(2, '0')}`) });
  });
});

/** The checks of a workbook of `doc`, with the document's last result made a failure (a failed one must come first). */
function withFailure(doc: ExtractedDocument): ExtractedDocument {
  const results = doc.checks.results.map((r, i, all) =>
    i === all.length - 1 ? { ...r, passed: false, found: '1', difference: '-1' } : r,
  );
  return { ...doc, checks: { ...doc.checks, results } };
}

/** What the workbook of a document must hold, read back by SheetJS. */
async function checkWorkbook(doc: ExtractedDocument): Promise<Book> {
  const bytes = await documentWorkbook(withFailure(doc));
  const wb = read(bytes);
  const names = wb.SheetNames;
  expectLegalNames(names);
  expect(names[0]).toBe('文档');
  expect(names.slice(-2)).toEqual(['检查', '审阅']);
  const tableSheets = names.slice(1, 1 + doc.tables.length);
  tableSheets.forEach((n, i) => expect(n.startsWith(String(i + 1).padStart(2, '0'))).toBe(true));

  const docRows = cells(wb.Sheets.文档!).map((r) => r.map((c) => c?.v));
  expect(docRows).toContainEqual(['SHA-256', undefined, doc.source.sha256]);
  expect(docRows).toContainEqual(['页数', undefined, doc.source.pages]);
  expect(docRows.filter((r) => r[0] === '警告').length).toBe(doc.warnings.length);

  doc.tables.forEach((table, i) => checkTableSheet(wb, tableSheets[i]!, table));

  const kinds = [...new Set(doc.tables.filter((t) => t.records?.length).map((t) => t.kind))];
  expect(names.slice(1 + doc.tables.length, -2)).toEqual(kinds.map((k) => `记录 ${KINDS[k].name}`));

  // 审阅: a line per required table, per figure the text states, per finding, under the header.
  const review = cells(wb.Sheets.审阅!).map((r) => r.map((c) => c?.v));
  expect(review[1]).toEqual(['类别', '状态', '页', '表', '内容', '原文']);
  const { completeness, narrative, findings } = doc.review;
  expect(review.slice(2).map((r) => r[0])).toEqual([
    ...completeness.tables.map(() => '必备表'),
    ...narrative.map(() => '情况说明'),
    ...findings.map(() => '审阅'),
  ]);

  const checks = cells(wb.Sheets.检查!);
  expect(checks[1]!.map((c) => c?.v)).toEqual([
    '检查',
    '通过',
    '尾差',
    '表',
    '表名',
    '页',
    '编码',
    '名称',
    '栏目',
    '应为',
    '实为',
    '差额',
    '说明',
  ]);
  const passed = checks.slice(2).map((r) => r[1]?.v);
  expect(passed[0]).toBe(false);
  expect(passed.lastIndexOf(false)).toBeLessThan(passed.indexOf(true));
  expect(passed.length).toBe(doc.checks.results.length);
  return wb;
}

/** A table sheet: the unit stated, the header rebuilt (merged where it spans), frozen below it; codes text, amounts
 * numbers equal to the printed value. */
function checkTableSheet(wb: Book, name: string, table: Table): void {
  const ws = wb.Sheets[name]!;
  const rows = cells(ws);
  const line = String(rows[0]?.[0]?.v ?? '');
  expect(line).toContain(`单位：${table.unit || '未注明'}`);
  const depth = Math.max(1, ...table.columns.map((c) => c.split('/').filter(Boolean).length));
  if (depth > 1) expect(ws['!merges']?.length ?? 0).toBeGreaterThan(0);
  expect(sheetXml(wb, name)).toMatch(new RegExp(`<pane [^>]*ySplit="${1 + depth}"[^>]*state="frozen"`, 'u'));
  const body = rows.slice(1 + depth);
  expect(body.length).toBe(table.rows.length);
  if (table.kind === 'other') return;
  const roles = columnRoles(table);
  const amountCols = new Set(roles.amounts.map((a) => a.index));
  // A 部门整体绩效目标表 (a form) prints its funds in a row labelled 资金, outside its amount columns.
  const funds = (row: string[]) => table.kind === 'overall_performance' && row.some((c) => /资金|金额/u.test(c));
  table.rows.forEach((row, r) => {
    row.forEach((printed, c) => {
      const cell = body[r]![c];
      if (printed.trim() === '') return;
      if (roles.code.includes(c)) expect(cell).toMatchObject({ t: 's', v: printed });
      const value = plainAmount(printed);
      if (amountCols.has(c) && value !== null) {
        const digits = value.replace(/[-.]/gu, '').replace(/^0+/u, '').replace(/0+$/u, '');
        if (digits.length <= 15) expect(cell).toMatchObject({ t: 'n', v: Number(value) });
        else expect(cell).toMatchObject({ t: 's', v: value });
      } else if (!amountCols.has(c) && !funds(row)) expect(cell?.t).toBe('s');
    });
  });
}

describe('documentWorkbook', () => {
  it('a generated fixture: tables as printed, records, checks failed first', SLOW, async () => {
    const doc = await readOnce(path.join(ROOT, 'fixtures', 'sample-budget.pdf'));
    const wb = await checkWorkbook(doc);
    expect(wb.SheetNames).toEqual([
      '文档',
      '01 2025年部门收支总表',
      '02 2025年部门收入总表',
      '03 2025年部门支出总表',
      '04 2025年一般公共预算“三公”经费支出表',
      '记录 收支总表',
      '记录 收入总表',
      '记录 支出总表',
      '记录 “三公”经费支出表',
      '检查',
      '审阅',
    ]);
    // The three-row header of the 三公 table: 公务用车购置及运行费 across three columns, the others merged down.
    const merges = wb.Sheets['04 2025年一般公共预算“三公”经费支出表']!['!merges']!.map((m) =>
      XLSX.utils.encode_range(m),
    );
    expect(merges).toEqual(expect.arrayContaining(['A2:A3', 'C2:E2', 'F2:F3']));

    // Records: codes as text, amounts as numbers equal to the record's, the unit beside them.
    const income = doc.tables.find((t) => t.kind === 'income')!;
    const ws = wb.Sheets['记录 收入总表']!;
    const rows = cells(ws);
    const header = rows[1]!.map((c) => c?.v);
    expect(header.slice(0, 3)).toEqual(['表', '页', '金额单位']);
    const at = (key: string) => header.indexOf(key);
    const records = income.records as LineItem[];
    records.forEach((rec, i) => {
      const row = rows[2 + i]!;
      expect(row[2]).toMatchObject({ t: 's', v: income.recordsUnit ?? income.unit });
      if (rec.code) expect(row[at('code.code')]).toMatchObject({ t: 's', v: rec.code.code });
      if (rec.amounts.total) expect(row[at('amounts.total')]).toMatchObject({ t: 'n', v: Number(rec.amounts.total) });
    });
  });

  it('only the tables asked for', SLOW, async () => {
    const doc = await readOnce(path.join(ROOT, 'fixtures', 'sample-budget.pdf'));
    const index = doc.tables.findIndex((t) => t.kind === 'three_public');
    const wb = read(await documentWorkbook(doc, { tables: [{ table: doc.tables[index]!, index }] }));
    expect(wb.SheetNames).toEqual([
      '文档',
      '04 2025年一般公共预算“三公”经费支出表',
      '记录 “三公”经费支出表',
      '检查',
      '审阅',
    ]);
    const tables = cells(wb.Sheets.检查!)
      .slice(2)
      .map((r) => r[3]?.v);
    expect(new Set(tables)).toEqual(new Set([index + 1]));
  });
});

describe.skipIf(!hasCorpus)('documentWorkbook on corpus documents', () => {
  it('sh-02: 类/款/项 codes printed as 207 | 02 | 04 stay text', SLOW, async () => {
    const doc = await readOnce(corpusPdf('sh-02'));
    const wb = await checkWorkbook(doc);
    const index = doc.tables.findIndex((t) => t.columns.some((c) => /款$/u.test(c)));
    expect(index).toBeGreaterThanOrEqual(0);
    const table = doc.tables[index]!;
    const item = table.columns.findIndex((c) => /款$/u.test(c));
    const name = wb.SheetNames[1 + index]!;
    const depth = Math.max(...table.columns.map((c) => c.split('/').length));
    const body = cells(wb.Sheets[name]!).slice(1 + depth);
    const r = table.rows.findIndex((row) => /^0\d$/u.test(row[item] ?? ''));
    expect(r).toBeGreaterThanOrEqual(0);
    expect(body[r]![item]).toMatchObject({ t: 's', v: table.rows[r]![item] });
  });

  it('bj-01 as a workbook', SLOW, async () => {
    await checkWorkbook(await readOnce(corpusPdf('bj-01')));
  });
});
