import type { CheckReport, CheckResult } from './result.js';

/** How the report marks text; plain identity functions where there is no colour. */
export interface ReportStyle {
  bold: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  dim: (s: string) => string;
}

function where(r: CheckResult): string {
  const row = r.row ? [r.row.code, r.row.name].filter(Boolean).join(' ') : '';
  return [r.page !== null ? `p.${r.page}` : '', row, r.column ? `[${r.column}]` : ''].filter(Boolean).join(' ');
}

/**
 * A readable report of one document's checks: failures first, grouped by table, each with where it is, what was
 * expected and found, and the difference; then the passed count per table.
 */
export function formatCheckReport(file: string, report: CheckReport, style: ReportStyle): string {
  const lines: string[] = [];
  const { total, passed, failed } = report.summary;
  const head = failed ? style.red(`${failed} failed`) : style.green('all passed');
  lines.push(`${style.bold(file)}: ${total} checks, ${passed} passed, ${head}`);
  const byTable = new Map<string, CheckResult[]>();
  for (const r of report.results) {
    const key = `${r.tableTitle || '(untitled)'} (${r.tableKind})`;
    byTable.set(key, [...(byTable.get(key) ?? []), r]);
  }
  const tables = [...byTable].sort(
    (a, b) => b[1].filter((r) => !r.passed).length - a[1].filter((r) => !r.passed).length,
  );
  for (const [table, results] of tables) {
    const failures = results.filter((r) => !r.passed);
    if (!failures.length) continue;
    lines.push('', style.bold(table));
    for (const r of failures) {
      lines.push(`  ${style.red('✗')} ${r.message.zh} / ${r.message.en}`);
      lines.push(
        `    ${where(r)}: expected ${r.expected}, found ${r.found}, difference ${r.difference} (tolerance ${r.tolerance}) ${style.dim(r.id)}`,
      );
    }
  }
  const clean = tables.filter(([, results]) => results.every((r) => r.passed));
  if (clean.length) {
    lines.push('', style.dim('passed:'));
    for (const [table, results] of clean) {
      // Sums that miss their total within rounding (尾差) pass; the report says how many.
      const rounding = results.filter((r) => r.rounding).length;
      lines.push(`  ${style.green('✓')} ${table}: ${results.length}${rounding ? ` (${rounding} 尾差)` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
