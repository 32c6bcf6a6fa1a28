// The whole corpus as one batch through the built CLI: every document written, the scanned one refused, the
// summary line and the report agreeing with what is on disk.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus } from './helpers/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe.skipIf(!hasCorpus)('batch over the corpus', () => {
  it('writes every readable document, refuses the scan, and sums it up', { timeout: 600_000 }, () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'be-corpus-'));
    const report = path.join(out, 'report.json');
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'bin/budget-extract.js'),
        path.join(CORPUS, 'pdf'),
        '-o',
        `${out}/`,
        '--jobs',
        '2',
        '--report',
        report,
      ],
      {
        encoding: 'utf8',
        timeout: 600_000,
      },
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as {
      documents: { id: string; expect?: string }[];
    };
    const good = manifest.documents.filter((d) => d.expect !== 'error').map((d) => d.id);
    const bad = manifest.documents.filter((d) => d.expect === 'error').map((d) => d.id);
    expect(r.status).toBe(1);
    const written = fs
      .readdirSync(out)
      .filter((f) => f.endsWith('.json') && f !== 'report.json')
      .map((f) => f.replace(/\.json$/u, ''));
    expect(written.sort()).toEqual([...good].sort());
    for (const id of good)
      expect(JSON.parse(fs.readFileSync(path.join(out, `${id}.json`), 'utf8')).source.file).toBe(`${id}.pdf`);
    const rep = JSON.parse(fs.readFileSync(report, 'utf8')) as {
      summary: { ok: number; refused: number; failed: number; tables: number };
      files: { file: string; status: string; code?: string; tables: number }[];
    };
    expect(rep.summary).toMatchObject({ ok: good.length, refused: bad.length, failed: 0 });
    expect(rep.files.filter((f) => f.status === 'refused').map((f) => [path.basename(f.file, '.pdf'), f.code])).toEqual(
      bad.map((id) => [id, 'no_text_layer']),
    );
    expect(rep.summary.tables).toBe(rep.files.reduce((n, f) => n + f.tables, 0));
    // One stderr line names the refused file and asks for OCR; the last line is the summary.
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => /OCR/u.test(l))).toHaveLength(bad.length);
    expect(lines[lines.length - 1]).toMatch(
      new RegExp(
        `${manifest.documents.length} files: ${good.length} ok, ${bad.length} refused, 0 failed; ${rep.summary.tables} tables`,
        'u',
      ),
    );
    fs.rmSync(out, { recursive: true, force: true });
  });
});
