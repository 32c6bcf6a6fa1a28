/**
 * Every tolerance of the layout and tables stages, in one object (as pdfplumber's `TableSettings`). Units: `pt` are
 * PDF points in page space; `em` are multiples of the text's font size (the larger of the two items compared unless
 * said otherwise); counts are rows, lines, pages or characters. Each value is the one the corpus case in its comment
 * set: change one only with that case (and `node bench/golden.mjs --check`) in view.
 *
 * The stages take a whole `Settings` (default `DEFAULT_SETTINGS`) and read it as is; build one with overrides once,
 * with `resolveSettings`, never per page or per item.
 */

export interface RulingSettings {
  /** pt. A filled rectangle thinner than this is a rule line, not a cell background (WPS and Word draw every grid line as a filled rectangle). */
  readonly maxRuleThickness: number;
  /** pt. A stroke or thin box shorter than this is no rule (a tick, a dot, a glyph's stroke). */
  readonly minRuleLength: number;
  /** pt. A stroked segment whose ends differ by at most this across its direction is horizontal (vertical): rounding of the content stream. */
  readonly straightSlack: number;
  /** pt. A path's point within (strictly) this of its bounding box's side lies on it: the path is a box, not a shape. */
  readonly onBorder: number;
  /** 0–255 per channel. A fill or stroke colour with every channel at least this is white: no line is seen (white rules erase, on paper). */
  readonly whiteFrom: number;
}

export interface EdgeSettings {
  /** pt. Lines closer than this are one line: double rules, fake-bold strokes, rounding (pdfplumber's snap_tolerance). */
  readonly snap: number;
  /** pt. Collinear pieces with a gap up to this are joined, and lines this near cross: WPS draws one rectangle per cell side (pdfplumber's join_tolerance). */
  readonly join: number;
  /**
   * pt. The widest gap between two neighbouring columns' lines that an implied closing line bridges (merged cells cut
   * open by a page break: several vertical lines end at one height with no line across their ends).
   */
  readonly maxColumnWidth: number;
}

export interface TextSettings {
  /** em, below the baseline. The glyph box of a text item starts this far under its baseline (pdf.js gives the baseline only). */
  readonly glyphDescent: number;
  /** em, above the baseline. The glyph box of a text item ends this far over its baseline. */
  readonly glyphAscent: number;
  /** em of the item's size. Fake bold draws the same text twice about 0.4 pt apart: a copy of the same text nearer than this (both ways) is dropped. */
  readonly fakeBold: number;
  /** pt. The fake-bold distance is at least this, whatever the size (small print's copies stand 0.4 pt apart too). */
  readonly fakeBoldMin: number;
  /** em. Items whose vertical centres are within this of the line's first item share a line: two lines of one cell are at least a glyph apart. */
  readonly sameLine: number;
  /** em. On one baseline outside grids, a gap wider than this starts a new text line (a title and a unit line side by side). */
  readonly lineBreakGap: number;
}

export interface GridSettings {
  /** pt. Cell sides this close are one boundary when the cells of one table are put on a common grid (a rule's width, two rectangles' rounding). */
  readonly boundary: number;
  /** Cells. A group of boxes with fewer cells than this is no table (a lone rectangle, a frame). */
  readonly minCells: number;
  /**
   * em. Two lines of one cell never overlap: line pitch is at least the glyph height, and a glyph box is one em tall.
   * Boxes overlapping by this share of a glyph are two colliding lines, not one cell's text (`50999-其他对个人和家庭的补` /
   * `助` clipped at the row's rule, its centre in the row beneath).
   */
  readonly lineCollision: number;
  /**
   * pt. A wrapped name's next line starts where its first did (the same padding), within this: the last row's tail
   * clipped at the table's bottom rule is given to its cell (fixtures/layout-clipped-rows.pdf).
   */
  readonly continuationAlign: number;
  /**
   * em of the split item's size. Glyphs of one amount stand at most this far apart (they may overlap: boxes are estimated): an amount item run
   * across a rule (`244,895.0` + `21` + `92,446.79` for 244,895.02 | 192,446.79) is split only where a part continues an amount this near.
   */
  readonly sameAmountGap: number;
  /** em. Two whole numbers this far apart or more on one line are two values (`180` `172`, the labels of two bars): a chart, not a table. */
  readonly separateAmountsGap: number;
  /**
   * em of the amount's size. A right-aligned amount ends within this of its column's right rule (the cell's padding): `合 计` |
   * `1,024,807.17` printed in a cell spanning 部门经济分类科目 and 合计 belongs to the 合计 column.
   */
  readonly rightAlign: number;
  /** em of the next item's size. Items of one line closer than this (strictly) run together into one phrase (`机关事业单位职业年金缴费支出 | 35.56` in one merged cell splits between them). */
  readonly phraseGap: number;
}

export interface AlignedSettings {
  /** em of the upper row's size. Text rows further apart than this end a borderless table. */
  readonly maxRowGap: number;
  /** em. A header row above a borderless table's body stands closer than `maxRowGap` less this (a title a little further up is no header). */
  readonly headerGapMargin: number;
  /** Rows. A borderless table has at least this many body rows. */
  readonly minBodyRows: number;
  /** Rows. At most this many header rows are taken above a borderless body. */
  readonly maxHeaderRows: number;
  /** Pieces. A body row of a borderless table has at least this many separate pieces, one of them an amount. */
  readonly minBodyPieces: number;
  /** Pieces. A header row above it has at least this many (a lone line above is a title or a note). */
  readonly minHeaderPieces: number;
  /** Columns. Fewer separate columns than this make no borderless table (a list, a sentence beside a number). */
  readonly minColumns: number;
  /** pt. A borderless grid's outer boundaries stand this far outside its text. */
  readonly padding: number;
}

export interface HeadingSettings {
  /** Lines. Heading lines considered above a grid: the nearest few. */
  readonly maxLines: number;
  /** Characters. A line naming a table is a title only up to this length: longer is a sentence (`校教育教学改革…搭建平台。` ends in 表 too). */
  readonly maxTitleLength: number;
  /** Characters. A line with a unit statement this short is the unit line, not a title candidate (`单位:万元`, `金额单位:万元`). */
  readonly maxUnitLineLength: number;
  /** pt. Title candidates within this of the largest size count as the largest; two lines of one wrapped title differ in size by less. */
  readonly sizeSlack: number;
  /** Characters. A short note (`本部门无此项支出`) says the table has no data; a longer sentence with those words is commentary. */
  readonly maxNoDataNote: number;
  /** Share of the largest size. The cover's title is the first page's text at least this large. */
  readonly coverSize: number;
  /** Pages. The document's title is looked for in the text of this many first pages when the cover does not hold it. */
  readonly titlePages: number;
  /** Characters. A cover's large text longer than this is not a title (a table of contents run together). */
  readonly titleMaxLength: number;
}

export interface TableSettings {
  /** pt. A text line reaching this far over a grid's outer rule is still above (below, beside) it: heading lines, notes, clipped copies. */
  readonly outerRuleSlack: number;
  /** pt. A heading line may reach this far up into the grid above it on the page. */
  readonly previousGridSlack: number;
  /** Lines. A note saying the table is empty (`注:…故本表为空表。`) is one of this many lines right below it. */
  readonly noDataNoteLines: number;
  /**
   * pt. Column boundaries of two parts of one table on consecutive pages agree within this: a part of one row (a 合计 row
   * spilled onto the next page) or a part whose outer rule was not found can put an edge off by a rule's width or a
   * rounding of the layout. Budget tables' narrowest columns (类/款/项 codes) are about 30 pt wide, so this cannot take
   * one boundary for its neighbour. Also how far a line below a grid may run past one column and still lie within it.
   */
  readonly edgeTolerance: number;
  /** Share of the columns. A part that leaves out more than this share of the table's columns is another table, not a part whose rules were lost. */
  readonly minCoveredShare: number;
  /** Characters. A total row's label is a short cell (`合计`, `收入合计`, `支出总计`); a longer text ending so is a name. */
  readonly maxTotalLabel: number;
  /** pt. Column boundaries of two grids this close belong to one table printed over a page break (a merged cell clipped at the break). */
  readonly sameColumns: number;
  /** Rows. How many leading rows of the next page's grid may hold the text continued from the page before (header rows + the first body row). */
  readonly continuedRows: number;
  /** pt. A clipped copy's line crosses a column when it reaches more than this into it. */
  readonly columnOverlap: number;
}

export interface Settings {
  readonly rulings: RulingSettings;
  readonly edges: EdgeSettings;
  readonly text: TextSettings;
  readonly grid: GridSettings;
  readonly aligned: AlignedSettings;
  readonly headings: HeadingSettings;
  readonly tables: TableSettings;
}

/** Overrides for some settings; the rest keep their defaults. */
export type SettingsOverrides = { readonly [G in keyof Settings]?: Partial<Settings[G]> };

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

export const DEFAULT_SETTINGS: Settings = deepFreeze({
  rulings: { maxRuleThickness: 2.5, minRuleLength: 2, straightSlack: 0.5, onBorder: 0.5, whiteFrom: 250 },
  edges: { snap: 2, join: 3, maxColumnWidth: 300 },
  text: { glyphDescent: 0.2, glyphAscent: 0.8, fakeBold: 0.15, fakeBoldMin: 1, sameLine: 0.45, lineBreakGap: 2.5 },
  grid: {
    boundary: 2,
    minCells: 2,
    lineCollision: 0.2,
    continuationAlign: 1,
    sameAmountGap: 0.5,
    separateAmountsGap: 1,
    rightAlign: 1,
    phraseGap: 0.5,
  },
  aligned: {
    maxRowGap: 3,
    headerGapMargin: 0.5,
    minBodyRows: 3,
    maxHeaderRows: 3,
    minBodyPieces: 3,
    minHeaderPieces: 2,
    minColumns: 3,
    padding: 2,
  },
  headings: {
    maxLines: 6,
    maxTitleLength: 60,
    maxUnitLineLength: 12,
    sizeSlack: 0.5,
    maxNoDataNote: 20,
    coverSize: 0.8,
    titlePages: 5,
    titleMaxLength: 60,
  },
  tables: {
    outerRuleSlack: 2,
    previousGridSlack: 1,
    noDataNoteLines: 2,
    edgeTolerance: 3,
    minCoveredShare: 0.5,
    maxTotalLabel: 8,
    sameColumns: 3,
    continuedRows: 5,
    columnOverlap: 1,
  },
});

/** The defaults with `overrides` laid over them, frozen. Call once (per document or run), not per page. */
export function resolveSettings(overrides: SettingsOverrides = {}): Settings {
  const out = {} as Record<keyof Settings, object>;
  for (const group of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[])
    out[group] = { ...DEFAULT_SETTINGS[group], ...overrides[group] };
  return deepFreeze(out as unknown as Settings);
}
