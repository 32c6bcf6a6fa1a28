import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

// Performance work must not change any output: every corpus document's JSON hashes as recorded by bench/golden.mjs.
// When extraction output changes on purpose (src/tables, src/records, src/checks…), re-record: `npm run build && node bench/golden.mjs`.
const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS_PDF = path.resolve(here, '../../shared/corpus/pdf');
const GOLDEN = path.resolve(here, '../bench/golden.json');
const hasCorpus = fs.existsSync(CORPUS_PDF) && fs.existsSync(GOLDEN);
if (!hasCorpus) console.log(`golden output test skipped: ${CORPUS_PDF} not found`);

const golden: Record<string, string> = hasCorpus
  ? (JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as { documents: Record<string, string> }).documents
  : {};

async function hashOf(file: string): Promise<string> {
  let json: string;
  try {
    json = JSON.stringify(await extract(path.join(CORPUS_PDF, file)));
  } catch (err) {
    const e = err as { code?: string; message?: string };
    json = `error: ${e?.code ?? ''} ${e?.message ?? String(err)}`;
  }
  return createHash('sha256').update(json).digest('hex');
}

describe.skipIf(!hasCorpus)('golden output: byte-identical JSON on the corpus', () => {
  it('covers every corpus PDF', () => {
    const files = fs
      .readdirSync(CORPUS_PDF)
      .filter((f) => f.toLowerCase().endsWith('.pdf'))
      .sort();
    expect(Object.keys(golden).sort()).toEqual(files);
  });
  for (const file of Object.keys(golden)) {
    it(`${file}: same JSON as recorded`, async () => {
      expect(await hashOf(file)).toBe(golden[file]);
    });
  }
});
