import type { RecordKind, RecordOf, SCHEMA_VERSION } from './records/schemas.js';

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

/**
 * One page grid that went into a table: the table's rows [rows[0], rows[1]) were read from it, in order. A grid that
 * gave no row (a header repeated alone at a page foot) is still a part, with an empty range.
 */
export interface TablePart {
  /** 1-based page number. */
  page: number;
  /** Index of the grid in that page's `PageLayout.grids`. */
  grid: number;
  /** The grid's box on the page, to 0.01 pt. */
  box: Box;
  /** The table rows read from this grid: [from, to), indices into `Table.rows`. */
  rows: [number, number];
  /**
   * For each of those rows, in order, the grid row (index into the grid's rows, `PageGrid.ys`) it was read from;
   * the row's cells are that grid row's cells. Two exceptions: a cell in `Table.joined` holds pieces from several
   * parts; a series of performance forms repeats each project's fields (read from the form's field rows above its
   * indicators) on every indicator row, so only its indicator columns come from the row's own grid row.
   */
  gridRows: number[];
}

/** A merged cell cut by a page break: in column `col`, rows [from, to) of the table hold its joined text. */
export interface JoinedCell {
  col: number;
  rows: [number, number];
}

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
  /** Where the table was read: every page grid that went into it, in reading order (see `TablePart`). */
  parts: TablePart[];
  /**
   * Merged cells cut by a page break, whose pieces were joined into one text (`continued` project names, goals):
   * in column `col`, rows [from, to) hold the joined text, though each row's grid cell holds only the piece printed
   * on its own page. Absent when the table has none.
   */
  joined?: JoinedCell[];
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

/** A printed cell an identity added up: one term of its sum. */
export interface CheckTerm {
  /** The position in `doc.tables` of the table the cell is in (a cross-table identity adds cells of several). */
  table: number;
  /** Index in that table's `rows`. */
  rowIndex: number;
  /** The column label, as in `Table.columns`. */
  column: string;
  page: number | null;
  code: string | null;
  name: string;
  /** The amount as read (exact decimal, the table's unit); null for a blank cell. */
  value: string | null;
}

/** What several failed results have in common: one printed error failing more than one identity. */
export interface CheckCause {
  /** Stable within a document: results with the same id share the cause. */
  id: string;
  zh: string;
  en: string;
}

/** One accounting identity tested on the extracted numbers. Amounts are exact decimal strings. */
export interface CheckResult {
  id: string;
  message: { zh: string; en: string };
  /** The position in `doc.tables` of the table the result is about (two tables may share a title); null only for
   * a result made outside `runChecks`. */
  table: number | null;
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
  /** The unit of expected / found / difference (元, 万元) as the table prints it; absent where none is printed. */
  unit?: string;
  /** Failed results: the cells that were added up (the sum's terms), each with its row and page. */
  terms?: CheckTerm[];
  /** Failed results that share one printed error (a row counted twice, one wrong cell failing its row and its
   * parent) carry the same cause. */
  cause?: CheckCause;
  /** A figure stated in the document's text (`narrative.*`): the sentence that states it, where printed. */
  sentence?: Sentence;
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
  /** The version of this shape (schemas/document.schema.json): major for a removed or changed field, minor for added ones. */
  schemaVersion: typeof SCHEMA_VERSION;
  source: { file: string; sha256: string; pages: number };
  /** Set when record amounts were converted to a unit other than the tables' own. */
  unitConversion?: { to: '元' | '万元'; note: string };
  document: DocumentInfo;
  tables: Table[];
  /** Accounting checks (勾稽) over the tables: every result, passed or failed. */
  checks: CheckReport;
  /** What a reviewer checks beyond the arithmetic: required tables, the text against the tables, names and units. */
  review: Review;
  warnings: Warning[];
}

/** A sentence of the document's own text (情况说明, a note under a table), where it is printed. */
export interface Sentence {
  /** 1-based page the sentence starts on. */
  page: number;
  text: string;
}

/** Whether a document prints a table its template requires: printed with figures, printed empty, or not at all. */
export type RequirementStatus = 'present' | 'empty' | 'missing';

/** One table a document's template requires, and what the document prints of it. */
export interface RequiredTable {
  /** The table kind that satisfies it (src/kinds/registry.ts); judged by kind, never by exact title. */
  kind: TableKind;
  /** What the template calls the table (收入支出决算总表). */
  name: string;
  status: RequirementStatus;
  /** Positions in `tables` of the document's tables of this requirement (the first is the one judged). */
  tables: number[];
  pages: number[];
  /** An empty table: the document's words for why (本部门无政府性基金预算收支，故本表为空表), where printed; null
   * when it gives none. Always null for a present or missing table. */
  reason: Sentence | null;
}

/** The tables a document of its kind (预算 / 决算, 部门 / 单位) must publish, and which it does. */
export interface Completeness {
  /** The template judged against (`final_account` …, what it is called and what it rests on); null when the
   * document's kind is unknown. */
  template: { id: string; name: string; basis: string } | null;
  tables: RequiredTable[];
}

/** A figure the document's text states in a sentence, and the table figure it states. */
export interface NarrativeFigure {
  /** What the sentence states: `income_total`, `three_public_total`, `operating_costs`, … */
  topic: string;
  /** The figure as printed in the sentence (`1,234.56`) and its unit (万元, 元, %, 个). */
  printed: string;
  /** The printed figure as an exact decimal. */
  value: string;
  unit: string;
  sentence: Sentence;
  /** The cell it was matched to (its value converted to the sentence's unit is `expected`); null: unmatched. */
  cell: CheckTerm | null;
  /** The table figure in the sentence's unit, exact; null when unmatched. */
  expected: string | null;
  status: 'agrees' | 'differs' | 'unmatched';
  /** Unmatched: why no cell was chosen (no table of the topic, several candidates disagree …). */
  note?: string;
}

/** A place a finding names: a page, maybe a table and row, and the text printed there. */
export interface FindingPlace {
  page: number | null;
  /** Position in `tables`; null for text outside the tables (cover, 情况说明). */
  table: number | null;
  rowIndex: number | null;
  text: string;
}

/** What an auditor would raise that is not one identity's sum: a missing table, a name spelled two ways, a unit. */
export interface Finding {
  /** `completeness.missing`, `completeness.empty_without_reason`, `names.department`, `names.code`, `units.scale` … */
  id: string;
  severity: 'error' | 'warning' | 'notice';
  message: { zh: string; en: string };
  /** The page the finding is first about, and the table (position in `tables`), where there is one. */
  page: number | null;
  table: number | null;
  /** Every place the finding rests on, each with the text printed there. */
  places: FindingPlace[];
}

/** A reviewer's reading of the document beyond its arithmetic (see src/review/). */
export interface Review {
  completeness: Completeness;
  /** Every figure the text states that the review read, matched or not. */
  narrative: NarrativeFigure[];
  findings: Finding[];
}
