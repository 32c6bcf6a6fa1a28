import type { CheckResult } from '../checks/result.js';
import type { ExtractionWithPages } from '../extract.js';
import { compact } from '../pdf/normalize.js';
import type { Box, Cell, ExtractedDocument, PageGrid, PageLayout, Ruling } from '../types.js';

/** The part of one table drawn on one page (a table stitched over pages has one part per page). */
export interface PagePart {
  /** 0-based position of the table in `doc.tables`. */
  table: number;
  page: number;
  /** Indices into the page's `layout.grids`. */
  grids: number[];
  box: Box;
  /** 1-based part number and how many parts the table has. */
  part: number;
  parts: number;
}

/** Where a table row was read: a row of one grid on one page. */
export interface RowPlace {
  page: number;
  grid: number;
  row: number;
  box: Box;
}

export interface ShowPage {
  number: number;
  width: number;
  height: number;
  rulings: Ruling[];
  layout: PageLayout;
  /** The boxes of the page's printed text (items), when the extraction kept them. */
  text: Box[];
  parts: PagePart[];
}

export interface FailedRow {
  table: number;
  row: number;
  checks: CheckResult[];
}

/** A cell a failed check is about (its own cell), or one it added up (a term), and where it was read. */
export interface CellMark {
  table: number;
  row: number;
  col: number;
  page: number;
  grid: number;
  /** Index into the grid's `cells`. */
  cell: number;
  box: Box;
  checks: CheckResult[];
}

export interface ShowModel {
  doc: ExtractedDocument;
  pages: ShowPage[];
  /** Per table, per row: where it was read (null when the table does not say, e.g. a table built elsewhere). */
  rows: (RowPlace | null)[][];
  failedRows: FailedRow[];
  /** Per table, the failed checks that name no row (table-level identities). */
  failedTableChecks: CheckResult[][];
  /** The cells of failed checks: each result's own cell (its table, `rowIndex` and `column`), where it was read. */
  failedCells: CellMark[];
  /** The cells failed checks added up (`CheckResult.terms`), other than the failed cells themselves. */
  termCells: CellMark[];
  /** Failed checks on a row whose cell was not found (no column, or a cell not read from one grid cell): the row
   * is marked instead. */
  rowOnlyChecks: Set<CheckResult>;
}

/**
 * The drawing model of an extracted document, from what extraction kept: each page's rulings and layout, and each
 * table's parts (`Table.parts`: which page grid, which grid rows), and which rows failed a check. Reads nothing.
 */
export function buildShowModel({ doc, pages: read }: ExtractionWithPages): ShowModel {
  const pages: ShowPage[] = read.map((p) => ({
    number: p.number,
    width: p.width,
    height: p.height,
    rulings: p.rulings,
    layout: p.layout,
    text: p.text ?? [],
    parts: [],
  }));
  doc.tables.forEach((table, t) => {
    // One drawn part per page: the table's grids on that page, in reading order.
    const perPage = new Map<number, number[]>();
    for (const part of table.parts ?? []) {
      const grids = perPage.get(part.page) ?? [];
      if (!grids.includes(part.grid)) grids.push(part.grid);
      perPage.set(part.page, grids);
    }
    const entries = [...perPage];
    entries.forEach(([page, grids], k) => {
      const target = pages[page - 1];
      if (!target) return;
      const boxes = grids.map((g) => target.layout.grids[g]?.box).filter((b): b is Box => !!b);
      if (!boxes.length) return;
      target.parts.push({ table: t, page, grids, box: union(boxes), part: k + 1, parts: entries.length });
    });
  });
  for (const p of pages) p.parts.sort((a, b) => a.box.y0 - b.box.y0 || a.table - b.table);
  const rows = doc.tables.map((table) => {
    const places: (RowPlace | null)[] = table.rows.map(() => null);
    for (const part of table.parts ?? []) {
      const grid = pages[part.page - 1]?.layout.grids[part.grid];
      if (!grid) continue;
      part.gridRows.forEach((row, k) => {
        const box = { x0: grid.box.x0, x1: grid.box.x1, y0: grid.ys[row]!, y1: grid.ys[row + 1]! };
        places[part.rows[0] + k] = { page: part.page, grid: part.grid, row, box };
      });
    }
    return places;
  });
  const { failedRows, failedTableChecks } = failures(doc);
  const model: ShowModel = {
    doc,
    pages,
    rows,
    failedRows,
    failedTableChecks,
    failedCells: [],
    termCells: [],
    rowOnlyChecks: new Set(),
  };
  markCells(model);
  return model;
}

/** The index of a check's column label in the table's columns (exact, else the one whose last header part it is). */
export function columnIndex(columns: readonly string[], column: string | null): number {
  if (column == null) return -1;
  const exact = columns.indexOf(column);
  if (exact >= 0) return exact;
  const tail = compact(column);
  const ends = columns.flatMap((c, i) => (compact(c.split('/').pop() ?? '') === tail ? [i] : []));
  return ends.length === 1 ? ends[0]! : -1;
}

/** The failed checks' own cells and their terms' cells, found through the tables' parts (see `sourceCell`). */
function markCells(model: ShowModel): void {
  const marks = new Map<string, CellMark>();
  const terms = new Map<string, CellMark>();
  const mark = (into: Map<string, CellMark>, table: number, row: number, col: number, check: CheckResult): boolean => {
    const src = sourceCell(model, table, row, col);
    if (!src) return false;
    const key = `${src.page}:${src.grid}:${src.cell}`;
    const box = model.pages[src.page - 1]!.layout.grids[src.grid]!.cells[src.cell]!.box;
    const entry = into.get(key) ?? { table, row, col, ...src, box, checks: [] };
    if (!entry.checks.includes(check)) entry.checks.push(check);
    into.set(key, entry);
    return true;
  };
  for (const f of model.failedRows) {
    for (const check of f.checks) {
      const t = model.doc.tables[f.table]!;
      const col = columnIndex(t.columns, check.column);
      if (col < 0 || !mark(marks, f.table, f.row, col, check)) model.rowOnlyChecks.add(check);
    }
  }
  for (const check of model.doc.checks.results) {
    if (check.passed || !check.terms) continue;
    for (const term of check.terms) {
      const t = model.doc.tables[term.table];
      if (!t || term.rowIndex >= t.rows.length) continue;
      const col = columnIndex(t.columns, term.column);
      if (col >= 0) mark(terms, term.table, term.rowIndex, col, check);
    }
  }
  model.failedCells = [...marks.values()];
  model.termCells = [...terms].filter(([key]) => !marks.has(key)).map(([, m]) => m);
}

function union(boxes: Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** The cells of a grid covering each of its rows. */
export function cellsByRow(grid: PageGrid): Cell[][] {
  const out: Cell[][] = Array.from({ length: Math.max(0, grid.ys.length - 1) }, () => []);
  for (const c of grid.cells) for (let r = c.row; r < c.row + c.rowSpan && r < out.length; r++) out[r]!.push(c);
  for (const row of out) row.sort((a, b) => a.col - b.col);
  return out;
}

/**
 * Failed check results → the table rows they are about: the result's table (`table`, its position) and row
 * (`rowIndex`). A result made without them (outside runChecks) falls back to the tables of its title and kind, and
 * a result without a row index to the rows naming its row (name, code).
 */
function failures(doc: ExtractedDocument): Pick<ShowModel, 'failedRows' | 'failedTableChecks'> {
  const failedRows = new Map<string, FailedRow>();
  const failedTableChecks: CheckResult[][] = doc.tables.map(() => []);
  for (const result of doc.checks.results) {
    if (result.passed) continue;
    const tables =
      result.table != null && doc.tables[result.table]
        ? [result.table]
        : doc.tables.flatMap((t, i) => (t.title === result.tableTitle && t.kind === result.tableKind ? [i] : []));
    for (const i of tables) {
      const t = doc.tables[i]!;
      let hits: number[];
      if (result.rowIndex != null && result.rowIndex < t.rows.length) hits = [result.rowIndex];
      else {
        hits = result.row ? findRows(t.rows, result.row) : [];
        // A one-row table (三公: the 合计 row is the only row) names its row by the column it sums.
        if (result.row && !hits.length && t.rows.length === 1) hits = [0];
      }
      if (!hits.length) failedTableChecks[i]!.push(result);
      for (const r of hits) {
        const key = `${i}:${r}`;
        const entry = failedRows.get(key) ?? { table: i, row: r, checks: [] };
        entry.checks.push(result);
        failedRows.set(key, entry);
      }
    }
  }
  return { failedRows: [...failedRows.values()], failedTableChecks };
}

/** Rows whose cells name the check's row: its name in a cell, and its code in the row (when it has one and any row shows it). */
export function findRows(rows: string[][], want: { code: string | null; name: string }): number[] {
  const name = compact(want.name);
  if (!name) return [];
  const named = rows
    .map((row, i) => ({ i, cells: row.map(compact) }))
    .filter(
      ({ cells }) => cells.some((c) => c === name) || cells.some((c) => c.length > name.length && c.endsWith(name)),
    );
  if (want.code) {
    const coded = named.filter(
      ({ cells }) => cells.join('').includes(want.code!) || cells.join('|').includes(want.code!),
    );
    if (coded.length) return coded.map((r) => r.i);
    // A code printed as 类/款/项 pieces (or only the 项 part): the name alone, when it names one row.
    const exact = named.filter(({ cells }) => cells.includes(name));
    if (exact.length === 1) return [exact[0]!.i];
  }
  const exact = named.filter(({ cells }) => cells.includes(name));
  return (exact.length ? exact : named).map((r) => r.i);
}

/**
 * The grid cell an extracted table cell came from: when the grid has the table's columns, the cell covering the
 * row's grid row in that column (a cell joined over a page break: this page's piece); else the cell of that grid
 * row with its text.
 */
export function sourceCell(
  model: ShowModel,
  table: number,
  row: number,
  col: number,
): { page: number; grid: number; cell: number } | null {
  const place = model.rows[table]?.[row];
  if (!place) return null;
  const grid = model.pages[place.page - 1]!.layout.grids[place.grid]!;
  const t = model.doc.tables[table]!;
  const value = compact(t.rows[row]?.[col] ?? '');
  const joined = (t.joined ?? []).some((j) => j.col === col && j.rows[0] <= row && row < j.rows[1]);
  const covering = (c: Cell): boolean => c.row <= place.row && place.row < c.row + c.rowSpan;
  if (grid.xs.length - 1 === t.columns.length) {
    const k = grid.cells.findIndex((c) => covering(c) && c.col <= col && col < c.col + c.colSpan);
    if (k >= 0 && (!value || joined || compact(grid.cells[k]!.text) === value))
      return { page: place.page, grid: place.grid, cell: k };
  }
  if (!value) return null;
  const k = grid.cells.findIndex((c) => covering(c) && compact(c.text) === value);
  return k >= 0 ? { page: place.page, grid: place.grid, cell: k } : null;
}
