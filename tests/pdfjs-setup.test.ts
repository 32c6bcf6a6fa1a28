// How pdf.js is set up for reading (src/pdf/pdfjs.ts, open.ts, font-sink.ts, native-builtins.ts): fonts go to a
// document that drops them instead of being compiled into glyph outlines, and the built-ins pdf.js's legacy bundle
// replaces are put back. Both must leave what is read unchanged.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fontSinkDocument } from '../src/pdf/font-sink.js';
import { openPdf, pdfjs, PDFJS_PARAMS, READING_PARAMS, type PdfDocument } from '../src/pdf/open.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => path.join(ROOT, 'fixtures', name);

/** Runs an ES module script in a fresh Node process (nothing loaded yet) and parses the JSON it prints. */
function fresh(script: string): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe("the process's built-ins", () => {
  it('pdf.js’s legacy bundle, loaded alone, replaces Array.prototype.push and JSON.parse (why the restore exists)', () => {
    const out = fresh(`
      const push = Array.prototype.push, parse = JSON.parse;
      await import('pdfjs-dist/legacy/build/pdf.mjs');
      console.log(JSON.stringify({ push: Array.prototype.push === push, parse: JSON.parse === parse }));`);
    expect(out).toEqual({ push: false, parse: false });
  });

  it('a program that imports budget-extract and reads a PDF keeps the engine’s own', () => {
    const out = fresh(`
      const push = Array.prototype.push, parse = JSON.parse;
      const { extract } = await import('./dist/index.js');
      const doc = await extract('fixtures/sample-budget.pdf');
      console.log(JSON.stringify({ push: Array.prototype.push === push, parse: JSON.parse === parse, tables: doc.tables.length }));`);
    // sample-budget.pdf holds four tables (scripts/fixture-data.mjs).
    expect(out).toEqual({ push: true, parse: true, tables: 4 });
  });
});

interface PageRead {
  text: string[];
  ops: number[];
}

async function readAll(data: Uint8Array, params: object): Promise<PageRead[]> {
  const doc = (await pdfjs.getDocument({ data: new Uint8Array(data), ...params } as Parameters<
    typeof pdfjs.getDocument
  >[0]).promise) as PdfDocument;
  try {
    const pages: PageRead[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const ops = await page.getOperatorList();
      pages.push({
        text: content.items.map((it) => ('str' in it ? `${it.str}@${it.transform.join(',')}` : '')),
        ops: [...ops.fnArray],
      });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

describe('fonts are dropped, not compiled into outlines', () => {
  it('reading opens documents with the font sink; drawing keeps outlines', () => {
    expect(READING_PARAMS.disableFontFace).toBe(false);
    expect(READING_PARAMS.ownerDocument).toBe(fontSinkDocument);
    expect(PDFJS_PARAMS.disableFontFace).toBe(true);
  });

  it('the font sink takes pdf.js’s style rules and keeps nothing', () => {
    const style = fontSinkDocument.createElement('style');
    fontSinkDocument.documentElement.getElementsByTagName('head')[0]!.append(style);
    expect(style.sheet.insertRule('@font-face { font-family: x; src: url(data:font/opentype;base64,AAAA) }', 0)).toBe(
      0,
    );
    expect(style.sheet.cssRules.length).toBe(0);
  });

  const same = async (file: string) => {
    const data = new Uint8Array(fs.readFileSync(file));
    const withOutlines = await readAll(data, PDFJS_PARAMS);
    const read = await readAll(data, READING_PARAMS);
    expect(read.length).toBeGreaterThan(0);
    expect(read.some((p) => p.text.some((t) => /[\u4e00-\u9fff]/u.test(t)))).toBe(true);
    expect(read).toEqual(withOutlines);
  };

  it('text and operators of a generated fixture are the same with and without outlines', async () => {
    await same(fixture('sample-budget.pdf'));
  });

  it.skipIf(!hasCorpus)(
    '…and of yt-01, which embeds fonts page by page',
    async () => {
      await same(corpusPdf('yt-01'));
    },
    60_000,
  );

  it('openPdf reads through the font sink', async () => {
    const doc = await openPdf(new Uint8Array(fs.readFileSync(fixture('sample-budget.pdf'))));
    try {
      const page = await doc.getPage(1);
      const text = (await page.getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join('');
      expect(text).toMatch(/[\u4e00-\u9fff]{4}/u);
    } finally {
      await doc.destroy();
    }
  });
});
