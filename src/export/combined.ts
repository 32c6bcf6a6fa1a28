import type { Headline } from '../records/headline.js';
import { headline } from '../records/headline.js';
import { SEVERITY_ZH } from '../review/severity.js';
import type { CheckResult, ExtractedDocument, Finding } from '../types.js';
import { type DocumentColumns, documentColumns, LONG_COLUMNS, type LongRow, longRows } from './long.js';
import type { PlainSheet, SheetColumn, SheetValue } from './sheet.js';
import { sheetColumn } from './sheet.js';
import { WIDE_COLUMNS, WIDE_KINDS, WIDE_SHEET_NAMES, wideRow } from './wide.js';

/** What one document gives a combined workbook: plain data, made where the document was read. */
export interface CombinedPart {
  document: DocumentColumns;
  title: string;
  pages: number;
  tables: number;
  headline: Headline;
  long: LongRow[];
  checks: { total: number; failed: number };
  /** The failed checks, in report order. */
  failed: CheckResult[];
  warnings: number;
  /** The review's findings (a missing table, a name spelled two ways …), and the required tables missing and
   * printed empty, by the template's names. */
  findings: Finding[];
  missing: string[];
  empty: string[];
}

export function combinedPart(doc: ExtractedDocument, file: string): CombinedPart {
  return {
    document: documentColumns(file, doc),
    title: doc.document.title,
    pages: doc.source.pages,
    tables: doc.tables.length,
    headline: headline(doc),
    long: longRows(doc, file),
    checks: { total: doc.checks.summary.total, failed: doc.checks.summary.failed },
    failed: doc.checks.results.filter((r) => !r.passed),
    warnings: doc.warnings.length,
    findings: doc.review.findings,
    missing: doc.review.completeness.tables.filter((t) => t.status === 'missing').map((t) => t.name),
    empty: doc.review.completeness.tables.filter((t) => t.status === 'empty').map((t) => t.name),
  };
}

/** One input of a batch: read (with its part) or not (status and reason). */
export interface CombinedInput {
  file: string;
  status: 'ok' | 'refused' | 'failed' | 'skipped' | 'interrupted';
  reason?: string;
  part?: CombinedPart;
}

/** Excel's rows per sheet, the header included: a longer sheet goes on in a second one (明细 2). */
export const MAX_SHEET_ROWS = 1_048_576;

const col = sheetColumn;

const DOCUMENT_COLUMNS: SheetColumn[] = [
  col('file', '文件'),
  col('status', '状态'),
  col('reason', '原因'),
  col('department', '部门'),
  col('year', '年度', 'integer'),
  col('document', '预算/决算'),
  col('scope', '部门/单位'),
  col('title', '标题'),
  col('pages', '页数', 'integer'),
  col('tables', '表数', 'integer'),
  col('checks', '检查数', 'integer'),
  col('checksFailed', '未通过', 'integer'),
  col('warnings', '警告数', 'integer'),
  col('missing', '缺少的必备表'),
  col('empty', '空表'),
  col('reviewErrors', '审阅错误', 'integer'),
  col('sha256', 'SHA-256'),
];

const FINDING_COLUMNS: SheetColumn[] = [
  col('file', '文件'),
  col('department', '部门'),
  col('severity', '级别'),
  col('id', '审阅'),
  col('page', '页', 'integer'),
  col('table', '表序', 'integer'),
  col('message', '说明'),
  col('places', '所在'),
];

const CHECK_COLUMNS: SheetColumn[] = [
  col('file', '文件'),
  col('department', '部门'),
  col('table', '表序', 'integer'),
  col('title', '表名'),
  col('page', '页', 'integer'),
  col('code', '编码'),
  col('name', '名称'),
  col('column', '列'),
  col('expected', '应为', 'amount'),
  col('found', '实为', 'amount'),
  col('difference', '差额', 'amount'),
  col('id', '检查'),
  col('message', '说明'),
];

/**
 * The sheets of a combined workbook, in order: 文档 (every input, read or not), 概览 (every headline figure, a row
 * per document), 三公经费 / 收支总表 / 支出总表 / 项目数 (a row per document printing one), 明细 (the long records,
 * a line per amount; split over sheets beyond Excel's row limit), 检查 (the failed checks), 审阅 (the review's
 * findings: missing tables, names spelled two ways, units; each with the places it rests on).
 */
export function* combinedSheets(inputs: readonly CombinedInput[], unitNote: string): Generator<PlainSheet> {
  const parts = inputs.flatMap((i) => (i.part ? [i.part] : []));
  yield {
    name: '文档',
    columns: DOCUMENT_COLUMNS,
    rows: inputs.map((i): Record<string, SheetValue> => {
      const p = i.part;
      return {
        file: i.file,
        status: i.status,
        reason: i.reason ?? '',
        ...(p
          ? {
              department: p.document.department,
              year: p.document.year,
              document: p.document.document,
              scope: p.document.scope,
              title: p.title,
              pages: p.pages,
              tables: p.tables,
              checks: p.checks.total,
              checksFailed: p.checks.failed,
              warnings: p.warnings,
              missing: p.missing.join('、'),
              empty: p.empty.join('、'),
              reviewErrors: p.findings.filter((f) => f.severity === 'error').length,
              sha256: p.document.sha256,
            }
          : {}),
      };
    }),
  };
  for (const kind of WIDE_KINDS) {
    yield {
      name: WIDE_SHEET_NAMES[kind],
      notes: [unitNote],
      columns: WIDE_COLUMNS[kind],
      rows: parts.flatMap((p) => {
        const row = wideRow(kind, p.document, p.headline);
        return row ? [row] : [];
      }),
    };
  }
  const perSheet = MAX_SHEET_ROWS - 2; // the header and the note line
  let sheet = 1;
  let rows: Record<string, SheetValue>[] = [];
  const flush = (): PlainSheet => {
    const s = { name: sheet === 1 ? '明细' : `明细 ${sheet}`, notes: [unitNote], columns: LONG_COLUMNS, rows };
    sheet++;
    rows = [];
    return s;
  };
  for (const p of parts) {
    for (const r of p.long) {
      rows.push(r);
      if (rows.length === perSheet) yield flush();
    }
  }
  if (rows.length || sheet === 1) yield flush();
  yield {
    name: '检查',
    columns: CHECK_COLUMNS,
    rows: parts.flatMap((p) =>
      p.failed.map((c) => ({
        file: p.document.file,
        department: p.document.department,
        table: c.table === null ? null : c.table + 1,
        title: c.tableTitle,
        page: c.page,
        code: c.row?.code ?? '',
        name: c.row?.name ?? '',
        column: c.column ?? '',
        expected: c.expected,
        found: c.found,
        difference: c.difference,
        id: c.id,
        message: c.message.zh,
      })),
    ),
  };
  yield {
    name: '审阅',
    columns: FINDING_COLUMNS,
    rows: parts.flatMap((p) =>
      p.findings.map((f) => ({
        file: p.document.file,
        department: p.document.department,
        severity: SEVERITY_ZH[f.severity],
        id: f.id,
        page: f.page,
        table: f.table === null ? null : f.table + 1,
        message: f.message.zh,
        places: f.places
          .map(
            (x) =>
              `${x.page !== null ? `p.${x.page}${x.rowIndex !== null ? ` 第${x.rowIndex + 1}行` : ''} ` : ''}${x.text}`,
          )
          .join('；'),
      })),
    ),
  };
}
