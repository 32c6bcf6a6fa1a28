import type { Table, Warning } from '../types.js';
import { amountReader, unreadCells } from './amount.js';
import { droppedZero } from './codes.js';
import { columnRoles } from './columns.js';
import { compact } from '../pdf/normalize.js';
import { type RecordContext, recordSpec, type RecordSpec } from '../kinds/registry.js';
import { threePublicUnderstood } from './three-public.js';
import type { AmountUnit } from './amount.js';
import { convertRecords } from './convert.js';
import type { TableRecord, ThreePublic } from './schemas.js';
import { INDICATOR, MONEY_COLUMN } from '../kinds/vocabulary.js';

export * from './schemas.js';
export { parseAmount, plainAmount, convertAmount, type AmountUnit, type ParsedAmount } from './amount.js';
export { parseClassCode, type ClassCode } from './codes.js';
export { convertRecords } from './convert.js';

/**
 * Typed records for a table of a known kind, built by its kind's builder in the table's own unit, each validated
 * against its kind's schema and carrying its row; `other` has none.
 */
export function buildRecords(
  table: Table,
  context: RecordContext = {},
): { records: TableRecord[] | undefined; warnings: Warning[] } {
  const spec = recordSpec(table.kind) as RecordSpec<TableRecord> | null;
  if (!spec) return { records: undefined, warnings: [] };
  let records = spec.build(table, context);
  const warnings: Warning[] = [];
  // A “三公” table whose figures reached no record was not understood: said so, rather than records of nulls.
  if (
    (table.kind === 'three_public' || table.kind === 'government_fund_three_public') &&
    records.length &&
    !threePublicUnderstood(table, records as ThreePublic[])
  ) {
    warnings.push({
      page: table.pages[0],
      message: `${table.title}: the “三公” figures could not be read from this layout (columns ${table.columns.slice(0, 4).join(' | ')}${table.columns.length > 4 ? ' | …' : ''}); no records`,
    });
    records = [];
  }
  const valid = records.filter((r, i) => {
    const result = spec.schema.safeParse(r);
    if (!result.success)
      warnings.push({
        page: table.pages[0],
        message: `${table.title}: record ${i + 1} does not match the ${table.kind} schema: ${result.error.issues[0]?.message ?? ''}`,
      });
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
  const columns = table.columns
    .map((_, c) => c)
    .filter((c) => {
      if (performance && (!MONEY_COLUMN.test(table.columns[c] ?? '') || INDICATOR.test(table.columns[c] ?? '')))
        return false;
      let amounts = 0,
        others = 0;
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

/**
 * Builds each table's records in place (its own unit, `recordsUnit` its unit) and returns the warnings. A table's
 * records are built by its own kind's builder and validated by its own kind's schema, so they are its kind's records:
 * the one place the union's link between `kind` and `records` is asserted rather than inferred.
 */
export function attachRecords(tables: readonly Table[], context: RecordContext = {}): Warning[] {
  const warnings: Warning[] = [];
  for (const t of tables) {
    const built = buildRecords(t, context);
    warnings.push(...built.warnings);
    if (!built.records) continue;
    (t as { records?: TableRecord[] }).records = built.records;
    t.recordsUnit = t.unit;
  }
  return warnings;
}

/**
 * Converts every table's records to `target` exactly (after the checks have read them in the printed unit); a table
 * with no unit printed keeps its amounts, with a warning. Rows keep the printed values.
 */
export function convertTables(tables: readonly Table[], target: AmountUnit): Warning[] {
  const warnings: Warning[] = [];
  for (const t of tables) {
    if (!t.records) continue;
    const from = t.unit === '元' || t.unit === '万元' ? t.unit : null;
    if (!from) {
      if (t.records.length)
        warnings.push({ page: t.pages[0], message: `${t.title}: no unit printed, amounts not converted to ${target}` });
      continue;
    }
    if (from === target) continue;
    (t as { records?: TableRecord[] }).records = convertRecords(t.kind, t.records, from, target);
    t.recordsUnit = target;
  }
  return warnings;
}
