import type { RecordKind, RecordOf } from './records/schemas.js';

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

/** What a table is (收支总表, “三公”经费表 …): each kind's titles, records and checks are in src/kinds/registry.ts. */
export type TableKind = RecordKind | 'other';

/** What every table has, whatever its kind: the grid as printed and where it was read. */
export interface TableBase {
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
  /** The unit of the records' amounts: the table's own, or the one asked for with `unit`. */
  recordsUnit?: string;
}

type TableMember<K extends TableKind> = TableBase & {
  kind: K;
  /** Typed records, each naming the row it was read from (`row`); none for `other`. */
  records?: K extends RecordKind ? RecordOf<K>[] : never;
};

/** A table: a union discriminated by `kind`, so `records` is typed once `kind` is known. */
export type Table = { [K in TableKind]: TableMember<K> }[TableKind];

/** The tables of one kind (or of several), records typed by it: `TableOf<'three_public'>['records']`. */
export type TableOf<K extends TableKind> = Extract<Table, { kind: K }>;

/** One accounting identity tested on the extracted numbers. Amounts are exact decimal strings. */
export interface CheckResult {
  id: string;
  message: { zh: string; en: string };
  tableKind: TableKind;
  tableTitle: string;
  /** The page the result is about: the page its row was read from, else the table's first page. */
  page: number | null;
  row: { code: string | null; name: string } | null;
  /** The index in the table's `rows` of the row the result is about (its total, parent or project row); null when
   * the identity is not about one printed row. */
  rowIndex: number | null;
  column: string | null;
  expected: string;
  found: string;
  difference: string;
  tolerance: string;
  passed: boolean;
  /** Passed with a difference (尾差): within half a unit of the last printed digit per term, not exact. */
  rounding: boolean;
}

export interface CheckReport {
  summary: { total: number; passed: number; failed: number };
  results: CheckResult[];
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
