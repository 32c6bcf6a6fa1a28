import type { ExtractedDocument, Table, TableKind, TableOf } from '../../src/types.js';
import { SCHEMA_VERSION } from '../../src/records/schemas.js';

/** A table literal as the tables stage would give it: one part per page of its rows (page 7 unless given). */
export function tableLiteral<K extends TableKind>(
  kind: K,
  columns: string[],
  rows: string[][],
  opts: { unit?: string; title?: string; label?: string; rowPages?: number[] } = {},
): TableOf<K> {
  const rowPages = opts.rowPages ?? rows.map(() => 7);
  const title = opts.title ?? kind;
  return {
    kind,
    title,
    label: opts.label ?? '',
    titles: [title],
    pages: [...new Set(rowPages)],
    unit: opts.unit ?? '万元',
    empty: false,
    columns: [...columns],
    rows: rows.map((r) => [...r]),
    rowPages: [...rowPages],
    parts: [],
  } as unknown as TableOf<K>;
}

/** A document around some tables (no checks run), as extraction would give it. */
export function documentLiteral(tables: Table[], info: Partial<ExtractedDocument['document']> = {}): ExtractedDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { file: 'literal.pdf', sha256: '0'.repeat(64), pages: 9 },
    document: { title: '', department: '示例局', year: 2026, kind: 'budget', scope: 'department', ...info },
    tables,
    checks: { summary: { total: 0, passed: 0, failed: 0 }, results: [] },
    review: { completeness: { template: null, tables: [] }, narrative: [], findings: [] },
    warnings: [],
  };
}
