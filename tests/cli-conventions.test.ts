// Command-line conventions (tabula-java, Camelot, csvkit, jq): --version, --pages, `help [command]`, kinds named in
// Chinese, a progress bar in the summary's words with an ETA weighed by file size, Ctrl-C in a batch, error lines
// printed whole. The CLI runs as a subprocess from the BUILT code (bin/budget-extract.js → dist/: `npm run build`).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Progress } from '../src/cli/progress.js';
import { parsePages } from '../src/cli/pages.js';
import { summarise, summaryLine, type FileReport, type Summary } from '../src/cli/summary.js';
import { styleFor } from '../src/cli/style.js';
import { extract, formatPageList } from '../src/extract.js';
import { InputError } from '../src/errors.js';
import { KINDS, KindNameError, TABLE_KINDS, kindByName } from '../src/kinds/registry.js';
import type { ExtractedDocument } from '../src/types.js';
import { CORPUS, hasCorpus } from './helpers/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/budget-extract.js');
const SLOW = { timeout: 180_000 };
const SAMPLE = 'fixtures/sample-budget.pdf';
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Run {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 120_000, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'budget-extract-conv-'));
const doc = (r: Run) => JSON.parse(r.stdout) as ExtractedDocument;

describe('--version', () => {
  it('prints the package.json version and exits 0, on every command', SLOW, () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/u);
    for (const args of [['--version'], ['-V'], ['check', '--version'], ['inspect', '-V'], ['show', '--version']]) {
      const r = run(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toBe(`${VERSION}\n`);
      expect(r.stderr).toBe('');
    }
  });
});

describe('help [command]', () => {
  it('help alone is the main help; its usage line names every command', SLOW, () => {
    const help = run(['help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(run(['--help']).stdout);
    const usage = help.stdout.split('\n')[0]!;
    expect(usage).toBe(
      'Usage: budget-extract [extract] [options] <input...> | inspect <file> | check <input...> | show <file> | help [command]',
    );
    expect(help.stdout).toMatch(/^ {2}help \[command\] +the help of a command/mu);
  });

  it('help check / show / inspect / extract print that command’s help', SLOW, () => {
    for (const name of ['check', 'show', 'inspect']) {
      const r = run(['help', name]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(run([name, '--help']).stdout);
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: budget-extract ${name} `, 'u'));
    }
    expect(run(['help', 'extract']).stdout).toBe(run(['--help']).stdout);
  });

  it('help with an unknown command: exit 2 naming the commands', SLOW, () => {
    const r = run(['help', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'budget-extract: no command "nope"; commands: extract, inspect, check, show, help (see --help)\n',
    );
  });

  it('extract may be named', SLOW, () => {
    const r = run(['extract', SAMPLE, '--tables', 'income']);
    expect(r.status, r.stderr).toBe(0);
    expect(doc(r).tables.map((t) => t.kind)).toEqual(['income']);
  });
});

describe('--pages', () => {
  it('parses 1-based pages, ranges and lists into sorted unique numbers', () => {
    expect(parsePages('3-7,12')).toEqual([3, 4, 5, 6, 7, 12]);
    expect(parsePages('12, 3 - 4,3')).toEqual([3, 4, 12]);
    expect(parsePages('5')).toEqual([5]);
    expect(() => parsePages('0')).toThrow('pages count from 1: "0" has page 0');
    expect(() => parsePages('7-3')).toThrow('"7-3" runs backwards: write 3-7');
    expect(() => parsePages('x')).toThrow('"x" is not a page or a range');
    expect(() => parsePages('1,,2')).toThrow('an empty item is not a page or a range');
    expect(formatPageList([3, 4, 5, 6, 7, 12])).toBe('3-7, 12');
    expect(formatPageList([1, 3])).toBe('1, 3');
  });

  it('extract(input, { pages }) reads only those pages and says so; none given: no such warning', SLOW, async () => {
    const all = await extract(path.join(ROOT, SAMPLE));
    expect(all.tables.map((t) => [t.kind, t.pages])).toEqual([
      ['income_expenditure_summary', [2]],
      ['income', [3]],
      ['expenditure', [4]],
      ['three_public', [5]],
    ]);
    expect(all.warnings.some((w) => /only page/u.test(w.message))).toBe(false);
    const some = await extract(path.join(ROOT, SAMPLE), { pages: [5, 3, 3] });
    expect(some.tables.map((t) => [t.kind, t.pages])).toEqual([
      ['income', [3]],
      ['three_public', [5]],
    ]);
    expect(some.tables[0]!.rows).toEqual(all.tables[1]!.rows);
    expect(some.source.pages).toBe(5);
    expect(some.warnings[0]).toEqual({ message: 'only pages 3, 5 of 5 were read: a table running past them is cut' });
    const err = await extract(path.join(ROOT, SAMPLE), { pages: [4, 6, 7] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('no_such_page');
    expect((err as InputError).message).toMatch(/\(pages 6-7 asked for; it has 5 pages\)$/u);
  });

  it('extraction, check and inspect read only the pages given', SLOW, () => {
    const r = run([SAMPLE, '--pages', '2-3']);
    expect(r.status, r.stderr).toBe(0);
    expect(doc(r).tables.map((t) => t.kind)).toEqual(['income_expenditure_summary', 'income']);
    expect(doc(r).warnings[0]!.message).toBe('only pages 2-3 of 5 were read: a table running past them is cut');
    const inspect = run(['inspect', SAMPLE, '--pages', '5']);
    expect(inspect.status, inspect.stderr).toBe(0);
    expect(JSON.parse(inspect.stdout).tables.map((t: { kind: string }) => t.kind)).toEqual(['three_public']);
    const check = run(['check', '--json', SAMPLE, '--pages', '2,5']);
    expect(check.status, check.stderr).toBe(0);
    const json = JSON.parse(check.stdout) as {
      files: { status: string; checks: { results: { page: number | null }[] } }[];
    };
    expect(json.files.map((f) => f.status)).toEqual(['ok']);
    const results = json.files[0]!.checks.results;
    expect(Array.isArray(results)).toBe(true);
    // Only the tables of the pages asked for are read, so checked.
    expect(results.every((r) => r.page === 2 || r.page === 5)).toBe(true);
  });

  const bad: [string, string][] = [
    ['0', 'pages count from 1: "0" has page 0'],
    ['7-3', '"7-3" runs backwards: write 3-7'],
    ['x', '"x" is not a page or a range: give 1-based pages like 3-7,12'],
  ];
  for (const [spec, message] of bad) {
    it(`--pages ${spec}: usage error, exit 2, on extraction, check and show`, SLOW, () => {
      for (const args of [[SAMPLE], ['check', SAMPLE], ['show', SAMPLE, '--all', '-o', 'x/']]) {
        const r = run([...args, '--pages', spec]);
        expect(r.status, r.stderr).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(`option '--pages <list>' argument '${spec}' is invalid. ${message}`);
      }
    });
  }

  it('pages beyond the document: a clear message (exit 1 for a document, 2 for show)', SLOW, () => {
    const r = run([SAMPLE, '--pages', '4-9']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `budget-extract: ${SAMPLE}: the document does not have the pages asked for; check --pages against its page count (pages 6-9 asked for; it has 5 pages)\n`,
    );
    const check = run(['check', SAMPLE, '--pages', '6']);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/\(page 6 asked for; it has 5 pages\)\n$/u);
    const show = run(['show', SAMPLE, '--html', '-o', path.join(tmp(), 'r.html'), '--pages', '2,8']);
    expect(show.status).toBe(2);
    expect(show.stderr).toBe('budget-extract: --pages: no page 8; the document has 5 pages (see --help)\n');
  });

  it('show --all --pages draws exactly those pages; --pages needs --all or --html', SLOW, () => {
    const dir = tmp();
    const r = run(['show', SAMPLE, '--all', '-o', `${dir}/`, '--pages', '1,3', '--scale', '0.5']);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['sample-budget.p1.png', 'sample-budget.p3.png']);
    expect(r.stdout).toBe(`${path.join(dir, 'sample-budget.p1.png')}\n${path.join(dir, 'sample-budget.p3.png')}\n`);
    const alone = run(['show', SAMPLE, '--pages', '2']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/--pages picks the pages drawn by --all or --html/u);
    expect(run(['show', SAMPLE, '--page', '2', '--pages', '2', '--html']).status).toBe(2);
  });
});

describe('kinds named in Chinese', () => {
  it('kindByName resolves keys, Chinese names and short aliases', () => {
    expect(kindByName('three_public')).toBe('three_public');
    expect(kindByName('三公')).toBe('three_public');
    expect(kindByName('三公经费')).toBe('three_public');
    expect(kindByName('“三公”经费支出表')).toBe('three_public');
    expect(kindByName('政府性基金三公')).toBe('government_fund_three_public');
    expect(kindByName('支出总表')).toBe('expenditure');
    expect(kindByName('收支总表')).toBe('income_expenditure_summary');
    expect(kindByName('收入总表')).toBe('income');
    expect(kindByName('项目支出')).toBe('project_expenditure');
    expect(kindByName('项目绩效')).toBe('project_performance');
    expect(kindByName('整体绩效')).toBe('overall_performance');
    expect(kindByName('政府采购')).toBe('procurement');
    expect(kindByName('基本支出')).toBe('basic_expenditure');
    expect(kindByName('一般公共预算')).toBe('general_public_expenditure');
    expect(kindByName('政府性基金')).toBe('government_fund');
    expect(kindByName('国有资本经营')).toBe('state_capital');
    expect(kindByName('财政拨款收支总表')).toBe('fiscal_summary');
    expect(kindByName(' 采购 ')).toBe('procurement'); // contained in one kind's names only
  });

  it('every key, Chinese name and alias names one kind only', () => {
    const owner = new Map<string, string>();
    for (const kind of TABLE_KINDS) {
      for (const name of new Set([kind, KINDS[kind].name, ...KINDS[kind].aliases])) {
        expect(owner.get(name), `${name}: ${kind} and ${owner.get(name)}`).toBeUndefined();
        owner.set(name, kind);
        expect(kindByName(name)).toBe(kind);
      }
    }
  });

  it('an ambiguous or unknown name is an error listing kinds with their Chinese names', () => {
    expect(() => kindByName('绩效')).toThrow(
      'table kind "绩效" is ambiguous: it could be project_performance (项目支出绩效目标表), overall_performance (部门整体支出绩效目标表)',
    );
    const unknown = (() => {
      try {
        kindByName('nope');
      } catch (e) {
        return e;
      }
    })();
    expect(unknown).toBeInstanceOf(KindNameError);
    expect((unknown as Error).message).toMatch(
      /^unknown table kind "nope"; kinds: income_expenditure_summary \(收支总表\), /u,
    );
    expect((unknown as Error).message).toContain('three_public (“三公”经费支出表)');
  });

  it('--tables and --table take Chinese names; the help lists kinds with them', SLOW, () => {
    const r = run([SAMPLE, '--tables', '三公,支出总表']);
    expect(r.status, r.stderr).toBe(0);
    expect(doc(r).tables.map((t) => t.kind)).toEqual(['expenditure', 'three_public']);
    const csv = run([SAMPLE, '-f', 'csv', '--table', '三公']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout).toBe(run([SAMPLE, '-f', 'csv', '--table', 'three_public']).stdout);
    const inspect = run(['inspect', SAMPLE, '--tables', '收入总表']);
    expect(JSON.parse(inspect.stdout).tables.map((t: { kind: string }) => t.kind)).toEqual(['income']);
    const amb = run([SAMPLE, '--tables', '绩效']);
    expect(amb.status).toBe(2);
    expect(amb.stderr).toContain(
      'table kind "绩效" is ambiguous: it could be project_performance (项目支出绩效目标表)',
    );
    const help = run(['--help']).stdout;
    expect(help).toMatch(/^ {2}three_public +“三公”经费支出表 +\(三公, 三公经费, /mu);
    expect(help).toMatch(/^ {2}expenditure +支出总表 /mu);
    expect(run(['help', 'check']).stdout).toMatch(/^ {2}procurement +政府采购预算表/mu);
  });
});

/** A terminal stand-in that keeps what is written to it. */
function fakeTerminal(columns = 80) {
  const out: string[] = [];
  return { stream: { isTTY: true, columns, write: (s: string) => out.push(s) }, text: () => out.join('') };
}

describe('progress bar', () => {
  it('counts ok / refused / failed as the summary does, and fills by bytes, not files', () => {
    const t = fakeTerminal(200);
    const p = new Progress([1000, 10, 10, undefined], true, t.stream);
    p.done(0, 40, 'ok');
    p.stop();
    const first = t.text();
    // 1000 of 1030 bytes (the unknown size weighs as the average known one, 340): 97% of the bar after 1 of 4 files.
    expect(first).toMatch(/1\/4 files \| 1 ok, 0 refused, 0 failed \| [\d.]+ pages\/s \| ETA \S+/u);
    const bar = /([█░]{40})/u.exec(first)![1]!;
    expect(bar.split('█').length - 1).toBe(Math.round((1000 / 1360) * 40));

    const u = fakeTerminal(200);
    const q = new Progress([10, 10, 10], true, u.stream);
    q.done(0, 3, 'ok');
    q.done(1, 0, 'refused');
    q.done(2, 0, 'failed');
    q.stop();
    expect(u.text()).toMatch(/3\/3 files \| 1 ok, 1 refused, 1 failed \| /u);
  });

  it('a long error line logged above the bar is written whole; line wrapping is never turned off', () => {
    const t = fakeTerminal(80);
    const p = new Progress([5, 5], true, t.stream);
    const line = `budget-extract: ${'/very/long/folder'.repeat(8)}/report.pdf: the PDF is truncated or corrupt; download it again`;
    expect(line.length).toBeGreaterThan(160);
    p.log(line);
    p.done(0, 1, 'refused');
    p.stop();
    expect(t.text()).toContain(`${line}\n`);
    // At 80 columns the bar narrows so the counts and the ETA fit: ▓×10, then the words.
    expect(t.text()).toMatch(/[█░]{10} 1\/2 files \| 0 ok, 1 refused, 0 failed \| [\d.]+ pages\/s \| ETA/u);
    expect(t.text()).not.toContain('\u001b[?7l');
  });

  it('the summary line counts interrupted files', () => {
    const f = (status: FileReport['status']): FileReport => ({ file: 'x', status, tables: 0, outputs: [] });
    const s: Summary = summarise([f('ok'), f('interrupted'), f('interrupted'), f('refused')], 1);
    expect(s).toMatchObject({ files: 4, ok: 1, refused: 1, failed: 0, interrupted: 2 });
    expect(summaryLine(s, styleFor({}))).toBe(
      'budget-extract: 4 files: 1 ok, 1 refused, 0 failed, 2 interrupted; 0 tables, 0 pages in 1.0 s',
    );
  });
});

describe('error lines are not cut', () => {
  it('a reason far longer than 80 columns is printed whole on stderr', SLOW, () => {
    const dir = tmp();
    const deep = path.join(dir, 'a-folder-name-that-goes-on-and-on'.repeat(3), 'and-on-and-on'.repeat(4));
    fs.mkdirSync(deep, { recursive: true });
    const file = path.join(deep, '2025年某某市某某局部门预算公开（含“三公”经费）.pdf');
    fs.writeFileSync(file, 'not a pdf at all');
    const r = run([file, SAMPLE, '-f', 'ndjson', '-q']);
    expect(r.status).toBe(1);
    const line = `budget-extract: ${file}: the file is not a PDF; check the download (no %PDF header)`;
    expect(line.length).toBeGreaterThan(200);
    expect(r.stderr).toBe(`${line}\n`);
  });
});

/** Resolves when `ready()` holds, checking as files appear (not a timer race: it waits for the condition). */
function until(ready: () => boolean, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const tick = setInterval(() => {
      if (ready()) {
        clearInterval(tick);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(tick);
        reject(new Error(`the CLI exited (${child.exitCode}) before it was interrupted`));
      }
    }, 50);
  });
}

function spawnCli(args: string[]): { child: ChildProcess; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exit, stderr: () => err };
}

interface Report {
  summary: Summary;
  files: FileReport[];
}

// Corpus documents, largest first (as the batch reads them), so the first in input order is also among the first read.
const corpusFiles = (): string[] => {
  const dir = path.join(CORPUS, 'pdf');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size || a.localeCompare(b));
};

describe.skipIf(!hasCorpus)('Ctrl-C in a batch', () => {
  it(
    '-o DIR/: keeps the documents written, reports the rest as interrupted, exit 130, no temp files',
    SLOW,
    async () => {
      const dir = tmp();
      const out = path.join(dir, 'out');
      const report = path.join(dir, 'report.json');
      const inputs = corpusFiles().slice(0, 16);
      const cli = spawnCli([...inputs, '-o', `${out}/`, '--report', report, '--jobs', '2']);
      const written = () => (fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.json')) : []);
      await until(() => written().length > 0, cli.child);
      cli.child.kill('SIGINT');
      expect(await cli.exit).toBe(130);

      const r = JSON.parse(fs.readFileSync(report, 'utf8')) as Report;
      expect(r.files).toHaveLength(16);
      expect(r.summary.files).toBe(16);
      expect(r.summary.ok).toBeGreaterThanOrEqual(1);
      expect(r.summary.interrupted).toBeGreaterThanOrEqual(1);
      expect(r.summary.ok + r.summary.refused + r.summary.failed + r.summary.interrupted).toBe(16);
      for (const f of r.files) {
        expect(['ok', 'refused', 'failed', 'interrupted']).toContain(f.status);
        if (f.status === 'interrupted') {
          expect(f).toMatchObject({ reason: 'not read: the run was interrupted', tables: 0, outputs: [] });
        }
        if (f.status === 'ok') {
          expect(f.outputs).toHaveLength(1);
          const d = JSON.parse(fs.readFileSync(f.outputs[0]!, 'utf8')) as ExtractedDocument;
          expect(d.source.file).toBe(path.basename(f.file));
          expect(d.tables).toHaveLength(f.tables);
        }
      }
      const left = fs.readdirSync(out);
      expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(left.sort()).toEqual(
        r.files
          .filter((f) => f.status === 'ok')
          .map((f) => path.basename(f.outputs[0]!))
          .sort(),
      );
      const done = r.summary.ok + r.summary.refused + r.summary.failed;
      expect(cli.stderr()).toContain(
        `budget-extract: interrupted: ${done} of 16 files done (${r.summary.ok} ok, ${r.summary.refused} refused, ${r.summary.failed} failed); ${r.summary.interrupted} interrupted; the outputs written are kept in ${out}/; report in ${report}\n`,
      );
      expect(cli.stderr()).not.toMatch(/\n\s+at /u); // no stack trace
    },
  );

  it('one -o FILE stream: the file is not written at all and its temp file is removed', SLOW, async () => {
    const dir = tmp();
    const file = path.join(dir, 'rows.ndjson');
    const report = path.join(dir, 'report.json');
    const inputs = corpusFiles().slice(0, 10);
    const cli = spawnCli([...inputs, '-f', 'ndjson', '-o', file, '--report', report, '--jobs', '2']);
    // The first document in input order has reached the stream's temp file.
    const streaming = () =>
      fs.readdirSync(dir).some((f) => f.endsWith('.tmp') && fs.statSync(path.join(dir, f)).size > 0);
    await until(streaming, cli.child);
    cli.child.kill('SIGINT');
    expect(await cli.exit).toBe(130);
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
    const r = JSON.parse(fs.readFileSync(report, 'utf8')) as Report;
    expect(r.summary.ok).toBe(0);
    expect(r.summary.interrupted).toBeGreaterThanOrEqual(1);
    expect(r.files.find((f) => f.file === inputs[0])).toMatchObject({
      status: 'interrupted',
      reason: 'read, but not written: the run was interrupted before its output',
      outputs: [],
    });
    expect(cli.stderr()).toMatch(
      new RegExp(`; ${file.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} not written; report in `, 'u'),
    );
  });
});
