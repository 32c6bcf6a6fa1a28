import { compact } from '../pdf/normalize.js';
import type { DocumentInfo, PageLayout } from '../types.js';

const TITLE = /^(.{2,60}?)(20\d\d)\s*年(?:度)?\s*(部门|单位)?\s*(?:综合)?\s*(预算|决算)/u;

/** Department, year, budget or final account, and scope, from the first pages' text. */
export function readDocumentInfo(pages: readonly PageLayout[]): DocumentInfo {
  const texts: string[] = [];
  for (const p of pages.slice(0, 5)) {
    const lines = [...p.lines].sort((a, b) => b.size - a.size);
    for (const l of lines) texts.push(compact(l.text));
  }
  for (const text of texts) {
    const m = TITLE.exec(text);
    if (!m) continue;
    const department = m[1]!.replace(/^[\d一二三四五六七八九十、.\s]+/u, '').replace(/[:：]$/u, '');
    if (!department || /^(关于|附件)/u.test(department) && department.length < 4) continue;
    return {
      title: text,
      department,
      year: Number(m[2]),
      kind: m[4] === '决算' ? 'final_account' : 'budget',
      scope: m[3] === '单位' ? 'unit' : m[3] === '部门' ? 'department' : null,
    };
  }
  const any = texts.find((t) => /(预算|决算)/u.test(t)) ?? '';
  const year = /(20\d\d)\s*年/u.exec(any);
  return {
    title: any,
    department: '',
    year: year ? Number(year[1]) : null,
    kind: /决算/u.test(any) ? 'final_account' : /预算/u.test(any) ? 'budget' : null,
    scope: null,
  };
}
