// The library's public surface: named exports only. Stage internals (layout, tables, checks) stay inside.
export { extract, type ExtractOptions, type OpenDocument } from './extract.js';
export { DEFAULT_SETTINGS, type Settings, type SettingsOverrides } from './settings.js';
export { InputError, type InputErrorCode } from './errors.js';
export type { CheckReport, CheckResult } from './checks/result.js';
export { formatCheckReport, type ReportStyle } from './checks/report.js';
export {
  RECORD_SCHEMAS,
  Amount,
  AmountsSchema,
  ClassCodeSchema,
  IndicatorSchema,
  LineItemRecord,
  OverallPerformanceRecord,
  ProcurementRecord,
  ProjectPerformanceRecord,
  SummaryRecord,
  ThreePublicRecord,
  type Indicator,
  type LineItem,
  type OverallPerformance,
  type Procurement,
  type ProjectPerformance,
  type RecordKind,
  type RecordOf,
  type SummaryItem,
  type TableRecord,
  type ThreePublic,
} from './records/schemas.js';
export type {
  DocumentInfo,
  ExtractedDocument,
  JoinedCell,
  Table,
  TableBase,
  TableKind,
  TableOf,
  TablePart,
  Warning,
} from './types.js';
export { TABLE_KINDS } from './kinds/registry.js';
// Many documents into one sheet: the long form (a line per record amount), the headline figures (a row per
// document), and Excel workbooks.
export { LONG_COLUMNS, longRows, documentColumns, type DocumentColumns, type LongRow } from './export/long.js';
export { headline, type Headline, type HeadlineGroup } from './records/headline.js';
export { WIDE_COLUMNS, WIDE_KINDS, wideRow, type WideKind } from './export/wide.js';
export { documentWorkbook, writeWorkbook } from './export/xlsx.js';
export type { PlainSheet, SheetColumn, SheetValue } from './export/sheet.js';
