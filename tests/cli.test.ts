// The command line, run as a subprocess from the BUILT code (bin/budget-extract.js → dist/): `npm test` builds first.
// Inputs are the generated PDFs in fixtures/ (copied into a temp folder where a test writes or renames files).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableToCsv, csvFileName, TABLE_CSV_LEAD } from '../src/export/csv.js';
import { parseCsv } from './helpers/csv.js';
import { safeStem } from '../src/cli/inputs.js';
import { inside } from '../src/cli/output.js';
import { wantsColor } from '../src/cli/style.js';
import { exitCode, failedChecks, summarise } from '../src/cli/summary.js';
import type { ExtractedDocument, Table } from '../src/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/budget-extract.js');
const SLOW = { timeout: 120_000 };
const SAMPLE = 'fixtures/sample-budget.pdf';
// Generated fixtures for the batch (a fixed list, so counts do not move when fixtures are added).
const BATCH = ['sample-budget', 'fill-rulings', 'empty-table', 'stroke-rulings', 'wrapped-cells', 'rotated'];
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/u;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  raw: Buffer;
}

function run(args: string[], opts: { input?: Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    env: { ...process.env, ...opts.env },
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'budget-extract-cli-'));
/** Files under dir (relative paths, sorted), temp files included. */
const listing = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

let sample: ExtractedDocument;
beforeAll(() => {
  const r = run([SAMPLE]);
  expect(r.status, r.stderr).toBe(0);
  sample = JSON.parse(r.stdout) as ExtractedDocument;
  expect(sample.tables.length).toBeGreaterThan(3);
}, 120_000);

describe('json', () => {
  it('one input: compact JSON on stdout when it is not a terminal, nothing on stderr', SLOW, () => {
    const r = run([SAMPLE]);
    expect(r.status).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    expect(r.stderr).toBe('');
    expect(sample.source.file).toBe('sample-budget.pdf');
  });

  it('- reads the PDF from stdin', SLOW, () => {
    const r = run(['-'], { input: fs.readFileSync(path.join(ROOT, SAMPLE)) });
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ExtractedDocument;
    expect(doc.source.sha256).toBe(sample.source.sha256);
    expect(doc.tables).toEqual(sample.tables);
  });

  it('-o FILE writes the file (the same JSON), nothing on stdout, no temp file left', SLOW, () => {
    const dir = tmp();
    const r = run([SAMPLE, '-o', path.join(dir, 'out.json')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(listing(dir)).toEqual(['out.json']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'))).toEqual(sample);
  });

  it('-o DIR/ writes DIR/<stem>.json (creating DIR)', SLOW, () => {
    const dir = path.join(tmp(), 'new');
    const r = run([SAMPLE, '-o', `${dir}/`]);
    expect(r.status, r.stderr).toBe(0);
    expect(listing(dir)).toEqual(['sample-budget.json']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'sample-budget.json'), 'utf8'))).toEqual(sample);
  });

  it('--tables keeps only the kinds named', SLOW, () => {
    const r = run([SAMPLE, '--tables', 'income,expenditure']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ExtractedDocument;
    expect(doc.tables).toEqual(sample.tables.filter((t) => t.kind === 'income' || t.kind === 'expenditure'));
    expect(doc.tables.length).toBeGreaterThanOrEqual(2);
  });
});

describe('csv', () => {
  it(
    '-o DIR/ writes one file per table named <stem>.<nn>-<kind>.csv: BOM, document columns, then the table',
    SLOW,
    () => {
      const dir = tmp();
      const r = run([SAMPLE, '-f', 'csv', '-o', `${dir}/`]);
      expect(r.status, r.stderr).toBe(0);
      const names = sample.tables.map((t, i) => csvFileName('sample-budget', i, t.kind));
      expect(names[0]).toBe(`sample-budget.01-${sample.tables[0]!.kind}.csv`);
      expect(listing(dir)).toEqual([...names].sort());
      sample.tables.forEach((t, i) => {
        const text = fs.readFileSync(path.join(dir, names[i]!), 'utf8');
        // Files are for Excel: a byte order mark so it reads UTF-8.
        expect(text.startsWith('\uFEFF')).toBe(true);
        const rows = parseCsv(text.slice(1));
        expect(rows[0]).toEqual([...TABLE_CSV_LEAD, ...t.columns]);
        const lead = TABLE_CSV_LEAD.length;
        expect(rows.slice(1).map((row) => row.slice(lead))).toEqual(t.rows);
        rows.slice(1).forEach((row, k) => {
          expect(row.slice(0, lead)).toEqual([
            SAMPLE,
            sample.document.department,
            String(sample.document.year),
            '预算',
            '部门',
            t.title,
            t.unit,
            String(t.rowPages[k]),
          ]);
        });
      });
      // --no-bom: none.
      const plain = tmp();
      expect(run([SAMPLE, '-f', 'csv', '-o', `${plain}/`, '--no-bom']).status).toBe(0);
      expect(fs.readFileSync(path.join(plain, names[0]!), 'utf8').startsWith('file,')).toBe(true);
    },
  );

  it('--table KIND and --table N put one table on stdout', SLOW, () => {
    const n = sample.tables.findIndex((t) => t.kind === 'expenditure');
    expect(n).toBeGreaterThanOrEqual(0);
    const t = sample.tables[n]!;
    const byKind = run([SAMPLE, '-f', 'csv', '--table', 'expenditure']);
    expect(byKind.status, byKind.stderr).toBe(0);
    const byNumber = run([SAMPLE, '-f', 'csv', '--table', String(n + 1)]);
    expect(byNumber.stdout).toBe(byKind.stdout);
    // On stdout no byte order mark (a pipe, not Excel).
    const header = byKind.stdout.split('\r\n')[0]!;
    expect(t.columns.some((c) => /[",\n]/u.test(c))).toBe(false);
    expect(header).toBe([...TABLE_CSV_LEAD, ...t.columns].join(','));
    const lead = TABLE_CSV_LEAD.length;
    expect(
      parseCsv(byKind.stdout)
        .slice(1)
        .map((row) => row.slice(lead)),
    ).toEqual(t.rows);
  });

  it('--table naming a table the document lacks: exit 1, the file and the reason on stderr', SLOW, () => {
    const r = run([SAMPLE, '-f', 'csv', '--table', '99']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/sample-budget\.pdf: no table 99/u);
  });

  it('--tables in a folder writes only those kinds', SLOW, () => {
    const dir = tmp();
    const r = run([SAMPLE, '-f', 'csv', '-o', `${dir}/`, '--tables', 'income']);
    expect(r.status, r.stderr).toBe(0);
    const want = sample.tables.flatMap((t, i) =>
      t.kind === 'income' ? [csvFileName('sample-budget', i, t.kind)] : [],
    );
    expect(want.length).toBeGreaterThan(0);
    expect(listing(dir)).toEqual(want);
  });

  it('--bom starts the file with a UTF-8 byte order mark', SLOW, () => {
    const r = run([SAMPLE, '-f', 'csv', '--table', '1', '--bom']);
    expect(r.status, r.stderr).toBe(0);
    expect([...r.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = run([SAMPLE, '-f', 'csv', '--table', '1']);
    expect(r.raw.subarray(3).equals(plain.raw)).toBe(true);
  });

  it('--numbers plain: amounts without separators, other cells as printed', SLOW, () => {
    const t = sample.tables.find((x) => x.kind === 'expenditure')!;
    const raw = parseCsv(run([SAMPLE, '-f', 'csv', '--table', 'expenditure']).stdout);
    const plain = parseCsv(run([SAMPLE, '-f', 'csv', '--table', 'expenditure', '--numbers', 'plain']).stdout);
    expect(plain[0]).toEqual([...TABLE_CSV_LEAD, ...t.columns]);
    let amounts = 0;
    raw.slice(1).forEach((row, r) =>
      row.forEach((cell, c) => {
        const got = plain[r + 1]![c]!;
        if (/^\d{1,3}(,\d{3})+\.\d+$/u.test(cell)) {
          amounts++;
          expect(got).toBe(cell.replace(/,/gu, ''));
        } else if (!/^\d/u.test(cell)) expect(got).toBe(cell);
      }),
    );
    expect(amounts).toBeGreaterThan(5);
  });

  it('without --table or a folder: usage error, exit 2', SLOW, () => {
    const r = run([SAMPLE, '-f', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/-o DIR\//u);
  });
});

describe('csv exporter (synthetic table)', () => {
  const table: Pick<Table, 'columns' | 'rows'> = {
    columns: ['项目/名称', '目标, 说明', '金额'],
    rows: [['培训"项目"', '第一行\n第二行', '1,234.50'], ['plain', '', '(12.00)'], ['short']],
  };

  it('quotes an embedded newline, comma and quote (RFC 4180, CRLF records); pads short rows', () => {
    expect(tableToCsv(table)).toBe(
      '项目/名称,"目标, 说明",金额\r\n' +
        '"培训""项目""","第一行\n第二行","1,234.50"\r\n' +
        'plain,,(12.00)\r\n' +
        'short,,\r\n',
    );
    expect(parseCsv(tableToCsv(table))).toEqual([table.columns, ...table.rows.slice(0, 2), ['short', '', '']]);
  });

  it('a bare CR is quoted too', () => {
    expect(tableToCsv({ columns: ['a'], rows: [['x\ry']] })).toBe('a\r\n"x\ry"\r\n');
  });

  it('--numbers plain and --bom', () => {
    expect(tableToCsv(table, { numbers: 'plain', bom: true })).toBe(
      '\uFEFF项目/名称,"目标, 说明",金额\r\n' +
        '"培训""项目""","第一行\n第二行",1234.50\r\n' +
        'plain,,-12.00\r\n' +
        'short,,\r\n',
    );
  });
});

describe('ndjson', () => {
  it('one line per row, each parsing and carrying file, kind, title, page and unit', SLOW, () => {
    const r = run([SAMPLE, '-f', 'ndjson']);
    expect(r.status, r.stderr).toBe(0);
    const objs = lines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objs).toHaveLength(sample.tables.reduce((n, t) => n + t.rows.length, 0));
    for (const o of objs) {
      const t = sample.tables[(o.table as number) - 1]!;
      expect(o).toMatchObject({ file: SAMPLE, kind: t.kind, title: t.title, page: t.pages[0], unit: t.unit });
      const row = t.rows[(o.row as number) - 1]!;
      expect(Object.values(o.cells as Record<string, string>)).toEqual(
        Array.from({ length: Math.max(t.columns.length, row.length) }, (_, i) => row[i] ?? ''),
      );
    }
    expect(Object.keys(objs[0]!.cells as object)[0]).toBe(sample.tables[0]!.columns[0]);
  });

  it('--records: one line per record of the tables that have records (none for those without)', SLOW, () => {
    const r = run([SAMPLE, '-f', 'ndjson', '--records']);
    expect(r.status, r.stderr).toBe(0);
    const objs = lines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    const withRecords = sample.tables.map((t) => (t as Table & { records?: unknown[] }).records);
    expect(objs).toHaveLength(withRecords.reduce((n: number, rs) => n + (Array.isArray(rs) ? rs.length : 0), 0));
    for (const o of objs) {
      const i = (o.table as number) - 1;
      expect(o).toMatchObject({ file: SAMPLE, kind: sample.tables[i]!.kind, title: sample.tables[i]!.title });
      expect(withRecords[i]).toContainEqual(o.record);
    }
  });
});

describe('inspect', () => {
  it(
    'prints JSON when stdout is not a terminal: kind, title, pages, rows, unit of each table, and the warnings',
    SLOW,
    () => {
      const r = run(['inspect', SAMPLE]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { file: string; tables: Record<string, unknown>[]; warnings: unknown[] };
      expect(out.file).toBe('sample-budget.pdf');
      expect(out.tables).toEqual(
        sample.tables.map((t, i) => ({
          n: i + 1,
          kind: t.kind,
          title: t.title,
          label: t.label,
          pages: t.pages,
          rows: t.rows.length,
          unit: t.unit,
          empty: t.empty,
        })),
      );
      expect(out.warnings).toEqual(sample.warnings);
    },
  );

  it('a file it cannot read: exit 1, one line on stderr', SLOW, () => {
    const r = run(['inspect', 'fixtures/bad/scanned.pdf']);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/scanned\.pdf: .*OCR/u);
  });
});

describe('batch', () => {
  let src: string;
  let out: string;
  let first: Run;
  const good = BATCH.map((n) => `${n}.pdf`);

  beforeAll(() => {
    src = tmp();
    for (const f of good) fs.copyFileSync(path.join(ROOT, 'fixtures', f), path.join(src, f));
    fs.copyFileSync(path.join(ROOT, 'fixtures/bad/truncated.pdf'), path.join(src, 'corrupt.pdf'));
    out = path.join(tmp(), 'out');
    first = run([src, '-o', `${out}/`, '--report', path.join(out, '..', 'report.json'), '--jobs', '2']);
  }, 180_000);

  afterAll(() => {
    for (const d of [src, path.dirname(out)]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('writes every readable file, exits 1, names the bad one on stderr, leaves no output for it', () => {
    expect(first.status, first.stderr).toBe(1);
    expect(first.stdout).toBe('');
    expect(listing(out)).toEqual(BATCH.map((n) => `${n}.json`).sort());
    const docs = BATCH.map(
      (n) => JSON.parse(fs.readFileSync(path.join(out, `${n}.json`), 'utf8')) as ExtractedDocument,
    );
    expect(docs.map((d) => d.source.file)).toEqual(good);
    const errors = lines(first.stderr).filter((l) => !/ files: /u.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/corrupt\.pdf: .*(truncated|corrupt)/u);
  });

  it('ends with a summary on stderr: files ok / refused / failed, tables, time', () => {
    const docs = BATCH.map(
      (n) => JSON.parse(fs.readFileSync(path.join(out, `${n}.json`), 'utf8')) as ExtractedDocument,
    );
    const tables = docs.reduce((n, d) => n + d.tables.length, 0);
    const last = lines(first.stderr).at(-1)!;
    expect(last).toMatch(
      new RegExp(
        `^budget-extract: 7 files: 6 ok, 1 refused, 0 failed; ${tables} tables, \\d+ pages in [\\d.]+ s$`,
        'u',
      ),
    );
  });

  it('--report lists each file with its status, reason, tables and outputs', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, '..', 'report.json'), 'utf8')) as {
      summary: ReturnType<typeof summarise>;
      files: { file: string; status: string; code?: string; reason?: string; tables: number; outputs: string[] }[];
    };
    expect(report.summary).toMatchObject({ files: 7, ok: 6, refused: 1, failed: 0, skipped: 0, checksFailed: 0 });
    const bad = report.files.find((f) => f.file.endsWith('corrupt.pdf'))!;
    expect(bad).toMatchObject({ status: 'refused', code: 'truncated', tables: 0, outputs: [] });
    expect(bad.reason).toMatch(/truncated|corrupt/u);
    for (const n of BATCH) {
      const f = report.files.find((x) => x.file === path.join(src, `${n}.pdf`))!;
      expect(f.status).toBe('ok');
      expect(f.outputs).toEqual([path.join(out, `${n}.json`)]);
      const doc = JSON.parse(fs.readFileSync(f.outputs[0]!, 'utf8')) as ExtractedDocument;
      expect(f.tables).toBe(doc.tables.length);
    }
  });

  it('no progress bar and no colour when stderr is not a terminal (even with FORCE_COLOR)', SLOW, () => {
    expect(first.stderr).not.toMatch(ANSI);
    expect(first.stderr).not.toMatch(/ETA|pages\/s|░|█/u);
    const r = run([src, '-f', 'ndjson', '-q'], { env: { FORCE_COLOR: '3' } });
    expect(r.stderr).not.toMatch(ANSI);
    expect(r.stdout).not.toMatch(ANSI);
    expect(lines(r.stderr)).toHaveLength(1); // --quiet: the error line only, no summary
  });

  it('--skip-existing reads only the inputs whose output is missing', SLOW, () => {
    fs.rmSync(path.join(out, 'rotated.json'));
    const marker = path.join(out, 'sample-budget.json');
    fs.writeFileSync(marker, 'kept');
    const report = path.join(path.dirname(out), 'report2.json');
    const r = run([src, '-o', `${out}/`, '--skip-existing', '--report', report]);
    expect(r.status, r.stderr).toBe(1); // the corrupt file has no output, so it is tried (and refused) again
    expect(fs.readFileSync(marker, 'utf8')).toBe('kept');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'rotated.json'), 'utf8')).source.file).toBe('rotated.pdf');
    const files = (JSON.parse(fs.readFileSync(report, 'utf8')) as { files: { file: string; status: string }[] }).files;
    expect(Object.fromEntries(files.map((f) => [path.basename(f.file), f.status]))).toEqual({
      'corrupt.pdf': 'refused',
      'empty-table.pdf': 'skipped',
      'fill-rulings.pdf': 'skipped',
      'rotated.pdf': 'ok',
      'sample-budget.pdf': 'skipped',
      'stroke-rulings.pdf': 'skipped',
      'wrapped-cells.pdf': 'skipped',
    });
    expect(lines(r.stderr).at(-1)).toMatch(/7 files: 1 ok, 1 refused, 0 failed, 5 skipped/u);
  });

  it('--jobs 1 and --jobs 2 give byte-identical outputs (ndjson stream in input order, csv files)', SLOW, () => {
    const a = run([src, '-f', 'ndjson', '--jobs', '1']);
    const b = run([src, '-f', 'ndjson', '--jobs', '2']);
    expect(a.status).toBe(1);
    expect(b.status).toBe(1);
    expect(a.raw.length).toBeGreaterThan(1000);
    expect(a.raw.equals(b.raw)).toBe(true);
    const files = lines(a.stdout).map((l) => (JSON.parse(l) as { file: string }).file);
    expect([...new Set(files)]).toEqual(BATCH.map((n) => path.join(src, `${n}.pdf`)).sort()); // input (folder) order
    const d1 = tmp(),
      d2 = tmp();
    run([src, '-f', 'csv', '-o', `${d1}/`, '--jobs', '1']);
    run([src, '-f', 'csv', '-o', `${d2}/`, '--jobs', '2']);
    expect(listing(d1)).toEqual(listing(d2));
    expect(listing(d1).length).toBeGreaterThan(BATCH.length);
    for (const f of listing(d1))
      expect(fs.readFileSync(path.join(d1, f)).equals(fs.readFileSync(path.join(d2, f)))).toBe(true);
  });

  it('same-named files in different folders get distinct outputs', SLOW, () => {
    const base = tmp();
    for (const sub of ['a', 'b']) {
      fs.mkdirSync(path.join(base, sub));
      fs.copyFileSync(path.join(ROOT, 'fixtures/fill-rulings.pdf'), path.join(base, sub, 'x.pdf'));
    }
    const r = run([path.join(base, 'a/x.pdf'), path.join(base, 'b/x.pdf'), '-o', `${path.join(base, 'out')}/`]);
    expect(r.status, r.stderr).toBe(0);
    expect(listing(path.join(base, 'out'))).toEqual(['x-2.json', 'x.json']);
  });
});

describe('worker pool', () => {
  it(
    'an error thrown in a worker, and a worker that dies, are per-file failures; the others finish',
    SLOW,
    async () => {
      const dir = tmp();
      const worker = path.join(dir, 'worker.mjs');
      fs.writeFileSync(
        worker,
        `export default async function (task) {
        if (task.fileName === 'crash.pdf') process.exit(7);
        if (task.fileName === 'throw.pdf') throw new Error('boom');
        return { status: 'ok', doc: { source: { file: task.fileName, pages: 1 } } };
      }\n`,
      );
      const { runTasks } = (await import(path.join(ROOT, 'dist/cli/batch.js'))) as typeof import('../src/cli/batch.js');
      const results: Record<string, string> = {};
      const names = ['a.pdf', 'crash.pdf', 'b.pdf', 'throw.pdf', 'c.pdf'];
      await runTasks(
        names.map((fileName) => ({ fileName })),
        { jobs: 2, workerFile: worker },
        (i, r) => {
          results[names[i]!] = r.status === 'ok' ? 'ok' : `${r.status}: ${r.reason}`;
        },
      );
      expect(results['a.pdf']).toBe('ok');
      expect(results['b.pdf']).toBe('ok');
      expect(results['c.pdf']).toBe('ok');
      expect(results['crash.pdf']).toMatch(/^failed: the worker reading it failed/u);
      expect(results['throw.pdf']).toMatch(/^failed: .*boom/u);
    },
  );

  it('the real worker reports a bad file as refused, not as a throw', SLOW, async () => {
    const { runTasks } = (await import(path.join(ROOT, 'dist/cli/batch.js'))) as typeof import('../src/cli/batch.js');
    const got: string[] = [];
    await runTasks(
      [
        { path: path.join(ROOT, 'fixtures/bad/not-a-pdf.pdf'), fileName: 'not-a-pdf.pdf' },
        { path: path.join(ROOT, 'nope.pdf'), fileName: 'nope.pdf' },
      ],
      { jobs: 2 },
      (i, r) => {
        got[i] = r.status === 'ok' ? 'ok' : `${r.status} ${r.code}`;
      },
    );
    expect(got).toEqual(['refused not_pdf', 'failed not_found']);
  });
});

describe('output names and exit codes', () => {
  it('stems cannot leave the output folder', () => {
    expect(safeStem('../x.pdf')).toBe('x');
    expect(safeStem('..\\..\\x.PDF')).toBe('x');
    expect(safeStem('..')).toBe('document');
    expect(safeStem('a:b*c?.pdf')).toBe('a_b_c_');
    expect(safeStem('/tmp/2025年 部门预算.pdf')).toBe('2025年 部门预算');
    expect(() => inside('/out', '../x.json')).toThrow();
    expect(inside('/out', 'x.json')).toBe(path.join('/out', 'x.json'));
  });

  it('colour only on a terminal and never with NO_COLOR', () => {
    expect(wantsColor({ isTTY: true }, {})).toBe(true);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor({ isTTY: false }, {})).toBe(false);
    expect(wantsColor({}, { FORCE_COLOR: '3' })).toBe(false);
  });

  it('--strict: exit 3 when a document reports failed checks, 1 wins over 3, 0 otherwise', () => {
    const doc = (failed?: number) =>
      ({ checks: failed === undefined ? undefined : { summary: { failed } } }) as unknown as ExtractedDocument;
    expect(failedChecks(doc(2))).toBe(2);
    expect(failedChecks(doc())).toBe(0);
    const file = (status: 'ok' | 'failed', checksFailed: number) => ({
      file: 'x',
      status,
      tables: 1,
      outputs: [],
      checksFailed,
    });
    expect(exitCode(summarise([file('ok', 2)], 1), true)).toBe(3);
    expect(exitCode(summarise([file('ok', 2)], 1), false)).toBe(0);
    expect(exitCode(summarise([file('ok', 2), file('failed', 0)], 1), true)).toBe(1);
    expect(exitCode(summarise([file('ok', 0)], 1), true)).toBe(0);
  });

  it('--strict on documents without failed checks exits 0', SLOW, () => {
    expect(run([SAMPLE, '--strict']).status).toBe(0);
  });

  it('--help exits 0 with examples and the exit codes', SLOW, () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:/u);
    expect(r.stdout).toMatch(/budget-extract report\.pdf -f csv -o out\//u);
    expect(r.stdout).toMatch(/--strict/u);
    expect(r.stdout).toMatch(/3 \(with --strict\)/u);
  });

  const usage: [string, string[]][] = [
    ['no input', []],
    ['an unknown option', [SAMPLE, '--bogus']],
    ['an unknown format', [SAMPLE, '-f', 'xml']],
    ['an unknown table kind', [SAMPLE, '--tables', 'income,nope']],
    ['--jobs 0', [SAMPLE, '--jobs', '0']],
    ['--numbers other', [SAMPLE, '--numbers', 'rounded']],
    ['several inputs as json without -o DIR/', [SAMPLE, 'fixtures/fill-rulings.pdf']],
    [
      'several inputs as json into one file',
      [SAMPLE, 'fixtures/fill-rulings.pdf', '-o', path.join(os.tmpdir(), 'x.json')],
    ],
    ['--skip-existing without -o', [SAMPLE, '--skip-existing']],
    ['--table with --tables', [SAMPLE, '--table', '1', '--tables', 'income']],
    ['a folder with no PDF', ['src/cli']],
    ['inspect without a file', ['inspect']],
  ];
  for (const [what, args] of usage) {
    it(`exit 2 on ${what}`, SLOW, () => {
      const r = run(args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/error|budget-extract: /u);
    });
  }
});
