import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractWithPages } from '../src/extract.js';
import { openPdf } from '../src/pdf/open.js';
import { readPage } from '../src/pdf/page.js';
import { COLORS, rgb } from '../src/show/draw.js';
import { buildShowModel } from '../src/show/model.js';
import { openForRender } from '../src/show/render.js';
import { openShow, pagePng, type ShowSession } from '../src/show/show.js';
import type { Box, PageContent, Ruling } from '../src/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: string): string => path.join(ROOT, 'fixtures', name);
const BIN = path.join(ROOT, 'bin', 'budget-extract.js');
const run = promisify(execFile);

interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

async function decode(png: Buffer): Promise<Pixels> {
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  return {
    width: img.width,
    height: img.height,
    at: (x, y) => {
      const i = (Math.floor(y) * img.width + Math.floor(x)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

const near = (a: readonly number[], b: readonly number[], tol = 24): boolean =>
  a.every((v, i) => Math.abs(v - b[i]!) <= tol);

async function content(file: string, page: number): Promise<PageContent> {
  const doc = await openPdf(new Uint8Array(await readFile(fixture(file))));
  try {
    return await readPage(doc, page);
  } finally {
    await doc.destroy();
  }
}

/** Share of points along a rule (page space × scale) showing `color`, sampled between its ends. */
function along(px: Pixels, r: Box, scale: number, color: readonly number[]): number {
  let hit = 0;
  const n = 12;
  for (let k = 1; k <= n; k++) {
    const t = 0.05 + (0.9 * k) / (n + 1);
    const x = (r.x0 + (r.x1 - r.x0) * t) * scale;
    const y = (r.y0 + (r.y1 - r.y0) * t) * scale;
    if (near(px.at(x, y), color)) hit++;
  }
  return hit / n;
}

const longest = (rulings: Ruling[], source: Ruling['source'], horizontal: boolean): Ruling => {
  const list = rulings.filter((r) => r.source === source && (horizontal ? r.y0 === r.y1 : r.x0 === r.x1));
  expect(list.length).toBeGreaterThan(0);
  return list.sort((a, b) => b.x1 - b.x0 + (b.y1 - b.y0) - (a.x1 - a.x0 + (a.y1 - a.y0)))[0]!;
};

async function session(file: string): Promise<ShowSession> {
  return openShow({ data: new Uint8Array(await readFile(fixture(file))), fileName: file });
}

describe('show: page pictures', () => {
  for (const [file, source] of [
    ['fill-rulings.pdf', 'fill'],
    ['stroke-rulings.pdf', 'stroke'],
  ] as const) {
    it(`${file}: page size × scale, ${source} rules drawn in their colour along the rules readPage found`, async () => {
      const s = await session(file);
      try {
        const page = await content(file, 1);
        for (const scale of [2, 1.5]) {
          const px = await decode(await pagePng(s, 1, scale));
          expect(px.width).toBe(Math.round(page.width * scale));
          expect(px.height).toBe(Math.round(page.height * scale));
          const color = rgb(source === 'fill' ? COLORS.fillRule : COLORS.strokeRule);
          const other = rgb(source === 'fill' ? COLORS.strokeRule : COLORS.fillRule);
          for (const horizontal of [true, false]) {
            const rule = longest(page.rulings, source, horizontal);
            expect(along(px, rule, scale, color)).toBeGreaterThanOrEqual(0.9);
            expect(along(px, rule, scale, other)).toBe(0);
          }
          // Off the rules, the page itself shows: white paper well below the table.
          expect(near(px.at(px.width / 2, px.height * 0.85), [255, 255, 255], 2)).toBe(true);
        }
      } finally {
        await s.close();
      }
    });
  }

  it('fill-rulings.pdf: merged cells and the table box are drawn', async () => {
    const s = await session('fill-rulings.pdf');
    try {
      const px = await decode(await pagePng(s, 1, 2));
      const page = s.model.pages[0]!;
      expect(page.parts).toHaveLength(1);
      const merged = page.layout.grids.flatMap((g) => g.cells).find((c) => c.rowSpan > 1)!;
      expect(merged).toBeDefined();
      // Tinted inside: mostly white plus the merged colour at 14 %.
      const [r, g, b] = px.at(
        ((merged.box.x0 + merged.box.x1) / 2) * 2 - 12,
        ((merged.box.y0 + merged.box.y1) / 2) * 2 + 14,
      );
      expect(b).toBeGreaterThan(g);
      expect(r).toBeGreaterThan(g);
      // The table box: 3 pt outside the grid, in the table colour.
      const box = page.parts[0]!.box;
      const edge = { x0: box.x0, x1: box.x1, y0: box.y1 + 3, y1: box.y1 + 3 };
      expect(along(px, edge, 2, rgb(COLORS.table))).toBeGreaterThanOrEqual(0.9);
    } finally {
      await s.close();
    }
  });

  it('rotated.pdf (/Rotate 90): drawn landscape, in the page space the reader uses', async () => {
    const s = await session('rotated.pdf');
    try {
      const page = await content('rotated.pdf', 1);
      expect(page.width).toBeGreaterThan(page.height);
      const px = await decode(await pagePng(s, 1, 2));
      expect([px.width, px.height]).toEqual([Math.round(page.width * 2), Math.round(page.height * 2)]);
      const source = page.rulings[0]!.source;
      const color = rgb(source === 'fill' ? COLORS.fillRule : COLORS.strokeRule);
      for (const horizontal of [true, false])
        expect(along(px, longest(page.rulings, source, horizontal), 2, color)).toBeGreaterThanOrEqual(0.9);
      // The rendered ink lines up with the rules: text drawn by pdf.js sits inside the table box.
      const item = page.items.find((i) => /^\d[\d,]*\.\d\d$/u.test(i.text))!;
      let dark = 0;
      for (let x = item.x0 * 2; x < item.x1 * 2; x++)
        for (let y = item.y0 * 2; y < item.y1 * 2; y++) if (px.at(x, y)[0] < 100) dark++;
      expect(dark).toBeGreaterThan(20);
    } finally {
      await s.close();
    }
  });

  it('three-pages-bare.pdf: a table stitched over three pages shows its part on each', async () => {
    const s = await session('three-pages-bare.pdf');
    try {
      expect(s.model.doc.tables).toHaveLength(1);
      for (const n of [1, 2, 3]) {
        const page = s.model.pages[n - 1]!;
        expect(page.parts.map((p) => [p.table, p.part, p.parts])).toEqual([[0, n, 3]]);
        const px = await decode(await pagePng(s, n, 1.5));
        const box = page.parts[0]!.box;
        const left = { x0: box.x0 - 3, x1: box.x0 - 3, y0: box.y0, y1: box.y1 };
        expect(along(px, left, 1.5, rgb(COLORS.table))).toBeGreaterThanOrEqual(0.9);
        const rule = longest((await content('three-pages-bare.pdf', n)).rulings, page.rulings[0]!.source, true);
        const color = rgb(rule.source === 'fill' ? COLORS.fillRule : COLORS.strokeRule);
        expect(along(px, rule, 1.5, color)).toBeGreaterThanOrEqual(0.9);
      }
      // Every row was placed on the page it was read from.
      const places = s.model.rows[0]!;
      expect(places.every((p, i) => p && p.page === s.model.doc.tables[0]!.rowPages[i])).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('a failed check naming no column (its cell unknown) draws its row red', async () => {
    const data = new Uint8Array(await readFile(fixture('fill-rulings.pdf')));
    const pdf = await openForRender(data);
    try {
      const read = await extractWithPages(pdf, { fileName: 'fill-rulings.pdf' });
      const doc = read.doc;
      const table = doc.tables[0]!;
      const row = table.rows.findIndex((r) => r.includes('招商引资'));
      expect(row).toBeGreaterThan(0);
      const passed = doc.checks.results.find((r) => r.tableTitle === table.title)!;
      doc.checks.results.push({
        ...passed,
        passed: false,
        row: { code: '2011308', name: '招商引资' },
        rowIndex: row,
        column: null,
      });
      const model = buildShowModel(read);
      expect(model.failedRows.map((f) => [f.table, f.row])).toEqual([[0, row]]);
      const place = model.rows[0]![row]!;
      const px = await decode(await pagePng({ model, pdf, close: async () => undefined }, 1, 2));
      // Inside the row, on blank paper between the name and the amount: white tinted red.
      const item = (await content('fill-rulings.pdf', 1)).items.find((i) => i.text === '招商引资')!;
      const [r, g, b] = px.at((item.x1 + 6) * 2, ((place.box.y0 + place.box.y1) / 2) * 2);
      expect(r).toBeGreaterThan(200);
      expect(g).toBeLessThan(230);
      expect(Math.abs(g - b)).toBeLessThan(12);
      // The row's outline is red.
      const top = { x0: place.box.x0 + 40, x1: place.box.x1 - 40, y0: place.box.y0 + 1.75, y1: place.box.y0 + 1.75 };
      expect(along(px, top, 2, rgb(COLORS.failed))).toBeGreaterThan(0.5);
    } finally {
      await pdf.destroy();
    }
  });

  it('a failed check without a row index (made outside runChecks) still finds its row by name', async () => {
    const s = await session('fill-rulings.pdf');
    try {
      const doc = s.model.doc;
      const row = doc.tables[0]!.rows.findIndex((r) => r.includes('招商引资'));
      const passed = doc.checks.results.find((r) => r.table === 0)!;
      doc.checks.results.push({
        ...passed,
        table: null,
        passed: false,
        row: { code: '2011308', name: '招商引资' },
        rowIndex: null,
      });
      const model = buildShowModel({ doc, pages: s.model.pages });
      expect(model.failedRows.map((f) => [f.table, f.row])).toEqual([[0, row]]);
    } finally {
      await s.close();
    }
  });
});

describe('show: command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'show-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes <stem>.p<N>.png in the current folder by default, -o elsewhere', async () => {
    const r = await run(process.execPath, [BIN, 'show', fixture('stroke-rulings.pdf'), '--page', '1'], { cwd: dir });
    expect(r.stdout.trim()).toBe('stroke-rulings.p1.png');
    const px = await decode(await readFile(path.join(dir, 'stroke-rulings.p1.png')));
    const page = await content('stroke-rulings.pdf', 1);
    expect([px.width, px.height]).toEqual([Math.round(page.width * 2), Math.round(page.height * 2)]);
    await run(
      process.execPath,
      [BIN, 'show', fixture('stroke-rulings.pdf'), '--page', '1', '--scale', '1', '-o', 'sub/one.png'],
      { cwd: dir },
    );
    expect((await decode(await readFile(path.join(dir, 'sub', 'one.png')))).width).toBe(Math.round(page.width));
  });

  it('--all -o DIR/ writes one PNG per page with a table', async () => {
    const r = await run(process.execPath, [BIN, 'show', fixture('three-pages-bare.pdf'), '--all', '-o', 'all/'], {
      cwd: dir,
    });
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect((await readdir(path.join(dir, 'all'))).sort()).toEqual([
      'three-pages-bare.p1.png',
      'three-pages-bare.p2.png',
      'three-pages-bare.p3.png',
    ]);
  });

  it('usage errors exit 2, unreadable input 1', async () => {
    const code = async (args: string[]): Promise<number> =>
      run(process.execPath, [BIN, 'show', ...args], { cwd: dir }).then(
        () => 0,
        (e: { code: number }) => e.code,
      );
    expect(await code([fixture('rotated.pdf')])).toBe(2);
    expect(await code([fixture('rotated.pdf'), '--page', '9'])).toBe(2);
    expect(await code([fixture('rotated.pdf'), '--all'])).toBe(2);
    expect(await code([fixture('rotated.pdf'), '--page', '1', '--scale', 'x'])).toBe(2);
    await writeFile(path.join(dir, 'not.pdf'), 'hello');
    expect(await code(['not.pdf', '--page', '1'])).toBe(1);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`show.test: ${CHROMIUM} missing, HTML report browser test skipped`);

/** Headless Chromium on a fresh profile folder in `dir` (launchPersistentContext passes it as --user-data-dir). */
async function launch(dir: string, viewport: { width: number; height: number }) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

describe('show --html: the review page', () => {
  it('grouped(): thousands separators, and the decimals the cell prints', async () => {
    const { grouped } = await import('../src/show/html.js');
    expect(grouped('4620993.33')).toBe('4,620,993.33');
    expect(grouped('-100', 2)).toBe('-100.00');
    expect(grouped('1004')).toBe('1,004');
    expect(grouped('-1234567.5', 2)).toBe('-1,234,567.50');
    expect(grouped('n/a')).toBe('n/a');
  });

  it('lists the failed checks in Chinese and English with their numbers; failing cells outlined, not rows', async () => {
    const s = await session('faults/amount-changed.pdf');
    try {
      const { pagesHtml } = await import('../src/show/show.js');
      const html = await pagesHtml(s);
      const failed = s.model.doc.checks.results.filter((r) => !r.passed);
      expect(failed.length).toBeGreaterThan(0);
      expect(html.match(/<li class="failure" id="f-\d+"/gu)).toHaveLength(failed.length);
      expect(html).toContain(failed[0]!.message.zh);
      expect(html).toContain(failed[0]!.message.en);
      expect(html).toMatch(/应为 <span class="en">expected<\/span> <b>4,620,993\.33<\/b> 元/u);
      expect(html).toContain('差额');
      // Page images: WebP, only pages with a table.
      expect(html).toContain('data:image/webp;base64,');
      expect(html).not.toContain('data:image/png');
      // The failing cell (基本支出 of row 3) is outlined; its row is not.
      const t = failed[0]!.table!;
      const col = s.model.doc.tables[t]!.columns.indexOf(failed[0]!.column!);
      expect(html).toMatch(
        new RegExp(`<td id="t-${t}-${failed[0]!.rowIndex}-${col}"[^>]* class="[^"]*\\bfail\\b`, 'u'),
      );
      expect(html).not.toContain('<tr class="fail"');
    } finally {
      await s.close();
    }
  });

  it('uses terms, unit and cause when a result has them: terms selected with it, causes listed', async () => {
    const s = await session('faults/amount-changed.pdf');
    try {
      const { htmlReport, tdId } = await import('../src/show/html.js');
      const doc = s.model.doc;
      const failed = doc.checks.results.filter((r) => !r.passed);
      const r = failed[0]!;
      const t = r.table!;
      const table = doc.tables[t]!;
      const cause = { id: 'x1', zh: '一处印错', en: 'one misprint' };
      r.unit = '万元';
      r.cause = cause;
      failed[1]!.cause = cause;
      r.terms = [r.rowIndex! + 1, r.rowIndex! + 2].map((row) => ({
        table: t,
        rowIndex: row,
        column: r.column!,
        page: table.rowPages[row]!,
        code: null,
        name: table.rows[row]![1]!,
        value: '1',
      }));
      const html = htmlReport(buildShowModel({ doc, pages: s.model.pages }), new Map());
      const col = table.columns.indexOf(r.column!);
      const li = /<li class="failure" id="f-0"[^>]*data-term="([^"]*)"/u.exec(html)!;
      expect(li[1]!.split(' ')).toContain(tdId(t, r.rowIndex! + 1, col));
      expect(html).toMatch(/<b>4,620,993\.33<\/b> 万元/u);
      expect(html).toContain('加数 terms (2)');
      expect(html).toMatch(/class="failure cause-item"[^>]*>.*一处印错.*one misprint.*#1.*#2/u);
    } finally {
      await s.close();
    }
  });
});

describe.skipIf(!haveChromium)('show --html in headless Chromium', () => {
  it('the review page: clicking the first failure highlights its cell on the page image and in the grid, in view', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'show-review-'));
    const browser = await launch(dir, { width: 1400, height: 900 });
    try {
      const file = path.join(dir, 'review.html');
      await run(process.execPath, [BIN, 'show', fixture('faults/amount-changed.pdf'), '--html', '-o', file], {
        cwd: dir,
      });
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      const first = page.locator('li.failure:not(.cause-item)').first();
      const text = (await first.textContent()) ?? '';
      expect(text).toMatch(/[\u4e00-\u9fff]/u);
      expect(text).toContain('应为');
      expect(text).toContain('4,620,993.33');
      expect(text).toContain('4,620,893.33');
      expect(text).toMatch(/-100(\.00)? 元/u);
      expect(text).toMatch(/第 2 页/u);
      const [box, cell] = (await first.getAttribute('data-hl'))!.split(' ');
      expect(box).toMatch(/^c-2-/u);
      expect(cell).toMatch(/^t-\d+-\d+-\d+$/u);
      const td = page.locator(`[id="${cell}"]`);
      const rect = page.locator(`[id="${box}"]`);
      expect(await td.getAttribute('class')).toContain('fail');
      expect(await td.getAttribute('class')).not.toContain('hl');
      await first.click();
      expect(await td.getAttribute('class')).toContain('hl');
      expect(await rect.getAttribute('class')).toContain('hl');
      expect(await first.getAttribute('class')).toContain('active');
      // Both in the window, and the cell inside its scrolling grid panel.
      const inView = (e: Element): boolean => {
        const r = e.getBoundingClientRect();
        const p = e.closest('.grids')?.getBoundingClientRect() ?? {
          top: 0,
          left: 0,
          bottom: innerHeight,
          right: innerWidth,
        };
        return (
          r.width > 0 &&
          r.top >= Math.max(0, p.top) &&
          r.left >= Math.max(0, p.left) &&
          r.bottom <= Math.min(innerHeight, p.bottom) &&
          r.right <= Math.min(innerWidth, p.right)
        );
      };
      expect(await td.evaluate(inView)).toBe(true);
      expect(await rect.evaluate(inView)).toBe(true);
      // Not under the failure list (it stays at the top of the window): the cell is what shows at its centre.
      const onTop = (e: Element): boolean => {
        const r = e.getBoundingClientRect();
        const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
        return !!hit && (hit === e || e.contains(hit));
      };
      expect(await td.evaluate(onTop)).toBe(true);
      expect(await rect.evaluate(onTop)).toBe(true);
      // Wide screen: page image and grid side by side, the grid at least 500 px wide.
      const sheet = (await page.locator('#page-2 .sheet').boundingBox())!;
      const grids = (await page.locator('#page-2 .grids').boundingBox())!;
      expect(grids.x).toBeGreaterThanOrEqual(sheet.x + sheet.width);
      expect(grids.width).toBeGreaterThan(500);
      // The next failure (key n) moves the highlight.
      await page.keyboard.press('n');
      expect(await td.getAttribute('class')).not.toContain('hl');
      expect(await page.locator('li.failure:not(.cause-item)').nth(1).getAttribute('class')).toContain('active');
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('opens offline; clicking a grid cell highlights its box on the page image', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'show-html-'));
    const browser = await launch(dir, { width: 1700, height: 1100 });
    try {
      const file = path.join(dir, 'report.html');
      await run(process.execPath, [BIN, 'show', fixture('three-pages-bare.pdf'), '--html', '-o', file], { cwd: dir });
      const html = await readFile(file, 'utf8');
      expect(html).not.toMatch(/(src|href)="https?:/u);
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(file).href);
      expect(await page.locator('section.page img').count()).toBe(3);
      expect(await page.locator('table[data-table="1"]').count()).toBe(3);
      // A figure on page 2: its cell in the grid, and the box it points at.
      const content2 = await content('three-pages-bare.pdf', 2);
      const item = content2.items.find((i) => /^\d[\d,]*\.\d\d$/u.test(i.text))!;
      const td = page.locator('#page-2 td[data-box]', { hasText: item.text }).first();
      const id = await td.getAttribute('data-box');
      expect(id).toMatch(/^c-2-/u);
      const rect = page.locator(`[id="${id}"]`);
      expect((await rect.getAttribute('class')) ?? '').not.toContain('hl');
      await td.click();
      expect(await rect.getAttribute('class')).toContain('hl');
      expect(await td.getAttribute('class')).toContain('hl');
      const fill = await rect.evaluate((el) => getComputedStyle(el).fill);
      expect(fill).not.toBe('transparent');
      // The highlighted box is where the text is on the page (page space: the SVG viewBox).
      const x = Number(await rect.getAttribute('x')),
        y = Number(await rect.getAttribute('y'));
      const w = Number(await rect.getAttribute('width')),
        h = Number(await rect.getAttribute('height'));
      const cx = (item.x0 + item.x1) / 2,
        cy = (item.y0 + item.y1) / 2;
      expect(cx > x && cx < x + w && cy > y && cy < y + h).toBe(true);
      // Clicking another cell moves the highlight; clicking the box finds the cell back.
      const other = page.locator('#page-2 td[data-box]').nth(5);
      await other.click();
      expect((await rect.getAttribute('class')) ?? '').not.toContain('hl');
      await rect.dispatchEvent('click');
      expect(await td.getAttribute('class')).toContain('hl');
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
