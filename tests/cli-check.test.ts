// `budget-extract check`, run as a subprocess from the BUILT code (bin/budget-extract.js → dist/; `npm test` and
// `npm run build` build it), on the generated fixtures/faults/*.pdf: a clean 部门预算 and one with a changed amount
// (faultInjections['amount-changed'] in scripts/fixture-data.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as D from '../scripts/fixture-data.mjs';
import type { ExtractedDocument } from '../src/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/budget-extract.js');
const SLOW = { timeout: 120_000 };
const CLEAN = 'fixtures/faults/clean.pdf';
const FAULTY = 'fixtures/faults/amount-changed.pdf';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/u;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with stdout and stderr as pipes (not a terminal), colour not forced. */
function run(args: string[]): Run {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');

// What the amount-changed fault breaks (see tests/checks-fixtures.test.ts for the derivation): the row identity on
// the changed row, column 合计, and its 款 in the 基本支出 column.
const fault = D.faultInjections['amount-changed'];
const parent = fault.code.slice(0, -2);
const expenditureTitle = D.faultDocument('amount-changed').tables[1].title;

type CheckJson = { file: string; checks: ExtractedDocument['checks'] };

beforeAll(() => {
  expect(fs.existsSync(path.join(ROOT, 'dist/cli/main.js')), 'dist/ is missing: run `npm run build` first').toBe(true);
});

describe('budget-extract check', () => {
  it('a clean document: exit 0, "all passed"', SLOW, () => {
    for (const args of [[CLEAN], ['--strict', CLEAN]]) {
      const r = run(['check', ...args]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(lines(r.stdout)[0]).toMatch(/^fixtures\/faults\/clean\.pdf: \d+ checks, (\d+) passed, all passed$/u);
      const [, total, passed] = /: (\d+) checks, (\d+) passed/u.exec(r.stdout)!;
      expect(Number(total)).toBeGreaterThan(20);
      expect(passed).toBe(total);
      expect(r.stdout).not.toMatch(/✗/u);
      expect(r.stdout).not.toMatch(ANSI);
    }
  });

  it('a faulty document: exit 0 without --strict, 3 with it', SLOW, () => {
    const plain = run(['check', FAULTY]);
    expect(plain.status, plain.stderr).toBe(0);
    const strict = run(['check', '--strict', FAULTY]);
    expect(strict.status, strict.stderr).toBe(3);
    expect(strict.stdout).toBe(plain.stdout);
    expect(strict.stderr).toBe('');
  });

  it(
    'lists the failures first, with the table title, row code and column; no escape codes when not a terminal',
    SLOW,
    () => {
      const r = run(['check', FAULTY]);
      expect(r.stdout).not.toMatch(ANSI);
      const out = lines(r.stdout);
      expect(out[0]).toMatch(/^fixtures\/faults\/amount-changed\.pdf: \d+ checks, \d+ passed, 2 failed$/u);
      // The failing table comes first, then its failures, before the passed tables.
      expect(out[1]).toBe(`${expenditureTitle} (expenditure)`);
      const passedAt = out.indexOf('passed:');
      expect(passedAt).toBeGreaterThan(1);
      const failures = out.slice(2, passedAt);
      expect(failures).toHaveLength(4); // message line + where line, per failure
      expect(failures.filter((l) => l.trim().startsWith('✗'))).toHaveLength(2);
      const where = failures.filter((l) => !l.trim().startsWith('✗')).map((l) => l.trim());
      expect(where).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(
              `^p\\.2 ${fault.code} \\S+ \\[合计\\]: expected \\d+, found \\d+, difference -100 \\(tolerance 0\\.01\\) row\\.total_equals_basic_plus_project$`,
              'u',
            ),
          ),
          expect.stringMatching(
            new RegExp(
              `^p\\.2 ${parent} \\S+ \\[基本支出\\]: expected [\\d.]+, found [\\d.]+, difference -100 \\(tolerance 0\\.015\\) tree\\.parent_equals_children$`,
              'u',
            ),
          ),
        ]),
      );
      // Passed tables afterwards, none of them the failing one.
      expect(out.slice(passedAt + 1).every((l) => /^\s*✓ /u.test(l) && !l.includes(expenditureTitle))).toBe(true);
    },
  );

  it('--json: one object with the file and its check results', SLOW, () => {
    const r = run(['check', '--json', FAULTY]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    expect(lines(r.stdout)).toHaveLength(1); // compact when not a terminal
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.file).toBe(FAULTY);
    expect(json.checks.summary.failed).toBe(2);
    expect(json.checks.results).toHaveLength(json.checks.summary.total);
    expect(
      json.checks.results
        .filter((x) => !x.passed)
        .map((x) => [x.id, x.row?.code, x.column])
        .sort(),
    ).toEqual(
      [
        ['row.total_equals_basic_plus_project', fault.code, '合计'],
        ['tree.parent_equals_children', parent, '基本支出'],
      ].sort(),
    );
    expect(run(['check', '--json', '--strict', FAULTY]).status).toBe(3);
  });

  it('--json with several files: an array, one entry per file', SLOW, () => {
    const r = run(['check', '--json', CLEAN, FAULTY]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as CheckJson[];
    expect(json.map((j) => [j.file, j.checks.summary.failed])).toEqual([
      [CLEAN, 0],
      [FAULTY, 2],
    ]);
  });

  it('a missing or corrupt file: exit 1, one line on stderr', SLOW, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-extract-check-'));
    try {
      const corrupt = path.join(dir, 'corrupt.pdf');
      fs.writeFileSync(corrupt, '%PDF-1.7\nthis is not a PDF body\n');
      for (const file of [
        path.join(dir, 'missing.pdf'),
        corrupt,
        'fixtures/bad/not-a-pdf.pdf',
        'fixtures/bad/truncated.pdf',
      ]) {
        for (const json of [[], ['--json']]) {
          const r = run(['check', ...json, file]);
          expect(r.status, `${file}: ${r.stderr}`).toBe(1);
          expect(lines(r.stderr), file).toHaveLength(1);
          expect(r.stderr).toMatch(new RegExp(`^budget-extract: .*${path.basename(file).replace('.', '\\.')}: `, 'u'));
          expect(r.stderr).not.toMatch(ANSI);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unreadable file among readable ones: exit 1 (before 3), the others still checked', SLOW, () => {
    const r = run(['check', '--strict', FAULTY, 'fixtures/bad/empty.pdf', CLEAN]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stdout).toMatch(/amount-changed\.pdf: .*2 failed/u);
    expect(r.stdout).toMatch(/clean\.pdf: .*all passed/u);
  });

  it('no file: exit 2, usage on stderr', SLOW, () => {
    const r = run(['check']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toBe('');
  });
});

describe('budget-extract FILE --strict (extract)', () => {
  it('exit 3 on the faulty document, 0 on the clean one; the JSON is written either way', SLOW, () => {
    const faulty = run([FAULTY, '--strict']);
    expect(faulty.status, faulty.stderr).toBe(3);
    expect((JSON.parse(faulty.stdout) as ExtractedDocument).checks.summary.failed).toBe(2);
    const clean = run([CLEAN, '--strict']);
    expect(clean.status, clean.stderr).toBe(0);
    expect((JSON.parse(clean.stdout) as ExtractedDocument).checks.summary.failed).toBe(0);
    // Without --strict, failed checks do not change the exit code.
    expect(run([FAULTY]).status).toBe(0);
  });
});
