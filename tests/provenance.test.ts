import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractWithPages } from '../src/extract.js';
import { compact } from '../src/pdf/normalize.js';
import { isIndicatorHeader } from '../src/tables/forms.js';
import type { Cell, PageGrid, Table } from '../src/types.js';

// Tables remember where they came from (#13): each part names the page grid it was read from and, per table row, the
// grid row. Checked on every generated fixture against the grids extraction laid out.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = readdirSync(path.join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.pdf'))
  .sort();

const covering = (grid: PageGrid, row: number): Cell[] =>
  grid.cells.filter((c) => c.row <= row && row < c.row + c.rowSpan);

/** A series of performance forms: its columns after the indicator header's come from the forms' field rows. */
function indicatorColumns(t: Table, grid: PageGrid): number {
  for (let r = 0; r + 1 < grid.ys.length; r++) {
    const texts = covering(grid, r).map((c) => compact(c.text));
    if (isIndicatorHeader(texts) && t.columns.includes(texts.find(Boolean) ?? '')) {
      const at = t.columns.findIndex((c) => !texts.includes(compact(c)));
      return at < 0 ? t.columns.length : at;
    }
  }
  return t.columns.length;
}

describe('provenance: every table row points at the grid row it was read from', () => {
  for (const file of FIXTURES) {
    it(file, async () => {
      const { doc, pages } = await extractWithPages(path.join(ROOT, 'fixtures', file));
      for (const t of doc.tables) {
        // The parts cover the rows in order, without gaps or overlaps, each on its row's page.
        let next = 0;
        for (const p of t.parts) {
          expect(p.rows[0]).toBe(next);
          expect(p.gridRows).toHaveLength(p.rows[1] - p.rows[0]);
          next = p.rows[1];
          const page = pages[p.page - 1]!;
          const grid = page.layout.grids[p.grid]!;
          expect(grid).toBeDefined();
          for (const k of ['x0', 'y0', 'x1', 'y1'] as const)
            expect(Math.abs(p.box[k] - grid.box[k])).toBeLessThanOrEqual(0.005);
          // Inside its page.
          expect(p.box.x0).toBeGreaterThanOrEqual(-0.5);
          expect(p.box.y0).toBeGreaterThanOrEqual(-0.5);
          expect(p.box.x1).toBeLessThanOrEqual(page.width + 0.5);
          expect(p.box.y1).toBeLessThanOrEqual(page.height + 0.5);
          expect(p.box.x0).toBeLessThan(p.box.x1);
          expect(p.box.y0).toBeLessThan(p.box.y1);
          expect(t.pages).toContain(p.page);
          const own = indicatorColumns(t, grid);
          p.gridRows.forEach((gr, k) => {
            const i = p.rows[0] + k;
            expect(t.rowPages[i]).toBe(p.page);
            expect(gr).toBeGreaterThanOrEqual(0);
            expect(gr).toBeLessThan(grid.ys.length - 1);
            if (k > 0) expect(gr).toBeGreaterThan(p.gridRows[k - 1]!);
            const texts = covering(grid, gr).map((c) => compact(c.text));
            t.rows[i]!.slice(0, own).forEach((value, col) => {
              const v = compact(value);
              if (!v) return;
              const joined = t.joined?.some((j) => j.col === col && j.rows[0] <= i && i < j.rows[1]);
              // A merged cell joined over a page break: this grid row holds the piece printed on its page (maybe none).
              if (joined)
                expect(
                  texts.some((s) => !s || v.includes(s)),
                  `${file} row ${i} col ${col}`,
                ).toBe(true);
              else expect(texts, `${file} row ${i} col ${col}`).toContain(v);
            });
          });
        }
        expect(next).toBe(t.rows.length);
      }
    });
  }

  it('a merged cell cut by page breaks: the joined rows span the parts, each part holding its piece', async () => {
    const { doc, pages } = await extractWithPages(path.join(ROOT, 'fixtures', 'merged-across-pages.pdf'));
    const t = doc.tables[0]!;
    expect(t.parts.map((p) => p.page)).toEqual([1, 2]);
    const joined = t.joined!.find((j) => j.col === 2)!;
    const [first, second] = t.parts as [Table['parts'][number], Table['parts'][number]];
    // The cell runs from the foot of page 1 into the top of page 2.
    expect(joined.rows[0]).toBeLessThan(first.rows[1]);
    expect(joined.rows[1]).toBeGreaterThan(second.rows[0]);
    const pieceOf = (p: Table['parts'][number], row: number): string => {
      const grid = pages[p.page - 1]!.layout.grids[p.grid]!;
      const gr = p.gridRows[row - p.rows[0]]!;
      return compact(grid.cells.find((c) => c.col === 2 && c.row <= gr && gr < c.row + c.rowSpan)!.text);
    };
    const top = pieceOf(first, joined.rows[0]),
      bottom = pieceOf(second, joined.rows[1] - 1);
    expect(top).not.toBe(bottom);
    expect(compact(t.rows[joined.rows[0]]![2]!)).toBe(top + bottom);
  });

  it('sha256 and output are the same from a path, from bytes and from an open document', async () => {
    const { readFile } = await import('node:fs/promises');
    const { openPdf } = await import('../src/pdf/open.js');
    const { extract } = await import('../src/extract.js');
    const file = path.join(ROOT, 'fixtures', 'spreadsheet-print.pdf');
    const data = new Uint8Array(await readFile(file));
    const fromPath = await extract(file);
    const fromBytes = await extract(data, { fileName: 'spreadsheet-print.pdf' });
    const pdf = await openPdf(data);
    try {
      const fromDoc = await extract(pdf, { fileName: 'spreadsheet-print.pdf' });
      expect(fromDoc).toEqual(fromPath);
      expect(fromBytes).toEqual(fromPath);
      // Left open for its owner: still readable.
      expect((await pdf.getPage(1)).pageNumber).toBe(1);
    } finally {
      await pdf.destroy();
    }
  });
});
