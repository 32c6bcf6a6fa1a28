// Every command with bad output and input paths, run from the BUILT code (bin → dist/: `npm test` builds first).
// Each must exit 1 or 2 with one line on stderr starting `budget-extract:`, no stack frames, and leave no temp file;
// a missing parent folder of an output is created (every command the same).
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/budget-extract.js');
const IN = path.join(ROOT, 'fixtures/sample-budget.pdf');
const STEM = 'sample-budget';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) =>
      resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const TMP = mkdtempSync(path.join(os.tmpdir(), 'bad-paths-'));
afterAll(() => {
  try {
    chmodSync(path.join(TMP, 'ro'), 0o755);
  } catch {}
  rmSync(TMP, { recursive: true, force: true });
});

/** A fresh folder for one case, with a file `afile`, a folder `adir` and a read-only folder `ro`. */
let n = 0;
function sandbox(): string {
  const dir = path.join(TMP, `case-${++n}`);
  mkdirSync(path.join(dir, 'adir'), { recursive: true });
  mkdirSync(path.join(dir, 'ro'));
  chmodSync(path.join(dir, 'ro'), 0o555);
  writeFileSync(path.join(dir, 'afile'), 'not a folder');
  return dir;
}

/** Every file below `dir` (relative), to find temp files left behind. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => {
    try {
      return statSync(path.join(dir, f)).isFile();
    } catch {
      return false;
    }
  });
}

function expectOneLineError(r: Run, dir: string, codes: number[] = [1, 2]): void {
  expect(codes, `exit ${r.status}: ${r.stderr}`).toContain(r.status);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^budget-extract: \S/u);
  expect(r.stderr).not.toMatch(/^\s+at /mu);
  expect(r.stderr).not.toMatch(/Error:|\bE[A-Z]{3,}\b/u);
  expect(files(dir).filter((f) => /\.tmp$/u.test(f))).toEqual([]);
}

/** A command writing one file: its arguments for output `o`, and the name it gives its file in a folder. */
interface FileCommand {
  name: string;
  args: (o: string) => string[];
  /** The file a folder-form -o gets; undefined when the command's output is not an -o (--report, --combine). */
  inFolder?: string;
  ext: string;
}

const FILE_COMMANDS: FileCommand[] = [
  { name: 'extract json', args: (o) => [IN, '-o', o], inFolder: `${STEM}.json`, ext: 'json' },
  {
    name: 'extract csv --table 1',
    args: (o) => [IN, '-f', 'csv', '--table', '1', '-o', o],
    inFolder: `${STEM}.01-income_expenditure_summary.csv`,
    ext: 'csv',
  },
  { name: 'extract ndjson', args: (o) => [IN, '-f', 'ndjson', '-o', o], inFolder: `${STEM}.ndjson`, ext: 'ndjson' },
  { name: 'extract long', args: (o) => [IN, '-f', 'long', '-o', o], inFolder: `${STEM}.long.csv`, ext: 'csv' },
  { name: 'extract xlsx', args: (o) => [IN, '-f', 'xlsx', '-o', o], inFolder: `${STEM}.xlsx`, ext: 'xlsx' },
  { name: 'extract --combine', args: (o) => [IN, '-q', '--combine', o], ext: 'xlsx' },
  { name: 'extract --report', args: (o) => [IN, '-o', 'out/', '--report', o], ext: 'json' },
  { name: 'show --page', args: (o) => ['show', IN, '--page', '1', '-o', o], inFolder: `${STEM}.p1.png`, ext: 'png' },
  { name: 'show --html', args: (o) => ['show', IN, '--html', '-o', o], inFolder: `${STEM}.html`, ext: 'html' },
];

/** Commands writing into a folder only. */
const FOLDER_COMMANDS: { name: string; args: (o: string) => string[] }[] = [
  { name: 'extract csv', args: (o) => [IN, '-f', 'csv', '-o', o] },
  { name: 'show --all', args: (o) => ['show', IN, '--all', '-o', o] },
];

// As root chmod 555 does not stop writes: the not-writable folder is then /proc (which takes no new names).
const root = process.getuid?.() === 0;
if (root)
  console.log('bad-paths: running as root, where chmod 555 does not stop writes: /proc stands for a read-only folder');
const RO = root ? '/proc/budget-extract-nope' : 'ro';

describe.concurrent('bad output paths', () => {
  for (const c of FILE_COMMANDS) {
    it(`${c.name}: a missing parent folder is created`, async () => {
      const dir = sandbox();
      const r = await run(c.args(`new/deeper/out.${c.ext}`), dir);
      expect(r.status, r.stderr).toBe(0);
      expect(statSync(path.join(dir, `new/deeper/out.${c.ext}`)).size).toBeGreaterThan(0);
      expect(files(dir).filter((f) => /\.tmp$/u.test(f))).toEqual([]);
    });

    it(`${c.name}: a file as a parent folder is refused`, async () => {
      const dir = sandbox();
      const r = await run(c.args(`afile/sub/out.${c.ext}`), dir);
      expectOneLineError(r, dir, [2]);
      expect(r.stderr).toContain('afile');
    });

    it(`${c.name}: -o somefile/ (a file where a folder is expected) is refused`, async () => {
      const dir = sandbox();
      const r = await run(c.args('afile/'), dir);
      expectOneLineError(r, dir, [2]);
    });

    it(`${c.name}: a read-only folder is refused`, async () => {
      const dir = sandbox();
      const r = await run(c.args(`${RO}/out.${c.ext}`), dir);
      expectOneLineError(r, dir, [2]);
      expect(r.stderr).toContain('not writable');
    });

    if (c.inFolder) {
      it(`${c.name}: -o DIR/ (missing) and -o an existing folder write ${c.inFolder} into it`, async () => {
        const dir = sandbox();
        for (const o of ['made/here/', 'adir']) {
          const r = await run(c.args(o), dir);
          expect(r.status, r.stderr).toBe(0);
          expect(existsSync(path.join(dir, o, c.inFolder!)), `${o}${c.inFolder}`).toBe(true);
        }
      });
    } else {
      it(`${c.name}: an existing folder where the file is expected is refused`, async () => {
        const dir = sandbox();
        mkdirSync(path.join(dir, `adir.${c.ext}`));
        const r = await run(c.args(`adir.${c.ext}`), dir);
        expectOneLineError(r, dir, [2]);
        expect(r.stderr).toContain('is a folder');
      });
    }
  }

  for (const c of FOLDER_COMMANDS) {
    it(`${c.name}: -o DIR/ with missing parents is created; somefile/ and a file as parent are refused`, async () => {
      const dir = sandbox();
      const ok = await run(c.args('new/deeper/'), dir);
      expect(ok.status, ok.stderr).toBe(0);
      expect(readdirSync(path.join(dir, 'new/deeper')).length).toBeGreaterThan(0);
      for (const o of ['afile/', 'afile/sub/']) expectOneLineError(await run(c.args(o), dir), dir, [2]);
    });

    it(`${c.name}: a read-only folder is refused`, async () => {
      const dir = sandbox();
      expectOneLineError(await run(c.args(`${RO}/`), dir), dir, [2]);
    });
  }

  it('show --all -o a file (not a folder form) is a usage error', async () => {
    const dir = sandbox();
    expectOneLineError(await run(['show', IN, '--all', '-o', 'afile'], dir), dir, [2]);
  });
});

describe.concurrent('bad input paths', () => {
  const missing = 'no-such.pdf';
  const cases: [string, string[], number][] = [
    ['extract: a missing file', [missing], 1],
    ['extract -o DIR/: a missing file', [missing, '-o', 'out/'], 1],
    ['extract: a folder without PDFs', ['adir'], 2],
    ['inspect: a missing file', ['inspect', missing], 1],
    ['inspect: a folder', ['inspect', 'adir'], 1],
    ['check: a missing file', ['check', missing], 1],
    ['check: a folder without PDFs', ['check', 'adir'], 2],
    ['show --page: a missing file', ['show', missing, '--page', '1'], 1],
    ['show --html: a folder', ['show', 'adir', '--html'], 1],
    ['show --all: a missing file', ['show', missing, '--all', '-o', 'pics/'], 1],
  ];
  for (const [name, args, code] of cases) {
    it(name, async () => {
      const dir = sandbox();
      const r = await run(args, dir);
      expectOneLineError(r, dir, [code]);
    });
  }
});
