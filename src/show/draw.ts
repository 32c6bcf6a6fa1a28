import { createRequire } from 'node:module';
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { Box } from '../types.js';
import type { PagePart, ShowModel, ShowPage } from './model.js';
import { type LabelSpot, placeLabel } from './place.js';

/** Overlay colours, shared by the PNG and the HTML report (tests look for them in the pixels). */
export const COLORS = {
  strokeRule: '#0057ff',
  fillRule: '#ff8c00',
  cell: '#1fa84f',
  merged: '#a020f0',
  table: '#008b8b',
  failed: '#e00000',
  term: '#f08080',
} as const;

/** The legend, in Chinese and English (`text` is both, `en` alone where no CJK font is at hand). */
export const LEGEND: { key: keyof typeof COLORS; zh: string; en: string; text: string }[] = (
  [
    ['strokeRule', '表线（描边）', 'rule (stroke)'],
    ['fillRule', '表线（填充）', 'rule (filled box)'],
    ['cell', '单元格', 'cell'],
    ['merged', '合并单元格', 'merged cell'],
    ['table', '表格（类型 · 标题）', 'table (kind · title)'],
    ['failed', '未通过的检查', 'failed check'],
    ['term', '被加总的单元格', 'cell added up'],
  ] as const
).map(([key, zh, en]) => ({ key, zh, en, text: `${zh} ${en}` }));

/** [r, g, b] of an overlay colour. */
export function rgb(color: string): [number, number, number] {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const CJK_FAMILY =
  /CJK|Hei|Song|Kai|Ming|WenQuanYi|Fallback|Source Han|Noto Sans SC|Noto Serif SC|PingFang|YaHei|SimSun|Sarasa/i;
let labelFamily: string | null | undefined;

/**
 * A font that can write the tables' Chinese titles: a CJK font on the system, else Noto Sans SC from
 * @fontsource/noto-sans-sc when it is installed; null when there is none (labels then keep to ASCII).
 */
export function cjkFontFamily(): string | null {
  if (labelFamily !== undefined) return labelFamily;
  const found = GlobalFonts.families.map((f) => f.family).find((f) => CJK_FAMILY.test(f));
  if (found) {
    labelFamily = found;
    return found;
  }
  try {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2');
    GlobalFonts.registerFromPath(file, 'Noto Sans SC');
    labelFamily = 'Noto Sans SC';
  } catch {
    labelFamily = null;
  }
  return labelFamily;
}

/** The label of a table part: kind, label and title, and which part of a stitched table this is. */
export function partLabel(model: ShowModel, table: number, part: number, parts: number, ascii = false): string {
  const t = model.doc.tables[table]!;
  const failed = model.failedRows.filter((f) => f.table === table).length + model.failedTableChecks[table]!.length;
  const title = ascii ? '' : [t.label, t.title].filter(Boolean).join(' ');
  return [`#${table + 1} ${t.kind}`, title, parts > 1 ? `part ${part}/${parts}` : '', failed ? `${failed} failed` : '']
    .filter(Boolean)
    .join(' · ');
}

/** Label text size, in points. */
export const LABEL_FONT = 6.5;
/** The table box is drawn this far outside its grids (points). */
const TABLE_PAD = 3;

/** What the overlay draws where, in page space: the tables' labels, the failed checks' cells and terms. */
export interface OverlayGeometry {
  labels: (LabelSpot & { part: PagePart; text: string })[];
  /** The cells of failed checks on this page: each the grid cell's box. */
  failedCells: Box[];
  /** The cells those checks added up (their terms), when the results carry them. */
  termCells: Box[];
  /** Rows of failed checks whose cell was not found: the row is marked. */
  failedRows: Box[];
}

/**
 * Where each part of the overlay goes on `page`. `measure` gives a label's width in points (the canvas' text
 * metrics). A label goes where it covers none of the page's printed text (its text items, and `layout.lines`), no
 * grid (with its table box) and no other label: see `placeLabel`.
 */
export function overlayGeometry(
  model: ShowModel,
  page: ShowPage,
  measure: (text: string) => number,
  ascii = false,
): OverlayGeometry {
  const avoid: Box[] = [
    ...page.layout.lines.map((l) => grow(l, 0.5)),
    ...page.text.map((t) => grow(t, 0.5)),
    ...page.layout.grids.map((g) => grow(g.box, TABLE_PAD + 1)),
  ];
  const labels: OverlayGeometry['labels'] = [];
  const h = LABEL_FONT * 1.5;
  for (const part of page.parts) {
    const text = partLabel(model, part.table, part.part, part.parts, ascii);
    const w = measure(text) + LABEL_FONT;
    const spot = placeLabel({ w, h }, grow(part.box, TABLE_PAD), avoid, page, 1);
    labels.push({ ...spot, part, text });
    avoid.push(grow(spot.box, 1));
  }
  const on = <T extends { page: number }>(list: T[]): T[] => list.filter((m) => m.page === page.number);
  const failedRows = model.failedRows
    .filter((f) => f.checks.some((c) => model.rowOnlyChecks.has(c)))
    .map((f) => model.rows[f.table]?.[f.row])
    .filter((p): p is NonNullable<typeof p> => !!p && p.page === page.number)
    .map((p) => p.box);
  return {
    labels,
    failedCells: on(model.failedCells).map((m) => m.box),
    termCells: on(model.termCells).map((m) => m.box),
    failedRows,
  };
}

function grow(b: Box, d: number): Box {
  return { x0: b.x0 - d, y0: b.y0 - d, x1: b.x1 + d, y1: b.y1 + d };
}

/**
 * Draws what was read over a rendered page, in page space × `scale`: cell boxes, merged cells, the cells of failed
 * checks (and, lighter, the cells they added up), table boxes with their labels where they cover no printed text,
 * then the rulings on top (stroke and fill in their own colours), then a legend in the emptiest corner. Returns
 * where things went (page space).
 */
export function drawOverlay(ctx: SKRSContext2D, model: ShowModel, page: ShowPage, scale: number): OverlayGeometry {
  const s = scale;
  const rect = (b: Box, pad = 0): [number, number, number, number] => [
    b.x0 * s - pad,
    b.y0 * s - pad,
    (b.x1 - b.x0) * s + 2 * pad,
    (b.y1 - b.y0) * s + 2 * pad,
  ];
  ctx.save();
  const layout = page.layout;
  // Cells: a thin outline, inset so it stays off the rulings; merged cells tinted.
  for (const grid of layout.grids) {
    for (const cell of grid.cells) {
      const merged = cell.rowSpan > 1 || cell.colSpan > 1;
      const [x, y, w, h] = rect(cell.box, -Math.max(2, 1.5 * s));
      if (w <= 0 || h <= 0) continue;
      if (merged) {
        ctx.fillStyle = withAlpha(COLORS.merged, 0.14);
        ctx.fillRect(x, y, w, h);
        ctx.setLineDash([4 * s, 2 * s]);
        ctx.strokeStyle = COLORS.merged;
        ctx.lineWidth = Math.max(1.5, 0.9 * s);
      } else {
        ctx.setLineDash([]);
        ctx.strokeStyle = withAlpha(COLORS.cell, 0.85);
        ctx.lineWidth = Math.max(1, 0.5 * s);
      }
      ctx.strokeRect(x, y, w, h);
    }
  }
  ctx.setLineDash([]);
  const family = cjkFontFamily();
  const fontPx = Math.round(LABEL_FONT * s);
  const labelFont = `bold ${fontPx}px ${family ? `"${family}", ` : ''}sans-serif`;
  ctx.font = labelFont;
  const geometry = overlayGeometry(model, page, (t) => ctx.measureText(t).width / s, !family);
  // Failed checks: the cells they added up (lighter, dashed), then their own cells; a row when its cell is unknown.
  // Inset 1.75 pt: the outline runs between the ruling and the cell outlines, each still visible.
  const mark = (b: Box, color: string, fill: number, dash: number[]): void => {
    const [x, y, w, h] = rect(b, -1.75 * s);
    if (w <= 0 || h <= 0) return;
    ctx.fillStyle = withAlpha(color, fill);
    ctx.fillRect(x, y, w, h);
    ctx.setLineDash(dash);
    ctx.strokeStyle = color;
    ctx.lineWidth = Math.max(1.5, s);
    ctx.strokeRect(x, y, w, h);
  };
  for (const b of geometry.termCells) mark(b, COLORS.term, 0.12, [3 * s, 1.5 * s]);
  for (const b of geometry.failedRows) mark(b, COLORS.failed, 0.18, []);
  for (const b of geometry.failedCells) mark(b, COLORS.failed, 0.22, []);
  ctx.setLineDash([]);
  // Table boxes, just outside the grid; their labels where they cover no printed text.
  for (const part of page.parts) {
    const [x, y, w, h] = rect(part.box, TABLE_PAD * s);
    ctx.strokeStyle = COLORS.table;
    ctx.lineWidth = Math.max(2, 1.2 * s);
    ctx.strokeRect(x, y, w, h);
  }
  ctx.font = labelFont;
  ctx.textBaseline = 'middle';
  for (const label of geometry.labels) {
    const [x, y, w, h] = rect(label.box);
    ctx.fillStyle = COLORS.table;
    ctx.fillRect(x, y, w, h);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(label.text, x + fontPx / 2, y + h / 2);
  }
  // Rulings last, opaque, so their colour is what shows along every rule.
  const lw = Math.max(2.5, 1.5 * s);
  ctx.lineWidth = lw;
  ctx.lineCap = 'butt';
  for (const r of page.rulings) {
    ctx.strokeStyle = r.source === 'stroke' ? COLORS.strokeRule : COLORS.fillRule;
    ctx.beginPath();
    ctx.moveTo(r.x0 * s, r.y0 * s);
    ctx.lineTo(r.x1 * s, r.y1 * s);
    ctx.stroke();
  }
  drawLegend(
    ctx,
    page,
    s,
    geometry.labels.map((l) => l.box),
    family,
  );
  ctx.restore();
  return geometry;
}

function drawLegend(ctx: SKRSContext2D, page: ShowPage, s: number, labels: Box[], family: string | null): void {
  const fontPx = Math.round(6.5 * s);
  const line = fontPx * 1.45;
  const sw = fontPx * 1.6;
  ctx.font = `${fontPx}px ${family ? `"${family}", ` : ''}sans-serif`;
  const textOf = (l: (typeof LEGEND)[number]): string => (family ? l.text : l.en);
  const textW = Math.max(...LEGEND.map((l) => ctx.measureText(textOf(l)).width));
  const w = sw + fontPx * 1.5 + textW;
  const h = line * LEGEND.length + fontPx;
  const W = page.width * s,
    H = page.height * s,
    m = 4 * s;
  // The corner that covers the least of what was read.
  const corners = [
    { x: W - w - m, y: H - h - m },
    { x: W - w - m, y: m },
    { x: m, y: H - h - m },
    { x: m, y: m },
  ];
  const boxes: Box[] = [...page.layout.grids.map((g) => g.box), ...page.layout.lines, ...page.rulings, ...labels];
  const cover = (c: { x: number; y: number }): number =>
    boxes.reduce((sum, b) => {
      const ox = Math.max(0, Math.min(c.x + w, b.x1 * s + 2 * s) - Math.max(c.x, b.x0 * s - 2 * s));
      const oy = Math.max(0, Math.min(c.y + h, b.y1 * s + 2 * s) - Math.max(c.y, b.y0 * s - 2 * s));
      return sum + ox * oy + (ox > 0 && oy > 0 ? 1 : 0);
    }, 0);
  const at = corners.reduce((a, b) => (cover(b) < cover(a) ? b : a));
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(at.x, at.y, w, h);
  ctx.strokeStyle = '#888888';
  ctx.lineWidth = 1;
  ctx.strokeRect(at.x + 0.5, at.y + 0.5, w - 1, h - 1);
  ctx.textBaseline = 'middle';
  LEGEND.forEach((l, i) => {
    const cy = at.y + fontPx / 2 + line * i + line / 2;
    const x = at.x + fontPx / 2;
    const color = COLORS[l.key];
    if (l.key === 'strokeRule' || l.key === 'fillRule') {
      ctx.fillStyle = color;
      ctx.fillRect(x, cy - s, sw, 2 * s);
    } else if (l.key === 'failed' || l.key === 'merged' || l.key === 'term') {
      ctx.fillStyle = withAlpha(color, l.key === 'failed' ? 0.22 : l.key === 'term' ? 0.12 : 0.14);
      ctx.fillRect(x, cy - fontPx / 2.5, sw, (2 * fontPx) / 2.5);
      ctx.setLineDash(l.key === 'term' ? [3 * s, 1.5 * s] : l.key === 'merged' ? [4 * s, 2 * s] : []);
      ctx.strokeStyle = color;
      ctx.lineWidth = Math.max(1, 0.6 * s);
      ctx.strokeRect(x, cy - fontPx / 2.5, sw, (2 * fontPx) / 2.5);
      ctx.setLineDash([]);
    } else {
      ctx.strokeStyle = color;
      ctx.lineWidth = Math.max(1, (l.key === 'table' ? 1.2 : 0.5) * s);
      ctx.strokeRect(x, cy - fontPx / 2.5, sw, (2 * fontPx) / 2.5);
    }
    ctx.fillStyle = '#222222';
    ctx.fillText(textOf(l), x + sw + fontPx / 2, cy);
  });
}

function withAlpha(color: string, a: number): string {
  const [r, g, b] = rgb(color);
  return `rgba(${r},${g},${b},${a})`;
}
