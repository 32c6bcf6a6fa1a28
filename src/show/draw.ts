import { createRequire } from 'node:module';
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { Box } from '../types.js';
import type { ShowModel, ShowPage } from './model.js';

/** Overlay colours, shared by the PNG and the HTML report (tests look for them in the pixels). */
export const COLORS = {
  strokeRule: '#0057ff',
  fillRule: '#ff8c00',
  cell: '#1fa84f',
  merged: '#a020f0',
  table: '#008b8b',
  failed: '#e00000',
} as const;

export const LEGEND: { key: keyof typeof COLORS; text: string }[] = [
  { key: 'strokeRule', text: 'ruling: stroked line' },
  { key: 'fillRule', text: 'ruling: filled rectangle' },
  { key: 'cell', text: 'cell' },
  { key: 'merged', text: 'merged cell (row/col span)' },
  { key: 'table', text: 'table (kind · title)' },
  { key: 'failed', text: 'row failing a check' },
];

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

/**
 * Draws what was read over a rendered page, in page space × `scale`: cell boxes, merged cells, failed rows, table
 * boxes with labels, then the rulings on top (stroke and fill in their own colours), then a legend in the emptiest
 * corner.
 */
export function drawOverlay(ctx: SKRSContext2D, model: ShowModel, page: ShowPage, scale: number): void {
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
  // Rows that failed a check.
  for (const f of model.failedRows) {
    const place = model.rows[f.table]?.[f.row];
    if (!place || place.page !== page.number) continue;
    // Inset 1.75 pt: the outline runs between the ruling and the cell outlines, each still visible.
    const [x, y, w, h] = rect(place.box, -1.75 * s);
    ctx.fillStyle = withAlpha(COLORS.failed, 0.22);
    ctx.fillRect(x, y, w, h);
    ctx.strokeStyle = COLORS.failed;
    ctx.lineWidth = Math.max(1.5, s);
    ctx.strokeRect(x, y, w, h);
  }
  // Table boxes, just outside the grid, with their labels above.
  const family = cjkFontFamily();
  const fontPx = Math.round(6.5 * s);
  for (const part of page.parts) {
    const pad = 3 * s;
    const [x, y, w, h] = rect(part.box, pad);
    ctx.strokeStyle = COLORS.table;
    ctx.lineWidth = Math.max(2, 1.2 * s);
    ctx.strokeRect(x, y, w, h);
    const text = partLabel(model, part.table, part.part, part.parts, !family);
    ctx.font = `bold ${fontPx}px ${family ? `"${family}", ` : ''}sans-serif`;
    const tw = ctx.measureText(text).width + fontPx;
    const th = fontPx * 1.5;
    const ly = y - th >= 0 ? y - th : y + h;
    ctx.fillStyle = COLORS.table;
    ctx.fillRect(x, ly, Math.min(tw, page.width * s - x), th);
    ctx.fillStyle = '#ffffff';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, x + fontPx / 2, ly + th / 2);
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
  drawLegend(ctx, page, s);
  ctx.restore();
}

function drawLegend(ctx: SKRSContext2D, page: ShowPage, s: number): void {
  const fontPx = Math.round(6.5 * s);
  const line = fontPx * 1.45;
  const sw = fontPx * 1.6;
  ctx.font = `${fontPx}px sans-serif`;
  const textW = Math.max(...LEGEND.map((l) => ctx.measureText(l.text).width));
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
  const boxes: Box[] = [...page.layout.grids.map((g) => g.box), ...page.layout.lines, ...page.rulings];
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
    } else if (l.key === 'failed' || l.key === 'merged') {
      ctx.fillStyle = withAlpha(color, l.key === 'failed' ? 0.22 : 0.14);
      ctx.fillRect(x, cy - fontPx / 2.5, sw, (2 * fontPx) / 2.5);
      ctx.strokeStyle = color;
      ctx.lineWidth = Math.max(1, 0.6 * s);
      ctx.strokeRect(x, cy - fontPx / 2.5, sw, (2 * fontPx) / 2.5);
    } else {
      ctx.strokeStyle = color;
      ctx.lineWidth = Math.max(1, (l.key === 'table' ? 1.2 : 0.5) * s);
      ctx.strokeRect(x, cy - fontPx / 2.5, sw, (2 * fontPx) / 2.5);
    }
    ctx.fillStyle = '#222222';
    ctx.fillText(l.text, x + sw + fontPx / 2, cy);
  });
}

function withAlpha(color: string, a: number): string {
  const [r, g, b] = rgb(color);
  return `rgba(${r},${g},${b},${a})`;
}
