/** Plain data passed between the pipeline stages. Coordinates are page space after rotation:
 * origin top-left, y growing downwards, in PDF points. */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface TextItem extends Box {
  text: string;
  /** Font size (height of the glyph box). */
  size: number;
}

/** A horizontal (y0 === y1) or vertical (x0 === x1) ruling line. */
export interface Ruling extends Box {
  source: 'stroke' | 'fill';
}

export interface PageContent {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  rulings: Ruling[];
  /** How many text-showing operators the page draws: glyphs drawn but no text read means unreadable fonts. */
  textRuns: number;
}

/** One cell of a laid-out table; merged cells span several rows/columns. */
export interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  box: Box;
}

/** A grid found on one page: ruled (from lines) or aligned (borderless, from text columns). */
export interface PageGrid {
  page: number;
  box: Box;
  method: 'ruled' | 'aligned';
  /** Row boundaries (rows + 1) and column boundaries (cols + 1). */
  ys: number[];
  xs: number[];
  cells: Cell[];
}

/** Text on the page outside any grid, as lines (titles, units, notes). */
export interface TextLine extends Box {
  text: string;
  size: number;
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  grids: PageGrid[];
  lines: TextLine[];
}

export type TableKind =
  | 'income_expenditure_summary'
  | 'income'
  | 'expenditure'
  | 'fiscal_summary'
  | 'fiscal_expenditure_economic'
  | 'general_public_expenditure'
  | 'basic_expenditure'
  | 'project_expenditure'
  | 'three_public'
  | 'government_fund'
  | 'government_fund_three_public'
  | 'state_capital'
  | 'project_performance'
  | 'overall_performance'
  | 'procurement'
  | 'other';

import type { CheckReport } from './checks/result.js';
import type { TableRecord } from './records/schemas.js';

export interface Table {
  kind: TableKind;
  title: string;
  label: string;
  /** Every heading seen above the table's parts (a continuation page may repeat or vary the title). */
  titles: string[];
  pages: number[];
  unit: string;
  empty: boolean;
  columns: string[];
  rows: string[][];
  /** The page each row was read from. */
  rowPages: number[];
  /** Typed records for a table of a known kind (none for `other`). */
  records?: TableRecord[];
  /** The unit of the records' amounts: the table's own, or the one asked for with `unit`. */
  recordsUnit?: string;
}

export interface Warning {
  page?: number;
  message: string;
}

export interface DocumentInfo {
  title: string;
  department: string;
  year: number | null;
  kind: 'budget' | 'final_account' | null;
  scope: 'department' | 'unit' | null;
}

export interface ExtractedDocument {
  source: { file: string; sha256: string; pages: number };
  /** Set when record amounts were converted to a unit other than the tables' own. */
  unitConversion?: { to: '元' | '万元'; note: string };
  document: DocumentInfo;
  tables: Table[];
  /** Accounting checks (勾稽) over the tables: every result, passed or failed. */
  checks: CheckReport;
  warnings: Warning[];
}
