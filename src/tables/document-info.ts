import { compact } from '../pdf/normalize.js';
import { DEFAULT_SETTINGS, type HeadingSettings } from '../settings.js';
import type { DocumentInfo, PageLayout } from '../types.js';
import { DEPARTMENT_LINE, NAME_BEFORE_YEAR, PART_PREFIX, PLACE_ONLY, YEAR_BEFORE_NAME } from '../kinds/vocabulary.js';

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
  const title =
    [cover, ...early]
      .map((t) => t.replace(PART_PREFIX, ''))
      .find((t) => NAME_BEFORE_YEAR.test(t) || YEAR_BEFORE_NAME.test(t)) ?? cover;

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
  if (!department || PLACE_ONLY.test(department))
    department = mostCommonDepartmentLine(pages) || (PLACE_ONLY.test(department) ? '' : department);
  const text = [cover, ...early].join('');
  kind ??= /决算/u.test(text) ? 'final_account' : /预算/u.test(text) ? 'budget' : null;
  scope ??= /单位(预算|决算)/u.test(text) ? 'unit' : /部门(综合)?(预算|决算)/u.test(text) ? 'department' : null;
  year ??= mostCommonYear(pages);
  return { title, department, year, kind, scope };
}

function scopeOf(word: string | undefined): DocumentInfo['scope'] {
  return word === '单位' ? 'unit' : word === '部门' ? 'department' : null;
}

/** The department most tables name in their `部门:` / `预算单位:` line. */
function mostCommonDepartmentLine(pages: readonly PageLayout[]): string {
  const counts = new Map<string, number>();
  for (const p of pages) {
    for (const l of p.lines) {
      const m = DEPARTMENT_LINE.exec(compact(l.text));
      const name = m?.[1]?.replace(/(金额)?单位[:：].*$/u, '');
      if (name && name.length >= 3 && !/^(万元|元)$/u.test(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function mostCommonYear(pages: readonly PageLayout[]): number | null {
  const counts = new Map<number, number>();
  for (const p of pages)
    for (const l of p.lines)
      for (const m of l.text.matchAll(/(20\d\d)\s*年/gu)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
