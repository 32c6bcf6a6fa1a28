import { SEVERITY_ZH } from '../review/severity.js';
import type { CheckTerm, Finding, Review, Table } from '../types.js';
import { formatAmount } from './format.js';
import { printedDecimals, type CheckReport, type CheckResult } from './result.js';

/** How the report marks text; plain identity functions where there is no colour. */
export interface ReportStyle {
  bold: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  dim: (s: string) => string;
}

/** The tables the results name by position, for the decimals their amounts are printed with (and their titles). */
export type ReportTables = readonly Pick<Table, 'rows' | 'unit' | 'title'>[];

/** Terms listed per failure; the rest are counted. */
export const MAX_TERMS = 12;

/** Identities whose terms add up to the figure found (not to the one expected). */
const SUMS_TO_FOUND = new Set(['performance.weights']);
/** Identities whose second term is subtracted (a change = this year − last year). */
const SUBTRACTED = new Set(['three_public.change']);

const rowText = (code: string | null | undefined, name: string | undefined) => [code, name].filter(Boolean).join(' ');

/** Where a failure is: page, table, row (1-based, as counted in the table), code and name, column. */
function where(r: CheckResult): string {
  return [
    r.page !== null ? `p.${r.page}` : '',
    r.tableTitle || '(untitled)',
    r.rowIndex !== null ? `第${r.rowIndex + 1}行 / row ${r.rowIndex + 1}` : '',
    r.row ? rowText(r.row.code, r.row.name) : '',
    r.column ? `[${r.column}]` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The lines of one failed result: its message in Chinese and English, where, 应为 / 实为 / 差额, its terms. */
function failureLines(r: CheckResult, tables: ReportTables | undefined, style: ReportStyle, indent: string): string[] {
  const own = r.table !== null ? tables?.[r.table] : undefined;
  const decimals = (t: number | null) => {
    const table = t !== null ? tables?.[t] : undefined;
    return table ? printedDecimals(table) : 0;
  };
  // A figure the text states is shown as the sentence prints it, in its own unit (not the table's).
  const sentenceDecimals = r.sentence ? Math.max(...[r.found, r.expected].map((v) => v.split('.')[1]?.length ?? 0)) : 0;
  const amount = (v: string) => formatAmount(v, r.sentence ? sentenceDecimals : decimals(r.table));
  const unit = r.unit ? ` ${r.unit}` : '';
  const figures = [amount(r.expected), amount(r.found), amount(r.difference)];
  const width = Math.max(...figures.map((f) => f.length));
  const lines = [
    `${indent}${style.red('✗')} ${r.message.zh}`,
    `${indent}  ${r.message.en}`,
    `${indent}  ${where(r)} ${style.dim(r.id)}`,
    `${indent}  应为 expected   ${figures[0]!.padStart(width)}${unit}`,
    `${indent}  实为 found      ${figures[1]!.padStart(width)}${unit}`,
    `${indent}  差额 difference ${figures[2]!.padStart(width)}${unit}${r.tolerance !== '0' ? style.dim(` (容差 tolerance ${r.tolerance})`) : ''}`,
  ];
  if (r.sentence) lines.push(`${indent}  句 sentence   p.${r.sentence.page} “${r.sentence.text}”`);
  const terms = r.terms ?? [];
  const shown = terms.slice(0, MAX_TERMS);
  shown.forEach((t, i) => {
    const sign = i === 0 ? (SUMS_TO_FOUND.has(r.id) ? '实为 found =' : '=') : SUBTRACTED.has(r.id) ? '−' : '+';
    lines.push(`${indent}  ${sign} ${termText(t, r, own, tables, decimals(t.table))}`);
  });
  if (terms.length > shown.length)
    lines.push(`${indent}  … 另 ${terms.length - shown.length} 项 / ${terms.length - shown.length} more terms`);
  return lines;
}

function termText(
  t: CheckTerm,
  r: CheckResult,
  own: ReportTables[number] | undefined,
  tables: ReportTables | undefined,
  decimals: number,
): string {
  const value = t.value === null ? '空 / blank' : formatAmount(t.value, decimals);
  const other = t.table !== r.table ? tables?.[t.table] : undefined;
  const place = [
    other && other !== own ? other.title : '',
    t.page !== null ? `p.${t.page}` : '',
    `第${t.rowIndex + 1}行`,
  ].filter(Boolean);
  const column = t.column !== r.column || other ? ` [${t.column}]` : '';
  return `${rowText(t.code, t.name)}${column} ${value} (${place.join(', ')})`;
}

/**
 * A readable report of one document's checks: failures first — those one printed error explains under that cause
 * (同一原因 / one cause), once, the others grouped by table — each in Chinese and English with where it is (page,
 * table, row, column), what was expected and found and the difference, in the table's unit and printed as the table
 * prints amounts, then the cells that were added up; then the passed count per table; then, given the document's
 * review, what it prints of its template, the figures its text states and each finding (the first line counts the
 * review's errors and warnings). Pass the document's tables for its amounts' decimals (without them, amounts keep the
 * digits they have).
 */
export function formatCheckReport(
  file: string,
  report: CheckReport,
  style: ReportStyle,
  tables?: ReportTables,
  review?: Review,
): string {
  const lines: string[] = [];
  const { total, passed, failed } = report.summary;
  const head = failed ? style.red(`${failed} failed`) : style.green('all passed');
  const raised = review ? findingCounts(review.findings) : '';
  lines.push(`${style.bold(file)}: ${total} checks, ${passed} passed, ${head}${raised ? `; review: ${raised}` : ''}`);
  const failures = report.results.filter((r) => !r.passed);
  const causes = new Map<string, CheckResult[]>();
  for (const r of failures) if (r.cause) causes.set(r.cause.id, [...(causes.get(r.cause.id) ?? []), r]);
  for (const results of causes.values()) {
    const cause = results[0]!.cause!;
    lines.push('', style.bold(`同一原因 / one cause: ${cause.zh}`), `  ${cause.en}`);
    lines.push(`  ${results.length} 项检查未通过 / ${results.length} failed checks:`);
    for (const r of results) lines.push(...failureLines(r, tables, style, '  '));
  }
  const byTable = new Map<string, CheckResult[]>();
  for (const r of report.results) {
    const key = `${r.tableTitle || '(untitled)'} (${r.tableKind})`;
    byTable.set(key, [...(byTable.get(key) ?? []), r]);
  }
  const sorted = [...byTable].sort(
    (a, b) => b[1].filter((r) => !r.passed).length - a[1].filter((r) => !r.passed).length,
  );
  for (const [table, results] of sorted) {
    const alone = results.filter((r) => !r.passed && !r.cause);
    if (!alone.length) continue;
    lines.push('', style.bold(table));
    for (const r of alone) lines.push(...failureLines(r, tables, style, '  '));
  }
  const clean = sorted.filter(([, results]) => results.every((r) => r.passed));
  if (clean.length) {
    lines.push('', style.dim('passed:'));
    for (const [table, results] of clean) {
      // Sums that miss their total within rounding (尾差) pass; the report says how many.
      const rounding = results.filter((r) => r.rounding).length;
      lines.push(`  ${style.green('✓')} ${table}: ${results.length}${rounding ? ` (${rounding} 尾差)` : ''}`);
    }
  }
  // The review after the arithmetic: what the document prints of its template, its text, its names and units.
  if (review) lines.push(...reviewLines(review, style, tables));
  return `${lines.join('\n')}\n`;
}

/** `2 errors, 1 warning` over a document's findings (notices not counted); empty when there are none. */
function findingCounts(findings: readonly Finding[]): string {
  return (['error', 'warning'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`)
    .join(', ');
}

/**
 * The review's part of the report: the required tables in one line (present, empty, missing, by the template's
 * names), the text's figures matched and unmatched in one line, then each finding — errors first — in Chinese and
 * English with every place it rests on (page, table row, the text printed there).
 */
function reviewLines(review: Review, style: ReportStyle, docTables: ReportTables | undefined): string[] {
  const lines: string[] = ['', style.bold('审阅 / review:')];
  const { template, tables } = review.completeness;
  if (template) {
    const of = (status: string) => tables.filter((t) => t.status === status);
    const missing = of('missing');
    const empty = of('empty');
    lines.push(
      `  ${style.bold('必备表 / required tables')} (${template.name}): ${of('present').length + empty.length}/${tables.length} printed` +
        (empty.length ? `, ${empty.length} 空表 empty (${empty.map((t) => t.name).join('、')})` : '') +
        (missing.length
          ? `, ${style.red(`${missing.length} 缺 missing (${missing.map((t) => t.name).join('、')})`)}`
          : ''),
    );
  }
  const figures = review.narrative;
  if (figures.length) {
    const n = (status: string) => figures.filter((f) => f.status === status).length;
    const differs = n('differs');
    lines.push(
      `  ${style.bold('情况说明 / narrative')}: ${figures.length} figures stated, ${n('agrees')} agree with the tables` +
        (differs ? `, ${style.red(`${differs} differ`)}` : '') +
        `, ${n('unmatched')} unmatched (不比对 no table figure chosen)`,
    );
  }
  // In the review's own order (errors first, by page: reviewDocument sorts them).
  for (const f of review.findings) {
    const mark = f.severity === 'error' ? style.red('✗') : f.severity === 'warning' ? style.red('!') : style.dim('·');
    lines.push(`  ${mark} ${SEVERITY_ZH[f.severity]} ${f.message.zh} ${style.dim(f.id)}`, `    ${f.message.en}`);
    for (const p of f.places) {
      const where = [
        p.page !== null ? `p.${p.page}` : '',
        p.table !== null ? (docTables?.[p.table]?.title ?? '') : '',
        p.rowIndex !== null ? `第${p.rowIndex + 1}行` : '',
      ]
        .filter(Boolean)
        .join(' ');
      lines.push(`    ${where ? `${where}: ` : ''}“${p.text}”`);
    }
  }
  return lines;
}
