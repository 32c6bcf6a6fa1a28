import type { z } from 'zod';
import { KINDS } from '../kinds/registry.js';
import { columnBlocks } from '../records/line-items.js';
import { amountReader } from '../records/amount.js';
import { columnRoles } from '../records/columns.js';
import { amountPaths } from '../records/convert.js';
import { RECORD_SCHEMAS, type RecordKind, type TableRecord } from '../records/schemas.js';
import { summarySides } from '../records/summary.js';
import type { DocumentInfo, ExtractedDocument, Table } from '../types.js';
import { type SheetColumn, sheetColumn } from './sheet.js';

/** What every line of a combined output says about its document: what an analyst filters on. */
export type DocumentColumns = {
  /** The input as given (file name). */
  file: string;
  sha256: string;
  department: string;
  year: number | null;
  /** 预算 or 决算 (empty when the document does not say). */
  document: '预算' | '决算' | '';
  /** 部门 or 单位 (empty when the document does not say). */
  scope: '部门' | '单位' | '';
};

/**
 * One amount of one record: the long (tidy) form of a document's records, one line per amount, ready to pivot
 * (department × field, year × department …). Amounts are exact decimals in `unit`; blank cells give no line.
 */
export type LongRow = DocumentColumns & {
  /** The table's 1-based position in the document. */
  table: number;
  tableKind: RecordKind;
  /** The kind's Chinese name (收支总表, “三公”经费支出表 …). */
  kindName: string;
  title: string;
  label: string;
  /** The page the record's row was read from (the table's first page for a form read by label). */
  page: number | null;
  /** The 1-based row in the table as printed (`rows`), null for a form read by label. */
  row: number | null;
  /** The row's code as printed in full, text: 2012902 (classification), a project's code. */
  code: string;
  /** 类 / 款 / 项 of a classification code (text: 款 `02` stays `02`). */
  class: string;
  item: string;
  entry: string;
  /** The row's name (科目名称, 项目名称, 单位名称 …). */
  name: string;
  /** The unit a row belongs to where the table lists units (单位名称, 实施单位). */
  unitName: string;
  /** A 合计 / 总计 row (the department's figure). */
  isTotal: boolean;
  /** 收支总表: income or expenditure side. */
  side: string;
  /** “三公”: budget (预算数) or actual (决算数). */
  basis: string;
  /** “三公”: the year the figure is for, where the table prints several. */
  period: number | null;
  /** “三公”: the fund source the figure is limited to (empty: all funds). */
  funds: string;
  /** “三公”: a derived figure (change, changeRate, share); empty for the amount itself. */
  measure: string;
  /** The record field: total, basic, project, outbound, vehicle.purchase, extra.<printed label> … */
  field: string;
  /** The printed column label the amount was read from (the header path), where the field maps to one column. */
  column: string;
  /** Exact decimal, no separators. */
  value: string;
  /** 元 or 万元 (the records' unit: the table's, or the one asked for with --unit). */
  unit: string;
};

/** The columns of a long row, in output order (CSV header, sheet columns). */
export const LONG_KEYS = [
  'file',
  'sha256',
  'department',
  'year',
  'document',
  'scope',
  'table',
  'tableKind',
  'kindName',
  'title',
  'label',
  'page',
  'row',
  'code',
  'class',
  'item',
  'entry',
  'name',
  'unitName',
  'isTotal',
  'side',
  'basis',
  'period',
  'funds',
  'measure',
  'field',
  'column',
  'value',
  'unit',
] as const satisfies readonly (keyof LongRow)[];

const HEADERS: Record<(typeof LONG_KEYS)[number], string> = {
  file: '文件',
  sha256: 'SHA-256',
  department: '部门',
  year: '年度',
  document: '预算/决算',
  scope: '部门/单位',
  table: '表序',
  tableKind: '表类',
  kindName: '表类名称',
  title: '表名',
  label: '表号',
  page: '页',
  row: '行',
  code: '编码',
  class: '类',
  item: '款',
  entry: '项',
  name: '名称',
  unitName: '单位名称',
  isTotal: '合计行',
  side: '收/支',
  basis: '预算数/决算数',
  period: '所属年度',
  funds: '资金来源',
  measure: '派生数',
  field: '字段',
  column: '列',
  value: '金额',
  unit: '金额单位',
};

const TYPES: Partial<Record<(typeof LONG_KEYS)[number], SheetColumn['type']>> = {
  year: 'integer',
  table: 'integer',
  page: 'integer',
  row: 'integer',
  isTotal: 'boolean',
  period: 'integer',
  value: 'amount',
};

/** The long form's columns: the key (CSV header), a Chinese header (workbook), the type. */
export const LONG_COLUMNS: SheetColumn[] = LONG_KEYS.map((key) => sheetColumn(key, HEADERS[key], TYPES[key]));

export function documentColumns(file: string, doc: Pick<ExtractedDocument, 'source' | 'document'>): DocumentColumns {
  const info: DocumentInfo = doc.document;
  return {
    file,
    sha256: doc.source.sha256,
    department: info.department,
    year: info.year,
    document: info.kind === 'budget' ? '预算' : info.kind === 'final_account' ? '决算' : '',
    scope: info.scope === 'department' ? '部门' : info.scope === 'unit' ? '单位' : '',
  };
}

/** The record's field names as a long line shows them: `amounts.` dropped (`total`, `basic`), others kept dotted. */
function fieldName(path: string): string {
  return path.startsWith('amounts.') ? path.slice('amounts.'.length) : path;
}

/**
 * Printed column labels by record field, for the kinds whose fields are read from one column each: line items (the
 * same roles the builder reads), the two sides of a 收支总表. Other kinds (a “三公” table printed down or across, a
 * performance form) leave `column` empty unless the field is an `extra` one, which is its label.
 */
function columnLabels(table: Table): ((record: TableRecord) => Map<string, string>) | null {
  const read = amountReader(table);
  const fromRoles = (t: Table): Map<string, string> =>
    new Map(columnRoles(t, read).amounts.flatMap((a) => (a.field ? [[a.field, a.label] as const] : [])));
  switch (table.kind) {
    case 'income_expenditure_summary':
    case 'fiscal_summary': {
      const sides = new Map(summarySides(table).map((s) => [s.side, fromRoles(s.table)]));
      return (r) => sides.get((r as { side?: 'income' | 'expenditure' }).side ?? 'income') ?? new Map();
    }
    case 'income':
    case 'expenditure':
    case 'fiscal_expenditure_economic':
    case 'general_public_expenditure':
    case 'basic_expenditure':
    case 'project_expenditure':
    case 'government_fund':
    case 'state_capital': {
      const labels = fromRoles(columnBlocks(table)[0]!);
      return () => labels;
    }
    default:
      return null;
  }
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** What identifies a record's row, whatever its kind. */
function rowColumns(
  record: TableRecord,
): Pick<
  LongRow,
  | 'code'
  | 'class'
  | 'item'
  | 'entry'
  | 'name'
  | 'unitName'
  | 'isTotal'
  | 'side'
  | 'basis'
  | 'period'
  | 'funds'
  | 'measure'
> {
  const r = record as Record<string, unknown>;
  const code = r.code as { code?: string; class?: string; item?: string | null; entry?: string | null } | string | null;
  const classCode = code !== null && typeof code === 'object' ? code : null;
  const isTotal = r.isTotal === true || (typeof r.totalKind === 'string' && r.totalKind !== '');
  return {
    code: classCode ? text(classCode.code) : text(code),
    class: classCode ? text(classCode.class) : '',
    item: classCode ? text(classCode.item) : '',
    entry: classCode ? text(classCode.entry) : '',
    // A “三公” record names its unit (or the table as a whole), not an item.
    name: text(r.name) || ('basis' in r ? text(r.unit) : ''),
    unitName: 'basis' in r ? '' : text(r.unit),
    isTotal,
    side: text(r.side),
    basis: text(r.basis),
    period: typeof r.year === 'number' ? r.year : null,
    funds: text(r.funds),
    measure: text(r.measure),
  };
}

/**
 * The long form of a document's records: one line per amount printed (a blank cell gives none), in table and record
 * order. `tables` picks which (with their positions in `doc.tables`); all by default.
 */
export function longRows(
  doc: ExtractedDocument,
  file: string,
  tables: readonly { table: Table; index: number }[] = doc.tables.map((table, index) => ({ table, index })),
): LongRow[] {
  const head = documentColumns(file, doc);
  const out: LongRow[] = [];
  for (const { table, index } of tables) {
    if (table.kind === 'other' || !table.records?.length) continue;
    const kind = table.kind;
    const schema = RECORD_SCHEMAS[kind] as z.ZodType;
    const labelsFor = columnLabels(table);
    const unit = table.recordsUnit ?? table.unit;
    const tableColumns = {
      table: index + 1,
      tableKind: kind,
      kindName: KINDS[kind].name,
      title: table.title,
      label: table.label,
    };
    for (const record of table.records as TableRecord[]) {
      const rowIndex = record.row;
      const page = rowIndex !== null ? (table.rowPages[rowIndex] ?? table.pages[0] ?? null) : (table.pages[0] ?? null);
      const ids = rowColumns(record);
      const labels = labelsFor?.(record);
      for (const [path, value] of amountPaths(schema, record)) {
        if (value === null) continue;
        const field = fieldName(path);
        const extra = /^(extra|setAside)\.(.*)$/su.exec(path);
        // Every key written out (not spread): one object shape for every line, tens of thousands of them.
        out.push({
          file: head.file,
          sha256: head.sha256,
          department: head.department,
          year: head.year,
          document: head.document,
          scope: head.scope,
          table: tableColumns.table,
          tableKind: tableColumns.tableKind,
          kindName: tableColumns.kindName,
          title: tableColumns.title,
          label: tableColumns.label,
          page,
          row: rowIndex === null ? null : rowIndex + 1,
          code: ids.code,
          class: ids.class,
          item: ids.item,
          entry: ids.entry,
          name: ids.name,
          unitName: ids.unitName,
          isTotal: ids.isTotal,
          side: ids.side,
          basis: ids.basis,
          period: ids.period,
          funds: ids.funds,
          measure: ids.measure,
          field,
          column: extra ? extra[2]! : (labels?.get(field) ?? ''),
          value,
          unit,
        });
      }
    }
  }
  return out;
}
