import { compact } from '../pdf/normalize.js';
import type { Cell, PageGrid } from '../types.js';
import { AMOUNT_CELL, COLUMN_NUMBER } from '../kinds/vocabulary.js';

/** Which cell covers each (row, column) slot of a grid. */
export type CellMap = (Cell | undefined)[][];

export function cellMap(grid: PageGrid): CellMap {
  const map: CellMap = Array.from(
    { length: grid.ys.length - 1 },
    () => new Array<Cell | undefined>(grid.xs.length - 1),
  );
  for (const c of grid.cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) map[r]![k] = c;
  }
  return map;
}

export function rowCells(map: CellMap, r: number): Cell[] {
  const out: Cell[] = [];
  for (const c of map[r] ?? []) if (c && out[out.length - 1] !== c) out.push(c);
  return out;
}

function isDataRow(map: CellMap, r: number): boolean {
  const texts = rowCells(map, r)
    .filter((c) => c.row === r || c.rowSpan === 1)
    .map((c) => compact(c.text))
    .filter(Boolean);
  if (!texts.length) return false;
  // A row of column numbers (栏次 1 2 3 …) belongs to the header.
  if (texts.every((t) => COLUMN_NUMBER.test(t))) return false;
  return texts.some((t) => AMOUNT_CELL.test(t));
}

/** Smallest k ≥ min such that no cell crosses the boundary below row k-1. */
function blockEnd(map: CellMap, min: number): number {
  let k = min;
  for (;;) {
    const crossing = rowCells(map, k - 1).some((c) => c.row + c.rowSpan > k);
    if (!crossing || k >= map.length) return k;
    k++;
  }
}

/**
 * How many leading rows are header: rows up to the first that holds a number. A grid with no number at all (a
 * text-only table) has the first block of rows (no merged cell cut) as its header.
 */
export function headerRowCount(map: CellMap): number {
  const rows = map.length;
  let first = -1;
  for (let r = 0; r < rows; r++) {
    if (isDataRow(map, r)) {
      first = r;
      break;
    }
  }
  if (first >= 0) return first;
  return rows > 1 ? Math.min(blockEnd(map, 1), rows - 1) : 0;
}

export function isNumberingRow(map: CellMap, r: number): boolean {
  return isNumberingTexts(rowCells(map, r).map((c) => c.text));
}

/** A row of column numbers (栏次 1 2 3, ** 1 2 3): part of the header, not data. */
export function isNumberingTexts(cells: readonly string[]): boolean {
  const texts = cells.map(compact).filter(Boolean);
  return texts.length > 1 && texts.every((t) => COLUMN_NUMBER.test(t));
}

/**
 * Each column's header texts, top to bottom, joined with `/` (a merged header cell counted once). A row of column
 * numbers (栏次 1 2 3, ** 1 2) is part of the header but not of the paths.
 */
export function columnPaths(map: CellMap, headerRows: number, columns: number): string[] {
  const numbering = new Set<number>();
  for (let r = 0; r < headerRows; r++) if (isNumberingRow(map, r)) numbering.add(r);
  const paths: string[] = [];
  for (let c = 0; c < columns; c++) {
    const parts: string[] = [];
    let prev: Cell | undefined;
    for (let r = 0; r < headerRows; r++) {
      if (numbering.has(r)) continue;
      const cell = map[r]![c];
      if (cell && cell !== prev) {
        const t = compact(cell.text);
        if (t && parts[parts.length - 1] !== t) parts.push(t);
      }
      prev = cell;
    }
    paths.push(parts.join('/'));
  }
  return paths;
}
