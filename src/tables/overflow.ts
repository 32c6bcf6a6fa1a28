import { compact } from '../pdf/normalize.js';
import { DEFAULT_SETTINGS, type TableSettings } from '../settings.js';
import type { Cell, PageGrid, PageLayout, TextLine, Warning } from '../types.js';

/**
 * A spreadsheet printed over several pages draws a merged cell cut by a page break whole on both pages, clipped to
 * the part of the cell on each: the text layer keeps what the clip hides. Below the last grid of a page stand the
 * lines that continue on the next page (`实践站建设;二、预算财…` under the table); above the first grid of the next
 * page, and inside its repeated header, stand the lines already shown on the page before (`职能职责,一、预算财政`
 * over `项目名称`). Such text is a copy of what a cell shows on the other side of the break: it is not a heading,
 * a title or a unit, and is dropped here (with a warning) before headings are read.
 */

export interface OverflowResult {
  pages: PageLayout[];
  warnings: Warning[];
}

/** Drops the text lines that are clipped copies of merged cells cut by a page break (see above). */
export function dropCellOverflow(
  pages: readonly PageLayout[],
  settings: TableSettings = DEFAULT_SETTINGS.tables,
): OverflowResult {
  const { outerRuleSlack: slack, continuedRows } = settings;
  const drop = pages.map(() => new Set<TextLine>());
  const from = pages.map(() => new Set<number>());
  for (let i = 0; i + 1 < pages.length; i++) {
    const page = pages[i]!,
      next = pages[i + 1]!;
    const last = page.grids[page.grids.length - 1];
    const first = next.grids[0];
    if (!last || !first || next.page !== page.page + 1 || !sameColumns(last, first, settings.sameColumns)) continue;
    // Below the page's last grid: copies of what the next page shows in its first rows.
    const nextTop = columnTexts(first, (c) => c.row < continuedRows);
    for (const line of page.lines) {
      if (line.y0 >= last.box.y1 - slack && copies(line, last, nextTop, settings)) {
        drop[i]!.add(line);
        from[i]!.add(next.page);
      }
    }
    // Above the next page's first grid: copies of what the page before shows in the cells its break cut.
    const cut = columnTexts(last, (c) => c.row + c.rowSpan >= last.ys.length - 1);
    for (const line of next.lines) {
      if (line.y1 <= first.box.y0 + slack && copies(line, first, cut, settings)) {
        drop[i + 1]!.add(line);
        from[i + 1]!.add(page.page);
      }
    }
  }
  const warnings: Warning[] = [];
  const out = pages.map((p, i) => {
    const gone = drop[i]!;
    if (!gone.size) return p;
    const others = [...from[i]!].map((n) => `p.${n}`).join(', ');
    warnings.push({
      page: p.page,
      message: `${gone.size} text line(s) drawn past a table's cells (a merged cell clipped at a page break) dropped: the same text is in the cell on ${others}`,
    });
    return { ...p, lines: p.lines.filter((l) => !gone.has(l)) };
  });
  return { pages: out, warnings };
}

/** The two grids have the same column boundaries: one table continued over the break. */
function sameColumns(a: PageGrid, b: PageGrid, tol: number): boolean {
  return a.xs.length === b.xs.length && a.xs.every((x, k) => Math.abs(x - b.xs[k]!) <= tol);
}

/** Per column of the grid, the compacted texts of the chosen cells that cover it. */
function columnTexts(grid: PageGrid, pick: (c: Cell) => boolean): string[][] {
  const out: string[][] = Array.from({ length: grid.xs.length - 1 }, () => []);
  for (const c of grid.cells) {
    const text = compact(c.text);
    if (!text || !pick(c)) continue;
    for (let k = c.col; k < c.col + c.colSpan && k < out.length; k++) out[k]!.push(text);
  }
  return out;
}

/**
 * The line lies within the grid's width and its text is, left to right, pieces of the given cell texts of the
 * columns it crosses (two cells' overflow on one baseline read as one line: `…103109` + `103001-中共…`).
 */
function copies(
  line: TextLine,
  grid: PageGrid,
  texts: readonly string[][],
  { outerRuleSlack: slack, columnOverlap: inset }: TableSettings,
): boolean {
  if (line.x0 < grid.box.x0 - slack || line.x1 > grid.box.x1 + slack) return false;
  const cols: number[] = [];
  for (let k = 0; k + 1 < grid.xs.length; k++)
    if (line.x1 > grid.xs[k]! + inset && line.x0 < grid.xs[k + 1]! - inset) cols.push(k);
  const text = compact(line.text);
  if (!text || !cols.length) return false;
  return segments(
    text,
    cols.map((k) => texts[k] ?? []),
  );
}

/** Can `text` be cut into consecutive pieces, one per column in order (each piece inside one of its texts)? */
function segments(text: string, columns: readonly (readonly string[])[]): boolean {
  // reach[k][at]: text[at..] can be cut over columns k.. (memoised: lines are short, columns few).
  const memo = new Map<number, boolean>();
  const go = (k: number, at: number): boolean => {
    if (at === text.length) return true;
    if (k === columns.length) return false;
    const key = k * (text.length + 1) + at;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok = go(k + 1, at); // a column may hold none of the line (the line only touches it)
    for (let end = text.length; !ok && end > at; end--) {
      const piece = text.slice(at, end);
      if (columns[k]!.some((t) => t.includes(piece))) ok = go(k + 1, end);
    }
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}
