import { DEFAULT_SETTINGS, type Settings, type TextSettings } from '../settings.js';
import type { Box, PageContent, PageGrid, PageLayout, TextItem, TextLine } from '../types.js';
import { findAlignedGrids } from './aligned.js';
import { findCellBoxes, groupCells } from './cells.js';
import { clusterBy } from './cluster.js';
import { pageEdges } from './edges.js';
import { buildGrid, fillGrids } from './grid.js';
import { groupLines, joinPieces } from './join.js';

/**
 * A page's text and rulings → its grids (ruled, or aligned where text stands in columns without lines) and the text
 * lines outside them. `settings`: a whole settings object (see `resolveSettings`), read as is.
 */
export function layoutPage(content: PageContent, settings: Settings = DEFAULT_SETTINGS): PageLayout {
  const { minCells } = settings.grid;
  const { horizontal, vertical } = pageEdges(content.rulings, settings.edges);
  const groups = groupCells(findCellBoxes(horizontal, vertical, settings.edges)).filter(
    (group) => group.length >= minCells,
  );
  const groupOf = new Map<PageGrid, Box[]>();
  const build = (kept: readonly Box[][]): PageGrid[] =>
    kept
      .map((group) => {
        const grid = buildGrid(content.number, group, settings.grid);
        groupOf.set(grid, group);
        return grid;
      })
      .filter((grid) => grid.cells.length >= minCells)
      .sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  let grids = build(groups);
  const drawings = new Set<PageGrid>();
  let outside = fillGrids(grids, content.items, drawings, settings);
  // Lines that make no table: a chart's frame, gridlines and ticks (its value labels run together in one "cell"),
  // or boxes holding no text at all (a pie chart's frame and legend). Their text is read as lines outside grids.
  const notTables = grids.filter((g) => drawings.has(g) || !g.cells.some((c) => c.text));
  if (notTables.length) {
    const dropped = new Set(notTables.map((g) => groupOf.get(g)));
    grids = build(groups.filter((group) => !dropped.has(group)));
    outside = fillGrids(grids, content.items, undefined, settings);
  }
  const aligned = findAlignedGrids(content.number, textLines(outside, settings.text), settings);
  const all = [...grids, ...aligned.grids].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  return { page: content.number, width: content.width, height: content.height, grids: all, lines: aligned.rest };
}

/** Items outside grids → text lines; a wide gap on one baseline starts a new line (a title and a unit line side by side). */
export function textLines(items: readonly TextItem[], settings: TextSettings = DEFAULT_SETTINGS.text): TextLine[] {
  const { sameLine, lineBreakGap } = settings;
  const out: TextLine[] = [];
  for (const line of groupLines(items, sameLine)) {
    const runs = clusterBy(
      line,
      (it) => it.x0,
      (prev, it) => lineBreakGap * Math.max(prev.size, it.size),
      { from: 'last', end: (it) => it.x1 },
    );
    for (const run of runs) {
      out.push({
        text: joinPieces(run.map((r) => r.text)),
        x0: Math.min(...run.map((r) => r.x0)),
        x1: Math.max(...run.map((r) => r.x1)),
        y0: Math.min(...run.map((r) => r.y0)),
        y1: Math.max(...run.map((r) => r.y1)),
        size: Math.max(...run.map((r) => r.size)),
      });
    }
  }
  return out.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}
