import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PdfDocument } from '../src/pdf/open.js';

// `show` reads a PDF once (#13): one pdf.js document opened, each page's text and operators read once — the
// extraction's reads, kept for drawing — and then only the pages drawn are rendered. Every document pdf.js opens
// goes through src/pdf/open.js; here it hands out documents that count what is asked of them.

interface Counts {
  opened: number;
  /** Per page number: calls of getPage, getTextContent, getOperatorList, render. */
  pages: Map<number, { getPage: number; getTextContent: number; getOperatorList: number; render: number }>;
}
const counts: Counts = { opened: 0, pages: new Map() };

const pageCounts = (n: number) => {
  let c = counts.pages.get(n);
  if (!c) {
    c = { getPage: 0, getTextContent: 0, getOperatorList: 0, render: 0 };
    counts.pages.set(n, c);
  }
  return c;
};

/** A proxy that forwards everything to `target` (methods bound to it: pdf.js uses private fields) and counts `counted`. */
function counting<T extends object>(target: T, counted: Record<string, (...args: unknown[]) => unknown>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'string' && prop in counted) return counted[prop];
      const v = Reflect.get(t, prop, t) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

function countReads(doc: PdfDocument): PdfDocument {
  counts.opened++;
  return counting(doc, {
    getPage: async (...args: unknown[]) => {
      const n = args[0] as number;
      pageCounts(n).getPage++;
      const page = await doc.getPage(n);
      const count =
        (name: 'getTextContent' | 'getOperatorList' | 'render') =>
        (...a: unknown[]) => {
          pageCounts(n)[name]++;
          return (page[name] as (...x: unknown[]) => unknown).apply(page, a);
        };
      return counting(page, {
        getTextContent: count('getTextContent'),
        getOperatorList: count('getOperatorList'),
        render: count('render'),
      });
    },
  });
}

vi.mock('../src/pdf/open.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/pdf/open.js')>();
  return {
    ...real,
    openPdf: async (...args: Parameters<typeof real.openPdf>) => countReads(await real.openPdf(...args)),
    openWith: async (...args: Parameters<typeof real.openWith>) => countReads(await real.openWith(...args)),
  };
});

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: string): string => path.join(ROOT, 'fixtures', name);

afterEach(() => {
  counts.opened = 0;
  counts.pages.clear();
});

/** Each of the document's pages read exactly once; rendered (once) only when drawn. */
function expectReadOnce(pages: number, drawn: readonly number[]): void {
  expect(counts.opened).toBe(1);
  expect([...counts.pages.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
  for (const [n, c] of counts.pages) {
    const rendered = drawn.includes(n) ? 1 : 0;
    expect({ page: n, ...c }).toEqual({
      page: n,
      getPage: 1 + rendered,
      getTextContent: 1,
      getOperatorList: 1,
      render: rendered,
    });
  }
}

describe('show reads the PDF once', () => {
  it('openShow + an HTML report: one document, each page read once, the pages with tables rendered once', async () => {
    const { openShow, pagesHtml, pagesWithTables } = await import('../src/show/show.js');
    const data = new Uint8Array(await readFile(fixture('sample-budget.pdf')));
    const s = await openShow({ data, fileName: 'sample-budget.pdf' });
    try {
      const drawn = pagesWithTables(s.model);
      // Page 1 is the cover: read, not drawn.
      expect(drawn).toEqual([2, 3, 4, 5]);
      const html = await pagesHtml(s);
      expect(html).toContain('<section class="page" id="page-2">');
      expectReadOnce(s.model.pages.length, drawn);
    } finally {
      await s.close();
    }
  });

  it('the CLI show command (--all), a table over three pages: the same', async () => {
    const { runShow } = await import('../src/cli/show.js');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'show-reads-'));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const code = await runShow({
        command: 'show',
        input: fixture('three-pages-bare.pdf'),
        all: true,
        html: false,
        output: `${dir}/`,
      });
      expect(code).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0]).trim())).toHaveLength(3);
      expectReadOnce(3, [1, 2, 3]);
    } finally {
      out.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the CLI show command (--html --page 2): every page read once, only page 2 rendered', async () => {
    const { runShow } = await import('../src/cli/show.js');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'show-reads-'));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const file = path.join(dir, 'r.html');
      expect(
        await runShow({
          command: 'show',
          input: fixture('spreadsheet-print.pdf'),
          page: 2,
          all: false,
          html: true,
          output: file,
        }),
      ).toBe(0);
      expect(await readFile(file, 'utf8')).toContain('id="page-2"');
      expectReadOnce(4, [2]);
    } finally {
      out.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
