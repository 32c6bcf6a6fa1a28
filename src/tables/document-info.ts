import { classifyTable } from '../kinds/registry.js';
import { compact } from '../pdf/normalize.js';
import { DEFAULT_SETTINGS, type HeadingSettings } from '../settings.js';
import type { DocumentInfo, PageLayout } from '../types.js';
import {
  DEPARTMENT_FIELD,
  DEPARTMENT_LABEL,
  DEPARTMENT_LINE,
  DEPARTMENT_NAME,
  NAME_BEFORE_YEAR,
  NOT_A_DEPARTMENT,
  PART_PREFIX,
  PLACE_ONLY,
  SENTENCE_PUNCTUATION,
  YEAR_BEFORE_NAME,
} from '../kinds/vocabulary.js';

/** Department, year, budget or final account, and scope: from the cover (the first page's large text), else the pages. */
export function readDocumentInfo(
  pages: readonly PageLayout[],
  settings: HeadingSettings = DEFAULT_SETTINGS.headings,
): DocumentInfo {
  const first = pages[0];
  const biggest = first ? Math.max(0, ...first.lines.map((l) => l.size)) : 0;
  const cover = first
    ? first.lines
        .filter((l) => l.size >= biggest * settings.coverSize)
        .map((l) => compact(l.text))
        .join('')
    : '';
  const early = pages.slice(0, settings.titlePages).flatMap((p) => p.lines.map((l) => compact(l.text)));
  // Without a title line, the cover's large text is the title only when it reads as one: not a table's title (a
  // document of tables only opens with 预算01表 收支总表) nor a table of contents run together.
  const title =
    [cover, ...early]
      .map((t) => t.replace(PART_PREFIX, ''))
      .find((t) => NAME_BEFORE_YEAR.test(t) || YEAR_BEFORE_NAME.test(t)) ??
    (cover.length <= settings.titleMaxLength && classifyTable(cover) === 'other' ? cover : '');

  let department = '';
  let year: number | null = null;
  let scope: DocumentInfo['scope'] = null;
  let kind: DocumentInfo['kind'] = null;
  const before = NAME_BEFORE_YEAR.exec(title);
  const after = YEAR_BEFORE_NAME.exec(title);
  if (before) {
    department = before[1]!;
    year = Number(before[2]);
    scope = scopeOf(before[3]);
    kind = before[4] === '决算' ? 'final_account' : 'budget';
  } else if (after) {
    department = after[2]!;
    year = Number(after[1]);
    scope = scopeOf(after[3]);
    kind = after[4] === '决算' ? 'final_account' : 'budget';
  }
  department = department.replace(PART_PREFIX, '');
  // A sentence of the text that happens to hold a year and 预算 names no department.
  if (SENTENCE_PUNCTUATION.test(department)) department = '';
  let namedBy = '';
  if (!department || PLACE_ONLY.test(department)) {
    const found = mostCommonDepartmentLine(pages);
    namedBy = found.label;
    department = found.name || (PLACE_ONLY.test(department) ? '' : department);
  }
  const text = [cover, ...early].join('');
  kind ??= /决算/u.test(text) ? 'final_account' : /预算/u.test(text) ? 'budget' : null;
  scope ??= /单位(预算|决算)/u.test(text) ? 'unit' : /部门(综合)?(预算|决算)/u.test(text) ? 'department' : null;
  // A document of tables only that names itself in a `部门名称` field is a department's.
  scope ??= DEPARTMENT_LABEL.test(namedBy) ? 'department' : null;
  year ??= mostCommonYear(pages);
  return { title, department, year, kind, scope };
}

function scopeOf(word: string | undefined): DocumentInfo['scope'] {
  return word === '单位' ? 'unit' : word === '部门' ? 'department' : null;
}

/**
 * The department the document names most often in a `部门:` / `预算单位:` / `预算主管部门:` line, or in a grid's
 * label/value cells (`部门名称 | …`, the 部门整体支出绩效目标表 of documents printing tables only); else the name
 * before the year of a title line past the first pages (`附件:某某办公厅2026年度部门预算报表`).
 */
function mostCommonDepartmentLine(pages: readonly PageLayout[]): { name: string; label: string } {
  const counts = new Map<string, { n: number; label: string }>();
  const count = (name: string | undefined, label: string) => {
    if (name && name.length >= 3 && !/^(万元|元)$/u.test(name))
      counts.set(name, { n: (counts.get(name)?.n ?? 0) + 1, label: counts.get(name)?.label ?? label });
  };
  for (const p of pages) {
    for (const l of p.lines) {
      const m = DEPARTMENT_LINE.exec(compact(l.text));
      count(m?.[1]?.replace(/(金额)?单位[:：].*$/u, ''), m?.[0]?.split(/[:：]/u)[0] ?? '');
    }
    for (const g of p.grids) {
      for (const cell of g.cells) {
        const label = compact(cell.text);
        if (!DEPARTMENT_FIELD.test(label)) continue;
        // A header cell (单位名称 | 项目名称 | 金额) is followed by another label, not a name.
        const next = g.cells.find((c) => c.row === cell.row && c.col === cell.col + cell.colSpan);
        const value = next && compact(next.text);
        if (value && !NOT_A_DEPARTMENT.test(value)) count(value, label);
      }
    }
  }
  const named = [...counts].sort((a, b) => b[1].n - a[1].n)[0];
  if (named) return { name: named[0], label: named[1].label };
  for (const p of pages)
    for (const l of p.lines) {
      const m = NAME_BEFORE_YEAR.exec(compact(l.text).replace(PART_PREFIX, ''));
      const name = m?.[1]?.replace(PART_PREFIX, '');
      if (name && m?.[4] && DEPARTMENT_NAME.test(name) && !PLACE_ONLY.test(name)) return { name, label: '' };
    }
  return { name: '', label: '' };
}

function mostCommonYear(pages: readonly PageLayout[]): number | null {
  const counts = new Map<number, number>();
  for (const p of pages)
    for (const l of p.lines)
      for (const m of l.text.matchAll(/(20\d\d)\s*年/gu)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
