import { recordSpec } from '../kinds/registry.js';
import { buildRecords } from '../records/index.js';
import type { Table } from '../types.js';
import { assignCauses } from './causes.js';
import { crossTableChecks } from './cross-tables.js';
import { checkReport, registerTables, type CheckReport, type CheckResult } from './result.js';

export type { CheckReport, CheckResult } from './result.js';

/**
 * Every accounting identity the document's tables allow, within and across tables, read from the records
 * extraction built (in each table's own unit). Never changes a number. A table given without records (a table
 * made by hand) has them built here, as extraction would.
 */
export function runChecks(tables: readonly Table[]): CheckReport {
  const read = tables.map((t) =>
    t.records || t.kind === 'other' ? t : ({ ...t, records: buildRecords(t).records } as Table),
  );
  const results: CheckResult[] = [];
  // Every result names its table by position too (`CheckResult.table`).
  registerTables(read);
  for (const t of read) {
    if (t.empty) continue;
    const spec = recordSpec(t.kind) as { checks?: (t: Table, r: readonly unknown[]) => CheckResult[] } | null;
    if (spec?.checks && t.records) results.push(...spec.checks(t, t.records));
  }
  results.push(...crossTableChecks(read));
  // Failed results that one printed error explains share its cause.
  assignCauses(results, read);
  return checkReport(results);
}
