import { classifyTable } from '../kinds/registry.js';
import { type Requirement, type Template, templateFor } from '../kinds/templates.js';
import { compact } from '../pdf/normalize.js';
import { hasFigure } from '../tables/empty.js';
import { isEmptyStatement, isNoData } from '../tables/headings.js';
import type {
  Completeness,
  DocumentInfo,
  Finding,
  FindingPlace,
  PageLayout,
  RequiredTable,
  Sentence,
  Table,
  TableKind,
} from '../types.js';

/**
 * Completeness (issue #17): which tables the document's template requires, and for each whether the document
 * prints it with figures, prints it empty (with the reason it gives, or none), or does not print it at all. A
 * requirement is met by table kind (registry), never by title: 财政拨款收入支出决算总表 is the 财政拨款收支总表 of a
 * 决算, 一般公共预算支出功能分类预算表 is Shanghai's 一般公共预算支出表.
 */

/**
 * A clause saying there is nothing to show: 空表, 无数据, 无发生额, 不涉及, 未安排, 没有…, 无…收支/支出/安排/预算… (not
 * 无锡, a city), or the money stated nil (政府性基金拨款支出预算为0, …支出0万元: Shanghai's 市级 情况说明 says no more of
 * its blank tables, and it is the document's own word on them; the finding quotes it for the reader to weigh). Only
 * read in a clause that also names the table's kind, or in a note next to an empty table.
 */
const SAYS_NONE =
  /空表|无数据|无发生额|不涉及|未安排|没有|无(?!锡)[^，,。；;：:]{0,30}?(收支|收入|支出|安排|预算|拨款|经费|资金|项目)|为[0零](?![.\d])|(?<![\d.,])0(\.0+)?万?元/u;
/**
 * A note about the table itself (本表本年无发生额, 此表为空): with EMPTY_TABLE's sentences (本表为空表, 本表无数据),
 * what a note printed next to an empty table says of it, whatever kind it names.
 */
const NOTE_SAYS_EMPTY = /[本此该]表[^，,。；;]{0,8}(无|没有|不涉及|为空)/u;
/** A table label run into a note's end by the line below (…故此表无数据表八): not part of the note. */
const TRAILING_LABEL = /(?<=.)表[一二三四五六七八九十\d]+$/u;
/** Where a sentence's clauses part: a clause names what it says is missing (无政府性基金预算收支，故本表为空表). */
const CLAUSE = /[，,。；;！？!?]/u;
/** Where a clause names several things (无国有资本经营预算和政府性基金预算收支): each piece is classified. */
const PIECE = /以及|和|及|与|、/u;
/** A line naming a table (a 目录 entry, a heading): it ends in 表, short. */
const NAMES_TABLE = /表[)）]?$/u;
const MAX_TABLE_NAME = 40;
/** Text pointing to tables published elsewhere: 附件：XX局2026年度部门预算报表, 另行公开. */
const ELSEWHERE = /附件|附表|另行公开|另附/u;
const TABLE_WORD = /报表|[预决]算表|公开表|表格/u;

/** The kinds a clause names, each piece of it classified as a table title would be. */
function namedKinds(clause: string): TableKind[] {
  const kinds = clause
    .split(PIECE)
    .map((p) => classifyTable(p))
    .filter((k) => k !== 'other');
  return [...new Set(kinds)];
}

/** The kinds a text says there is nothing of: those named in a clause that says so. */
export function kindsSaidEmpty(text: string): TableKind[] {
  const out = new Set<TableKind>();
  for (const clause of compact(text).split(CLAUSE)) {
    if (!SAYS_NONE.test(clause)) continue;
    for (const k of namedKinds(clause)) out.add(k);
  }
  return [...out];
}

const satisfies = (req: Requirement, kind: TableKind): boolean => req.kinds.includes(kind);

/** An amount other than zero, anywhere in a record's amount fields (nested ones too: a “三公” record's vehicle). */
function hasNonZero(value: unknown): boolean {
  if (typeof value === 'string') return /[1-9]/u.test(value);
  if (value && typeof value === 'object') return Object.values(value).some(hasNonZero);
  return false;
}

const AMOUNT_KEYS = ['amounts', 'extra', 'total', 'outbound', 'vehicle', 'reception', 'operatingCosts'];

/**
 * Whether a table shows no money: printed empty (`Table.empty`), or printed with rows whose every amount is zero
 * or blank (a 政府性基金 table of 0.00s says the same as a blank one, and the template asks the same of it: a
 * reason). Judged on the records, whose amounts are the amount columns only (a row's 功能科目 code is not a
 * figure). A table of no records (a 收支表 of Xi'an's layout) is judged on its rows: no non-zero number in any
 * cell (a code counts as one there: printed, when unsure), and more than a header row.
 */
function showsNoMoney(table: Table): boolean {
  if (table.empty) return true;
  const records = (table.records ?? []) as readonly Record<string, unknown>[];
  // One row is a header whose body was not read (continued as another table): judged printed, not empty.
  if (!records.length) return table.rows.length > 1 && !table.rows.some(hasFigure);
  return !records.some((r) => AMOUNT_KEYS.some((k) => hasNonZero(r[k])));
}

/** The vertical gap between a line and a box (0 when they overlap). */
const gap = (a: { y0: number; y1: number }, b: { y0: number; y1: number }): number =>
  Math.max(0, b.y0 - a.y1, a.y0 - b.y1);

interface Reason {
  sentence: Sentence;
  place: FindingPlace;
}

/**
 * The sentence a printed line starts (a note wrapped over two lines reads whole), from the line on: the sentence
 * may have run the unit line above into it (单位:万元备注:…). Else the line itself.
 */
function sentenceOf(page: number, text: string, sentences: readonly Sentence[]): string {
  const found = sentences.find((s) => s.page === page && s.text.includes(text));
  const whole = found ? found.text.slice(found.text.indexOf(text)) : text;
  return whole.replace(TRAILING_LABEL, '');
}

/**
 * Why an empty table is empty, in the document's words; the nearest statement first: a statement row inside the
 * table, a note printed next to it (the page's text closest to one of its grids), a sentence on its pages naming
 * its kind, a row of a list of the tables published empty (表9 | …政府性基金收支表 | 是 | 不涉及), a sentence
 * anywhere else (情况说明: 本部门无政府性基金预算收支，并已公开空表).
 */
function findReason(
  req: Requirement,
  at: number,
  tables: readonly Table[],
  sentences: readonly Sentence[],
  layouts: readonly PageLayout[],
): Reason | null {
  const table = tables[at]!;
  // 1. A statement row.
  for (let r = 0; r < table.rows.length; r++) {
    const cell = table.rows[r]!.map(compact).find((c) => c && (isEmptyStatement(c) || isNoData(c)));
    if (cell) {
      const page = table.rowPages[r] ?? table.pages[0] ?? 0;
      return { sentence: { page, text: cell }, place: { page, table: at, rowIndex: r, text: cell } };
    }
  }
  const byPage = new Map(layouts.map((l) => [l.page, l]));
  // 1b. A statement printed inside the table's grids that the table's rows left out (此表为空 under 合计).
  for (const part of table.parts) {
    const grid = byPage.get(part.page)?.grids[part.grid];
    const cell = grid?.cells.map((c) => compact(c.text)).find((c) => c && (isEmptyStatement(c) || isNoData(c)));
    if (cell) {
      return {
        sentence: { page: part.page, text: cell },
        place: { page: part.page, table: at, rowIndex: null, text: cell },
      };
    }
  }
  // 2. A note next to the table: a line of its pages whose nearest grid is one of the table's, that states the
  // table empty (本表为空表) — else one that says there is none of its kind (a note under the grid may follow the
  // template's own instruction, 无政府性基金…的，仍保留该表格式，并在本表下方作下述说明, which is no reason).
  const notes = (says: (text: string) => boolean): Reason | null => {
    for (const page of table.pages) {
      const layout = byPage.get(page);
      if (!layout) continue;
      const own = new Set(table.parts.filter((p) => p.page === page).map((p) => p.grid));
      for (const line of layout.lines) {
        const text = compact(line.text);
        if (!text || !says(text)) continue;
        if (own.size && layout.grids.length) {
          let nearest = -1;
          let best = Number.POSITIVE_INFINITY;
          layout.grids.forEach((g, i) => {
            const d = gap(line, g.box);
            if (d < best) [best, nearest] = [d, i];
          });
          if (!own.has(nearest)) continue;
        }
        const whole = sentenceOf(page, text, sentences);
        return { sentence: { page, text: whole }, place: { page, table: null, rowIndex: null, text: whole } };
      }
    }
    return null;
  };
  const note =
    notes((t) => isEmptyStatement(t) || NOTE_SAYS_EMPTY.test(t)) ??
    notes((t) => kindsSaidEmpty(t).some((k) => satisfies(req, k)));
  if (note) return note;
  const naming = sentences.filter((s) => kindsSaidEmpty(s.text).some((k) => satisfies(req, k)));
  // 3. A sentence on the table's pages naming its kind.
  const onPage = naming.find((s) => table.pages.includes(s.page));
  if (onPage) return { sentence: onPage, place: { page: onPage.page, table: null, rowIndex: null, text: onPage.text } };
  // 4. A row of another table listing this one as empty.
  for (let u = 0; u < tables.length; u++) {
    if (u === at) continue;
    const other = tables[u]!;
    for (let r = 0; r < other.rows.length; r++) {
      const cells = other.rows[r]!.map(compact).filter(Boolean);
      const named = cells.findIndex(
        (c) => NAMES_TABLE.test(c) && c.length <= MAX_TABLE_NAME && satisfies(req, classifyTable(c)),
      );
      // Another cell of the row gives the reason (不涉及, 本部门不涉及故公开空表); a row marked 否 gives none.
      if (named < 0 || !cells.some((c, i) => i !== named && SAYS_NONE.test(c))) continue;
      const text = cells.join(' ');
      const page = other.rowPages[r] ?? other.pages[0] ?? 0;
      return { sentence: { page, text }, place: { page, table: u, rowIndex: r, text } };
    }
  }
  // 5. A sentence anywhere (情况说明).
  const anywhere = naming[0];
  if (anywhere)
    return { sentence: anywhere, place: { page: anywhere.page, table: null, rowIndex: null, text: anywhere.text } };
  return null;
}

/** Lines that name a required table though the document does not print it (its 目录 entry): up to two. */
function namedLines(req: Requirement, layouts: readonly PageLayout[]): FindingPlace[] {
  const out: FindingPlace[] = [];
  for (const layout of layouts) {
    for (const line of layout.lines) {
      const text = compact(line.text);
      if (text.length > MAX_TABLE_NAME || !NAMES_TABLE.test(text) || !satisfies(req, classifyTable(text))) continue;
      out.push({ page: layout.page, table: null, rowIndex: null, text });
      if (out.length >= 2) return out;
    }
  }
  return out;
}

const tablePlace = (table: Table, at: number): FindingPlace => ({
  page: table.pages[0] ?? null,
  table: at,
  rowIndex: null,
  text: table.title || table.titles[0] || '',
});

const pageList = (pages: readonly number[]): string => pages.join(', ');

/**
 * Judges a document's tables against the template of its kind. `tables` are `doc.tables` in order (positions in
 * the result index them); `sentences` the document's text (documentSentences); `layouts` every page's layout, for
 * the notes printed next to a table.
 */
export function completeness(
  info: DocumentInfo,
  tables: readonly Table[],
  sentences: readonly Sentence[],
  layouts: readonly PageLayout[],
): { completeness: Completeness; findings: Finding[] } {
  const template = templateFor(info);
  if (!template) return { completeness: { template: null, tables: [] }, findings: [] };
  const required: RequiredTable[] = [];
  const findings: Finding[] = [];
  const missing: { req: Requirement; places: FindingPlace[] }[] = [];
  for (const req of template.requirements) {
    const positions = tables.flatMap((t, i) => (satisfies(req, t.kind) ? [i] : []));
    const kind = req.kinds[0]!;
    if (!positions.length) {
      required.push({ kind, name: req.name, status: 'missing', tables: [], pages: [], reason: null });
      // What the document says of it: a sentence that it has none (无国有资本经营预算收支), its 目录 entry.
      const said = sentences.find((s) => kindsSaidEmpty(s.text).some((k) => satisfies(req, k)));
      missing.push({
        req,
        places: [
          ...namedLines(req, layouts),
          ...(said ? [{ page: said.page, table: null, rowIndex: null, text: said.text }] : []),
        ],
      });
      continue;
    }
    const at = positions[0]!;
    const table = tables[at]!;
    if (!showsNoMoney(table)) {
      required.push({ kind, name: req.name, status: 'present', tables: positions, pages: table.pages, reason: null });
      continue;
    }
    const reason = findReason(req, at, tables, sentences, layouts);
    required.push({
      kind,
      name: req.name,
      status: 'empty',
      tables: positions,
      pages: table.pages,
      reason: reason?.sentence ?? null,
    });
    // A note next to the table naming another required table's money and not this one's (a note copied from the
    // table before: 无政府性基金预算…，故本表为空表 under the 国有资本经营 table) explains nothing of this one.
    const named = reason
      ? [...new Set(compact(reason.sentence.text).split(CLAUSE).flatMap(namedKinds))].filter((k) =>
          template.requirements.some((r) => satisfies(r, k)),
        )
      : [];
    const other = named.length > 0 && !named.some((k) => satisfies(req, k));
    if (reason && other) {
      const names = template.requirements.filter((r) => named.some((k) => satisfies(r, k))).map((r) => r.name);
      findings.push({
        id: 'completeness.reason_names_other_table',
        severity: 'warning',
        message: {
          zh: `《${req.name}》(第${pageList(table.pages)}页)的空表说明讲的是${names.map((n) => `《${n}》`).join('、')}的资金：“${reason.sentence.text}”，未说明本表为何为空。`,
          en: `The note given for the empty ${req.name} (p. ${pageList(table.pages)}) speaks of the money of ${names.join(', ')}, not of this table: “${reason.sentence.text}”.`,
        },
        page: reason.sentence.page,
        table: at,
        places: [tablePlace(table, at), reason.place],
      });
    }
    const printed = table.empty ? '空表' : '全部为零或空白的表';
    const printedEn = table.empty ? 'empty' : 'with every figure zero or blank';
    findings.push(
      reason
        ? {
            id: 'completeness.empty',
            severity: 'notice',
            message: {
              zh: `《${req.name}》以${printed}公开(第${pageList(table.pages)}页)，文件说明原因：“${reason.sentence.text}”(第${reason.sentence.page}页)。`,
              en: `The ${req.name} is printed ${printedEn} (p. ${pageList(table.pages)}); the document gives the reason on p. ${reason.sentence.page}: “${reason.sentence.text}”.`,
            },
            page: table.pages[0] ?? null,
            table: at,
            places: [tablePlace(table, at), reason.place],
          }
        : {
            id: 'completeness.empty_without_reason',
            severity: 'warning',
            message: {
              zh: `《${req.name}》以${printed}公开(第${pageList(table.pages)}页)，但文件未说明为何为空(公开空表应当说明原因)。`,
              en: `The ${req.name} is printed ${printedEn} (p. ${pageList(table.pages)}) and the document gives no reason why (an empty table must be explained).`,
            },
            page: table.pages[0] ?? null,
            table: at,
            places: [tablePlace(table, at)],
          },
    );
  }
  if (missing.length === template.requirements.length) {
    findings.push(noTables(template, layouts));
  } else {
    for (const { req, places } of missing) findings.push(missingFinding(template, req, places));
  }
  return {
    completeness: { template: { id: template.id, name: template.name, basis: template.basis }, tables: required },
    findings,
  };
}

function missingFinding(template: Template, req: Requirement, places: FindingPlace[]): Finding {
  const listed = places.filter((p) => NAMES_TABLE.test(p.text) && p.text.length <= MAX_TABLE_NAME);
  const said = places.find((p) => !listed.includes(p));
  const zhListed = listed.length ? `文件第${listed.map((p) => p.page).join('、')}页列出此表名称，但` : '';
  const enListed = listed.length ? ` though p. ${listed.map((p) => p.page).join(', ')} names it` : '';
  const zhSaid = said ? `文件称：“${said.text}”(第${said.page}页)。` : '';
  const enSaid = said ? ` The document says on p. ${said.page}: “${said.text}”.` : '';
  const certain = req.certain
    ? { zh: `${template.name}要求此表`, en: `the ${template.name} template requires it` }
    : {
        zh: `部分年份和地区的${template.name}列有此表，请核对本地样表`,
        en: `some years' and provinces' ${template.name} templates list it: check the local template`,
      };
  return {
    id: 'completeness.missing',
    severity: req.certain ? 'error' : 'notice',
    message: {
      zh: `未公开《${req.name}》：${zhListed}文件中没有此表(按表的种类判断，不论标题)；${certain.zh}。${zhSaid}`,
      en: `The ${req.name} is not printed (judged by what the tables are, not by title)${enListed}; ${certain.en}.${enSaid}`,
    },
    page: places[0]?.page ?? null,
    table: null,
    places,
  };
}

/**
 * A document printing none of its template's tables (a 情况说明 published apart from its 报表): one finding, not
 * one per table, since the tables are likely in a separate file — quoting where the document points to them.
 */
function noTables(template: Template, layouts: readonly PageLayout[]): Finding {
  const places: FindingPlace[] = [];
  for (const layout of layouts) {
    for (const line of layout.lines) {
      const text = compact(line.text);
      if (ELSEWHERE.test(text) && TABLE_WORD.test(text))
        places.push({ page: layout.page, table: null, rowIndex: null, text });
    }
  }
  const where = places[0];
  const names = template.requirements.map((r) => r.name).join('、');
  return {
    id: 'completeness.no_tables',
    severity: 'warning',
    message: {
      zh: `文件未印任何${template.name}(${names})：这些表可能另行公开${where ? `(文件第${where.page}页称：“${where.text}”)` : ''}，须另行核对；仅凭本文件，公开不完整。`,
      en: `The document prints none of the ${template.name} tables (${names}): they may be published separately${where ? ` (p. ${where.page}: “${where.text}”)` : ''} and must be checked there; this file alone is not a complete disclosure.`,
    },
    page: where?.page ?? null,
    table: null,
    places,
  };
}
