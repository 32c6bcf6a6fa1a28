import { joinPieces } from '../layout/join.js';
import { compact } from '../pdf/normalize.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import type { Cell, JoinedCell, PageGrid, PageLayout, Table, TablePart, TextLine, Warning } from '../types.js';
import { alignColumns, carriedTitleLines, endsWithTotalRow, titleLinesBelow } from './continuation.js';
import { emptyTableHeaderRows, hasFigure, hasStatementRow } from './empty.js';
import { cellMap, columnPaths, headerRowCount, isNumberingTexts, rowCells, type CellMap } from './header.js';
import { isEmptyStatement, isHeadingStatement, isNoData, readHeadings } from './headings.js';
import { formsToTable, isForm } from './forms.js';
import { classifyTable } from '../kinds/registry.js';
import { PRINTED_AMOUNT } from '../kinds/vocabulary.js';
import { dropCellOverflow } from './overflow.js';

interface MergeGroup {
  rows: number[];
  text: string;
  /** The cell spans several rows: a merged cell, not an ordinary cell of a merged column. */
  merged: boolean;
}

/** A table being assembled from one grid after another. */
interface Builder {
  table: Table;
  columnCount: number;
  /** Columns whose body cells are merged vertically somewhere (project name, amount, goal…). */
  mergedCols: Set<number>;
  /** Per column, the merged cell the table's last part ended in, which the next page may continue. */
  open: Map<number, MergeGroup>;
  lastPage: number;
  endedLastOnPage: boolean;
  /** A series of performance forms: rows kept raw, turned into indicator rows when the table is finished. */
  form: boolean;
  /** The header rows' texts (per row, per column), to recognise a header repeated on a continuation page. */
  headerTexts: string[][];
  /** The column boundaries as the table's last part drew them, to recognise a part drawn with fewer of them. */
  xs: number[];
  /** The table says it has no data (`本表无数据`, in a cell or in a note below it). */
  noData: boolean;
  /** Merged cells joined over a page break so far (become `Table.joined`). */
  joined: JoinedCell[];
}

/**
 * Page layouts → tables: merged cells' clipped copies dropped, headings read, header rows turned into column paths,
 * parts stitched across pages. What was dropped, and decisions that may be wrong (a part appended with columns
 * missing, a table said to be empty that prints figures), are added to `warnings`.
 */
export function assembleTables(
  layouts: readonly PageLayout[],
  warnings: Warning[] = [],
  settings: Settings = DEFAULT_SETTINGS,
): Table[] {
  const { tables: ts, headings: hs } = settings;
  const { pages, warnings: dropped } = dropCellOverflow(layouts, ts);
  warnings.push(...dropped);
  const builders: Builder[] = [];
  let carried: TextLine[] = [];
  for (const page of pages) {
    let top = -Infinity;
    const carriedIn = carriedTitleLines(carried, page);
    carried = [];
    page.grids.forEach((pageGrid, index) => {
      let grid = pageGrid;
      let map = cellMap(grid);
      let { bannerLines, firstRow } = bannerRows(grid, map);
      const above = page.lines
        .filter((l) => l.y0 >= top - ts.previousGridSlack && l.y1 <= grid.box.y0 + ts.outerRuleSlack)
        .slice(-hs.maxLines);
      top = grid.box.y1;
      const below = page.lines.filter(
        (l) => l.y0 >= grid.box.y1 - ts.outerRuleSlack && l.y0 < (page.grids[index + 1]?.box.y0 ?? Infinity),
      );
      const noDataNote = below.slice(0, ts.noDataNoteLines).some((l) => isEmptyStatement(l.text, hs.maxNoDataNote));
      let headings = readHeadings([...above, ...bannerLines], hs);
      // A title at the foot of the previous page, below its last grid, heads this page's first grid.
      if (index === 0 && !headings.title && carriedIn.length)
        headings = readHeadings([...carriedIn, ...above, ...bannerLines], hs);
      const prev = builders[builders.length - 1];
      const isLast = index === page.grids.length - 1;
      if (isLast) carried = titleLinesBelow(page, grid, settings);
      const columnCount = grid.xs.length - 1;
      const sameTitle =
        !!prev &&
        !!headings.title &&
        (prev.table.title === headings.title || prev.table.titles.includes(headings.title));
      const nextPart = !!prev && index === 0 && prev.lastPage === page.page - 1 && prev.endedLastOnPage;
      let continues = nextPart && (prev.columnCount === columnCount || prev.form) && (!headings.title || sameTitle);
      if (nextPart && !continues && !headings.title && !prev.form) {
        // An untitled part with other column boundaries: still the table's, if its boundaries are the table's
        // and it is a body (no header of its own) or the table's end (ending in a 合计 row).
        const aligned = alignColumns(prev.xs, grid, ts);
        const alignedMap = aligned && cellMap(aligned.grid);
        if (aligned && alignedMap && (headerRowCount(alignedMap) === 0 || endsWithTotalRow(alignedMap, ts))) {
          grid = aligned.grid;
          map = alignedMap;
          ({ bannerLines, firstRow } = bannerRows(grid, map));
          continues = true;
          if (aligned.missing.length) {
            warnings.push({
              page: page.page,
              message: `${prev.table.title || 'untitled table'}: the part on this page has no cells in column(s) ${aligned.missing.map((c) => c + 1).join(', ')} (their rules were not found); text printed there is not read`,
            });
          }
        }
      }
      const statedEmpty = noDataNote || hasStatementRow(map.slice(firstRow), hs);
      if (continues && prev) {
        appendContinuation(
          prev,
          map,
          firstRow,
          headings.title !== '',
          newPart(grid, index, prev.table.rows.length),
          isLast,
        );
        for (const t of headings.all) if (!prev.table.titles.includes(t)) prev.table.titles.push(t);
        if (!prev.table.unit && headings.unit) prev.table.unit = headings.unit;
        prev.xs = grid.xs;
      } else {
        builders.push(startTable(grid, index, map, firstRow, headings, isLast, statedEmpty, settings));
      }
      if (statedEmpty) builders[builders.length - 1]!.noData = true;
    });
  }
  return builders.map((b) => finish(b, warnings));
}

/**
 * Leading rows that are headings, not header: one cell across the whole grid (a title or unit inside the ruling),
 * or a row whose every filled cell is a heading statement (`预算单位：XX局 | 单位：万元` printed as the grid's first
 * row, in one cell or in two).
 */
function bannerRows(grid: PageGrid, map: CellMap): { bannerLines: TextLine[]; firstRow: number } {
  const bannerLines: TextLine[] = [];
  let r = 0;
  const columns = grid.xs.length - 1;
  while (r < map.length - 1) {
    const cells = rowCells(map, r);
    const across = cells.length === 1 && cells[0]!.colSpan >= columns && !isNoData(cells[0]!.text);
    const filled = cells.filter((c) => compact(c.text));
    const statements = filled.length > 0 && filled.every((c) => isHeadingStatement(c.text));
    if (!(across || statements) || cells.some((c) => c.rowSpan > 1)) break;
    for (const c of filled) bannerLines.push({ text: c.text, ...c.box, size: 0 });
    r++;
  }
  return { bannerLines, firstRow: r };
}

/** A part of a table read from grid `index` of its page, its rows starting at table row `at`. */
function newPart(grid: PageGrid, index: number, at: number): TablePart {
  const { x0, y0, x1, y1 } = grid.box;
  return {
    page: grid.page,
    grid: index,
    box: { x0: pt(x0), y0: pt(y0), x1: pt(x1), y1: pt(y1) },
    rows: [at, at],
    gridRows: [],
  };
}

/** A coordinate to 0.01 pt, as printed in the output: the layout's sums carry float noise (45.600000000000016). */
const pt = (v: number): number => Math.round(v * 100) / 100;

/**
 * `statedEmpty`: the table says it has no data; its header ends where its blank body begins. `index`: the grid's
 * position on its page.
 */
function startTable(
  grid: PageGrid,
  index: number,
  fullMap: CellMap,
  firstRow: number,
  headings: ReturnType<typeof readHeadings>,
  isLast: boolean,
  statedEmpty = false,
  settings: Settings = DEFAULT_SETTINGS,
): Builder {
  const map = fullMap.slice(firstRow);
  const columnCount = grid.xs.length - 1;
  const form = isForm(map.map((row) => row.map((c, k) => (c && c.col === k ? c.text : ''))));
  const h = form ? 0 : statedEmpty ? emptyTableHeaderRows(map, settings.headings) : headerRowCount(map);
  const title = headings.title;
  const builder: Builder = {
    table: {
      kind: classifyTable(title || headings.all.join('')),
      title,
      label: headings.label,
      titles: [...headings.all],
      pages: [grid.page],
      unit: headings.unit,
      empty: false,
      columns: columnPaths(map, h, columnCount),
      rows: [],
      rowPages: [],
      parts: [],
    },
    columnCount,
    mergedCols: new Set(),
    open: new Map(),
    lastPage: grid.page,
    endedLastOnPage: isLast,
    form,
    noData: false,
    headerTexts: map.slice(0, h).map((row) => rowTexts(row)),
    xs: grid.xs,
    joined: [],
  };
  appendBody(builder, map, h, false, newPart(grid, index, 0), firstRow);
  return builder;
}

function appendContinuation(
  b: Builder,
  fullMap: CellMap,
  firstRow: number,
  titleRepeated: boolean,
  part: TablePart,
  isLast: boolean,
): void {
  const page = part.page;
  const map = fullMap.slice(firstRow);
  let skip = 0;
  const repeated = b.headerTexts.length;
  if (repeated && map.length > repeated && b.headerTexts.every((t, r) => repeatsHeader(b, rowTexts(map[r]!), t))) {
    skip = repeated;
  } else if (titleRepeated && !b.form) {
    // The title is repeated: whatever header follows it is the table's header again, maybe drawn differently.
    skip = headerRowCount(map);
  }
  if (!b.table.pages.includes(page)) b.table.pages.push(page);
  b.lastPage = page;
  b.endedLastOnPage = isLast;
  appendBody(b, map, skip, true, part, firstRow);
}

/**
 * Appends a grid's body rows: horizontal spans give their text to the first column, vertical spans repeat it. The
 * grid is the table's `part`; `map` starts at the grid's row `offset` (the rows above are banners).
 */
function appendBody(b: Builder, map: CellMap, from: number, continued: boolean, part: TablePart, offset: number): void {
  const rows = b.table.rows;
  const page = part.page;
  b.table.parts.push(part);
  const owners = new Map<Cell, number[]>();
  const bodyStart = rows.length;
  for (let r = from; r < map.length; r++) {
    const cells = map[r]!;
    const row: string[] = [];
    let any = false;
    const width = b.form ? cells.length : b.columnCount;
    for (let c = 0; c < width; c++) {
      const cell = cells[c];
      const text = cell && cell.col === c ? cell.text : '';
      if (cell && cell.rowSpan > 1) b.mergedCols.add(c);
      if (text) any = true;
      row.push(text);
    }
    if (!any) continue;
    // `本表无数据`: the table is empty, not a row.
    if (row.every((t) => !t || isNoData(t))) {
      b.noData = true;
      continue;
    }
    const at = rows.length;
    rows.push(row);
    b.table.rowPages.push(page);
    part.gridRows.push(offset + r);
    for (let c = 0; c < b.columnCount; c++) {
      const cell = cells[c];
      if (cell && cell.col === c) owners.set(cell, [...(owners.get(cell) ?? []), at]);
    }
  }
  part.rows[1] = rows.length;
  if (continued) continueMergedCells(b, map, from, bodyStart, owners);
  // Remember, per merged column, the cell the part ends in: the next page may continue it.
  b.open = new Map();
  const last = map[map.length - 1];
  if (!last) return;
  for (const c of b.mergedCols) {
    const cell = last[c];
    const at = cell && owners.get(cell);
    if (cell && at) b.open.set(c, { rows: at, text: rows[at[0]!]![c]!, merged: cell.rowSpan > 1 });
  }
}

/**
 * A merged cell cut by a page break: when the first body row of a continuation leaves a merged column empty, the
 * cells at the top of that page's merged columns continue the cells the previous page ended in.
 */
function continueMergedCells(
  b: Builder,
  map: CellMap,
  from: number,
  bodyStart: number,
  owners: Map<Cell, number[]>,
): void {
  const first = map[from];
  if (!first || bodyStart >= b.table.rows.length) return;
  const topCell = (c: number): Cell | undefined => first[c];
  const continues = [...b.open].some(([c, g]) => g.text && !compact(topCell(c)?.text ?? ''));
  // An amount is printed whole in its cell: a merged column ending in one amount and starting in another on the next
  // page starts new cells there (the next project's, its 财政资金 cell blank), however blank the other columns are.
  const fresh = [...b.open].some(([c, g]) => {
    const top = compact(topCell(c)?.text ?? '');
    return PRINTED_AMOUNT.test(compact(g.text)) && PRINTED_AMOUNT.test(top) && top !== compact(g.text);
  });
  // Or the cut cell's text went past the break whole, leaving blank on the page before a column every earlier group
  // filled (Beijing's 项目总额, printed mid-cell): the group ends on this page, with its amount.
  const filledBefore = (c: number, before: number): boolean =>
    before > 0 && b.table.rows.slice(0, before).every((r) => compact(r[c] ?? '') !== '');
  const lacking =
    !b.form &&
    [...b.open].some(
      ([c, g]) => !compact(g.text) && compact(topCell(c)?.text ?? '') !== '' && filledBefore(c, g.rows[0] ?? 0),
    );
  if (!(continues || lacking) || fresh) return;
  for (const [c, group] of b.open) {
    const cell = topCell(c);
    const newRows = (cell && owners.get(cell)) ?? [];
    // Only a merged cell continues: on one side of the break or the other it spans several rows.
    if (!cell || !newRows.length || !(group.merged || cell.rowSpan > 1)) continue;
    // The cut cell drawn again whole from its top (`11000022T00` clipped, then the whole code): its text once.
    const text =
      lacking && compact(cell.text).startsWith(compact(group.text)) ? cell.text : joinPieces([group.text, cell.text]);
    const all = [...group.rows, ...newRows];
    for (const r of all) b.table.rows[r]![c] = text;
    // Over a second break the cell already joined grows: one entry per cell, from its first row.
    const joined = b.joined.find((j) => j.col === c && j.rows[0] === all[0]);
    if (joined) joined.rows[1] = all[all.length - 1]! + 1;
    else b.joined.push({ col: c, rows: [all[0]!, all[all.length - 1]! + 1] });
    // The cell may run on over the next break too: it owns every row it has spanned so far.
    owners.set(cell, all);
  }
}

function finish(b: Builder, warnings: Warning[]): Table {
  const t = b.table;
  if (b.form) {
    const form = formsToTable(t.rows);
    t.columns = form.columns;
    t.rowPages = form.sourceRows.map((i) => t.rowPages[i]!);
    t.rows = form.rows;
    // The forms' columns are not the grids': a joined cell's column no longer says where it is.
    b.joined = [];
    keepRows(t, b.joined, form.sourceRows);
    for (const w of form.warnings) warnings.push({ page: t.pages[0], message: `${t.title || 'untitled table'}: ${w}` });
  }
  // A table that says it holds no data has none: what is printed in its body is its blank rows, a 合计 row with
  // zeros or nothing, column labels left under the header. Figures other than zero contradict it: kept, and said.
  if (b.noData) {
    if (t.rows.some(hasFigure)) {
      warnings.push({
        page: t.pages[0],
        message: `${t.title || 'untitled table'}: says it has no data but prints figures; rows kept`,
      });
    } else {
      // A printed row of column numbers (`** | 1`) is kept as printed, as in every table; it is no data.
      const keep = t.rows.map((r) => isNumberingTexts(r));
      t.rowPages = t.rowPages.filter((_, i) => keep[i]);
      t.rows = t.rows.filter((_, i) => keep[i]);
      keepRows(
        t,
        b.joined,
        keep.flatMap((k, i) => (k ? [i] : [])),
      );
    }
  }
  t.empty = t.rows.every((r) => isNumberingTexts(r));
  if (b.joined.length) t.joined = b.joined;
  return t;
}

/**
 * The table's rows were replaced by some of them (`kept`: for each new row, in order, the index of the row it was):
 * the parts' row ranges and grid rows, and the joined cells' ranges, follow.
 */
function keepRows(t: Table, joined: JoinedCell[], kept: readonly number[]): void {
  // The first new row at or after old row `i`.
  const at = (i: number): number => {
    let lo = 0,
      hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const p of t.parts) {
    const [from, to] = p.rows;
    const [a, z] = [at(from), at(to)];
    p.gridRows = kept.slice(a, z).map((i) => p.gridRows[i - from]!);
    p.rows = [a, z];
  }
  for (const j of joined) j.rows = [at(j.rows[0]), at(j.rows[1])];
  const still = joined.filter((j) => j.rows[1] - j.rows[0] > 0);
  joined.splice(0, joined.length, ...still);
}

function rowTexts(row: readonly (Cell | undefined)[]): string[] {
  return row.map((c, k) => (c && c.col === k ? compact(c.text) : ''));
}

/**
 * A row repeats the header row when each cell holds that column's header text and nothing else — or, in a column
 * whose merged cell the page break cut, the header text with pieces of that cell's text around or between its
 * lines: the spreadsheet draws the cut cell's text again from its top, and the lines already shown on the page
 * before land in the header (`、文明单位,文明家庭创建,新时代` + `年度目标` + `文明实践所、`). Those pieces are copies
 * and go with the header.
 */
function repeatsHeader(b: Builder, texts: readonly string[], header: readonly string[]): boolean {
  return header.every((want, k) => {
    const got = texts[k] ?? '';
    if (got === want) return true;
    const open = compact(b.open.get(k)?.text ?? '');
    return open !== '' && interleaves(got, want, open);
  });
}

/** `got` is `want` with pieces of `open` before, after or inside it, in reading order. */
function interleaves(got: string, want: string, open: string): boolean {
  const seen = new Set<number>();
  const go = (i: number, j: number): boolean => {
    if (i === got.length) return j === want.length;
    const key = i * (want.length + 1) + j;
    if (seen.has(key)) return false;
    seen.add(key);
    if (j < want.length && got[i] === want[j] && go(i + 1, j + 1)) return true;
    // A piece of the cut cell's text: every longer piece from here is one only if this one is.
    for (let end = i + 1; end <= got.length && open.includes(got.slice(i, end)); end++) if (go(end, j)) return true;
    return false;
  };
  return go(0, 0);
}
