import type {
  EXPENDITURE_FIGURES,
  Headline,
  HeadlineGroup,
  SUMMARY_FIGURES,
  THREE_PUBLIC_FIGURES,
} from '../records/headline.js';
import type { TableKind } from '../types.js';
import type { DocumentColumns } from './long.js';
import type { SheetColumn, SheetValue } from './sheet.js';
import { sheetColumn } from './sheet.js';

/**
 * Wide sheets: one row per document for the figures asked most. `three_public`, `income_expenditure_summary`,
 * `expenditure` and `projects` hold the documents that print such a table; `headline` holds every document, all
 * of the groups side by side.
 */
export type WideKind = 'headline' | 'three_public' | 'income_expenditure_summary' | 'expenditure' | 'projects';

export const WIDE_KINDS: readonly WideKind[] = [
  'headline',
  'three_public',
  'income_expenditure_summary',
  'expenditure',
  'projects',
];

/** The wide sheet a table kind chooses (`-f wide --tables KIND`); null for a kind that has none. */
export function wideKindOf(kind: TableKind | undefined): WideKind | null {
  if (kind === 'project_performance') return 'projects';
  return kind === 'three_public' || kind === 'income_expenditure_summary' || kind === 'expenditure' ? kind : null;
}

/** Sheet names of the wide kinds in a workbook. */
export const WIDE_SHEET_NAMES: Record<WideKind, string> = {
  headline: '概览',
  three_public: '三公经费',
  income_expenditure_summary: '收支总表',
  expenditure: '支出总表',
  projects: '项目数',
};

const col = sheetColumn;

const DOCUMENT: SheetColumn[] = [
  col('file', '文件'),
  col('department', '部门'),
  col('year', '年度', 'integer'),
  col('document', '预算/决算'),
  col('scope', '部门/单位'),
];

const THREE_PUBLIC_HEADERS: Record<(typeof THREE_PUBLIC_FIGURES)[number], string> = {
  total: '“三公”经费合计',
  outbound: '因公出国(境)费',
  vehicle: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  reception: '公务接待费',
};
const SUMMARY_HEADERS: Record<(typeof SUMMARY_FIGURES)[number], string> = {
  incomeTotal: '收入总计',
  expenditureTotal: '支出总计',
};
const EXPENDITURE_HEADERS: Record<(typeof EXPENDITURE_FIGURES)[number], string> = {
  total: '支出合计',
  basic: '基本支出',
  project: '项目支出',
};

/** A group's columns: its figures (prefixed in the headline sheet), its unit, where it was read, its note. */
function groupColumns(prefix: string, figures: Record<string, string>, extra: SheetColumn[] = []): SheetColumn[] {
  const p = (k: string) => (prefix ? `${prefix}.${k}` : k);
  return [
    ...extra,
    ...Object.entries(figures).map(([k, h]) => col(p(k), h, 'amount')),
    col(p('unit'), '单位'),
    col(p('page'), '页', 'integer'),
    col(p('title'), '表名'),
    col(p('note'), '说明'),
  ];
}

const PROJECT_COLUMNS = (prefix: string): SheetColumn[] => {
  const p = (k: string) => (prefix ? `${prefix}.${k}` : k);
  return [
    col(p('count'), '项目个数', 'integer'),
    col(p('pages'), '页'),
    col(p('title'), '表名'),
    col(p('note'), '说明'),
  ];
};

const BASIS = col('basis', '预算数/决算数');

export const WIDE_COLUMNS: Record<WideKind, SheetColumn[]> = {
  three_public: [...DOCUMENT, ...groupColumns('', THREE_PUBLIC_HEADERS, [BASIS])],
  income_expenditure_summary: [...DOCUMENT, ...groupColumns('', SUMMARY_HEADERS)],
  expenditure: [...DOCUMENT, ...groupColumns('', EXPENDITURE_HEADERS)],
  projects: [...DOCUMENT, ...PROJECT_COLUMNS('')],
  headline: [
    ...DOCUMENT,
    ...groupColumns('three_public', THREE_PUBLIC_HEADERS, [{ ...BASIS, key: 'three_public.basis' }]),
    ...groupColumns('summary', SUMMARY_HEADERS),
    ...groupColumns('expenditure', EXPENDITURE_HEADERS),
    ...PROJECT_COLUMNS('projects'),
  ],
};

function groupCells<F extends string>(prefix: string, g: HeadlineGroup<F> | null): Record<string, SheetValue> {
  const p = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (!g) return {};
  const cells: Record<string, SheetValue> = {};
  for (const [k, v] of Object.entries(g.values) as [string, string | null][]) cells[p(k)] = v;
  cells[p('unit')] = g.unit;
  cells[p('page')] = g.page;
  cells[p('title')] = g.title;
  cells[p('note')] = g.note;
  return cells;
}

function projectCells(prefix: string, projects: Headline['projects']): Record<string, SheetValue> {
  const p = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (!projects) return {};
  const first = projects.pages[0];
  const last = projects.pages[projects.pages.length - 1];
  return {
    [p('count')]: projects.count,
    [p('pages')]: first === last ? String(first) : `${first}-${last}`,
    [p('title')]: projects.title,
    [p('note')]: projects.note,
  };
}

const basisName = (b: 'budget' | 'actual' | null | undefined): string =>
  b === 'budget' ? '预算数' : b === 'actual' ? '决算数' : '';

/**
 * The document's row of a wide sheet; null when the document prints no table of the kind (the headline sheet has a
 * row for every document).
 */
export function wideRow(kind: WideKind, doc: DocumentColumns, h: Headline): Record<string, SheetValue> | null {
  const head: Record<string, SheetValue> = {
    file: doc.file,
    department: doc.department,
    year: doc.year,
    document: doc.document,
    scope: doc.scope,
  };
  switch (kind) {
    case 'three_public':
      return h.threePublic
        ? { ...head, basis: basisName(h.threePublic.basis), ...groupCells('', h.threePublic) }
        : null;
    case 'income_expenditure_summary':
      return h.summary ? { ...head, ...groupCells('', h.summary) } : null;
    case 'expenditure':
      return h.expenditure ? { ...head, ...groupCells('', h.expenditure) } : null;
    case 'projects':
      return h.projects ? { ...head, ...projectCells('', h.projects) } : null;
    case 'headline':
      return {
        ...head,
        'three_public.basis': basisName(h.threePublic?.basis),
        ...groupCells('three_public', h.threePublic),
        ...groupCells('summary', h.summary),
        ...groupCells('expenditure', h.expenditure),
        ...projectCells('projects', h.projects),
      };
  }
}
