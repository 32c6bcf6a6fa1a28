import { DEFAULT_SETTINGS, type AlignedSettings, type Settings } from '../settings.js';
import type { Cell, PageGrid, TextLine } from '../types.js';
import { clusterBy } from './cluster.js';
import { AMOUNT_TEXT } from '../kinds/vocabulary.js';
import { groupLines } from './join.js';

/**
 * Borderless tables, read by column alignment: runs of text rows with three or more separate pieces, at least one of
 * them an amount. Columns are where the body rows' pieces overlap; header rows above are put in the column they
 * overlap most. Returns the grids and the lines they did not take.
 */
export function findAlignedGrids(
  page: number,
  lines: readonly TextLine[],
  settings: Settings = DEFAULT_SETTINGS,
): { grids: PageGrid[]; rest: TextLine[] } {
  const a = settings.aligned;
  const rows = groupLines(lines, settings.text.sameLine);
  const isBody = (row: TextLine[]): boolean =>
    row.length >= a.minBodyPieces && row.some((l) => AMOUNT_TEXT.test(l.text));
  const grids: PageGrid[] = [];
  const used = new Set<TextLine>();
  let i = 0;
  while (i < rows.length) {
    if (!isBody(rows[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    // Not clusterBy: a run of body rows, scanned in reading order, ends at a row that is no body row as well as at a gap.
    while (j < rows.length && isBody(rows[j]!) && gap(rows[j - 1]!, rows[j]!) < a.maxRowGap) j++;
    if (j - i >= a.minBodyRows) {
      let h = i;
      while (
        h > 0 &&
        i - h < a.maxHeaderRows &&
        rows[h - 1]!.length >= a.minHeaderPieces &&
        !isBody(rows[h - 1]!) &&
        gap(rows[h - 1]!, rows[h]!) < a.maxRowGap - a.headerGapMargin
      )
        h--;
      const grid = buildAlignedGrid(page, rows.slice(h, i), rows.slice(i, j), a);
      if (grid) {
        grids.push(grid);
        for (const row of rows.slice(h, j)) for (const l of row) used.add(l);
      }
    }
    i = j;
  }
  return { grids, rest: lines.filter((l) => !used.has(l)) };
}

function gap(upper: TextLine[], lower: TextLine[]): number {
  const size = Math.max(...upper.map((l) => l.size));
  return (Math.min(...lower.map((l) => l.y0)) - Math.max(...upper.map((l) => l.y1))) / size;
}

function buildAlignedGrid(
  page: number,
  header: TextLine[][],
  body: TextLine[][],
  { minColumns, padding }: AlignedSettings,
): PageGrid | null {
  // Columns: the body's pieces that overlap (or touch), left to right.
  const intervals = clusterBy(body.flat(), (l) => l.x0, 0, { from: 'extent', end: (l) => l.x1 }).map(
    (col): [number, number] => [col[0]!.x0, Math.max(...col.map((l) => l.x1))],
  );
  if (intervals.length < minColumns) return null;
  const xs = [intervals[0]![0] - padding];
  for (let k = 1; k < intervals.length; k++) xs.push((intervals[k - 1]![1] + intervals[k]![0]) / 2);
  xs.push(intervals[intervals.length - 1]![1] + padding);
  const all = [...header, ...body];
  const ys = [Math.min(...all[0]!.map((l) => l.y0)) - padding];
  for (let k = 1; k < all.length; k++)
    ys.push((Math.max(...all[k - 1]!.map((l) => l.y1)) + Math.min(...all[k]!.map((l) => l.y0))) / 2);
  ys.push(Math.max(...all[all.length - 1]!.map((l) => l.y1)) + padding);
  const cells: Cell[] = [];
  all.forEach((row, r) => {
    const texts: string[] = new Array(intervals.length).fill('');
    for (const l of row) {
      const col = bestColumn(intervals, l);
      texts[col] = texts[col] ? texts[col] + l.text : l.text;
    }
    texts.forEach((text, c) => {
      cells.push({
        row: r,
        col: c,
        rowSpan: 1,
        colSpan: 1,
        text,
        box: { x0: xs[c]!, x1: xs[c + 1]!, y0: ys[r]!, y1: ys[r + 1]! },
      });
    });
  });
  return {
    page,
    method: 'aligned',
    xs,
    ys,
    cells,
    box: { x0: xs[0]!, y0: ys[0]!, x1: xs[xs.length - 1]!, y1: ys[ys.length - 1]! },
  };
}

function bestColumn(intervals: readonly [number, number][], l: TextLine): number {
  let best = 0,
    bestOverlap = -Infinity;
  intervals.forEach(([a, b], k) => {
    const overlap = Math.min(b, l.x1) - Math.max(a, l.x0);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = k;
    }
  });
  return best;
}
