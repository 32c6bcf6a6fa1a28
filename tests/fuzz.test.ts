// A small fixed-seed fuzz run (scripts/fuzz.mjs, the same as `npm run fuzz` with fewer mutations and the fixtures
// only): every mutated fixture, run through the real CLI (a batch on the worker pool, and some alone), ends with a
// result or a clean one-line refusal within the time limit: no crash, no hang, no partial output.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface FuzzResult {
  count: number;
  crashes: number;
  hangs: number;
  partial: number;
  counts: Record<string, number>;
  examples: Record<string, string[]>;
}

describe('fuzz', () => {
  it('40 mutations of the fixtures (seed 7): 0 crashes, 0 hangs, 0 partial outputs', { timeout: 600_000 }, () => {
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'scripts/fuzz.mjs'),
        '--count',
        '40',
        '--seed',
        '7',
        '--no-corpus',
        '--jobs',
        '2',
        '--timeout',
        '30',
        '--chunk',
        '20',
        '--single-every',
        '10',
        '--json',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 590_000 },
    );
    if (r.error) throw r.error;
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as FuzzResult;
    const detail = JSON.stringify(result, null, 1);
    expect(result.crashes, detail).toBe(0);
    expect(result.hangs, detail).toBe(0);
    expect(result.partial, detail).toBe(0);
    const outcomes = Object.entries(result.counts).filter(([k]) => k !== 'single');
    expect(outcomes.reduce((n, [, c]) => n + c, 0)).toBe(40);
    expect(result.counts.single).toBe(4);
    // The mutations do break files: some are refused, and the reader still reads what survives.
    expect(outcomes.some(([k]) => k.startsWith('refused:'))).toBe(true);
    expect(result.counts.ok ?? 0).toBeGreaterThan(0);
  });
});
