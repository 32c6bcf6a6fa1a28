import path from 'node:path';
import { formatAmount } from '../checks/format.js';
import { formatCheckReport } from '../checks/report.js';
import { printedDecimals } from '../checks/result.js';
import { extract } from '../extract.js';
import type { CheckReport, CheckResult, DocumentInfo, ExtractedDocument, Finding, Review } from '../types.js';
import { EXIT, UsageError } from './errors.js';
import { failure } from './failure.js';
import { expandInputs, readStdin } from './inputs.js';
import type { CheckOptions } from './options.js';
import { styleFor } from './style.js';

/** One input of `check --json`: read (`ok`, with its document and checks) or not (`refused` / `failed`, why). */
export interface CheckFileJson {
  file: string;
  status: 'ok' | 'refused' | 'failed';
  reason?: string;
  document?: DocumentInfo;
  checks?: CheckReport;
  /** The reviewer's reading: required tables, the text's figures against the tables, findings. */
  review?: Review;
}

/** `check --json`: the same shape for one file or many. */
export interface CheckJson {
  files: CheckFileJson[];
  summary: {
    files: number;
    ok: number;
    refused: number;
    failed: number;
    checks: number;
    checksFailed: number;
    /** Review findings of severity error (a required table missing, a unit wrong by 10,000) and warning. */
    findingErrors: number;
    findingWarnings: number;
  };
}

/**
 * `budget-extract check INPUT…`: the inputs as extraction takes them (files, folders — every *.pdf below —, glob
 * patterns, `-` for stdin), read one at a time; for one file its report, for several a line per file and a summary
 * line (JSON with --json, one shape whatever the number of files). Exit 1 when a file cannot be read, else 3 under
 * --strict when a check fails (the failed checks listed on stderr), else 0.
 */
export async function runCheck(opts: CheckOptions): Promise<number> {
  const out = styleFor(process.stdout);
  const err = styleFor(process.stderr);
  const inputs = await expandInputs(opts.inputs);
  if (inputs.some((i) => i.name === '-') && process.stdin.isTTY)
    throw new UsageError('- reads a PDF from stdin, but stdin is a terminal');
  const several = inputs.length > 1;
  const files: CheckFileJson[] = [];
  const failedChecks: { file: string; doc: ExtractedDocument; result: CheckResult }[] = [];
  const errors: { file: string; finding: Finding }[] = [];
  for (const input of inputs) {
    const name = input.path ?? 'stdin.pdf';
    try {
      const source = input.path ?? (await readStdin());
      const doc = await extract(source, {
        fileName: input.path ? path.basename(input.path) : 'stdin.pdf',
        password: opts.password,
        maxPages: opts.maxPages,
        ...(opts.pages ? { pages: opts.pages } : {}),
      });
      files.push({ file: name, status: 'ok', document: doc.document, checks: doc.checks, review: doc.review });
      for (const result of doc.checks.results) if (!result.passed) failedChecks.push({ file: name, doc, result });
      for (const finding of doc.review.findings) if (finding.severity === 'error') errors.push({ file: name, finding });
      if (opts.json) continue;
      const report = formatCheckReport(name, doc.checks, out, doc.tables, doc.review);
      process.stdout.write(several ? `${report.split('\n')[0]}\n` : report);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const f = failure(e);
      files.push({ file: name, status: f.status, reason: f.reason });
      process.stderr.write(`budget-extract: ${err.bold(name)}: ${f.reason}\n`);
    }
  }
  const count = (s: CheckFileJson['status']) => files.filter((f) => f.status === s).length;
  const summary: CheckJson['summary'] = {
    files: files.length,
    ok: count('ok'),
    refused: count('refused'),
    failed: count('failed'),
    checks: files.reduce((n, f) => n + (f.checks?.summary.total ?? 0), 0),
    checksFailed: failedChecks.length,
    findingErrors: errors.length,
    findingWarnings: files.reduce(
      (n, f) => n + (f.review?.findings.filter((x) => x.severity === 'warning').length ?? 0),
      0,
    ),
  };
  if (opts.json) {
    const json: CheckJson = { files, summary };
    process.stdout.write(`${JSON.stringify(json, null, process.stdout.isTTY ? 2 : undefined)}\n`);
  } else if (several) {
    const unread = summary.refused + summary.failed;
    process.stdout.write(
      `${summary.files} files: ${summary.ok} read${unread ? `, ${summary.refused} refused, ${summary.failed} failed` : ''}; ${summary.checks} checks, ${summary.checksFailed ? out.red(`${summary.checksFailed} failed`) : out.green('all passed')}; review: ${summary.findingErrors ? out.red(`${summary.findingErrors} errors`) : 'no errors'}, ${summary.findingWarnings} warnings\n`,
    );
  }
  if (opts.strict && failedChecks.length) {
    process.stderr.write(`budget-extract: --strict: ${failedChecks.length} checks failed\n`);
    for (const f of failedChecks) process.stderr.write(`${strictLine(f.file, f.doc, f.result)}\n`);
  }
  if (opts.strict && errors.length) {
    process.stderr.write(`budget-extract: --strict: the review raised ${errors.length} errors\n`);
    for (const e of errors)
      process.stderr.write(
        `  ${e.file}${e.finding.page !== null ? `: p.${e.finding.page}` : ''}: ${e.finding.message.zh} / ${e.finding.message.en} (${e.finding.id})\n`,
      );
  }
  if (summary.refused + summary.failed) return EXIT.INPUT;
  return opts.strict && (failedChecks.length || errors.length) ? EXIT.CHECKS : EXIT.OK;
}

/** A failed check on one line: file, page, table, row, column, 应为 / 实为 / 差额 in the table's unit, its id. */
function strictLine(file: string, doc: ExtractedDocument, r: CheckResult): string {
  const table = r.table !== null ? doc.tables[r.table] : undefined;
  const amount = (v: string) => formatAmount(v, table ? printedDecimals(table) : 0);
  const unit = r.unit ? ` ${r.unit}` : '';
  const row = r.row ? [r.row.code, r.row.name].filter(Boolean).join(' ') : '';
  const where = [
    r.page !== null ? `p.${r.page}` : '',
    r.tableTitle,
    r.rowIndex !== null ? `第${r.rowIndex + 1}行` : '',
    row,
    r.column ? `[${r.column}]` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `  ${file}: ${where}: 应为 ${amount(r.expected)}${unit}, 实为 ${amount(r.found)}${unit}, 差额 ${amount(r.difference)}${unit} (${r.id})`;
}
