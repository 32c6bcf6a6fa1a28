import { compact } from '../pdf/normalize.js';
import type { ExtractedDocument, Table, TableOf } from '../types.js';
import type { LineItem, ProjectPerformance, SummaryItem, ThreePublic } from './schemas.js';

/**
 * The figures an analyst asks of a disclosure first — the “三公” total and its parts, the 收支总表 totals, the 支出总表
 * 合计 by 基本/项目, the number of projects — each taken from the one record that states it. Where the records that
 * could state a figure disagree, the figure is left out and `note` says why: a headline is right or flagged.
 */
export interface HeadlineGroup<F extends string> {
  /** 1-based positions of the tables the figures came from. */
  tables: number[];
  title: string;
  /** The page of the record the figures were read from. */
  page: number | null;
  /** 元 or 万元: the records' unit (the table's own, or the one asked for with --unit). */
  unit: string;
  /** Exact decimals; null for a cell printed blank, or for a figure not found (then `note` says why). */
  values: Record<F, string | null>;
  /** Why a figure is missing or which record was taken when it is not plain; empty when all is plain. */
  note: string;
}

export const THREE_PUBLIC_FIGURES = [
  'total',
  'outbound',
  'vehicle',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
] as const;
export const SUMMARY_FIGURES = ['incomeTotal', 'expenditureTotal'] as const;
export const EXPENDITURE_FIGURES = ['total', 'basic', 'project'] as const;

export interface Headline {
  /** The “三公” figures of the document's own basis: 决算数 in a final account (预算数 where none), else 预算数. */
  threePublic: (HeadlineGroup<(typeof THREE_PUBLIC_FIGURES)[number]> & { basis: 'budget' | 'actual' | null }) | null;
  summary: HeadlineGroup<(typeof SUMMARY_FIGURES)[number]> | null;
  expenditure: HeadlineGroup<(typeof EXPENDITURE_FIGURES)[number]> | null;
  /** Distinct projects (unit, code, name, amount) of the document's project list (see `projects`). */
  projects: { tables: number[]; title: string; pages: number[]; count: number; note: string } | null;
}

interface Candidate<R> {
  record: R;
  table: Table;
  index: number;
}

const TOTAL_NAME = /^(合计|总计)[:：]?$/u;

/** Records of the figure itself: not a change, rate or share; the whole of the funds; the document's own year. */
function ownFigures<R extends { measure?: string; funds?: string; year?: number }>(
  candidates: Candidate<R>[],
  year: number | null,
): Candidate<R>[] {
  let c = candidates.filter(({ record: r }) => r.measure === undefined);
  if (c.some(({ record: r }) => r.funds === undefined)) c = c.filter(({ record: r }) => r.funds === undefined);
  const years = c.map(({ record: r }) => r.year).filter((y): y is number => typeof y === 'number');
  if (years.length) {
    const y = year !== null && years.includes(year) ? year : Math.max(...years);
    c = c.filter(({ record: r }) => r.year === undefined || r.year === y);
  }
  return c;
}

function candidatesOf<K extends 'three_public' | 'income_expenditure_summary' | 'expenditure' | 'project_performance'>(
  doc: ExtractedDocument,
  kind: K,
): Candidate<NonNullable<TableOf<K>['records']>[number]>[] {
  const out: Candidate<NonNullable<TableOf<K>['records']>[number]>[] = [];
  doc.tables.forEach((table, index) => {
    if (table.kind !== kind) return;
    for (const record of (table.records ?? []) as NonNullable<TableOf<K>['records']>)
      out.push({ record, table, index });
  });
  return out;
}

/**
 * One group's figures from its candidate records: each figure must be the same in every candidate (compared as
 * printed, in one unit), else it is null and the note lists what the candidates say.
 */
function group<R, F extends string>(
  candidates: Candidate<R>[],
  figures: readonly F[],
  get: (r: R, f: F) => string | null | undefined,
  unitOf: (t: Table) => string,
): HeadlineGroup<F> | null {
  if (!candidates.length) return null;
  const first = candidates[0]!;
  const units = new Set(candidates.map((c) => unitOf(c.table)));
  const values = {} as Record<F, string | null>;
  const notes: string[] = [];
  for (const f of figures) {
    const seen = [...new Set(candidates.map((c) => get(c.record, f) ?? null))];
    if (seen.length === 1 && units.size === 1) values[f] = seen[0]!;
    else {
      values[f] = null;
      notes.push(`${f}: ${candidates.length} records disagree (${seen.map((v) => v ?? 'blank').join(' | ')})`);
    }
  }
  const row = (first.record as { row?: number | null }).row ?? null;
  return {
    tables: [...new Set(candidates.map((c) => c.index + 1))],
    title: first.table.title,
    page: row !== null ? (first.table.rowPages[row] ?? first.table.pages[0] ?? null) : (first.table.pages[0] ?? null),
    unit: unitOf(first.table),
    values,
    note: notes.join('; '),
  };
}

const unitOf = (t: Table): string => t.recordsUnit ?? t.unit;

/**
 * A document may print two tables of a kind (Xi'an's 支出总表 and its 专项业务经费支出表 are both `expenditure`): the
 * figures come from the first table that states them, and the note names the others.
 */
function firstTable<R>(picked: Candidate<R>[], all: Candidate<unknown>[]): { picked: Candidate<R>[]; note: string } {
  if (!picked.length) return { picked, note: '' };
  const index = picked[0]!.index;
  const others = [...new Map(all.filter((c) => c.index !== index).map((c) => [c.index, c.table])).values()];
  return {
    picked: picked.filter((c) => c.index === index),
    note: others.length
      ? `also printed, not used: ${others.map((t) => `${t.title} (p.${t.pages[0]})`).join(', ')}`
      : '',
  };
}

const joinNotes = (...notes: string[]): string => notes.filter(Boolean).join('; ');

/** Why a kind's tables gave no records: printed empty, or not understood (a warning names the table). */
function unreadWhy(tables: readonly { table: Table }[]): string {
  return tables.every(({ table }) => table.rows.length === 0)
    ? 'the table prints no figures (空表)'
    : 'no records read from the table (see the warnings)';
}

/** A group whose figures were not found in the tables of its kind (at least one), and why. */
function notFound<F extends string>(
  tables: readonly { table: Table; index: number }[],
  figures: readonly F[],
  why: string,
): HeadlineGroup<F> {
  const first = tables[0]!;
  return {
    tables: [...new Set(tables.map((c) => c.index + 1))],
    title: first.table.title,
    page: first.table.pages[0] ?? null,
    unit: unitOf(first.table),
    values: Object.fromEntries(figures.map((f) => [f, null])) as Record<F, string | null>,
    note: why,
  };
}

const tablesOf = (doc: ExtractedDocument, kind: Table['kind']): { table: Table; index: number }[] =>
  doc.tables.flatMap((table, index) => (table.kind === kind ? [{ table, index }] : []));

function threePublic(doc: ExtractedDocument): Headline['threePublic'] {
  const all = ownFigures(candidatesOf(doc, 'three_public'), doc.document.year);
  if (!tablesOf(doc, 'three_public').length) return null;
  const want: ThreePublic['basis'] = doc.document.kind === 'final_account' ? 'actual' : 'budget';
  let basis: ThreePublic['basis'] = want;
  let base = all.filter(({ record: r }) => r.basis === basis);
  if (!base.length && want === 'actual') {
    basis = 'budget';
    base = all.filter(({ record: r }) => r.basis === basis);
  }
  if (!base.length) {
    basis = null;
    base = all.filter(({ record: r }) => r.basis === null);
  }
  let picked = base.filter(({ record: r }) => r.isTotal);
  if (!picked.length && base.length === 1) picked = base;
  const get = (r: ThreePublic, f: (typeof THREE_PUBLIC_FIGURES)[number]) =>
    f === 'vehicle'
      ? r.vehicle.subtotal
      : f === 'vehiclePurchase'
        ? r.vehicle.purchase
        : f === 'vehicleOperation'
          ? r.vehicle.operation
          : r[f];
  const first = firstTable(picked, candidatesOf(doc, 'three_public'));
  picked = first.picked;
  const g = picked.length
    ? group(picked, THREE_PUBLIC_FIGURES, get, unitOf)!
    : notFound(
        tablesOf(doc, 'three_public'),
        THREE_PUBLIC_FIGURES,
        base.length ? 'no record of the department as a whole' : unreadWhy(tablesOf(doc, 'three_public')),
      );
  g.note = joinNotes(
    g.note,
    picked.some(({ record: r }) => r.fundsSummed)
      ? 'the whole of the funds is the sum of the fund sources printed (fundsSummed)'
      : '',
    first.note,
  );
  return { ...g, basis };
}

function summary(doc: ExtractedDocument): Headline['summary'] {
  const all = candidatesOf(doc, 'income_expenditure_summary');
  const tables = tablesOf(doc, 'income_expenditure_summary');
  if (!tables.length) return null;
  if (!all.length) return notFound(tables, SUMMARY_FIGURES, unreadWhy(tables));
  const sideTotal = (side: 'income' | 'expenditure'): Candidate<SummaryItem>[] => {
    const onSide = all.filter(({ record: r }) => r.side === side);
    const zh = side === 'income' ? '收入' : '支出';
    const named = (...names: string[]) =>
      onSide.filter(({ record: r }) => names.includes(compact(r.name).replace(/[:：]$/u, '')));
    for (const pick of [
      () => onSide.filter(({ record: r }) => r.totalKind === `${side}GrandTotal`),
      () => named('总计', `${zh}总计`),
      () => onSide.filter(({ record: r }) => r.totalKind === `${side}Total`),
      () => named('合计', `${zh}合计`, `本年${zh}合计`),
    ]) {
      const c = pick();
      if (c.length) return c;
    }
    return [];
  };
  const incomeFirst = firstTable(sideTotal('income'), all);
  const income = incomeFirst.picked;
  const expenditure = firstTable(sideTotal('expenditure'), all).picked;
  const gi = group(income, ['incomeTotal'] as const, (r) => r.amounts.total, unitOf);
  const ge = group(expenditure, ['expenditureTotal'] as const, (r) => r.amounts.total, unitOf);
  const first = gi ?? ge;
  if (!first) return notFound(tables, SUMMARY_FIGURES, 'no 收入总计 / 支出总计 row read');
  const notes = [
    gi ? gi.note : 'no 收入总计 row read',
    ge ? ge.note : 'no 支出总计 row read',
    gi && ge && gi.unit !== ge.unit ? 'the two sides in different units' : '',
    incomeFirst.note,
  ].filter(Boolean);
  return {
    tables: [...new Set([...(gi?.tables ?? []), ...(ge?.tables ?? [])])],
    title: first.title,
    page: first.page,
    unit: first.unit,
    values: { incomeTotal: gi?.values.incomeTotal ?? null, expenditureTotal: ge?.values.expenditureTotal ?? null },
    note: notes.join('; '),
  };
}

function expenditure(doc: ExtractedDocument): Headline['expenditure'] {
  const all = candidatesOf(doc, 'expenditure');
  const tables = tablesOf(doc, 'expenditure');
  if (!tables.length) return null;
  if (!all.length) return notFound(tables, EXPENDITURE_FIGURES, unreadWhy(tables));
  let picked: Candidate<LineItem>[] = all.filter(({ record: r }) => r.isTotal);
  if (!picked.length) picked = all.filter(({ record: r }) => TOTAL_NAME.test(compact(r.name)));
  if (!picked.length && all.length === 1) picked = all;
  if (!picked.length) return notFound(tables, EXPENDITURE_FIGURES, 'no 合计 row read');
  const first = firstTable(picked, all);
  const g = group(first.picked, EXPENDITURE_FIGURES, (r, f) => r.amounts[f], unitOf)!;
  return { ...g, note: joinNotes(g.note, first.note) };
}

/**
 * The projects of the document's project list: the tables of the kind are grouped by title (a form titled by its
 * project, 〈项目名称〉项目绩效目标表, joins the others of its series), and the group with the most distinct projects
 * (unit, code, name, amount) is the list; a second, shorter list (专项资金总体绩效目标表, a transfer's forms) is named
 * in the note, not counted.
 */
function projects(doc: ExtractedDocument): Headline['projects'] {
  const all = candidatesOf(doc, 'project_performance');
  if (!all.length) return null;
  const families = new Map<string, { tables: Set<number>; keys: Set<string> }>();
  for (const { record: r, index, table } of all as Candidate<ProjectPerformance>[]) {
    const name = compact(r.name);
    const title = compact(table.title);
    const family = name && title.includes(name) ? title.replace(name, '') : title;
    const f = families.get(family) ?? { tables: new Set<number>(), keys: new Set<string>() };
    f.tables.add(index);
    f.keys.add([r.unit ?? '', r.code ?? '', r.name, r.amount ?? ''].map((s) => compact(s)).join('|'));
    families.set(family, f);
  }
  const ranked = [...families.values()].sort(
    (a, b) => b.keys.size - a.keys.size || Math.min(...a.tables) - Math.min(...b.tables),
  );
  const list = ranked[0]!;
  const tables = [...list.tables].sort((a, b) => a - b);
  const others = ranked
    .slice(1)
    .map((f) => doc.tables[Math.min(...f.tables)]!)
    .map((t) => `${t.title} (p.${t.pages[0]})`);
  return {
    tables: tables.map((i) => i + 1),
    title: doc.tables[tables[0]!]!.title,
    pages: [...new Set(tables.flatMap((i) => doc.tables[i]!.pages))].sort((a, b) => a - b),
    count: list.keys.size,
    note: others.length ? `also printed, not counted: ${others.join(', ')}` : '',
  };
}

/** The document's headline figures (see `Headline`), from its tables' records. */
export function headline(doc: ExtractedDocument): Headline {
  return {
    threePublic: threePublic(doc),
    summary: summary(doc),
    expenditure: expenditure(doc),
    projects: projects(doc),
  };
}
