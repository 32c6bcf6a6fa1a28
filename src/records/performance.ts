import { compact } from '../pdf/normalize.js';
import type { Table } from '../types.js';
import { parseAmount } from './amount.js';
import type { Indicator, OverallPerformance, ProjectPerformance, Unplaced } from './schemas.js';
import { place } from './schemas.js';
import {
  BASIC_EXPENDITURE,
  FUNDS_TOTAL,
  FUND_SOURCE,
  GENERIC_PROJECT_TITLE,
  GOAL,
  INDICATOR,
  INDICATOR_COLUMNS,
  INDICATOR_HEADER_CELL,
  MAIN_TASKS,
  MONEY_LABEL,
  NAME_FIELD,
  NUMERIC,
  OPERATORS,
  PROJECT_COLUMNS,
  PROJECT_EXPENDITURE,
  PROJECT_TITLE,
  TASKS,
  TASK_NAME,
  TITLE_NUMBERING,
} from '../kinds/vocabulary.js';

const find = (paths: readonly string[], pattern: RegExp, not?: RegExp): number =>
  paths.findIndex((p) => pattern.test(p) && !not?.test(p));

interface IndicatorColumns {
  level1: number;
  level2: number;
  name: number;
  operator: number;
  value: number;
  unit: number;
  weight: number;
}

function indicatorColumns(paths: readonly string[]): IndicatorColumns {
  return {
    level1: find(paths, INDICATOR_COLUMNS.level1),
    level2: find(paths, INDICATOR_COLUMNS.level2),
    name: find(paths, INDICATOR_COLUMNS.name),
    operator: find(paths, INDICATOR_COLUMNS.operator),
    value: find(paths, INDICATOR_COLUMNS.value),
    unit: find(paths, INDICATOR_COLUMNS.unit),
    weight: find(paths, INDICATOR_COLUMNS.weight),
  };
}

function operatorOf(text: string): { operator: Indicator['operator']; rest: string } {
  for (const [pattern, operator] of OPERATORS) {
    const m = pattern.exec(text);
    if (m) return { operator, rest: text.slice(m[0].length) };
  }
  return { operator: null, rest: text };
}

function indicatorOf(row: readonly string[], c: IndicatorColumns): Indicator | null {
  const cell = (i: number): string | null => (i >= 0 ? compact(row[i] ?? '') || null : null);
  const name = cell(c.name);
  if (!name) return null;
  let operator: Indicator['operator'] = null;
  let value = cell(c.value);
  if (c.operator >= 0) operator = operatorOf(cell(c.operator) ?? '').operator;
  if (value) {
    // A sign printed before the value (`≥500万元`) is the operator when no column carries it.
    const parsed = operatorOf(value);
    if (parsed.operator) {
      operator ??= parsed.operator;
      value = parsed.rest || null;
    }
  }
  return {
    level1: cell(c.level1),
    level2: cell(c.level2),
    name,
    operator,
    value,
    unit: cell(c.unit),
    weight: cell(c.weight),
  };
}

/** 项目支出绩效目标表: rows grouped into projects by their repeated (merged) project cells; one indicator per row. */
export function projectPerformanceRecords(table: Table): ProjectPerformance[] {
  return place(projectPerformanceWithRows(table));
}

/** Project records with the index of each project's first row (the page a project starts on). */
function projectPerformanceWithRows(table: Table): { record: Unplaced<ProjectPerformance>; row: number }[] {
  const paths = table.columns.map(compact);
  const c = indicatorColumns(paths);
  const nameCol = find(paths, PROJECT_COLUMNS.name);
  const unitCol = find(paths, PROJECT_COLUMNS.unit);
  const amountCol = find(paths, PROJECT_COLUMNS.amount, INDICATOR);
  const goalCol = find(paths, PROJECT_COLUMNS.goal, INDICATOR);
  const codeCol = find(paths, PROJECT_COLUMNS.code);
  // A form with no name field, titled after its project, is that one project's (Quanzhou).
  const titled = nameCol < 0 ? projectOfTitle(table.title) : null;
  // A list of projects without indicators (Hangzhou's 单位名称 | 项目名称 | 金额 | 绩效目标) is still one project a row.
  if ((nameCol < 0 && !titled) || (c.name < 0 && amountCol < 0 && goalCol < 0)) return [];
  const projects: { record: Unplaced<ProjectPerformance>; row: number }[] = [];
  let key = '';
  for (const [at, row] of table.rows.entries()) {
    const rawName = titled ?? compact(row[nameCol] ?? '');
    if (!rawName) continue;
    const amountCell = amountCol >= 0 ? (row[amountCol] ?? '') : '';
    const goal = goalCol >= 0 ? compact(row[goalCol] ?? '') || null : null;
    const k = [rawName, amountCell, goal, unitCol >= 0 ? row[unitCol] : ''].join('\u0000');
    if (k !== key) {
      key = k;
      const coded = /^([0-9A-Z]{10,})[-—_ ]?(.+)$/u.exec(rawName);
      const p = parseAmount(amountCell);
      projects.push({
        row: at,
        record: {
          code: codeCol >= 0 ? compact(row[codeCol] ?? '') || null : coded ? coded[1]! : null,
          name: coded && codeCol < 0 ? coded[2]! : rawName,
          unit: unitCol >= 0 ? compact(row[unitCol] ?? '') || null : null,
          amount: p.kind === 'number' ? p.value : null,
          goal,
          indicators: [],
        },
      });
    }
    const ind = indicatorOf(row, c);
    if (ind) projects[projects.length - 1]!.record.indicators.push(ind);
  }
  return projects;
}

/** The project a table's title names (`某某建设费用项目绩效目标表`), or null for a title naming only the kind. */
function projectOfTitle(title: string): string | null {
  const m = PROJECT_TITLE.exec(compact(title).replace(TITLE_NUMBERING, ''));
  const name = m?.[1];
  return name && !GENERIC_PROJECT_TITLE.test(name) ? name : null;
}

/**
 * 部门整体支出绩效目标表: the goal, the form's other labelled cells, and its indicators. A form read as indicator
 * rows carries its fields as columns; a grid that is not one keeps them as label/value cells.
 */
export function overallPerformanceRecords(table: Table): OverallPerformance[] {
  const paths = table.columns.map(compact);
  const c = indicatorColumns(paths);
  const indicators: Indicator[] = [];
  if (c.name >= 0)
    for (const row of table.rows) {
      const ind = indicatorOf(row, c);
      if (ind) indicators.push(ind);
    }
  const fields: Record<string, string> = {};
  const indicatorIndexes = new Set(Object.values(c).filter((i) => i >= 0));
  const isForm = c.name >= 0 && paths.some((p, i) => !indicatorIndexes.has(i) && !INDICATOR.test(p));
  if (isForm) {
    paths.forEach((p, i) => {
      if (indicatorIndexes.has(i) || INDICATOR.test(p)) return;
      const value = table.rows.map((r) => compact(r[i] ?? '')).find(Boolean);
      if (value) fields[table.columns[i]!] = value;
    });
  }
  const tasks: string[] = [];
  if (!isForm) {
    // A grid whose indicator header is one of its rows: indicators are the rows under it.
    const at = table.rows.findIndex((r) => r.some((t) => INDICATOR_HEADER_CELL.test(compact(t))));
    if (c.name < 0 && at >= 0) {
      const inner = indicatorColumns(table.rows[at]!.map(compact));
      for (const row of table.rows.slice(at + 1)) {
        const ind = indicatorOf(row, inner);
        if (ind) indicators.push(ind);
      }
    }
    readGridForm({ ...table, rows: at >= 0 ? table.rows.slice(0, at) : table.rows }, fields, tasks);
  }
  const goalKey = Object.keys(fields).find((k) => GOAL.test(k) && !INDICATOR.test(k));
  const goal = goalKey ? fields[goalKey]! : null;
  if (goalKey) delete fields[goalKey];
  // Money cells (资金…/预算…) with an amount become funds: total, basic, project, or their printed label.
  const funds: OverallPerformance['funds'] = {};
  for (const [label, text] of Object.entries(fields)) {
    const p = parseAmount(text);
    if (!MONEY_LABEL.test(label) || p.kind !== 'number') continue;
    funds[fundOf(label)] ??= p.value;
  }
  if (isForm)
    tasks.push(
      ...Object.entries(fields)
        .filter(([k]) => TASKS.test(k))
        .map(([, v]) => v),
    );
  // A form is read by label, not by row: it names no row of its own.
  return [{ goal, funds, tasks, fields, indicators, row: null }];
}

/**
 * The funds field a money label names: `基本支出`, `基本支出/合计` → basic; `预算支出总额`, `年度主要任务/金额合计` →
 * total. A label that is part of one by source (`财政拨款/合计`, `财政拨款/基本支出`, `基本支出/财政拨款`) keeps its
 * printed label.
 */
function fundOf(label: string): string {
  const parts = label.split('/');
  const last = parts[parts.length - 1]!;
  if (parts.length > 1 && !FUNDS_TOTAL.test(last)) return label;
  const what = parts.length > 1 ? parts[parts.length - 2]! : last;
  if (BASIC_EXPENDITURE.test(what)) return 'basic';
  if (PROJECT_EXPENDITURE.test(what)) return 'project';
  if (parts.length > 1) return FUND_SOURCE.test(what) ? label : 'total';
  return FUNDS_TOTAL.test(what) ? 'total' : label;
}

/**
 * A form read as a plain grid (Sichuan's 部门整体支出绩效目标表): a row of amounts takes its labels from the label
 * rows right above it, column by column (a label spanning columns carried to the right); a row of two distinct
 * cells is a label and its value; rows under 年度主要任务 are its tasks.
 */
function readGridForm(table: Table, fields: Record<string, string>, tasks: string[]): void {
  const paths = table.columns.map((c) => c.split('/').map(compact));
  // A name printed across the top of the header (预算(单位)名称 | 103-党群工作部) is a field, not a header level.
  const top = paths.map((p) => (p.length > 1 ? p[0]! : '')).filter((t, i, all) => t && all[i - 1] !== t);
  if (top.length === 2 && NAME_FIELD.test(top[0]!)) fields[top[0]!] ??= top[1]!;
  const rows = [paths.map((p) => p[p.length - 1] ?? ''), ...table.rows.map((r) => r.map(compact))];
  const isLabelRow = (r: string[]) => r.some(Boolean) && !r.some((c) => NUMERIC.test(c));
  const carried = (r: string[]) => {
    const out = [...r];
    for (let i = 1; i < out.length; i++) if (!out[i] && out[i - 1] && i > 1) out[i] = out[i - 1]!;
    return out;
  };
  const used = new Set<number>();
  rows.forEach((row, at) => {
    const numeric = row.map((c, i) => (NUMERIC.test(c) ? i : -1)).filter((i) => i >= 0);
    if (numeric.length < 2) return;
    const above: string[][] = [];
    for (let k = at - 1; k >= 0 && above.length < 2 && isLabelRow(rows[k]!); k--) {
      // The header row names each amount by its column path, as far up as it takes to tell them apart.
      above.unshift(k === 0 ? uniqueSuffixes(paths) : carried(rows[k]!));
      used.add(k);
    }
    used.add(at);
    for (const c of numeric) {
      const parts = above.map((r) => r[c] ?? '').filter((t, i, all) => t && all[i - 1] !== t);
      if (parts.length) fields[parts.join('/')] ??= row[c]!;
    }
  });
  rows.forEach((row, at) => {
    if (used.has(at)) return;
    const cells = row.filter((c, i) => c && row[i - 1] !== c);
    if (MAIN_TASKS.test(cells[0] ?? '')) {
      if (cells.length >= 2 && !TASK_NAME.test(cells[1]!)) tasks.push(cells.slice(1).join(': '));
      return;
    }
    if (cells.length === 2 && !NUMERIC.test(cells[0]!)) fields[cells[0]!] ??= cells[1]!;
  });
}

/**
 * Each column's label: the last segment of its header path, or as many segments from the end as it takes to tell it
 * from the other columns (Sichuan's 基本支出/合计 and 项目支出/合计; Beijing's 财政拨款/合计 and 其他资金/合计).
 */
function uniqueSuffixes(paths: string[][]): string[] {
  const suffix = (c: number, n: number) => paths[c]!.slice(-n).join('/');
  return paths.map((path, c) => {
    let n = 1;
    while (n < path.length && paths.some((_, d) => d !== c && suffix(d, n) === suffix(c, n))) n++;
    return suffix(c, n);
  });
}
