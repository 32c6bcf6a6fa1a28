import type { Box } from '../types.js';

/** The area two boxes share (0 when they only touch or are apart). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

export const intersects = (a: Box, b: Box): boolean => overlapArea(a, b) > 0;

export interface LabelSpot {
  box: Box;
  /** Where it went: above the table, in the left or right margin beside it, below it, or (nothing free) the spot
   * covering least. */
  where: 'above' | 'left' | 'right' | 'below' | 'least';
  /** Area of `avoid` it covers (0 unless `where` is `least`). */
  covered: number;
}

/**
 * Where a table's label goes (page space, pure): a `w` × `h` box on the page covering none of `avoid` (the page's
 * printed text, the grids, labels already placed), near the table. Tried in order, each the nearest free spot to
 * its anchor: above (starting at the table's left edge, sliding right and then up to five label heights, keeping some of the table's
 * width), in the left margin and in the right margin (beside the table's top, sliding down its side), below
 * (starting at the left edge, sliding right and then down). When every spot covers something, the one covering
 * least. `gap`: the space kept from the table box.
 */
export function placeLabel(
  size: { w: number; h: number },
  table: Box,
  avoid: readonly Box[],
  page: { width: number; height: number },
  gap = 1,
): LabelSpot {
  const { w, h } = size;
  const fits = (b: Box): boolean => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= page.width && b.y1 <= page.height;
  const at = (x: number, y: number): Box => ({ x0: x, y0: y, x1: x + w, y1: y + h });
  const step = Math.max(1, h / 3);
  // Up to five label heights away from the table.
  const levels = 16;
  // Horizontal positions keeping part of the table's width under or over the label, nearest the left edge first.
  const xs: number[] = [];
  const xFrom = Math.max(0, table.x0 - w / 2);
  const xTo = Math.min(page.width - w, table.x1 - Math.min(w, table.x1 - table.x0) / 2);
  for (let x = xFrom; x <= xTo + 1e-9; x += step) xs.push(x);
  if (table.x0 >= xFrom && table.x0 <= xTo) xs.push(table.x0);
  xs.sort((a, b) => Math.abs(a - table.x0) - Math.abs(b - table.x0));
  const ys: number[] = [];
  for (let y = table.y0; y + h <= Math.max(table.y1, table.y0 + h) + 1e-9; y += step) ys.push(y);

  const groups: { where: LabelSpot['where']; spots: Box[] }[] = [
    {
      where: 'above',
      spots: Array.from({ length: levels }, (_, j) => xs.map((x) => at(x, table.y0 - gap - h - j * step))).flat(),
    },
    { where: 'left', spots: ys.map((y) => at(table.x0 - gap - w, y)) },
    { where: 'right', spots: ys.map((y) => at(table.x1 + gap, y)) },
    {
      where: 'below',
      spots: Array.from({ length: levels }, (_, j) => xs.map((x) => at(x, table.y1 + gap + j * step))).flat(),
    },
  ];
  const cover = (b: Box): number => avoid.reduce((sum, a) => sum + overlapArea(a, b), 0);
  let best: LabelSpot | null = null;
  for (const g of groups) {
    for (const box of g.spots) {
      if (!fits(box)) continue;
      const covered = cover(box);
      if (covered === 0) return { box, where: g.where, covered };
      if (!best || covered < best.covered) best = { box, where: 'least', covered };
    }
  }
  if (best) return best;
  // Nothing fits on the page (a label wider than the page): above-left, pushed inside.
  const x = Math.max(0, Math.min(table.x0, page.width - w));
  const y = Math.max(0, Math.min(table.y0 - gap - h, page.height - h));
  const box = at(x, y);
  return { box, where: 'least', covered: cover(box) };
}
