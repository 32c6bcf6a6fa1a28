// The long form (a line per record amount) and the wide sheets (a row per document): on Table literals, on the
// generated sample through the CLI, and against the analyst's figures of the corpus (../shared/corpus/records).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG_KEYS, longRows } from '../src/export/long.js';
import { WIDE_COLUMNS, wideRow } from '../src/export/wide.js';
import { headline } from '../src/records/headline.js';
import { attachRecords, convertTables } from '../src/records/index.js';
import { documentColumns } from '../src/export/long.js';
import { csvObjects } from './helpers/csv.js';
import { documentLiteral, tableLiteral } from './helpers/table.js';

const SLOW = { timeout: 180_000 };
const BIN = path.resolve('bin/budget-extract.js');
const SAMPLE = 'fixtures/sample-budget.pdf';
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

function expenditureDoc() {
  const t = tableLiteral(
    'expenditure',
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上年预算数'],
    [
      ['', '合计', '300.50', '100.25', '200.25', '280.00'],
      ['201', '一般公共服务支出', '300.50', '100.25', '200.25', '280.00'],
      ['20102', '人大事务', '300.50', '100.25', '200.25', ''],
    ],
    { rowPages: [4, 4, 5], title: '支出总表' },
  );
  const doc = documentLiteral([t]);
  attachRecords(doc.tables, { year: 2026 });
  return doc;
}

describe('long rows (Table literals)', () => {
  it('one line per printed amount: code as text, class/item/entry, field, printed column, page, unit', () => {
    const doc = expenditureDoc();
    const rows = longRows(doc, 'a.pdf');
    // 3 rows × 3 fields + 2 printed 上年 cells (the third row's is blank: no line).
    expect(rows).toHaveLength(11);
    const entry = rows.filter((r) => r.code === '20102');
    expect(entry.map((r) => [r.field, r.column, r.value])).toEqual([
      ['total', '合计', '300.50'],
      ['basic', '基本支出', '100.25'],
      ['project', '项目支出', '200.25'],
    ]);
    expect(entry[0]).toMatchObject({
      file: 'a.pdf',
      department: '示例局',
      year: 2026,
      document: '预算',
      scope: '部门',
      table: 1,
      tableKind: 'expenditure',
      kindName: '支出总表',
      page: 5,
      row: 3,
      class: '201',
      item: '02',
      entry: '',
      name: '人大事务',
      isTotal: false,
      unit: '万元',
    });
    const total = rows.filter((r) => r.isTotal);
    expect(total.map((r) => r.field)).toEqual(['total', 'basic', 'project', 'extra.上年预算数']);
    expect(total[3]!.column).toBe('上年预算数');
    // Every line has every column.
    for (const r of rows) expect(Object.keys(r).sort()).toEqual([...LONG_KEYS].sort());
  });

  it('--unit: the long values are the converted records, exactly', () => {
    const doc = expenditureDoc();
    convertTables(doc.tables, '元');
    const rows = longRows(doc, 'a.pdf');
    expect(rows.find((r) => r.isTotal && r.field === 'total')).toMatchObject({ value: '3005000', unit: '元' });
  });

  it('a “三公” table: basis, year and funds on every line; the headline takes the department’s own figures', () => {
    const t = tableLiteral(
      'three_public',
      [
        '单位名称',
        '2026年预算数/合计',
        '2026年预算数/因公出国(境)费',
        '2026年预算数/公务用车购置及运行费/小计',
        '2026年预算数/公务用车购置及运行费/公务用车购置费',
        '2026年预算数/公务用车购置及运行费/公务用车运行费',
        '2026年预算数/公务接待费',
        '2025年预算数/合计',
      ],
      [['合计', '12.50', '2.00', '8.00', '0.00', '8.00', '2.50', '13.00']],
      { unit: '万元', title: '“三公”经费支出表' },
    );
    const doc = documentLiteral([t]);
    attachRecords(doc.tables, { year: 2026 });
    const rows = longRows(doc, 'b.pdf');
    const own = rows.filter((r) => r.period === 2026);
    expect(Object.fromEntries(own.map((r) => [r.field, r.value]))).toEqual({
      total: '12.50',
      outbound: '2.00',
      'vehicle.subtotal': '8.00',
      'vehicle.purchase': '0.00',
      'vehicle.operation': '8.00',
      reception: '2.50',
    });
    expect(new Set(own.map((r) => r.field)).size).toBe(own.length);
    expect(own.every((r) => r.isTotal && r.basis === 'budget')).toBe(true);
    expect(rows.filter((r) => r.period === 2025).map((r) => [r.field, r.value])).toEqual([['total', '13.00']]);
    const h = headline(doc);
    expect(h.threePublic?.values).toEqual({
      total: '12.50',
      outbound: '2.00',
      vehicle: '8.00',
      vehiclePurchase: '0.00',
      vehicleOperation: '8.00',
      reception: '2.50',
    });
    expect(h.threePublic?.basis).toBe('budget');
    const row = wideRow('three_public', documentColumns('b.pdf', doc), h)!;
    expect(row).toMatchObject({ file: 'b.pdf', basis: '预算数', total: '12.50', unit: '万元', note: '' });
    expect(Object.keys(row).every((k) => WIDE_COLUMNS.three_public.some((c) => c.key === k))).toBe(true);
    expect(wideRow('expenditure', documentColumns('b.pdf', doc), h)).toBeNull();
  });

  it('a “三公” table printed empty: the document has its row, no figures, and the note says so', () => {
    const t = tableLiteral('three_public', ['合计', '因公出国(境)费', '公务接待费'], [], {
      title: '“三公”经费支出决算表',
    });
    const doc = documentLiteral([t], { kind: 'final_account' });
    attachRecords(doc.tables, { year: 2026 });
    const h = headline(doc);
    expect(h.threePublic?.values.total).toBeNull();
    expect(h.threePublic?.note).toMatch(/空表/u);
    expect(wideRow('three_public', documentColumns('c.pdf', doc), h)).toMatchObject({ total: null, document: '决算' });
    expect(headline(documentLiteral([])).threePublic).toBeNull();
  });

  it('two total records that disagree: the figure is left out and the note says why', () => {
    const doc = expenditureDoc();
    const second = tableLiteral(
      'expenditure',
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [['', '合计', '999.00', '100.25', '898.75']],
      { title: '支出总表(续)' },
    );
    doc.tables.push(second);
    attachRecords([second], { year: 2026 });
    // Two tables of the kind: the first that states the figures is used, the other named.
    const h = headline(doc);
    expect(h.expenditure?.values).toEqual({ total: '300.50', basic: '100.25', project: '200.25' });
    expect(h.expenditure?.note).toMatch(/also printed, not used: 支出总表\(续\)/u);
    // Within one table, two 合计 rows that differ: flagged, not picked.
    const t = doc.tables[0]!;
    t.rows.push(['', '合计', '301.00', '100.25', '200.75', '']);
    t.rowPages.push(5);
    attachRecords([t], { year: 2026 });
    const h2 = headline(doc);
    expect(h2.expenditure?.values.total).toBeNull();
    expect(h2.expenditure?.values.basic).toBe('100.25');
    expect(h2.expenditure?.note).toMatch(/total: 2 records disagree \(300\.50 \| 301\.00\)/u);
  });
});

describe('-f long and -f wide (generated sample)', () => {
  const sample = JSON.parse(run([SAMPLE]).stdout);

  it('-f long: a header, then one line per record amount of every table, values as the records', SLOW, () => {
    const r = run([SAMPLE, '-f', 'long']);
    expect(r.status, r.stderr).toBe(0);
    // stdout: no byte order mark.
    expect(r.stdout.startsWith('file,sha256,')).toBe(true);
    const rows: Record<string, string>[] = csvObjects(r.stdout);
    const amounts = sample.tables.flatMap((t: { records?: unknown[] }) => t.records ?? []);
    expect(amounts.length).toBeGreaterThan(10);
    const total = rows.find((x) => x.tableKind === 'expenditure' && x.isTotal === 'true' && x.field === 'total')!;
    const exp = sample.tables.find((t: { kind: string }) => t.kind === 'expenditure');
    const rec = exp.records.find((x: { isTotal: boolean }) => x.isTotal);
    expect(total.value).toBe(rec.amounts.total);
    expect(total.unit).toBe(exp.unit);
    expect(total.department).toBe(sample.document.department);
    expect(rows.every((x) => x.sha256 === sample.source.sha256)).toBe(true);
    // A class code stays as printed text, the 款 with its zero.
    const coded = rows.find((x) => x.item !== '');
    expect(coded?.item).toMatch(/^\d{2}$/u);
  });

  it('-f long --unit wan: every value converted exactly; -o FILE.csv starts with a BOM', SLOW, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'be-long-'));
    const out = path.join(dir, 'all.csv');
    const r = run([SAMPLE, SAMPLE, '-f', 'long', '--unit', 'wan', '-o', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFfile,')).toBe(true);
    const rows: Record<string, string>[] = csvObjects(text);
    expect(rows.every((x) => x.unit === '万元')).toBe(true);
    // The two inputs, in order, each with the same lines; the header once.
    expect(rows.length % 2).toBe(0);
    const total = rows.find((x) => x.tableKind === 'expenditure' && x.isTotal === 'true' && x.field === 'total')!;
    const exp = sample.tables.find((t: { kind: string }) => t.kind === 'expenditure');
    expect(exp.unit).toBe('元');
    const yuan = exp.records.find((x: { isTotal: boolean }) => x.isTotal).amounts.total as string;
    const [i, f = ''] = yuan.split('.');
    const digits = (i! + f).padStart(5, '0');
    const wan = `${digits.slice(0, digits.length - 4 - f.length) || '0'}.${digits.slice(digits.length - 4 - f.length)}`;
    expect(total.value).toBe(wan.replace(/^0+(?=\d)/u, ''));
  });

  it('-f wide: one row per document with the headline figures; --tables 三公 the “三公” sheet', SLOW, () => {
    const r = run([SAMPLE, '-f', 'wide']);
    expect(r.status, r.stderr).toBe(0);
    const rows: Record<string, string>[] = csvObjects(r.stdout);
    expect(rows).toHaveLength(1);
    const tp = sample.tables.find((t: { kind: string }) => t.kind === 'three_public');
    const rec = tp.records.find((x: { isTotal: boolean }) => x.isTotal);
    expect(rows[0]!['three_public.total']).toBe(rec.total);
    expect(rows[0]!['three_public.reception']).toBe(rec.reception);
    expect(rows[0]!.department).toBe(sample.document.department);
    const only = run([SAMPLE, '-f', 'wide', '--tables', 'three_public']);
    const three: Record<string, string>[] = csvObjects(only.stdout);
    expect(Object.keys(three[0]!)).toEqual(WIDE_COLUMNS.three_public.map((c) => c.key));
    expect(three[0]!.total).toBe(rec.total);
  });

  it('--unit where it cannot apply, --combine not .xlsx, -f wide --table: usage errors (exit 2)', SLOW, () => {
    for (const args of [
      ['-f', 'csv', '--table', '1', '--unit', 'wan'],
      ['-f', 'ndjson', '--unit', 'yuan'],
      ['--combine', 'all.csv'],
      ['-f', 'wide', '--table', '1'],
      ['-f', 'wide', '--tables', 'income'],
      ['-f', 'json', '--no-bom'],
    ]) {
      const r = run([SAMPLE, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^budget-extract: /u);
    }
    expect(run([SAMPLE, '-f', 'ndjson', '--records', '--unit', 'yuan']).status).toBe(0);
  });
});
