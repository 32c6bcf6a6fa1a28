import type { Table, TableKind, Warning } from '../types.js';
import { amountReader, unreadCells } from './amount.js';
import { droppedZero } from './codes.js';
import { columnRoles } from './columns.js';
import { lineItems } from './line-items.js';
import { compact } from '../pdf/normalize.js';
import { overallPerformanceRecords, projectPerformanceRecords } from './performance.js';
import { procurementRecords } from './procurement.js';
import { RECORD_SCHEMAS, type RecordKind, type TableRecord } from './schemas.js';
import { summaryItems } from './summary.js';
import { threePublicRecords } from './three-public.js';

export * from './schemas.js';
export { parseAmount, plainAmount, convertAmount, type AmountUnit, type ParsedAmount } from './amount.js';
export { parseClassCode, type ClassCode } from './codes.js';
export { convertRecords } from './convert.js';

const BUILDERS: Record<RecordKind, (t: Table) => TableRecord[]> = {
  income_expenditure_summary: summaryItems,
  fiscal_summary: summaryItems,
  income: lineItems,
  expenditure: lineItems,
  fiscal_expenditure_economic: lineItems,
  general_public_expenditure: lineItems,
  basic_expenditure: lineItems,
  project_expenditure: lineItems,
  government_fund: lineItems,
  state_capital: lineItems,
  three_public: threePublicRecords,
  government_fund_three_public: threePublicRecords,
  project_performance: projectPerformanceRecords,
  overall_performance: overallPerformanceRecords,
  procurement: procurementRecords,
};

export function hasRecords(kind: TableKind): kind is RecordKind {
  return kind in BUILDERS;
}

/** Typed records for a table of a known kind, each validated against its kind's schema; `other` has none. */
export function buildRecords(table: Table): { records: TableRecord[] | undefined; warnings: Warning[] } {
  if (!hasRecords(table.kind)) return { records: undefined, warnings: [] };
  const records = BUILDERS[table.kind](table);
  const schema = RECORD_SCHEMAS[table.kind];
  const warnings: Warning[] = [];
  const valid = records.filter((r, i) => {
    const result = schema.safeParse(r);
    if (!result.success) warnings.push({ page: table.pages[0], message: `${table.title}: record ${i + 1} does not match the ${table.kind} schema: ${result.error.issues[0]?.message ?? ''}` });
    return result.success;
  });
  warnings.push(...unreadWarnings(table), ...droppedZeroWarnings(table));
  return { records: valid, warnings };
}

/** A warning per page naming the 款/项 codes printed with one digit and read with their leading zero. */
function droppedZeroWarnings(table: Table): Warning[] {
  const roles = columnRoles(table);
  if (roles.code.length < 2) return [];
  const byPage = new Map<number | undefined, string[]>();
  table.rows.forEach((row, r) => {
    const parts = roles.code.map((i) => compact(row[i] ?? ''));
    if (!parts.slice(1).some((p) => droppedZero(parts[0]!, p))) return;
    const page = table.rowPages[r] ?? table.pages[0];
    byPage.set(page, [...(byPage.get(page) ?? []), `row ${r + 1} "${parts.filter(Boolean).join(' | ')}"`]);
  });
  return [...byPage].map(([page, rows]) => ({
    page,
    message: `${table.title}: ${rows.length} 款/项 code${rows.length > 1 ? 's' : ''} printed with one digit, read with a leading zero (a code stored as a number): ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ', …' : ''}`,
  }));
}

/**
 * A warning per page naming the amount cells left unread (digits with separators the table's format does not
 * explain: a lone comma in a 万元 table, 1,2345.00): their records keep null there, or are left out when nothing of
 * theirs was read. Amount columns are those whose printed cells are mostly amounts.
 */
function unreadWarnings(table: Table): Warning[] {
  const read = amountReader(table);
  // Performance tables print indicator values (100, 90, 2025.12.31) beside their money: only money columns count.
  const performance = table.kind === 'project_performance' || table.kind === 'overall_performance';
  const columns = table.columns.map((_, c) => c).filter((c) => {
    if (performance && (!/金额|预算|总额|资金/u.test(table.columns[c] ?? '') || /指标/u.test(table.columns[c] ?? ''))) return false;
    let amounts = 0, others = 0;
    for (const row of table.rows) {
      const k = read(row[c] ?? '').kind;
      if (k === 'number' || k === 'unread') amounts++;
      else if (k === 'text') others++;
    }
    return amounts > 0 && amounts >= others;
  });
  const byPage = new Map<number | undefined, string[]>();
  for (const u of unreadCells(table, columns)) {
    const page = table.rowPages[u.row] ?? table.pages[0];
    byPage.set(page, [...(byPage.get(page) ?? []), `row ${u.row + 1} [${table.columns[u.col] ?? u.col}] "${u.text}"`]);
  }
  return [...byPage].map(([page, cells]) => ({
    page,
    message: `${table.title}: ${cells.length} amount cell${cells.length > 1 ? 's' : ''} not understood (separators the table's format does not explain), left null: ${cells.slice(0, 5).join(', ')}${cells.length > 5 ? ', …' : ''}`,
  }));
}

