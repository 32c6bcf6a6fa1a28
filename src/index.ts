// The library's public surface: named exports only. Stage internals (layout, tables, checks) stay inside.
export { extract, type ExtractOptions } from './extract.js';
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
export type { DocumentInfo, ExtractedDocument, Table, TableBase, TableKind, TableOf, Warning } from './types.js';
export { TABLE_KINDS } from './kinds/registry.js';
