// Compiled (never run) by tests/public-api.test.ts against the built declarations in dist/, as a user of the
// package would write it: the self-reference 'budget-extract' resolves through package.json "exports".
import {
  DEFAULT_SETTINGS,
  extract,
  formatCheckReport,
  InputError,
  RECORD_SCHEMAS,
  type CheckResult,
  type ExtractOptions,
  type ExtractedDocument,
  type ProjectPerformance,
  type Table,
  type TableKind,
  type TableOf,
  type OpenDocument,
  type SettingsOverrides,
  type TablePart,
  documentColumns,
  headline,
  LONG_COLUMNS,
  longRows,
  WIDE_COLUMNS,
  wideRow,
  writeWorkbook,
  type LongRow,
  type PlainSheet,
} from 'budget-extract';

const options: ExtractOptions = { unit: 'wan', maxPages: 500 };

export async function firstProjectGoal(file: string): Promise<string | null> {
  let doc: ExtractedDocument;
  try {
    doc = await extract(file, options);
  } catch (e) {
    if (e instanceof InputError) return e.code;
    throw e;
  }
  const table: Table | undefined = doc.tables.find((t) => t.kind === 'project_performance');
  const kind: TableKind | undefined = table?.kind;
  const project = RECORD_SCHEMAS.project_performance.parse(table?.records?.[0]) satisfies ProjectPerformance;
  const failed: CheckResult[] = doc.checks.results.filter((r) => !r.passed);
  const plain = (s: string): string => s;
  const report: string = formatCheckReport(file, doc.checks, { bold: plain, red: plain, green: plain, dim: plain });
  return `${kind} ${project.goal} ${failed.length} ${report.length}`;
}

export async function fromBytes(bytes: Uint8Array): Promise<number> {
  return (await extract(bytes, { fileName: 'x.pdf' })).tables.length;
}

/** Records typed by the table's kind, without a cast: the “三公” totals and the 支出总表's 基本/项目 split. */
export async function headlineFigures(file: string): Promise<string[]> {
  const doc = await extract(file);
  const out: string[] = [];
  for (const t of doc.tables) {
    if (t.kind === 'three_public') {
      const total = t.records?.find((r) => r.isTotal);
      const vehicle: string | null | undefined = total?.vehicle.purchase;
      out.push(`${total?.total ?? '-'} ${vehicle ?? '-'} row ${total?.row ?? '-'}`);
    } else if (t.kind === 'expenditure') {
      const total = t.records?.find((r) => r.isTotal);
      out.push(`${total?.amounts.basic ?? '-'} ${total?.amounts.project ?? '-'}`);
    } else if (t.kind === 'other') {
      // @ts-expect-error a table of no known kind has no records to read
      out.push(String(t.records?.[0].total));
    }
  }
  return out;
}

export function projectsOf(table: TableOf<'project_performance'>): number {
  return table.records?.filter((p) => p.indicators.length > 0).length ?? 0;
}

/** A document the caller already has open in pdf.js, read with a tolerance of its own; it stays open. */
export async function fromOpenDocument(doc: OpenDocument): Promise<TablePart[]> {
  const settings: SettingsOverrides = { text: { sameLine: DEFAULT_SETTINGS.text.sameLine / 2 } };
  const read = await extract(doc, { settings });
  return read.tables.flatMap((t) => t.parts);
}

/** Many documents into one workbook: the long lines and the “三公” row of each, typed. */
export async function combine(files: string[], out: string): Promise<number> {
  const sheets: PlainSheet[] = [];
  const lines: LongRow[] = [];
  const three: PlainSheet = { name: '三公经费', columns: WIDE_COLUMNS.three_public, rows: [] };
  for (const file of files) {
    const doc = await extract(file, { unit: 'wan' });
    lines.push(...longRows(doc, file));
    const row = wideRow('three_public', documentColumns(file, doc), headline(doc));
    if (row) three.rows.push(row);
  }
  sheets.push(three, { name: '明细', columns: LONG_COLUMNS, rows: lines });
  await writeWorkbook(out, sheets);
  return lines.length;
}
