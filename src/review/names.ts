import { STANDARD_NAMES } from '../kinds/classification.js';
import { DEPARTMENT_FIELD, DEPARTMENT_LINE, NOT_A_DEPARTMENT } from '../kinds/vocabulary.js';
import { compact } from '../pdf/normalize.js';
import type { LineItem } from '../records/schemas.js';
import type { DocumentInfo, Finding, FindingPlace, PageLayout, Sentence, Table } from '../types.js';

/**
 * Names a reviewer expects printed one way throughout a document:
 *
 * - `names.department` (warning): the department spelled two ways on the cover, in the tables' header lines and
 *   fields (编制单位: / 部门名称 | …) and in the text (see `sameNameMisspelt` for what counts as two spellings);
 * - `names.code` (warning): one classification code printed under two names in the line items of its tables;
 * - `names.code_standard` (notice): a code printed under another name than the one every other document of the
 *   corpus prints it under (src/kinds/classification.ts).
 */
export function nameFindings(
  info: DocumentInfo,
  tables: readonly Table[],
  sentences: readonly Sentence[],
  layouts: readonly PageLayout[],
): Finding[] {
  return [...departmentFindings(info, tables, sentences, layouts), ...codeFindings(tables)];
}

// ── The department ───────────────────────────────────────────────────────────────────────────────────────────────

/** A place the document prints a department's name, and the name as printed there. */
interface Named {
  name: string;
  place: FindingPlace;
}

/**
 * Whether two printed names are one name spelled two ways. Both are first normalised: spaces dropped, brackets
 * made half-width, a trailing (本级) / (汇总) / (机关) / (部门) dropped (the document's own scope marks, not part of
 * the name). Then:
 *
 * - the same normalised text is one spelling;
 * - one inside the other is no misspelling: a shorter form the context completes (普陀区司法局 within
 *   上海市普陀区司法局), a sub-unit named after its department (…局机关, …局执法总队), a line cut short by a wrap;
 * - otherwise the two are the same name misspelt when exactly one edit inside the name turns one into the other — a
 *   character changed, dropped or added, or two neighbours swapped (Damerau–Levenshtein distance 1) — in a name of
 *   at least 4 characters, the edit is inside the name — neither its first character nor its last — and touches no
 *   numeral or place word (一二三…, 东西南北中 …). The last character says what kind of body it is (局, 厅, 院,
 *   台, 中心): 广州市气象局 and 广州市气象台 are two bodies, and in running text 北京市文化和旅游市(场) is the name's stem
 *   running on into other words; 第一中学 and 第二中学, 东城区 and 西城区 are different units of one department.
 *
 * Two or more edits are left alone: that is where official abbreviations start (区委 for 区委员会, 科技局 for
 * 科学技术局, 中共 for 中国共产党 — each drops two or more characters) and where different bodies begin; a
 * department printing its subordinate units' tables names them by their own names, far more than one edit away.
 */
export function sameNameMisspelt(a: string, b: string): boolean {
  const x = normalName(a);
  const y = normalName(b);
  if (x === y || x.includes(y) || y.includes(x)) return false;
  if (Math.min(x.length, y.length) < 4) return false;
  const edit = oneEdit(x, y);
  return edit !== null && !DISTINGUISHING.test(edit);
}

/** Characters that tell units apart rather than misspell them: numerals, ordinals, places. */
const DISTINGUISHING = /[0-9０-９〇零一二三四五六七八九十百东西南北中上下内外前后左右]/u;

function normalName(s: string): string {
  return compact(s)
    .replace(/（/gu, '(')
    .replace(/）/gu, ')')
    .replace(/\((本级|汇总|机关|部门|单位)\)$/u, '');
}

/** The characters of a single edit turning `a` into `b` (both sides of a change or swap); null unless exactly one. */
function oneEdit(a: string, b: string): string | null {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return null;
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  // The first character and the last are never the edit (see `sameNameMisspelt`).
  if (p === 0 || s === 0) return null;
  const restX = x.slice(p, x.length - s);
  const restY = y.slice(p, y.length - s);
  if (restX.length + restY.length === 1) return [...restX, ...restY].join('');
  if (restX.length === 1 && restY.length === 1) return restX[0]! + restY[0]!;
  if (restX.length === 2 && restY.length === 2 && restX[0] === restY[1] && restX[1] === restY[0]) return restX.join('');
  return null;
}

/** Header words a 单位名称 cell is followed by in a table's heading row (单位名称 | 预算数 | 科目编码 …). */
const NOT_A_NAME = /^(?:预算数|决算数|部门预算|单位预算)$|总计|编码|科目|变动情况|人数|\d{4}年$/u;

/** A name read from a header line or a field: what follows the label, without a unit printed on the same line. */
function fieldName(text: string): string | null {
  const name = text
    .replace(/(金额)?单位[:：].*$/u, '')
    .replace(/\s+$/u, '')
    .trim();
  if (name.length < 3 || NOT_A_DEPARTMENT.test(name) || NOT_A_NAME.test(name) || !/^[\u4e00-\u9fff]/u.test(name))
    return null;
  return name;
}

/** The table a header line above a grid belongs to: the nearest table part below it on its page. */
function tableBelow(tables: readonly Table[], page: number, y: number): number | null {
  let best: { table: number; y: number } | null = null;
  tables.forEach((t, i) => {
    for (const part of t.parts)
      if (part.page === page && part.box.y0 >= y - 1 && (!best || part.box.y0 < best.y))
        best = { table: i, y: part.box.y0 };
  });
  if (best) return (best as { table: number }).table;
  const on = tables.findIndex((t) => t.pages.includes(page));
  return on >= 0 ? on : null;
}

/** Every place the document names its department (or a unit) in a cover, header line or field. */
function namedPlaces(info: DocumentInfo, tables: readonly Table[], layouts: readonly PageLayout[]): Named[] {
  const out: Named[] = [];
  // The cover's name where the title prints it (a title naming only the place, 上海市2026年市级单位预算, leaves the
  // name to the header lines it was read from).
  const dep = compact(info.department);
  if (dep && compact(info.title).includes(dep)) {
    const page =
      layouts.find((p) => p.lines.some((l) => compact(l.text).includes(dep)))?.page ?? layouts[0]?.page ?? null;
    out.push({ name: dep, place: { page, table: null, rowIndex: null, text: info.title } });
  }
  for (const p of layouts) {
    for (const l of p.lines) {
      const text = compact(l.text);
      const m = DEPARTMENT_LINE.exec(text);
      const name = m?.[1] ? fieldName(m[1]) : null;
      if (name)
        out.push({ name, place: { page: p.page, table: tableBelow(tables, p.page, l.y0), rowIndex: null, text } });
    }
    p.grids.forEach((g, gi) => {
      for (const cell of g.cells) {
        const label = compact(cell.text);
        if (!DEPARTMENT_FIELD.test(label)) continue;
        const next = g.cells.find((c) => c.row === cell.row && c.col === cell.col + cell.colSpan);
        const name = next ? fieldName(compact(next.text)) : null;
        if (!name) continue;
        let table: number | null = null;
        let rowIndex: number | null = null;
        tables.forEach((t, ti) => {
          for (const part of t.parts) {
            if (part.page !== p.page || part.grid !== gi || table !== null) continue;
            table = ti;
            const k = part.gridRows.indexOf(cell.row);
            rowIndex = k >= 0 ? part.rows[0] + k : null;
          }
        });
        out.push({ name, place: { page: p.page, table, rowIndex, text: `${label} ${name}` } });
      }
    });
  }
  return out;
}

/** Windows of a sentence one edit away from `name` (changed, dropped, added or swapped character). */
function nearInText(name: string, sentences: readonly Sentence[]): Named[] {
  const n = name.length;
  if (n < 4) return [];
  // One edit touches at most two neighbouring characters, so one of the name's thirds is printed intact, and the
  // name starts where that third's occurrence puts it, give or take the one character the edit added or dropped.
  const third = Math.floor(n / 3);
  const pieces = [
    { text: name.slice(0, third), at: 0 },
    { text: name.slice(third, 2 * third), at: third },
    { text: name.slice(2 * third), at: 2 * third },
  ];
  const out: Named[] = [];
  for (const s of sentences) {
    const starts = new Set<number>();
    for (const piece of pieces)
      for (let q = s.text.indexOf(piece.text); q >= 0; q = s.text.indexOf(piece.text, q + 1))
        for (const d of [-1, 0, 1]) if (q - piece.at + d >= 0) starts.add(q - piece.at + d);
    const seen = new Set<string>();
    for (const i of [...starts].sort((x, y) => x - y))
      for (const len of [n - 1, n, n + 1]) {
        if (i + len > s.text.length) continue;
        const window = s.text.slice(i, i + len);
        if (seen.has(window) || !sameNameMisspelt(name, window)) continue;
        seen.add(window);
        out.push({ name: window, place: { page: s.page, table: null, rowIndex: null, text: s.text } });
      }
  }
  return out;
}

function departmentFindings(
  info: DocumentInfo,
  tables: readonly Table[],
  sentences: readonly Sentence[],
  layouts: readonly PageLayout[],
): Finding[] {
  const named = namedPlaces(info, tables, layouts);
  // Header lines are places of their own (with their table), not text.
  const prose = sentences.filter((s) => !DEPARTMENT_LINE.test(s.text));
  const names = [...new Set(named.map((n) => normalName(n.name)))];
  // The document's own name (the cover's, else the most printed) is looked for in the text, one edit away.
  const main = info.department ? normalName(info.department) : mostCommon(named.map((n) => normalName(n.name)));
  if (main) for (const t of nearInText(main, prose)) named.push(t);
  const all = [...new Set(named.map((n) => normalName(n.name)))];
  // Spellings joined when one is a misspelling of the other (transitively).
  const group = new Map<string, string>(all.map((n) => [n, n]));
  const root = (n: string): string => {
    let r = n;
    while (group.get(r) !== r) r = group.get(r)!;
    return r;
  };
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++)
      if (sameNameMisspelt(all[i]!, all[j]!)) group.set(root(all[j]!), root(all[i]!));
  const findings: Finding[] = [];
  const roots = [...new Set(all.map(root))];
  for (const r of roots) {
    const spellings = all.filter((n) => root(n) === r);
    if (spellings.length < 2) continue;
    const printed = (n: string) => named.filter((x) => normalName(x.name) === n);
    // The spelling printed most is the one the others are measured against.
    spellings.sort((a, b) => printed(b).length - printed(a).length || names.indexOf(a) - names.indexOf(b));
    const places = spellings.flatMap((n) => printed(n).map((x) => x.place));
    const count = new Map(spellings.map((n) => [n, printed(n).length]));
    // The exact spellings in the text, too: where the text prints the name right.
    for (const n of spellings)
      for (const s of prose)
        if (s.text.includes(n) && !places.some((p) => p.page === s.page && compact(p.text) === s.text)) {
          places.push({ page: s.page, table: null, rowIndex: null, text: s.text });
          count.set(n, count.get(n)! + 1);
        }
    const first = places.find((p) => p.page !== null) ?? null;
    const list = spellings.map((n) => `“${n}”(${count.get(n)}处)`);
    const listEn = spellings.map((n) => `“${n}” (${count.get(n)}×)`);
    findings.push({
      id: 'names.department',
      severity: 'warning',
      message: {
        zh: `部门名称有${spellings.length}种写法:${list.join('、')}`,
        en: `the department's name is spelled ${spellings.length} ways: ${listEn.join(', ')}`,
      },
      page: first?.page ?? null,
      table: places.find((p) => p.table !== null)?.table ?? null,
      places,
    });
  }
  return findings;
}

function mostCommon(values: readonly string[]): string | null {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

// ── Classification codes ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * A code's name as compared: spaces dropped, brackets half-width, a leading 其中: or code-and-dash (2050803-培训支出
 * prints the code in the name cell), a trailing (类) / (款) / (项) dropped.
 */
export function codeName(name: string): string {
  return compact(name)
    .replace(/（/gu, '(')
    .replace(/）/gu, ')')
    .replace(/^其中[:：]/u, '')
    .replace(/^\d*[-－—–]+/u, '')
    .replace(/\((类|款|项)\)$/u, '');
}

/** A printed code row: the table, row and page it is on, its code and name. */
export interface CodeRow {
  system: 'function' | 'economic';
  code: string;
  /** The name as compared (`codeName`). */
  name: string;
  /** The name as printed. */
  printed: string;
  table: number;
  rowIndex: number | null;
  page: number | null;
}

/**
 * Every line item naming a classification code by its classification name. Left out: 项目支出 tables (the name
 * cell holds the project's name, the code is the 功能科目 it is paid from), tables whose first column is a 部门 /
 * 单位 code (the 收入总表 listing units by 部门代码 302, which reads like an economic code), and economic codes in
 * 收入 tables (income is never classified by economic code).
 */
export function codeRows(tables: readonly Table[]): CodeRow[] {
  const out: CodeRow[] = [];
  tables.forEach((t, i) => {
    if (!t.records || t.kind === 'project_expenditure') return;
    if (/部门|单位/u.test(t.columns[0] ?? '') && /代码|编码/u.test(t.columns[0] ?? '')) return;
    for (const r of t.records as LineItem[]) {
      if (!r || typeof r !== 'object' || !('code' in r) || !r.code || typeof r.code !== 'object') continue;
      if (r.code.system === 'economic' && t.kind === 'income') continue;
      const name = codeName(r.name ?? '');
      if (!name || /^\d+$/u.test(name)) continue;
      const page = r.row !== null ? (t.rowPages[r.row] ?? null) : (t.pages[0] ?? null);
      out.push({ system: r.code.system, code: r.code.code, name, printed: r.name, table: i, rowIndex: r.row, page });
    }
  });
  return out;
}

/**
 * Whether two printed names of one code are one name: equal, or one a prefix of the other (a name cut at the cell's
 * edge, 其他社会保障和就业支 for 其他社会保障和就业支出: the text itself stops there, printed clipped).
 */
export function sameCodeName(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));
}

function codeFindings(tables: readonly Table[]): Finding[] {
  const rows = codeRows(tables);
  const byCode = new Map<string, CodeRow[]>();
  for (const r of rows) byCode.set(`${r.system}:${r.code}`, [...(byCode.get(`${r.system}:${r.code}`) ?? []), r]);
  const findings: Finding[] = [];
  const system = (s: CodeRow['system']) =>
    s === 'function' ? { zh: '功能分类', en: 'function' } : { zh: '经济分类', en: 'economic' };
  for (const [, list] of byCode) {
    const names = distinctNames(list.map((r) => r.name));
    const { code } = list[0]!;
    const sys = system(list[0]!.system);
    if (names.length >= 2) {
      const places = list.map(placeOf);
      findings.push({
        id: 'names.code',
        severity: 'warning',
        message: {
          zh: `${sys.zh}科目 ${code} 有${names.length}个名称:${names.map((n) => `“${n}”`).join('、')}`,
          en: `${sys.en} code ${code} is named ${names.length} ways: ${names.map((n) => `“${n}”`).join(', ')}`,
        },
        page: places[0]?.page ?? null,
        table: places[0]?.table ?? null,
        places,
      });
    }
    const standard = STANDARD_NAMES[list[0]!.system][code];
    if (standard === undefined) continue;
    const off = list.filter((r) => !sameCodeName(r.name, codeName(standard)));
    if (!off.length) continue;
    const printed = distinctNames(off.map((r) => r.name));
    findings.push({
      id: 'names.code_standard',
      severity: 'notice',
      message: {
        zh: `${sys.zh}科目 ${code} 印为${printed.map((n) => `“${n}”`).join('、')},其他文件均称“${standard}”`,
        en: `${sys.en} code ${code} is printed as ${printed.map((n) => `“${n}”`).join(', ')}; every other document names it “${standard}”`,
      },
      page: off[0]!.page,
      table: off[0]!.table,
      places: off.map(placeOf),
    });
  }
  return findings;
}

const placeOf = (r: CodeRow): FindingPlace => ({
  page: r.page,
  table: r.table,
  rowIndex: r.rowIndex,
  text: `${r.code} ${r.printed}`,
});

/** The distinct names among `names`, a clipped name counted with the full one (the full one kept). */
function distinctNames(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of [...new Set(names)].sort((a, b) => b.length - a.length))
    if (!out.some((o) => sameCodeName(o, n))) out.push(n);
  return out;
}
