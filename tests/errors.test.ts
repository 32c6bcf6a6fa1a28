// Bad and hostile input, through the real command line (bin/budget-extract.js → dist/, built by `npm test`): one
// error kind each on inputs generated at test time (scripts/make-bad-inputs.mjs, into a temp folder), the limits
// (--timeout, --max-pages, --max-memory, a worker that dies), output safety, and a batch over the corpus with 20
// broken files mixed in.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as bad from '../scripts/make-bad-inputs.mjs';
import { EXIT } from '../src/cli/errors.js';
import { failureMessage, InputError, INPUT_ERROR_CODES } from '../src/errors.js';
import { CORPUS, hasCorpus } from './helpers/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/budget-extract.js');
const SLOW = { timeout: 120_000 };
const dist = (p: string) => path.join(ROOT, 'dist', p);
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-errors-'));
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function put(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

function run(args: string[], opts: { cwd?: string; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: opts.timeout ?? 120_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  const stderr = plain(r.stderr);
  return { status: r.status, stdout: r.stdout, stderr, lines: stderr.split(/\r?\n/).filter((l) => l.trim() !== '') };
}

interface Report {
  summary: { ok: number; refused: number; failed: number };
  files: { file: string; status: string; code?: string; reason?: string; outputs: string[] }[];
}
const readReport = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Report;

/** Runs one file; expects exit 1, nothing on stdout, one stderr line naming it; returns that line and the code. */
function refused(file: string, extra: string[] = []) {
  const report = path.join(dir, `report-${path.basename(file)}-${Math.random().toString(36).slice(2)}.json`);
  const r = run([file, '--report', report, ...extra]);
  expect(r.stdout).toBe('');
  expect(r.lines, r.stderr).toHaveLength(1);
  expect(r.lines[0]).toContain(path.basename(file));
  expect(r.lines[0]).not.toMatch(/\n\s+at /u);
  expect(r.status).toBe(EXIT.INPUT);
  const entry = readReport(report).files[0]!;
  return { line: r.lines[0]!, status: entry.status, code: entry.code };
}

describe('one message per kind of bad input', () => {
  it('every code has a message saying what to do', () => {
    for (const code of INPUT_ERROR_CODES) {
      const m = new InputError(code).message;
      expect(m.length, code).toBeGreaterThan(20);
      expect(m, code).toMatch(/;/u); // the reason; what to do
    }
    expect(new InputError('truncated', 'x').message).toMatch(/\(x\)$/u);
    expect(failureMessage('timeout', 'over 1 s')).toMatch(/--timeout.*\(over 1 s\)$/u);
    expect(EXIT).toEqual({ OK: 0, INPUT: 1, USAGE: 2, CHECKS: 3, INTERRUPTED: 130 });
  });

  it('an HTML page named .pdf: not_pdf, says it is HTML', SLOW, () => {
    const r = refused(put('download.pdf', bad.htmlPage()));
    expect(r).toMatchObject({ status: 'refused', code: 'not_pdf' });
    expect(r.line).toMatch(/not a PDF.*HTML/u);
  });

  it('an empty file: empty', SLOW, () => {
    expect(refused(put('zero.pdf', ''))).toMatchObject({ status: 'refused', code: 'empty' });
  });

  it('random bytes: not_pdf', SLOW, () => {
    const r = refused(put('noise.pdf', bad.randomBytes(4096, 9)));
    expect(r).toMatchObject({ status: 'refused', code: 'not_pdf' });
    expect(r.line).toMatch(/not a PDF/u);
  });

  it('a truncated fixture: truncated, with or without an end-of-file marker', SLOW, () => {
    expect(refused(put('cut.pdf', bad.truncated('sample-budget.pdf', 0.5)))).toMatchObject({ code: 'truncated' });
    const withEof = Buffer.concat([bad.truncated('sample-budget.pdf', 0.3), Buffer.from('\n%%EOF\n')]);
    const r = refused(put('cut-eof.pdf', withEof));
    expect(['truncated', 'unreadable']).toContain(r.code);
    expect(r.line).toMatch(/download it again/u);
  });

  it('an encrypted fixture: encrypted, --password; the right password opens it, a wrong one is named', SLOW, () => {
    const file = path.join(ROOT, 'fixtures/bad/encrypted.pdf');
    const r = refused(file);
    expect(r).toMatchObject({ status: 'refused', code: 'encrypted' });
    expect(r.line).toMatch(/--password/u);
    expect(refused(file, ['--password', 'wrong']).line).toMatch(/password given is wrong/u);
    const ok = run([file, '--password', 'secret']);
    expect(ok.status, ok.stderr).toBe(EXIT.OK);
    const doc = JSON.parse(ok.stdout) as { tables: { kind: string }[] };
    expect(doc.tables.length).toBeGreaterThan(0);
  });

  it('an image-only fixture: no_text_layer, says OCR', SLOW, () => {
    const r = refused(path.join(ROOT, 'fixtures/bad/scanned.pdf'));
    expect(r).toMatchObject({ status: 'refused', code: 'no_text_layer' });
    expect(r.line).toMatch(/OCR/u);
  });

  it('a Type3 font with made-up glyph names and no ToUnicode: unreadable_fonts', SLOW, async () => {
    const r = refused(put('type3.pdf', await bad.unmappedFont()));
    expect(r).toMatchObject({ status: 'refused', code: 'unreadable_fonts' });
    expect(r.line).toMatch(/Unicode mapping/u);
  });

  it('1000 pages with --max-pages 100: too_large, before any page is read', SLOW, async () => {
    const file = put('thousand.pdf', await bad.manyPages(1000));
    const r = refused(file, ['--max-pages', '100']);
    expect(r).toMatchObject({ status: 'refused', code: 'too_large' });
    expect(r.line).toMatch(/1000 pages, more than --max-pages 100/u);
  });

  it('a readable PDF without budget tables: a warning, exit 0, tables []', SLOW, async () => {
    const r = run([put('letter.pdf', await bad.textOnly(2))]);
    expect(r.status, r.stderr).toBe(EXIT.OK);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { tables: unknown[]; warnings: { message: string }[] };
    expect(doc.tables).toEqual([]);
    expect(doc.warnings.map((w) => w.message)).toContain('no tables found in this document');
  });

  it('a missing file and a folder given as a file: failed, one line each', SLOW, () => {
    const r = run([path.join(dir, 'nope.pdf'), '-f', 'ndjson']);
    expect(r.status).toBe(EXIT.INPUT);
    expect(r.lines).toEqual([`budget-extract: ${path.join(dir, 'nope.pdf')}: no such file`]);
  });
});

describe('limits', () => {
  it('--timeout: a file over it is stopped and reported; the batch goes on', SLOW, () => {
    const out = path.join(dir, 'timeout-out');
    const report = path.join(dir, 'timeout-report.json');
    // One file alone (the single-file path runs in a worker too) …
    const one = run([path.join(ROOT, 'fixtures/sample-budget.pdf'), '--timeout', '0.01']);
    expect(one.status).toBe(EXIT.INPUT);
    expect(one.stdout).toBe('');
    expect(one.lines).toHaveLength(1);
    expect(one.lines[0]).toMatch(/sample-budget\.pdf: reading it took too long.*--timeout.*over 0\.01 s/u);
    // … and in a batch with a generous limit every file is read.
    const r = run([
      path.join(ROOT, 'fixtures/sample-budget.pdf'),
      path.join(ROOT, 'fixtures/fill-rulings.pdf'),
      '-o',
      `${out}/`,
      '--timeout',
      '60',
      '--report',
      report,
      '--quiet',
    ]);
    expect(r.status, r.stderr).toBe(EXIT.OK);
    expect(readReport(report).summary.ok).toBe(2);
  });

  it('usage: --timeout and --max-memory take numbers', SLOW, () => {
    expect(run([path.join(ROOT, 'fixtures/sample-budget.pdf'), '--timeout', 'soon']).status).toBe(EXIT.USAGE);
    expect(run([path.join(ROOT, 'fixtures/sample-budget.pdf'), '--max-memory', '0']).status).toBe(EXIT.USAGE);
  });

  // Each limit is tested on its own, with the other out of reach: a memory test under a short time limit races it
  // on a loaded machine (the worker may still be starting when the clock runs out), so no case depends on timing.
  const hostileWorker = (): string =>
    put(
      'hostile-worker.mjs',
      `export default async function (task) {
      if (task.fileName === 'loop.pdf') { for (;;) {} }
      if (task.fileName === 'hang.pdf') return new Promise(() => {});
      if (task.fileName === 'oom.pdf') { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())); }
      if (task.fileName === 'crash.pdf') process.exit(3);
      if (task.fileName === 'throw-later.pdf') { setTimeout(() => { throw new Error('stray'); }, 0); await new Promise((r) => setTimeout(r, 50)); }
      return { status: 'ok', doc: { source: { file: task.fileName, pages: 1 } } };
    }\n`,
    );
  const runHostile = async (
    names: string[],
    limits: { timeoutSeconds: number; maxMemoryMb: number },
  ): Promise<Record<string, string>> => {
    const { runTasks } = (await import(dist('cli/batch.js'))) as typeof import('../src/cli/batch.js');
    const got: Record<string, string> = {};
    await runTasks(
      names.map((fileName) => ({ fileName })),
      { jobs: 2, workerFile: hostileWorker(), ...limits },
      (i, r) => {
        got[names[i]!] = r.status === 'ok' ? 'ok' : `${r.status} ${r.code}`;
      },
    );
    return got;
  };

  it(
    'a worker stuck in a loop or hung is terminated at the time limit, one that dies is replaced; the others finish',
    SLOW,
    async () => {
      const got = await runHostile(
        ['a.pdf', 'loop.pdf', 'b.pdf', 'hang.pdf', 'c.pdf', 'd.pdf', 'crash.pdf', 'throw-later.pdf', 'e.pdf'],
        { timeoutSeconds: 2, maxMemoryMb: 512 },
      );
      expect(got).toEqual({
        'a.pdf': 'ok',
        'b.pdf': 'ok',
        'c.pdf': 'ok',
        'd.pdf': 'ok',
        'e.pdf': 'ok',
        'loop.pdf': 'failed timeout',
        'hang.pdf': 'failed timeout',
        'crash.pdf': 'failed worker',
        'throw-later.pdf': 'failed worker',
      });
    },
  );

  it(
    'a worker that runs out of memory is stopped at the memory limit and replaced; the others finish',
    SLOW,
    async () => {
      // No time limit within reach: only the memory limit can end oom.pdf.
      const got = await runHostile(['a.pdf', 'oom.pdf', 'b.pdf', 'c.pdf'], { timeoutSeconds: 3600, maxMemoryMb: 64 });
      expect(got).toEqual({ 'a.pdf': 'ok', 'oom.pdf': 'failed out_of_memory', 'b.pdf': 'ok', 'c.pdf': 'ok' });
    },
  );

  it('the single-file path honours the time limit too (a worker of its own)', SLOW, async () => {
    const worker = put('loop-worker.mjs', 'export default function () { for (;;) {} }\n');
    const { runTasks } = (await import(dist('cli/batch.js'))) as typeof import('../src/cli/batch.js');
    const got: string[] = [];
    await runTasks(
      [{ fileName: 'x.pdf' }],
      { jobs: 1, inProcess: true, workerFile: worker, timeoutSeconds: 1 },
      (_, r) => {
        got.push(r.status === 'ok' ? 'ok' : `${r.status} ${r.code}`);
      },
    );
    expect(got).toEqual(['failed timeout']);
  });
});

describe('output safety', () => {
  it('pdf.js runs without eval and without network access', SLOW, async () => {
    const { PDFJS_PARAMS } = (await import(dist('pdf/open.js'))) as typeof import('../src/pdf/open.js');
    expect(PDFJS_PARAMS.isEvalSupported).toBe(false);
    expect(PDFJS_PARAMS.cMapUrl).not.toMatch(/^(https?|file):/u);
    expect(PDFJS_PARAMS.standardFontDataUrl).not.toMatch(/^(https?|file):/u);
    expect(fs.existsSync(PDFJS_PARAMS.cMapUrl)).toBe(true);
    const fetch = vi.fn(() => Promise.reject(new Error('no network')));
    vi.stubGlobal('fetch', fetch);
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    try {
      const { extract } = (await import(dist('extract.js'))) as typeof import('../src/extract.js');
      const doc = await extract(path.join(ROOT, 'fixtures/sample-budget.pdf'));
      expect(doc.tables.length).toBeGreaterThan(0);
      expect(fetch).not.toHaveBeenCalled();
      expect(connect).not.toHaveBeenCalled();
    } finally {
      connect.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('a failed file leaves no output, partial or temporary; names cannot leave -o DIR (../x.pdf)', SLOW, () => {
    const base = path.join(dir, 'names');
    const work = path.join(base, 'a', 'b');
    fs.mkdirSync(work, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'fixtures/sample-budget.pdf'), path.join(base, 'a', 'x.pdf'));
    fs.writeFileSync(path.join(base, 'a', 'y.pdf'), bad.truncated('sample-budget.pdf', 0.6));
    for (const format of ['json', 'csv', 'ndjson']) {
      const out = `out-${format}`;
      const r = run(['../x.pdf', '../y.pdf', '-f', format, '-o', `${out}/`, '--quiet'], { cwd: work });
      expect(r.status).toBe(EXIT.INPUT);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toMatch(/^budget-extract: \.\.\/y\.pdf: the PDF is truncated/u);
      const files = fs.readdirSync(path.join(work, out));
      expect(files.length).toBeGreaterThan(0);
      expect(
        files.every((f) => f.startsWith('x.')),
        files.join(' '),
      ).toBe(true);
      expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    }
    // Nothing was written beside the inputs or above the output folder.
    expect(fs.readdirSync(path.join(base, 'a')).sort()).toEqual(['b', 'x.pdf', 'y.pdf']);
    expect(fs.readdirSync(base)).toEqual(['a']);
  });

  it('one failed file to -o FILE: no file at all', SLOW, () => {
    const out = path.join(dir, 'single-out.json');
    const r = run([put('single-bad.pdf', bad.truncated('sample-budget.pdf', 0.5)), '-o', out]);
    expect(r.status).toBe(EXIT.INPUT);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)('a batch over the corpus with 20 broken files', () => {
  it('every good file written, every broken one named, exit 1', { timeout: 600_000 }, async () => {
    const inputs = path.join(dir, 'batch-in');
    const out = path.join(dir, 'batch-out');
    const report = path.join(dir, 'batch-report.json');
    const broken: string[] = [];
    for (const [name, bytes] of await bad.brokenSet(20))
      broken.push(put(path.join('batch-in', `broken-${name}`), bytes));
    expect(broken).toHaveLength(20);
    const corpusDir = path.join(CORPUS, 'pdf');
    const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as {
      documents: { id: string; notes?: string }[];
    };
    const refusedIds = new Set(manifest.documents.filter((d) => /expect=error/u.test(d.notes ?? '')).map((d) => d.id));
    const r = run([corpusDir, inputs, '-o', `${out}/`, '--jobs', '2', '--quiet', '--report', report], {
      timeout: 590_000,
    });
    expect(r.status).toBe(EXIT.INPUT);
    const files = readReport(report).files;
    const corpusFiles = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(corpusFiles.length + 20);
    for (const name of corpusFiles) {
      const id = name.replace(/\.pdf$/u, '');
      const entry = files.find((f) => f.file === path.join(corpusDir, name))!;
      if (refusedIds.has(id)) {
        expect(entry.status, name).toBe('refused');
        expect(
          r.lines.some((l) => l.startsWith(`budget-extract: ${entry.file}: `)),
          name,
        ).toBe(true);
      } else {
        expect(entry.status, `${name}: ${entry.reason}`).toBe('ok');
        expect(fs.existsSync(path.join(out, `${id}.json`)), name).toBe(true);
      }
    }
    for (const file of broken) {
      const entry = files.find((f) => f.file === file)!;
      expect(entry.status, path.basename(file)).toBe('refused');
      expect(
        r.lines.filter((l) => l.startsWith(`budget-extract: ${file}: `)),
        path.basename(file),
      ).toHaveLength(1);
      expect(fs.existsSync(path.join(out, `${path.basename(file, '.pdf')}.json`))).toBe(false);
    }
    expect(r.lines).toHaveLength(20 + refusedIds.size);
    expect(r.stderr).not.toMatch(/^\s+at /mu);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
