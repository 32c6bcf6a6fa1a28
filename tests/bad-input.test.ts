// The CLI on inputs it cannot read: exit code 1, nothing on stdout, and one line on stderr naming
// the file and the reason. Runs bin/budget-extract.js, so `npm run build` first (`npm test` does).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/budget-extract.js');
const SLOW = { timeout: 60_000 };
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

function run(file: string) {
  const r = spawnSync(process.execPath, [BIN, file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: plain(r.stderr) };
}

const cases: [file: string, what: string, reason: RegExp][] = [
  ['fixtures/bad/not-a-pdf.pdf', 'an HTML page saved as .pdf', /not a PDF/i],
  ['fixtures/bad/empty.pdf', 'a 0-byte file', /empty|not a PDF/i],
  ['fixtures/bad/truncated.pdf', 'the first 40% of sample-budget.pdf', /truncated|corrupt|damaged/i],
  ['fixtures/bad/encrypted.pdf', 'a PDF with a user password', /encrypt|password/i],
  ['fixtures/bad/scanned.pdf', 'page images without a text layer', /OCR/],
];

describe('budget-extract CLI on bad input', () => {
  for (const [file, what, reason] of cases) {
    it(`${path.basename(file)} (${what}): exit 1, no stdout, one line naming the file and ${reason}`, SLOW, () => {
      const r = run(file);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split(/\r?\n/).filter((l) => l.trim() !== '');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toContain(path.basename(file));
      expect(lines[0]).toMatch(reason);
      expect(r.status).toBe(1);
    });
  }

  it('a readable PDF exits 0 with output on stdout (control)', SLOW, () => {
    const r = run('fixtures/sample-budget.pdf');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});
