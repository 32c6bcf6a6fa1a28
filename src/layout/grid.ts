import { DEFAULT_SETTINGS, type GridSettings, type Settings } from '../settings.js';
import type { Box, Cell, PageGrid, TextItem } from '../types.js';
import { clusterBy, clusterValues } from './cluster.js';
import { centerX, centerY, cellText, groupLines } from './join.js';
import { AMOUNT_TEXT, PRINTED_AMOUNT, WELL_FORMED_AMOUNT } from '../kinds/vocabulary.js';

/**
 * A table's cell boxes → a grid of rows and columns with merged cells as spans (text still empty). A box whose two
 * sides fall on one boundary is no cell: it is the gap of a double rule (a table's closing line drawn twice, 1–2 pt
 * apart) or a sliver between two nearly coincident lines of a drawing; it is left out, so every cell covers at least
 * one row and one column of the grid.
 */
export function buildGrid(
  page: number,
  boxes: readonly Box[],
  settings: GridSettings = DEFAULT_SETTINGS.grid,
): PageGrid {
  const tol = settings.boundary;
  let real: readonly Box[] = boxes;
  let xs = boundaries(
    real.flatMap((b) => [b.x0, b.x1]),
    tol,
  );
  let ys = boundaries(
    real.flatMap((b) => [b.y0, b.y1]),
    tol,
  );
  for (;;) {
    const kept = real.filter((b) => indexOf(xs, b.x1) > indexOf(xs, b.x0) && indexOf(ys, b.y1) > indexOf(ys, b.y0));
    if (kept.length === real.length || !kept.length) {
      real = kept;
      break;
    }
    real = kept;
    xs = boundaries(
      real.flatMap((b) => [b.x0, b.x1]),
      tol,
    );
    ys = boundaries(
      real.flatMap((b) => [b.y0, b.y1]),
      tol,
    );
  }
  const cells: Cell[] = real.map((b) => {
    const col = indexOf(xs, b.x0),
      row = indexOf(ys, b.y0);
    return {
      row,
      col,
      rowSpan: Math.max(1, indexOf(ys, b.y1) - row),
      colSpan: Math.max(1, indexOf(xs, b.x1) - col),
      text: '',
      box: b,
    };
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const box = { x0: xs[0]!, y0: ys[0]!, x1: xs[xs.length - 1]!, y1: ys[ys.length - 1]! };
  return { page, box, method: 'ruled', xs, ys, cells };
}

/** Sides within `tol` of a group's first are one boundary, at that first (smallest) side. */
function boundaries(values: readonly number[], tol: number): number[] {
  return clusterValues(values, tol).map((g) => g[0]!);
}

function indexOf(bounds: readonly number[], v: number): number {
  let best = 0;
  for (let i = 1; i < bounds.length; i++) if (Math.abs(bounds[i]! - v) < Math.abs(bounds[best]! - v)) best = i;
  return best;
}

/** Index of the slot [bounds[i], bounds[i+1]) holding v, or -1 outside. */
function slot(bounds: readonly number[], v: number): number {
  if (v < bounds[0]! || v > bounds[bounds.length - 1]!) return -1;
  let lo = 0,
    hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Puts each text item into the cell holding its centre and sets the cells' text. Returns the items that fall in no
 * cell of any grid. Grids that are drawings rather than tables (see `runsAmountsTogether`) are added to `drawings`
 * when it is given.
 */
export function fillGrids(
  grids: PageGrid[],
  items: readonly TextItem[],
  drawings?: Set<PageGrid>,
  settings: Settings = DEFAULT_SETTINGS,
): TextItem[] {
  const { grid: gs, text } = settings;
  const occupancy = grids.map((g) => {
    const map: (Cell | undefined)[][] = Array.from({ length: g.ys.length - 1 }, () => new Array(g.xs.length - 1));
    for (const c of g.cells)
      for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) map[r]![k] = c;
    return map;
  });
  const inCell = new Map<Cell, TextItem[]>();
  const outside: TextItem[] = [];
  for (const it of items.flatMap((item) => splitAtRules(grids, occupancy, items, item, settings))) {
    const cx = centerX(it),
      cy = centerY(it);
    let placed = false;
    for (let g = 0; g < grids.length && !placed; g++) {
      const grid = grids[g]!;
      const col = slot(grid.xs, cx),
        row = slot(grid.ys, cy);
      if (col < 0 || row < 0) continue;
      let cell = occupancy[g]![row]![col];
      if (!cell) {
        // Text inside the grid where no cell closes (a rule the PDF left out): the slot becomes a cell.
        cell = {
          row,
          col,
          rowSpan: 1,
          colSpan: 1,
          text: '',
          box: { x0: grid.xs[col]!, x1: grid.xs[col + 1]!, y0: grid.ys[row]!, y1: grid.ys[row + 1]! },
        };
        grid.cells.push(cell);
        occupancy[g]![row]![col] = cell;
      }
      const list = inCell.get(cell);
      if (list) list.push(it);
      else inCell.set(cell, [it]);
      placed = true;
    }
    if (!placed) outside.push(it);
  }
  grids.forEach((grid, g) => {
    moveClippedLines(grid, occupancy[g]!, inCell, settings);
  });
  const taken = new Set<TextItem>();
  for (const line of groupLines(outside, text.sameLine)) {
    if (grids.some((grid, g) => takeClippedTail(grid, occupancy[g]!, inCell, line, outside, gs)))
      for (const it of line) taken.add(it);
  }
  if (taken.size) {
    const kept = outside.filter((it) => !taken.has(it));
    outside.length = 0;
    outside.push(...kept);
  }
  if (drawings)
    for (const grid of grids)
      if (grid.cells.some((c) => runsAmountsTogether(inCell.get(c) ?? [], settings))) drawings.add(grid);
  for (const [cell, list] of inCell) cell.text = cellText(list, text.sameLine);
  for (const grid of grids) splitMissingRules(grid, inCell, settings);
  return outside;
}

/**
 * A row too low for its wrapped text: the producer prints the second line anyway and clips it at the cell's rule, so
 * the tail (`50999-其他对个人和家庭的补` / `助`) stands half below the rule, its centre in the row beneath, where it
 * collides with that cell's own line. The same happens upwards when the text block is centred (`…软件购置更` / `新`
 * above the next row's text). A line that runs across a row rule and collides with a line of the cell holding its
 * centre, while it fits as the next line of the cell across the rule (same column, text there, no collision), is
 * given to that cell.
 */
function moveClippedLines(
  grid: PageGrid,
  occupancy: readonly (Cell | undefined)[][],
  inCell: Map<Cell, TextItem[]>,
  settings: Settings,
): void {
  const moves: { it: TextItem; from: Cell; to: Cell }[] = [];
  const { sameLine } = settings.text,
    { lineCollision } = settings.grid;
  const collides = (a: TextItem, b: TextItem): boolean => {
    const size = Math.max(a.size, b.size);
    if (Math.abs(centerY(a) - centerY(b)) <= size * sameLine) return false; // one line (as groupLines)
    return Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= lineCollision * size;
  };
  for (const cell of grid.cells) {
    const list = inCell.get(cell);
    if (!list || list.length < 2) continue;
    const top = grid.ys[cell.row]!,
      bottom = grid.ys[cell.row + cell.rowSpan]!;
    for (const it of list) {
      const across = it.y1 > bottom ? cell.row + cell.rowSpan : it.y0 < top ? cell.row - 1 : -1;
      if (across < 0 || across >= grid.ys.length - 1) continue;
      if (!list.some((o) => o !== it && collides(o, it))) continue;
      const col = slot(grid.xs, centerX(it));
      const other = col < 0 ? undefined : occupancy[across]![col];
      const there = other && other !== cell ? inCell.get(other) : undefined;
      if (!other || !there?.length || there.some((o) => collides(o, it))) continue;
      moves.push({ it, from: cell, to: other });
    }
  }
  for (const { it, from, to } of moves) {
    inCell.set(
      from,
      inCell.get(from)!.filter((o) => o !== it),
    );
    inCell.get(to)!.push(it);
  }
}

/**
 * The last row of a table with its wrapped line clipped at the table's bottom rule: the tail's centre lies below the
 * grid, so no cell took it. The line is given to the last row's cell above it when it runs across that rule, lies
 * in that one cell's column, starts where a line of that cell starts (a left-aligned continuation), collides with
 * none of its lines, and is the only line there below the table (text running on for lines under a table is a long
 * cell cut by the page break, continued on the next page, not a clipped tail). A title or a note printed under a
 * table does not run across its bottom rule. Returns whether the line was taken.
 */
function takeClippedTail(
  grid: PageGrid,
  occupancy: readonly (Cell | undefined)[][],
  inCell: Map<Cell, TextItem[]>,
  line: readonly TextItem[],
  outside: readonly TextItem[],
  { continuationAlign, lineCollision }: GridSettings,
): boolean {
  const bottom = grid.ys[grid.ys.length - 1]!;
  const x0 = Math.min(...line.map((i) => i.x0)),
    x1 = Math.max(...line.map((i) => i.x1));
  const y0 = Math.min(...line.map((i) => i.y0)),
    y1 = Math.max(...line.map((i) => i.y1));
  const size = Math.max(...line.map((i) => i.size));
  if (!(y0 < bottom && y1 > bottom)) return false;
  const cells = new Set(line.map((i) => occupancy[grid.ys.length - 2]![slot(grid.xs, centerX(i))] ?? null));
  const cell = cells.size === 1 ? [...cells][0] : undefined;
  const there = cell ? inCell.get(cell) : undefined;
  // A merged cell over several rows is a long text cut by the page break and continued on the next page.
  if (!cell || cell.rowSpan > 1 || !there?.length) return false;
  if (!there.some((o) => Math.abs(o.x0 - x0) <= continuationAlign && o.y1 <= y0 + lineCollision * size)) return false;
  if (there.some((o) => Math.min(o.y1, y1) - Math.max(o.y0, y0) >= lineCollision * Math.max(o.size, size)))
    return false;
  const below = outside.some(
    (o) =>
      !line.includes(o) &&
      o.y0 >= y0 + lineCollision * size &&
      o.y0 <= y1 + size &&
      o.x1 > cell.box.x0 &&
      o.x0 < cell.box.x1,
  );
  if (below || x1 > cell.box.x1 + size) return false;
  there.push(...line);
  return true;
}

/** The characters of a piece of an amount: digits, separators, sign and brackets. */
const AMOUNT_CHARS = /^[-\d,.()]+$/u;

/**
 * Splits an amount's text item that runs across a cell's side into the part on each side. Narrow columns printed
 * glyph by glyph, each placed by hand, let the text layer run the last digit of one cell and the first of the next
 * into one item (`244,895.0` + `21` + `92,446.79` for the cells 244,895.02 | 192,446.79): its characters stand on
 * both sides of the rule, and the item's centre would give both to one cell. Each character is placed where its
 * share of the item's width lies (the characters of an amount have one width). A part is moved off the cell holding
 * the item's centre only when it continues an amount printed in its own cell (a neighbouring amount glyph on the
 * line): an item whose width merely runs on over trailing spaces (`0.00 ` touching the next cell's text) stays whole.
 * Only amounts are split: a name or a heading running over a rule stays in the cell holding its centre.
 */
function splitAtRules(
  grids: readonly PageGrid[],
  occupancy: readonly (Cell | undefined)[][][],
  items: readonly TextItem[],
  it: TextItem,
  settings: Settings,
): TextItem[] {
  const chars = [...it.text];
  if (chars.length < 2 || !AMOUNT_CHARS.test(it.text)) return [it];
  const cy = centerY(it);
  const g = grids.findIndex((grid) => slot(grid.ys, cy) >= 0 && slot(grid.xs, centerX(it)) >= 0);
  if (g < 0) return [it];
  const grid = grids[g]!,
    row = slot(grid.ys, cy);
  const step = (it.x1 - it.x0) / chars.length;
  const cellAtX = (x: number): Cell | number => {
    const col = slot(grid.xs, x);
    return col < 0 ? -1 : (occupancy[g]![row]![col] ?? col);
  };
  const pieces: { from: number; to: number; cell: Cell | number }[] = [];
  chars.forEach((_, k) => {
    const cell = cellAtX(it.x0 + step * (k + 0.5)),
      last = pieces[pieces.length - 1];
    if (last && last.cell === cell) last.to = k + 1;
    else pieces.push({ from: k, to: k + 1, cell });
  });
  if (pieces.length < 2) return [it];
  const home = cellAtX(centerX(it));
  const out = pieces.map((p) => ({
    ...it,
    text: chars.slice(p.from, p.to).join(''),
    x0: it.x0 + step * p.from,
    x1: it.x0 + step * p.to,
  }));
  const continuesAmount = (piece: TextItem, cell: Cell | number): boolean =>
    items.some(
      (o) =>
        o !== it &&
        AMOUNT_CHARS.test(o.text) &&
        Math.abs(centerY(o) - cy) <= settings.text.sameLine * Math.max(o.size, it.size) &&
        cellAtX(centerX(o)) === cell &&
        Math.max(o.x0 - piece.x1, piece.x0 - o.x1) <= settings.grid.sameAmountGap * it.size,
    );
  return pieces.every((p, k) => p.cell === home || continuesAmount(out[k]!, p.cell)) ? out : [it];
}

/**
 * A rule the PDF forgot to draw merges two cells of a row (`机关事业单位职业年金缴费支出 | 35.56`). When a merged
 * cell holds separate phrases in different columns and one after the first is an amount, or holds one amount
 * standing in a later column of its span (see `loneAmountInColumn`), it is split back into one cell per column.
 */
function splitMissingRules(grid: PageGrid, inCell: Map<Cell, TextItem[]>, settings: Settings): void {
  const { sameLine } = settings.text;
  const replaced: Cell[] = [];
  for (const cell of grid.cells) {
    const items = inCell.get(cell);
    if (cell.colSpan < 2 || !items) {
      replaced.push(cell);
      continue;
    }
    const phrases = phrasesOf(items, settings.grid.phraseGap);
    const columns = phrases.map((p) =>
      slot(grid.xs, centerX({ x0: Math.min(...p.map((i) => i.x0)), x1: Math.max(...p.map((i) => i.x1)) })),
    );
    const amountAfterFirst = phrases.slice(1).some((p) => AMOUNT_TEXT.test(cellText(p, sameLine)));
    if (
      !(phrases.length >= 2 && amountAfterFirst && new Set(columns).size >= 2) &&
      !loneAmountInColumn(grid, cell, phrases, columns, settings)
    ) {
      replaced.push(cell);
      continue;
    }
    for (let k = 0; k < cell.colSpan; k++) {
      const col = cell.col + k;
      const mine = phrases.filter((_, i) => columns[i] === col).flat();
      replaced.push({
        ...cell,
        col,
        colSpan: 1,
        text: cellText(mine, sameLine),
        box: { ...cell.box, x0: grid.xs[col]!, x1: grid.xs[col + 1]! },
      });
    }
  }
  grid.cells = replaced;
}

/**
 * Whether a cell's text would run separate amounts together: on one line, two neighbouring pieces that are each a
 * whole amount and join into no amount (`378.47` `303.12` → `378.47303.12`), or two numbers of several digits set a
 * glyph apart. A table cell holds one amount a line, its pieces joining into one (`931.7` + `9`, `11` + `3` +
 * `43.27`); side-by-side amounts in one "cell" are the value labels of a chart standing between its gridlines, or
 * the axis labels of a plot area.
 */
function runsAmountsTogether(items: readonly TextItem[], settings: Settings): boolean {
  if (items.length < 2) return false;
  const digits = (t: string): number => t.replace(/\D/gu, '').length;
  const { separateAmountsGap } = settings.grid;
  // Two whole numbers `separateAmountsGap` or more apart are two values; closer pieces may be one number printed letter-spaced.
  return groupLines(items, settings.text.sameLine).some((line) =>
    line.some((b, k) => {
      const a = line[k - 1];
      if (!a || !WELL_FORMED_AMOUNT.test(a.text) || !WELL_FORMED_AMOUNT.test(b.text)) return false;
      if (!WELL_FORMED_AMOUNT.test(a.text + b.text)) return true;
      return digits(a.text) >= 2 && digits(b.text) >= 2 && b.x0 - a.x1 >= separateAmountsGap * Math.max(a.size, b.size);
    }),
  );
}

/**
 * A total row whose label area is merged across an amount column (`合 计` | `1,024,807.17` printed right-aligned in
 * a cell spanning 部门经济分类科目 and 合计): the lone amount stands, right-aligned, in a column after the span's
 * first, and belongs to that column, not to the span's first. Only where the neighbouring row (above, or below on a
 * page that starts with this row) has that column as a cell of its own: a span whose header spans the same columns
 * (总额 over two grid columns that a form further down splits) is one column, named at its first.
 */
function loneAmountInColumn(
  grid: PageGrid,
  cell: Cell,
  phrases: readonly TextItem[][],
  columns: readonly number[],
  settings: Settings,
): boolean {
  const k = columns[0];
  if (phrases.length !== 1 || k === undefined || k <= cell.col || k >= cell.col + cell.colSpan) return false;
  const p = phrases[0]!;
  if (!PRINTED_AMOUNT.test(cellText(p, settings.text.sameLine))) return false;
  const right = Math.max(...p.map((i) => i.x1)),
    size = Math.max(...p.map((i) => i.size));
  // A right-aligned amount ends within `rightAlign` of its column's right rule (the cell's padding).
  if (Math.abs(grid.xs[k + 1]! - right) > settings.grid.rightAlign * size) return false;
  const at = (r: number, c: number): Cell | undefined =>
    grid.cells.find((o) => o.row <= r && r < o.row + o.rowSpan && o.col <= c && c < o.col + o.colSpan);
  const neighbour = cell.row > 0 ? cell.row - 1 : cell.row + cell.rowSpan;
  const own = at(neighbour, k);
  return !!own && own !== at(neighbour, cell.col);
}

/** Items run together when the gap from the phrase's right end is under `phraseGap` of the next item's glyph. */
function phrasesOf(items: readonly TextItem[], phraseGap: number): TextItem[][] {
  return clusterBy(
    items,
    (it) => it.x0,
    (_, it) => it.size * phraseGap,
    { from: 'extent', end: (it) => it.x1, strict: true },
  );
}
