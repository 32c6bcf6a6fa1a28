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
import type { CheckJson } from '../src/cli/check.js';
import type { ExtractedDocument } from '../src/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/budget-extract.js');
const SLOW = { timeout: 120_000 };
const CLEAN = 'fixtures/faults/clean.pdf';
// A whole 部门预算 (every table its template requires): clean for the review too, so --strict passes it.
const WHOLE = 'fixtures/review/review-clean.pdf';
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

/** The keys of every object in a JSON value, by path (arrays as []), to compare shapes. */
function shape(v: unknown, at = ''): string[] {
  if (Array.isArray(v)) return [...new Set(v.flatMap((x) => shape(x, `${at}[]`)))].sort();
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [`${at}.${k}`, ...shape(x, `${at}.${k}`)]);
  return [];
}

beforeAll(() => {
  expect(fs.existsSync(path.join(ROOT, 'dist/cli/main.js')), 'dist/ is missing: run `npm run build` first').toBe(true);
});

describe('budget-extract check', () => {
  it('a clean document: exit 0, "all passed"', SLOW, () => {
    for (const args of [[WHOLE], ['--strict', WHOLE]]) {
      const r = run(['check', ...args]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(lines(r.stdout)[0]).toMatch(
        /^fixtures\/review\/review-clean\.pdf: \d+ checks, (\d+) passed, all passed$/u,
      );
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
    expect(plain.stderr).toBe('');
    const strict = run(['check', '--strict', FAULTY]);
    expect(strict.status, strict.stderr).toBe(3);
    expect(strict.stdout).toBe(plain.stdout);
    // --strict says what failed before exiting 3: a line, then one per failed check with 应为 / 实为 / 差额.
    const err = lines(strict.stderr);
    expect(err[0]).toBe('budget-extract: --strict: 2 checks failed');
    // Then the review's errors: the four tables of the template the fault document does not print.
    expect(err[3]).toBe('budget-extract: --strict: the review raised 4 errors');
    expect(err.slice(4)).toHaveLength(4);
    expect(
      err.slice(4).every((l) => l.startsWith(`  ${FAULTY}: 未公开《`) && l.endsWith('(completeness.missing)')),
    ).toBe(true);
    for (const l of err.slice(1, 3))
      expect(l).toMatch(
        /^ {2}fixtures\/faults\/amount-changed\.pdf: p\.2 .*: 应为 [\d,.]+ 元, 实为 [\d,.]+ 元, 差额 -100\.00 元 \((tree|row)\.\S+\)$/u,
      );
    expect(strict.stderr).toContain(`${fault.code} `);
    expect(strict.stderr).not.toMatch(ANSI);
  });

  it(
    'lists the failures first, with the table title, row code and column; no escape codes when not a terminal',
    SLOW,
    () => {
      const r = run(['check', FAULTY]);
      expect(r.stdout).not.toMatch(ANSI);
      const out = lines(r.stdout);
      expect(out[0]).toMatch(
        /^fixtures\/faults\/amount-changed\.pdf: \d+ checks, \d+ passed, 2 failed; review: 4 errors$/u,
      );
      // The changed cell fails its row and its 款 by the same difference: the two failures come under that cause.
      expect(out[1]).toMatch(
        new RegExp(
          `^同一原因 / one cause: 一个单元格有误:第\\d+行 ${fault.code} \\S+ \\[基本支出\\] [\\d,]+\\.\\d\\d,`,
          'u',
        ),
      );
      expect(out[1]).toContain(expenditureTitle);
      expect(out[2]).toMatch(/^ {2}one wrong cell: row \d+ /u);
      const passedAt = out.indexOf('passed:');
      expect(passedAt).toBeGreaterThan(2);
      const failures = out.slice(3, passedAt);
      expect(failures.filter((l) => l.trim().startsWith('✗'))).toHaveLength(2);
      // Where: page, table, row, code and name, column, id.
      const where = failures.filter((l) => l.trim().startsWith('p.')).map((l) => l.trim());
      expect(where).toHaveLength(2);
      expect(where).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(
              `^p\\.2 ${expenditureTitle} 第\\d+行 / row \\d+ ${fault.code} \\S+ \\[合计\\] row\\.total_equals_basic_plus_project$`,
              'u',
            ),
          ),
          expect.stringMatching(
            new RegExp(
              `^p\\.2 ${expenditureTitle} 第\\d+行 / row \\d+ ${parent} \\S+ \\[基本支出\\] tree\\.parent_equals_children$`,
              'u',
            ),
          ),
        ]),
      );
      // 应为 / 实为 / 差额 in 元 with the table's 2 decimals and thousands separators, once per failure.
      const amounts = failures.map((l) => l.trim()).filter((l) => /^(应为|实为|差额) /u.test(l));
      expect(amounts).toHaveLength(6);
      for (const l of amounts)
        expect(l).toMatch(/^(应为 expected|实为 found|差额 difference) +-?\d{1,3}(,\d{3})*\.\d\d 元/u);
      expect(amounts.filter((l) => /^差额 difference +-100\.00 元/u.test(l))).toHaveLength(2);
      // The terms: the changed row's cells, and the 款's children (the changed one among them).
      const terms = failures.map((l) => l.trim()).filter((l) => /^[=+] /u.test(l));
      expect(terms.filter((l) => l.startsWith(`= ${fault.code} `)).length).toBeGreaterThanOrEqual(2);
      for (const l of terms) expect(l).toMatch(/\(p\.2, 第\d+行\)$/u);
      // Passed tables afterwards, none of them the failing one; then the review.
      const reviewAt = out.indexOf('审阅 / review:');
      expect(reviewAt).toBeGreaterThan(passedAt);
      expect(out[reviewAt + 1]).toMatch(
        /^ {2}必备表 \/ required tables \(部门预算公开表\): 4\/\d+ printed, \d+ 缺 missing \(收入总表、/u,
      );
      expect(out.slice(passedAt + 1, reviewAt).every((l) => /^\s*✓ /u.test(l) && !l.includes(expenditureTitle))).toBe(
        true,
      );
    },
  );

  it('--json: one object with the file and its check results', SLOW, () => {
    const r = run(['check', '--json', FAULTY]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    expect(lines(r.stdout)).toHaveLength(1); // compact when not a terminal
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.files).toHaveLength(1);
    const [entry] = json.files;
    expect(entry!.file).toBe(FAULTY);
    expect(entry!.status).toBe('ok');
    expect(entry!.reason).toBeUndefined();
    expect(entry!.document?.year).toBe(2025);
    const checks = entry!.checks!;
    expect(checks.summary.failed).toBe(2);
    expect(checks.results).toHaveLength(checks.summary.total);
    expect(json.summary).toEqual({
      files: 1,
      ok: 1,
      refused: 0,
      failed: 0,
      checks: checks.summary.total,
      checksFailed: 2,
      // The review of the four-table fault document: four tables of its template missing.
      findingErrors: 4,
      findingWarnings: 0,
    });
    expect(entry!.review?.completeness.tables.filter((t) => t.status === 'missing')).toHaveLength(5);
    const bad = checks.results.filter((x) => !x.passed);
    // Failed results carry their terms and their shared cause; every result its unit.
    expect(bad.every((x) => x.terms && x.terms.length > 0 && x.cause?.id === bad[0]!.cause?.id)).toBe(true);
    expect(bad[0]!.cause).toBeDefined();
    expect(checks.results.every((x) => x.unit === '元')).toBe(true);
    expect(checks.results.filter((x) => x.passed).some((x) => x.terms)).toBe(false);
    expect(
      checks.results
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

  it('--json with several files: the same shape, one entry per file', SLOW, () => {
    const r = run(['check', '--json', CLEAN, FAULTY]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.files.map((j) => [j.file, j.status, j.checks?.summary.failed])).toEqual([
      [CLEAN, 'ok', 0],
      [FAULTY, 'ok', 2],
    ]);
    expect(json.summary).toMatchObject({ files: 2, ok: 2, refused: 0, failed: 0, checksFailed: 2 });
    expect(json.summary.checks).toBe(json.files.reduce((n, f) => n + f.checks!.summary.total, 0));
    // One file or two: the same keys.
    const one = JSON.parse(run(['check', '--json', FAULTY]).stdout) as CheckJson;
    expect(Object.keys(json)).toEqual(['files', 'summary']);
    expect(shape(one)).toEqual(shape(json));
  });

  it('a folder: every *.pdf below it, a line per file and a summary line; --strict lists the failures', SLOW, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-extract-check-dir-'));
    try {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.copyFileSync(CLEAN, path.join(dir, 'clean.pdf'));
      fs.copyFileSync(FAULTY, path.join(dir, 'sub', 'amount-changed.pdf'));
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a PDF, not read');
      const r = run(['check', `${dir}/`]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const out = lines(r.stdout);
      expect(out).toHaveLength(3);
      expect(out[0]).toMatch(/clean\.pdf: \d+ checks, \d+ passed, all passed; review: 4 errors$/u);
      expect(out[1]).toMatch(/sub\/amount-changed\.pdf: \d+ checks, \d+ passed, 2 failed; review: 4 errors$/u);
      expect(out[2]).toMatch(/^2 files: 2 read; \d+ checks, 2 failed; review: 8 errors, 0 warnings$/u);
      const strict = run(['check', '--strict', dir]);
      expect(strict.status).toBe(3);
      expect(strict.stdout).toBe(r.stdout);
      const err = lines(strict.stderr);
      expect(err[0]).toBe('budget-extract: --strict: 2 checks failed');
      expect(err.slice(1, 3).every((l) => l.includes('amount-changed.pdf: p.2 '))).toBe(true);
      // Then the review's errors of both (each a four-table document missing four tables of its template).
      expect(err[3]).toBe('budget-extract: --strict: the review raised 8 errors');
      expect(err.slice(4)).toHaveLength(8);
      const json = JSON.parse(run(['check', '--json', dir]).stdout) as CheckJson;
      expect(json.files.map((f) => path.basename(f.file))).toEqual(['clean.pdf', 'amount-changed.pdf']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a quoted glob pattern: the files it matches; a folder without PDF: usage error', SLOW, () => {
    const r = run(['check', 'fixtures/faults/{clean,amount-changed}.pdf']);
    expect(r.status, r.stderr).toBe(0);
    expect(lines(r.stdout).map((l) => l.split(':')[0])).toEqual([FAULTY, CLEAN, '2 files']);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-extract-check-empty-'));
    try {
      const u = run(['check', empty]);
      expect(u.status).toBe(2);
      expect(u.stderr).toMatch(/no PDF found/u);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
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
          if (json.length) {
            const out = JSON.parse(r.stdout) as CheckJson;
            expect(out.files).toHaveLength(1);
            expect(['refused', 'failed']).toContain(out.files[0]!.status);
            expect(out.files[0]!.reason).toBeTruthy();
            expect(out.files[0]!.checks).toBeUndefined();
            expect(out.summary.refused + out.summary.failed).toBe(1);
          }
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
    // The unreadable file's line, then what --strict found failed.
    const err = lines(r.stderr);
    expect(err[0]).toMatch(/^budget-extract: fixtures\/bad\/empty\.pdf: /u);
    expect(err[1]).toBe('budget-extract: --strict: 2 checks failed');
    expect(err[4]).toBe('budget-extract: --strict: the review raised 8 errors');
    expect(err).toHaveLength(13);
    expect(r.stdout).toMatch(/amount-changed\.pdf: .*2 failed/u);
    expect(r.stdout).toMatch(/clean\.pdf: .*all passed/u);
    expect(lines(r.stdout).at(-1)).toMatch(
      /^3 files: 2 read, 1 refused, 0 failed; \d+ checks, 2 failed; review: 8 errors, 0 warnings$/u,
    );
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
