import { compact } from '../pdf/normalize.js';
import { DASH, FIELD_LABEL, FORM_NUMBER, LEVEL1_HEADER, LEVEL2_HEADER } from '../kinds/vocabulary.js';

/**
 * Performance forms (Xi'an, Yantai, Fuzhou, Putuo…): one project per form, its fields (name, amount, goal) as
 * label/value cells above an indicator grid. A series of forms becomes one table: one row per indicator, the
 * indicator grid's header as the columns, the project's fields as further columns repeated on every row.
 */

export function isIndicatorHeader(row: readonly string[]): boolean {
  const cells = row.map(compact);
  return cells.some((c) => LEVEL1_HEADER.test(c)) && cells.some((c) => LEVEL2_HEADER.test(c));
}

/** A grid whose rows above an indicator header are label/value fields is a form. */
export function isForm(rows: readonly (readonly string[])[]): boolean {
  const at = rows.findIndex(isIndicatorHeader);
  return at > 0 && rows.slice(0, at).some((r) => r.some((c) => FIELD_LABEL.test(compact(c))));
}

interface Form {
  fields: Map<string, string>;
  header: string[];
  indicators: string[][];
  /** Index in the input of each indicator row. */
  sources: number[];
}

export function formsToTable(rows: readonly (readonly string[])[]): {
  columns: string[];
  rows: string[][];
  sourceRows: number[];
  warnings: string[];
} {
  const warnings: string[] = [];
  const forms: Form[] = [];
  let form: Form | undefined;
  let inIndicators = false;
  const consumed = new Set<number>();
  rows.forEach((row, at) => {
    const first = compact(row.find((c) => compact(c)) ?? '');
    if (!form || (inIndicators && FIELD_LABEL.test(first))) {
      // A form continued on a page without its indicator header keeps the previous form's header.
      form = { fields: new Map(), header: forms[forms.length - 1]?.header ?? [], indicators: [], sources: [] };
      forms.push(form);
      inIndicators = false;
    }
    if (isIndicatorHeader(row)) {
      form.header = row.map(compact);
      inIndicators = true;
    } else if (inIndicators) {
      form.indicators.push([...row]);
      form.sources.push(at);
    } else if (consumed.has(at)) {
      // values already read with the labels of the row above
    } else if (labelRowWithValues(row, rows[at + 1])) {
      readLabelledValues(row, rows[at + 1]!, form.fields);
      consumed.add(at + 1);
    } else {
      const block = readAmountBlock(rows, at, form.fields);
      if (block) for (let k = 1; k <= block; k++) consumed.add(at + k);
      else readFields(row, form.fields, warnings);
    }
  });
  const indicatorColumns: string[] = [];
  for (const f of forms) for (const h of f.header) if (h && !indicatorColumns.includes(h)) indicatorColumns.push(h);
  const fieldColumns: string[] = [];
  for (const f of forms)
    for (const k of f.fields.keys())
      if (!fieldColumns.includes(k) && !indicatorColumns.includes(k)) fieldColumns.push(k);
  const out: string[][] = [];
  const sourceRows: number[] = [];
  for (const f of forms) {
    for (const [k, ind] of f.indicators.entries()) {
      const values = indicatorColumns.map((name) => {
        const i = f.header.indexOf(name);
        return i >= 0 ? (ind[i] ?? '') : '';
      });
      // A row with nothing but its first cell (`备注`, a group label) is not an indicator.
      if (values.slice(1).every((v) => !v)) continue;
      out.push([...values, ...fieldColumns.map((name) => f.fields.get(name) ?? '')]);
      sourceRows.push(f.sources[k]!);
    }
  }
  return { columns: [...indicatorColumns, ...fieldColumns], rows: out, sourceRows, warnings };
}

/** An amount or its dash: a value, never a label. */
const isValue = (text: string): boolean => FORM_NUMBER.test(compact(text)) || DASH.test(compact(text));

/**
 * Label/value pairs of one form row. A label followed by another label and then a value is a group label that
 * prefixes the pair after it: `资金金额(万元) | 实施期资金总额: | 1.50` → `资金金额(万元)/实施期资金总额` = 1.50;
 * a label ending in `:` is always followed by its value. A lone trailing label (`执行率分值(10分)`) has no value.
 */
function readFields(row: readonly string[], fields: Map<string, string>, warnings: string[]): void {
  const cells = row.map((c) => c.trim()).filter((c, i, all) => c && all[i - 1] !== c);
  let prefix = '';
  for (let i = 0; i + 1 < cells.length; ) {
    // An amount is never a label: one met where a label is due has lost its label (or its row is not label/value
    // pairs); it is said, not made a column name.
    if (isValue(cells[i]!)) {
      if (!DASH.test(compact(cells[i]!)))
        warnings.push(`form field value ${compact(cells[i]!)} has no label; not read`);
      i++;
      continue;
    }
    const next = compact(cells[i + 1]!);
    const after = cells[i + 2] !== undefined ? compact(cells[i + 2]!) : undefined;
    if (!FORM_NUMBER.test(next) && (/[:：]$/u.test(next) || (after !== undefined && FORM_NUMBER.test(after)))) {
      prefix = `${label(cells[i]!)}/`;
      i++;
      continue;
    }
    const key = prefix + label(cells[i]!);
    if (!fields.has(key)) fields.set(key, cells[i + 1]!);
    i += 2;
  }
}

function label(text: string): string {
  return compact(text).replace(/[:：]$/u, '');
}

const distinct = (row: readonly string[]): string[] =>
  row.map((c) => c.trim()).filter((c, i, all) => c && all[i - 1] !== c);

/**
 * A row of labels under a group label, with a row of amounts right below it under the same group label
 * (`总体资金情况(万元) | 预算支出总额 | 基本支出 | 项目支出` over `… | 931.79 | 173.78 | 758.01`).
 */
function labelRowWithValues(row: readonly string[], next: readonly string[] | undefined): boolean {
  if (!next) return false;
  const labels = distinct(row),
    values = distinct(next);
  if (labels.length < 3 || labels[0] !== values[0] || labels.length !== values.length) return false;
  return (
    labels.slice(1).every((l) => !FORM_NUMBER.test(compact(l))) &&
    values.slice(1).every((v) => FORM_NUMBER.test(compact(v)))
  );
}

function readLabelledValues(row: readonly string[], next: readonly string[], fields: Map<string, string>): void {
  const labels = distinct(row),
    values = distinct(next);
  const group = label(labels[0]!);
  for (let i = 1; i < labels.length; i++) {
    const key = `${group}/${label(labels[i]!)}`;
    if (!fields.has(key)) fields.set(key, values[i]!);
  }
}

/**
 * A block of amounts under a group label: a row of column labels, then rows of amounts each led by its own row
 * label, the group label a cell merged down the block's left edge. Performance self-evaluation forms print their
 * funds so: `项目资金(万元) | | 年初预算数 | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分` over
 * `项目资金(万元) | 年度资金总额 | 240 | 229.19 | 229.19 | 10 | 100.00% | 10.00`, `… | 其中:当年财政拨款 | 240 | …`.
 * Each amount is read by position under its column's label: `项目资金(万元)/年度资金总额/全年预算数(A)` = 229.19.
 * Returns how many rows below `at` the block holds (0: not such a block).
 */
function readAmountBlock(rows: readonly (readonly string[])[], at: number, fields: Map<string, string>): number {
  const head = rows[at]!.map(compact);
  const g = head.findIndex(Boolean);
  const group = head[g];
  if (g < 0 || !group) return 0;
  // An amount between the group label and the first column label is the group's own (`项目资金(万元) | 500 |
  // 年初预算数 | …`); an amount among the column labels means the row is not a row of labels.
  const labelCols: number[] = [];
  const own: string[] = [];
  for (let c = g + 1; c < head.length; c++) {
    if (!head[c] || head[c] === group) continue;
    if (isValue(head[c]!) && !labelCols.length) own.push(head[c]!);
    else labelCols.push(c);
  }
  if (own.length > 1 || labelCols.length < 2 || labelCols.some((c) => isValue(head[c]!) || /[:：]$/u.test(head[c]!)))
    return 0;
  const valueRows: { rowLabel: string; values: string[] }[] = [];
  for (let k = at + 1; k < rows.length; k++) {
    const row = rows[k]!.map(compact);
    // The group label is merged down the block: each of its rows repeats it.
    if (row[g] !== group || isIndicatorHeader(row)) break;
    const rowLabel = row
      .slice(g + 1, labelCols[0])
      .filter((t) => t && t !== group)
      .join('');
    const values = labelCols.map((c, i) => row.slice(c, labelCols[i + 1] ?? row.length).find(Boolean) ?? '');
    if (values.some((v) => v && !isValue(v))) break;
    valueRows.push({ rowLabel, values });
  }
  if (!valueRows.some((v) => v.values.some((x) => FORM_NUMBER.test(x)))) return 0;
  if (own[0] && !fields.has(label(group))) fields.set(label(group), own[0]);
  for (const { rowLabel, values } of valueRows) {
    labelCols.forEach((c, i) => {
      const key = [label(group), rowLabel && label(rowLabel), label(head[c]!)].filter(Boolean).join('/');
      if (values[i] && !fields.has(key)) fields.set(key, values[i]!);
    });
  }
  return valueRows.length;
}
