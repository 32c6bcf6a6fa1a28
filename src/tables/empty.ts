import { compact } from '../pdf/normalize.js';
import { DEFAULT_SETTINGS, type HeadingSettings } from '../settings.js';
import type { Cell } from '../types.js';
import { headerRowCount, isNumberingTexts, rowCells, type CellMap } from './header.js';
import { isEmptyStatement, isNoData } from './headings.js';
import { FIGURE_OR_DASH, TOTAL_LABEL } from '../kinds/vocabulary.js';

/** Texts of the cells that start in row r (a cell merged down from above belongs to its first row). */
function ownTexts(map: CellMap, r: number): string[] {
  return rowCells(map, r)
    .filter((c: Cell) => c.row === r)
    .map((c) => compact(c.text))
    .filter(Boolean);
}

/** A row holding only the statement that the table is empty (`本表无数据` in a cell, maybe across the grid). */
export function isStatementRow(
  map: CellMap,
  r: number,
  settings: HeadingSettings = DEFAULT_SETTINGS.headings,
): boolean {
  // Every cell over the row, merged down from above too: a reason column beside a merged table name
  // (`表8 国有资本经营… | 是 | 本部门不涉及…`) is a row of data about empty tables, not a statement.
  const texts = rowCells(map, r)
    .map((c) => compact(c.text))
    .filter(Boolean);
  return texts.length > 0 && texts.every((t) => isNoData(t) || isEmptyStatement(t, settings.maxNoDataNote));
}

export function hasStatementRow(map: CellMap, settings: HeadingSettings = DEFAULT_SETTINGS.headings): boolean {
  return map.some((_, r) => isStatementRow(map, r, settings));
}

/**
 * The header of a table printed empty: its body rows are blank (or hold the statement), so the header is every
 * row above the first blank or statement row that no merged cell crosses; otherwise as for any table. The header
 * of such a table has no number to end it, and read as a text-only table it would stop after its first row.
 */
export function emptyTableHeaderRows(map: CellMap, settings: HeadingSettings = DEFAULT_SETTINGS.headings): number {
  for (let r = 1; r < map.length; r++) {
    const texts = ownTexts(map, r);
    // A 合计 row printed blank under the header (`合计 | | |` over `此表为空`) is the body's first row.
    const total =
      texts.length > 0 && TOTAL_LABEL.test(texts[0]!) && texts.slice(1).every((t) => FIGURE_OR_DASH.test(t));
    // A row of column numbers (`** | 1`) under the header stays a row, as in every table.
    if (texts.length && !total && !isStatementRow(map, r, settings) && !isNumberingTexts(texts)) continue;
    const crossing = rowCells(map, r).some((c) => c.row < r);
    if (!crossing) return r;
  }
  return headerRowCount(map);
}

const NONZERO = /[1-9]/u;

/** A row that holds a figure other than zero: a table stating it is empty but printing one is contradicted. A row
 * of column numbers (`** | 1 | 2`) holds none. */
export function hasFigure(row: readonly string[]): boolean {
  if (isNumberingTexts(row)) return false;
  return row.some((c) => /^[-+(]?[\d,]+(\.\d+)?\)?$/u.test(compact(c)) && NONZERO.test(c));
}
