import { z } from 'zod';
import type { Table, TableKind } from '../types.js';
import { RECORD_SCHEMAS, type RecordKind, SCHEMA_VERSION } from './schemas.js';

export { SCHEMA_VERSION };

const BoxSchema = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });

const TablePartSchema = z
  .object({
    page: z.number().int().describe('1-based page number'),
    grid: z.number().int().describe('index of the grid among the page’s grids'),
    box: BoxSchema.describe('the grid’s box on the page, in PDF points from the top left, to 0.01 pt'),
    rows: z.tuple([z.number().int(), z.number().int()]).describe('[from, to): the table rows read from this grid'),
    gridRows: z.array(z.number().int()).describe('for each of those rows, the grid row it was read from'),
  })
  .describe('one page grid that went into the table');

const JoinedCellSchema = z
  .object({ col: z.number().int(), rows: z.tuple([z.number().int(), z.number().int()]) })
  .describe('a merged cell cut by a page break, its pieces joined: column col, rows [from, to)');

const tableFields = {
  title: z.string(),
  label: z.string().describe('the table’s printed label: 公开表1, 预算02表 …'),
  titles: z.array(z.string()).describe('every heading seen above the table’s parts'),
  pages: z.array(z.number().int()),
  unit: z.string().describe('the unit the table states (元, 万元), empty when it states none'),
  empty: z.boolean().describe('the table is printed without figures (or says it has none)'),
  columns: z.array(z.string()).describe('each column’s header path, levels joined by /'),
  rows: z.array(z.array(z.string())).describe('the body as printed'),
  rowPages: z.array(z.number().int()).describe('the page each row was read from'),
  parts: z.array(TablePartSchema),
  joined: z.array(JoinedCellSchema).optional(),
  recordsUnit: z
    .string()
    .optional()
    .describe('the unit of the records’ amounts (the table’s own, or the one asked for)'),
};

/** A table of one kind: its records are that kind's (a table of kind `other` has none). */
const tableOfKind = (kind: RecordKind) =>
  z.object({ kind: z.literal(kind), ...tableFields, records: z.array(RECORD_SCHEMAS[kind]).optional() });

/**
 * A table, discriminated by kind. Built from RECORD_SCHEMAS, so zod cannot infer the union's members one by one: the
 * type is stated (`Table`), and tests/document-schema.test.ts checks every output against the schema itself.
 */
const TableSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('other'), ...tableFields }),
  ...(Object.keys(RECORD_SCHEMAS) as RecordKind[]).map(tableOfKind),
] as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<Table>;

const CheckTermSchema = z.object({
  table: z.number().int().describe('position in tables of the table the cell is in'),
  rowIndex: z.number().int().describe('index in that table’s rows'),
  column: z.string().describe('the column label, as in the table’s columns'),
  page: z.number().int().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  value: z.string().nullable().describe('the amount as read (exact decimal, the table’s unit); null for a blank cell'),
});

const CheckResultSchema = z.object({
  id: z.string().describe('the identity checked: tree.parent_equals_children, three_public.total …'),
  message: z.object({ zh: z.string(), en: z.string() }),
  table: z.number().int().nullable().describe('position of the table in tables'),
  tableKind: z.enum(['other', ...Object.keys(RECORD_SCHEMAS)]) as unknown as z.ZodType<TableKind>,
  tableTitle: z.string(),
  page: z.number().int().nullable(),
  row: z.object({ code: z.string().nullable(), name: z.string() }).nullable(),
  rowIndex: z.number().int().nullable().describe('index in the table’s rows of the row the result is about'),
  column: z.string().nullable(),
  expected: z.string(),
  found: z.string(),
  difference: z.string(),
  tolerance: z.string().describe('half a unit of the last printed digit of each figure (尾差)'),
  passed: z.boolean(),
  rounding: z.boolean().describe('passed with a difference within the tolerance (尾差)'),
  unit: z.string().optional().describe('the unit of expected / found / difference (元, 万元) as the table prints it'),
  terms: z
    .array(CheckTermSchema)
    .optional()
    .describe('failed results: the printed cells the identity added up, each with its row and page'),
  cause: z
    .object({
      id: z.string().describe('stable within a document: results with the same id share the cause'),
      zh: z.string(),
      en: z.string(),
    })
    .optional()
    .describe('failed results one printed error explains (a row counted twice, one wrong cell) share it'),
});

/** The whole output of one document, as `extract` returns it and the CLI prints it (`-f json`). */
export const DocumentSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/u), pages: z.number().int() }),
    unitConversion: z.object({ to: z.enum(['元', '万元']), note: z.string() }).optional(),
    document: z.object({
      title: z.string(),
      department: z.string(),
      year: z.number().int().nullable(),
      kind: z.enum(['budget', 'final_account']).nullable(),
      scope: z.enum(['department', 'unit']).nullable(),
    }),
    tables: z.array(TableSchema),
    checks: z.object({
      summary: z.object({ total: z.number().int(), passed: z.number().int(), failed: z.number().int() }),
      results: z.array(CheckResultSchema),
    }),
    warnings: z.array(z.object({ page: z.number().int().optional(), message: z.string() })),
  })
  .describe('budget-extract output for one document');

/** The JSON Schema of the whole output, as written to `schemas/document.schema.json`. */
export function documentJsonSchema(): unknown {
  return { title: `budget-extract document (schemaVersion ${SCHEMA_VERSION})`, ...z.toJSONSchema(DocumentSchema) };
}
