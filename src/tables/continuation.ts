import { compact } from '../pdf/normalize.js';
import { DEFAULT_SETTINGS, type Settings, type TableSettings } from '../settings.js';
import type { PageGrid, PageLayout, TextLine } from '../types.js';
import { rowCells, type CellMap } from './header.js';
import { isEmptyStatement, readHeadings } from './headings.js';
import { ENDS_IN_TOTAL, NOTE } from '../kinds/vocabulary.js';

/*
 * Two parts of one table on consecutive pages share their column boundaries, but each part's rules are drawn on
 * their own: they agree within `edgeTolerance` (see settings.ts). A part that leaves out more than
 * `minCoveredShare` of the table's columns is another table, not a part whose rules were lost.
 */

export interface AlignedPart {
  /** The part's grid with the table's column boundaries, its cells on the table's columns. */
  grid: PageGrid;
  /** The table's columns the part has no cells in (leading or trailing columns whose rules were not found). */
  missing: number[];
}

/**
 * A grid on the next page whose column boundaries are all boundaries of the table's previous part, maybe fewer of
 * them: a 合计 row spilled onto the next page draws one wide cell over the code and name columns (合计 | 156,211,123
 * | …, 6 boundaries for the table's 9 columns), and a long performance table's continuation may lose its leftmost
 * column's rules (a project name column drawn without its outer line). The grid is returned on the table's
 * columns, a cell across several of them spanning them; null when a boundary matches none of the table's.
 */
export function alignColumns(
  edges: readonly number[],
  grid: PageGrid,
  settings: TableSettings = DEFAULT_SETTINGS.tables,
): AlignedPart | null {
  const { edgeTolerance } = settings;
  if (edges.length < 2 || grid.xs.length < 2) return null;
  const index: number[] = [];
  for (const x of grid.xs) {
    let best = -1;
    for (let i = 0; i < edges.length; i++) {
      if (
        Math.abs(edges[i]! - x) <= edgeTolerance &&
        (best < 0 || Math.abs(edges[i]! - x) < Math.abs(edges[best]! - x))
      )
        best = i;
    }
    if (best < 0 || (index.length && best <= index[index.length - 1]!)) return null;
    index.push(best);
  }
  const columns = edges.length - 1;
  const first = index[0]!,
    last = index[index.length - 1]!;
  if ((last - first) / columns < settings.minCoveredShare) return null;
  const missing: number[] = [];
  for (let c = 0; c < columns; c++) if (c < first || c >= last) missing.push(c);
  const cells = grid.cells.map((cell) => ({
    ...cell,
    col: index[cell.col]!,
    colSpan: index[cell.col + cell.colSpan]! - index[cell.col]!,
  }));
  return { grid: { ...grid, xs: [...edges], cells }, missing };
}

/* A total row's label is a short cell (`合计`, `收入合计`, `支出总计`; settings' `maxTotalLabel`); a longer text ending so is a name. */

/**
 * The part ends in a total row (`合计`, `收入合计`): the end of a table spilled onto the next page. A table of its own
 * prints its 合计 row at the top of its body or has rows after it; a spilled end has it last.
 */
export function endsWithTotalRow(map: CellMap, settings: TableSettings = DEFAULT_SETTINGS.tables): boolean {
  for (let r = map.length - 1; r >= 0; r--) {
    const texts = rowCells(map, r)
      .map((c) => compact(c.text))
      .filter(Boolean);
    if (!texts.length) continue;
    return texts[0]!.length <= settings.maxTotalLabel && ENDS_IN_TOTAL.test(texts[0]!);
  }
  return false;
}

/**
 * Text below a grid inside one of its columns is a clipped cell's overflow (a long goal text running on under the
 * page's last row, ending `…早期发育的表`), not a title: a title is printed across the table.
 */
function withinOneColumn(line: TextLine, grid: PageGrid, tol: number): boolean {
  return grid.xs.some((x, c) => c + 1 < grid.xs.length && line.x0 >= x - tol && line.x1 <= grid.xs[c + 1]! + tol);
}

/**
 * A title printed at the foot of a page, below the page's last grid, with its table starting on the next page: the
 * lines below that grid, if they hold a title, moved above the next page (their y less the page height, so that
 * they stay apart from the next page's own lines), to be read with the next page's first grid's headings.
 */
export function titleLinesBelow(page: PageLayout, grid: PageGrid, settings: Settings = DEFAULT_SETTINGS): TextLine[] {
  const { tables, headings } = settings;
  const lines = page.lines.filter(
    (l) =>
      l.y0 >= grid.box.y1 - tables.outerRuleSlack &&
      !isEmptyStatement(l.text, headings.maxNoDataNote) &&
      !NOTE.test(compact(l.text)) &&
      !withinOneColumn(l, grid, tables.edgeTolerance),
  );
  if (!lines.length || !readHeadings(lines, headings).title) return [];
  return lines.map((l) => ({ ...l, y0: l.y0 - page.height, y1: l.y1 - page.height }));
}

/**
 * The lines carried from the foot of the previous page, unless the same text is printed on this page too: then it is
 * a running footer or header (`XX局2026年部门预算表` on every page), not a title.
 */
export function carriedTitleLines(carried: readonly TextLine[], page: PageLayout): TextLine[] {
  const here = new Set(page.lines.map((l) => compact(l.text)));
  return carried.some((l) => here.has(compact(l.text))) ? [] : [...carried];
}
