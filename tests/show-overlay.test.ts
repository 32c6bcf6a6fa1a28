// The overlay's geometry: table labels over no printed text, failed checks outlining their own cells.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { extractWithPages } from '../src/extract.js';
import { openPdf } from '../src/pdf/open.js';
import { readPage } from '../src/pdf/page.js';
import { COLORS, drawOverlay, LEGEND, rgb } from '../src/show/draw.js';
import { buildShowModel, type ShowModel } from '../src/show/model.js';
import { intersects, placeLabel } from '../src/show/place.js';
import { openForRender } from '../src/show/render.js';
import { openShow, pagePng } from '../src/show/show.js';
import type { Box, CheckResult, TextItem } from '../src/types.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: string): string => path.join(ROOT, 'fixtures', name);
const PAGE = { width: 600, height: 800 };
const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });

describe('placeLabel (literals)', () => {
  const table = box(50, 100, 550, 700);
  const size = { w: 120, h: 10 };

  it('nothing in the way: just above the table, at its left edge', () => {
    const spot = placeLabel(size, table, [], PAGE);
    expect(spot.where).toBe('above');
    expect(spot.box).toEqual(box(50, 89, 170, 99));
  });

  it('a 部门 line above the left edge and a 单位 line above the right: slides between them', () => {
    const dept = box(50, 88, 230, 98);
    const unit = box(480, 88, 550, 98);
    const spot = placeLabel(size, table, [dept, unit], PAGE);
    expect(spot.where).toBe('above');
    expect(intersects(spot.box, dept) || intersects(spot.box, unit)).toBe(false);
    expect(spot.box.y1).toBeLessThanOrEqual(99);
    expect(spot.box.x0).toBeGreaterThanOrEqual(230);
  });

  it('the band above full of text: goes up to a free line, else into the margin', () => {
    const band = box(0, 60, 600, 98.5);
    const up = placeLabel(size, table, [band], PAGE);
    expect(up.where).toBe('above');
    expect(intersects(up.box, band)).toBe(false);
    expect(up.box.y1).toBeLessThanOrEqual(60);
    // Text all the way up to the page top: the left margin (wide enough for a short label) beside the table.
    const top = box(0, 0, 600, 98.5);
    const short = placeLabel({ w: 40, h: 10 }, table, [top], PAGE);
    expect(short.where).toBe('left');
    expect(short.box).toEqual(box(9, 100, 49, 110));
    // Too wide for either margin: below the table.
    expect(placeLabel(size, table, [top], PAGE).where).toBe('below');
  });

  it('nowhere free: the spot covering least; never off the page', () => {
    const all = [box(0, 0, 600, 800)];
    const spot = placeLabel(size, table, all, PAGE);
    expect(spot.where).toBe('least');
    expect(spot.box.x0).toBeGreaterThanOrEqual(0);
    expect(spot.box.y0).toBeGreaterThanOrEqual(0);
    const lines = [box(0, 0, 600, 98), box(0, 702, 600, 800), box(0, 100, 48, 700), box(552, 100, 600, 700)];
    // Partly free: it covers less than a whole label's area.
    expect(placeLabel(size, table, lines, PAGE).covered).toBeLessThan(size.w * size.h);
  });
});

/** Every table label drawn on the pages with a table: none may cover a text item the page prints. */
async function labelsOverText(
  model: ShowModel,
  items: (page: number) => Promise<TextItem[]>,
): Promise<{ labels: number; hits: string[] }> {
  let labels = 0;
  const hits: string[] = [];
  for (const page of model.pages.filter((p) => p.parts.length)) {
    const canvas = createCanvas(Math.ceil(page.width), Math.ceil(page.height));
    const geometry = drawOverlay(canvas.getContext('2d'), model, page, 1);
    expect(geometry.labels).toHaveLength(page.parts.length);
    const text = await items(page.number);
    for (const l of geometry.labels) {
      labels++;
      for (const item of text) if (intersects(l.box, item)) hits.push(`p${page.number} ${l.text} × ${item.text}`);
    }
  }
  return { labels, hits };
}

async function checkLabels(file: string): Promise<number> {
  const data = new Uint8Array(await readFile(file));
  const session = await openShow({ data, fileName: path.basename(file) });
  const raw = await openPdf(new Uint8Array(data));
  try {
    const { labels, hits } = await labelsOverText(session.model, async (n) => (await readPage(raw, n)).items);
    expect(hits).toEqual([]);
    return labels;
  } finally {
    await raw.destroy();
    await session.close();
  }
}

describe('table labels cover no printed text', () => {
  it.each(['sample-budget.pdf', 'fill-rulings.pdf', 'three-pages-bare.pdf', 'rotated.pdf', 'spilled-total.pdf'])(
    'fixture %s',
    async (name) => {
      expect(await checkLabels(fixture(name))).toBeGreaterThan(0);
    },
  );

  it.skipIf(!hasCorpus).each(['cq-01', 'bj-01', 'bj-03'])(
    'corpus %s: every page with a table',
    async (id) => {
      expect(await checkLabels(corpusPdf(id))).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe('a failed check outlines its own cell', () => {
  it('the failed cell’s box is the grid cell’s; its terms are marked lighter; the row is not painted', async () => {
    const pdf = await openForRender(new Uint8Array(await readFile(fixture('fill-rulings.pdf'))));
    try {
      const read = await extractWithPages(pdf, { fileName: 'fill-rulings.pdf' });
      const doc = read.doc;
      const table = doc.tables[0]!;
      const row = table.rows.findIndex((r) => r.includes('招商引资'));
      const col = table.columns.indexOf('支出预算/合计');
      expect(row).toBeGreaterThan(0);
      expect(col).toBeGreaterThan(0);
      const base = doc.checks.results.find((r) => r.table === 0)!;
      const term = (rowIndex: number, column: string): NonNullable<CheckResult['terms']>[number] => ({
        table: 0,
        rowIndex,
        column,
        page: 1,
        code: null,
        name: table.rows[rowIndex]![3]!,
        value: null,
      });
      doc.checks.results.push({
        ...base,
        passed: false,
        row: { code: '2011308', name: '招商引资' },
        rowIndex: row,
        column: '支出预算/合计',
        terms: [term(row, '支出预算/基本支出'), term(row, '支出预算/项目支出')],
      });
      const model = buildShowModel(read);
      // The cell, found independently: the grid row the table row was read from (TablePart.gridRows), the column.
      const part = table.parts.find((p) => p.rows[0] <= row && row < p.rows[1])!;
      const grid = read.pages[part.page - 1]!.layout.grids[part.grid]!;
      const gridRow = part.gridRows[row - part.rows[0]]!;
      const cellAt = (c: number): Box =>
        grid.cells.find((x) => x.row <= gridRow && gridRow < x.row + x.rowSpan && x.col <= c && c < x.col + x.colSpan)!
          .box;
      const page = model.pages[0]!;
      const canvas = createCanvas(Math.ceil(page.width * 2), Math.ceil(page.height * 2));
      const geometry = drawOverlay(canvas.getContext('2d'), model, page, 2);
      expect(geometry.failedCells).toEqual([cellAt(col)]);
      expect(geometry.termCells).toEqual([cellAt(col + 1), cellAt(col + 2)]);
      expect(geometry.failedRows).toEqual([]);

      // In pixels: the cell is outlined red, the name cell of the same row stays white.
      const img = await loadImage(await pagePng({ model, pdf, close: async () => undefined }, 1, 2));
      const c2 = createCanvas(img.width, img.height);
      const ctx = c2.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const at = (x: number, y: number): number[] => [...ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data];
      const cell = cellAt(col);
      const red = rgb(COLORS.failed);
      const topEdge = (cell.y0 + 1.75) * 2;
      const hits = [0.3, 0.5, 0.7].filter((t) => {
        const p = at((cell.x0 + (cell.x1 - cell.x0) * t) * 2, topEdge);
        return p.slice(0, 3).every((v, i) => Math.abs(v - red[i]!) < 40);
      });
      expect(hits.length).toBeGreaterThanOrEqual(2);
      const name = cellAt(3);
      const blank = at((name.x1 - 4) * 2, ((name.y0 + name.y1) / 2) * 2);
      expect(blank.slice(0, 3)).toEqual([255, 255, 255]);
    } finally {
      await pdf.destroy();
    }
  });
});

describe('legend', () => {
  it('says each colour in Chinese and English', () => {
    for (const l of LEGEND) {
      expect(l.zh).toMatch(/\p{Script=Han}/u);
      expect(l.en).toMatch(/^[a-z]/u);
      expect(l.text).toBe(`${l.zh} ${l.en}`);
    }
    expect(LEGEND.map((l) => l.key)).toEqual(expect.arrayContaining(['failed', 'term', 'cell', 'merged', 'table']));
  });
});
