import type { CheckResult } from '../checks/result.js';
import { layoutPage } from '../layout/page.js';
import { compact } from '../pdf/normalize.js';
import type { PdfDocument } from '../pdf/open.js';
import { readPage } from '../pdf/page.js';
import { assembleTables } from '../tables/assemble.js';
import type { Box, Cell, ExtractedDocument, PageGrid, PageLayout, Ruling } from '../types.js';

/** The part of one table drawn on one page (a table stitched over pages has one part per page). */
export interface TablePart {
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
  parts: TablePart[];
}

export interface FailedRow {
  table: number;
  row: number;
  checks: CheckResult[];
}

export interface ShowModel {
  doc: ExtractedDocument;
  pages: ShowPage[];
  /** Per table, per row: where it was read (null when no grid row matches its text). */
  rows: (RowPlace | null)[][];
  failedRows: FailedRow[];
  /** Per table, the failed checks that name no row (table-level identities). */
  failedTableChecks: CheckResult[][];
}

/**
 * Reads the geometry behind an extracted document: every page's rulings and layout (readPage + layoutPage, the
 * reader's own stages), which grids make up which table (replaying assembleTables grid by grid), where each table
 * row came from, and which rows failed a check.
 */
export async function buildShowModel(pdf: PdfDocument, doc: ExtractedDocument): Promise<ShowModel> {
  const pages: ShowPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await readPage(pdf, n);
    const layout = layoutPage(content);
    pages.push({ number: n, width: content.width, height: content.height, rulings: content.rulings, layout, parts: [] });
  }
  const owner = gridOwners(pages.map((p) => p.layout));
  const byTable = new Map<number, Map<number, number[]>>();
  pages.forEach((p, pi) => {
    p.layout.grids.forEach((_, gi) => {
      const t = owner[pi]![gi]!;
      if (t < 0 || t >= doc.tables.length) return;
      const perPage = byTable.get(t) ?? new Map<number, number[]>();
      byTable.set(t, perPage);
      perPage.set(p.number, [...(perPage.get(p.number) ?? []), gi]);
    });
  });
  for (const [t, perPage] of byTable) {
    const entries = [...perPage];
    entries.forEach(([page, grids], k) => {
      const layout = pages[page - 1]!.layout;
      pages[page - 1]!.parts.push({ table: t, page, grids, box: union(grids.map((g) => layout.grids[g]!.box)), part: k + 1, parts: entries.length });
    });
  }
  for (const p of pages) p.parts.sort((a, b) => a.box.y0 - b.box.y0 || a.table - b.table);
  const rows = doc.tables.map((table, t) => placeRows(table.rows, table.rowPages, byTable.get(t), pages));
  const { failedRows, failedTableChecks } = failures(doc);
  return { doc, pages, rows, failedRows, failedTableChecks };
}

/** Per page, per grid: the index of the table it went into, found by assembling the grids seen so far one at a time. */
function gridOwners(layouts: PageLayout[]): number[][] {
  const owners: number[][] = layouts.map((l) => l.grids.map(() => -1));
  let count = 0;
  layouts.forEach((layout, pi) => {
    layout.grids.forEach((_, gi) => {
      // Grids after this one on its page only change what follows: the decision for this grid is exact.
      const prefix = [...layouts.slice(0, pi), { ...layout, grids: layout.grids.slice(0, gi + 1) }];
      const n = assembleTables(prefix).length;
      if (n > count) count = n;
      owners[pi]![gi] = count - 1;
    });
  });
  return owners;
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

/** Each table row → the grid row it was read from: the best match by cell texts, in order, on the row's page. */
function placeRows(rows: string[][], rowPages: number[], parts: Map<number, number[]> | undefined, pages: ShowPage[]): (RowPlace | null)[] {
  if (!parts) return rows.map(() => null);
  const candidates = new Map<number, { grid: number; row: number; texts: Set<string>; box: Box }[]>();
  for (const [page, grids] of parts) {
    const layout = pages[page - 1]!.layout;
    const list = grids.flatMap((gi) => {
      const grid = layout.grids[gi]!;
      return cellsByRow(grid).map((cells, r) => ({
        grid: gi,
        row: r,
        texts: new Set(cells.map((c) => compact(c.text)).filter(Boolean)),
        box: { x0: grid.box.x0, x1: grid.box.x1, y0: grid.ys[r]!, y1: grid.ys[r + 1]! },
      }));
    });
    candidates.set(page, list);
  }
  const last = new Map<number, number>();
  return rows.map((row, i) => {
    const page = rowPages[i]!;
    const list = candidates.get(page);
    if (!list) return null;
    const values = row.map(compact).filter(Boolean);
    const score = (k: number): number => values.filter((v) => list[k]!.texts.has(v)).length;
    const best = (from: number): number => {
      let at = -1, top = 0;
      for (let k = from; k < list.length; k++) {
        const s = score(k);
        if (s > top) [at, top] = [k, s];
      }
      return at;
    };
    let k = best((last.get(page) ?? -1) + 1);
    if (k < 0) k = best(0);
    if (k < 0) return null;
    last.set(page, k);
    const c = list[k]!;
    return { page, grid: c.grid, row: c.row, box: c.box };
  });
}

/** Failed check results → the table rows they name (by table title and kind, row name and code). */
function failures(doc: ExtractedDocument): Pick<ShowModel, 'failedRows' | 'failedTableChecks'> {
  const failedRows = new Map<string, FailedRow>();
  const failedTableChecks: CheckResult[][] = doc.tables.map(() => []);
  for (const result of doc.checks.results) {
    if (result.passed) continue;
    const tables = doc.tables.map((t, i) => ({ t, i })).filter(({ t }) => t.title === result.tableTitle && t.kind === result.tableKind);
    for (const { t, i } of tables) {
      let hits = result.row ? findRows(t.rows, result.row) : [];
      // A one-row table (三公: the 合计 row is the only row) names its row by the column it sums.
      if (result.row && !hits.length && t.rows.length === 1) hits = [0];
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
    .filter(({ cells }) => cells.some((c) => c === name) || cells.some((c) => c.length > name.length && c.endsWith(name)));
  if (want.code) {
    const coded = named.filter(({ cells }) => cells.join('').includes(want.code!) || cells.join('|').includes(want.code!));
    if (coded.length) return coded.map((r) => r.i);
    // A code printed as 类/款/项 pieces (or only the 项 part): the name alone, when it names one row.
    const exact = named.filter(({ cells }) => cells.includes(name));
    if (exact.length === 1) return [exact[0]!.i];
  }
  const exact = named.filter(({ cells }) => cells.includes(name));
  return (exact.length ? exact : named).map((r) => r.i);
}

/** The grid cell an extracted table cell came from, when the grid has the table's columns; else the cell with its text. */
export function sourceCell(model: ShowModel, table: number, row: number, col: number): { page: number; grid: number; cell: number } | null {
  const place = model.rows[table]?.[row];
  if (!place) return null;
  const grid = model.pages[place.page - 1]!.layout.grids[place.grid]!;
  const t = model.doc.tables[table]!;
  const value = compact(t.rows[row]?.[col] ?? '');
  const covering = (c: Cell): boolean => c.row <= place.row && place.row < c.row + c.rowSpan;
  if (grid.xs.length - 1 === t.columns.length) {
    const k = grid.cells.findIndex((c) => covering(c) && c.col <= col && col < c.col + c.colSpan);
    if (k >= 0 && (!value || compact(grid.cells[k]!.text) === value)) return { page: place.page, grid: place.grid, cell: k };
  }
  if (!value) return null;
  const k = grid.cells.findIndex((c) => covering(c) && compact(c.text) === value);
  return k >= 0 ? { page: place.page, grid: place.grid, cell: k } : null;
}
