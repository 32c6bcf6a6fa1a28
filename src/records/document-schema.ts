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

const SentenceSchema = z
  .object({ page: z.number().int().describe('the page the sentence starts on'), text: z.string() })
  .describe('a sentence of the document’s own text, where printed');

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
  sentence: SentenceSchema.optional().describe('a figure stated in the text (narrative.*): the sentence stating it'),
});

const TableKindSchema = z.enum(['other', ...Object.keys(RECORD_SCHEMAS)]) as unknown as z.ZodType<TableKind>;

const RequiredTableSchema = z
  .object({
    kind: TableKindSchema.describe('the table kind that satisfies the requirement (judged by kind, not title)'),
    name: z.string().describe('what the template calls the table'),
    status: z.enum(['present', 'empty', 'missing']),
    tables: z.array(z.number().int()).describe('positions in tables of the document’s tables of this requirement'),
    pages: z.array(z.number().int()),
    reason: SentenceSchema.nullable().describe('an empty table: the document’s words for why, where printed'),
  })
  .describe('a table the document’s template requires, and what the document prints of it');

const FindingSchema = z
  .object({
    id: z.string().describe('completeness.missing, names.department, names.code, units.scale …'),
    severity: z.enum(['error', 'warning', 'notice']),
    message: z.object({ zh: z.string(), en: z.string() }),
    page: z.number().int().nullable(),
    table: z.number().int().nullable().describe('position in tables, where the finding is about one table'),
    places: z
      .array(
        z.object({
          page: z.number().int().nullable(),
          table: z.number().int().nullable(),
          rowIndex: z.number().int().nullable(),
          text: z.string().describe('the text printed there'),
        }),
      )
      .describe('every place the finding rests on'),
  })
  .describe('what a reviewer raises that is not one identity’s sum');

const NarrativeFigureSchema = z
  .object({
    topic: z.string().describe('what the sentence states: income_total, three_public_total, operating_costs …'),
    printed: z.string().describe('the figure as printed in the sentence'),
    value: z.string().describe('the printed figure as an exact decimal'),
    unit: z.string().describe('the sentence’s unit: 万元, 元, %, 个'),
    sentence: SentenceSchema,
    cell: CheckTermSchema.nullable().describe('the table cell the sentence states; null when unmatched'),
    expected: z.string().nullable().describe('the cell’s figure in the sentence’s unit, exact'),
    status: z.enum(['agrees', 'differs', 'unmatched']),
    note: z.string().optional().describe('unmatched: why no cell was chosen'),
  })
  .describe('a figure the document’s text states, and the table figure it states');

const ReviewSchema = z
  .object({
    completeness: z.object({
      template: z
        .object({ id: z.string(), name: z.string(), basis: z.string().describe('what the template rests on') })
        .nullable()
        .describe('the template judged against; null when the document’s kind is unknown'),
      tables: z.array(RequiredTableSchema),
    }),
    narrative: z.array(NarrativeFigureSchema),
    findings: z.array(FindingSchema),
  })
  .describe('what a reviewer checks beyond the arithmetic: required tables, the text against the tables, names, units');

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
    review: ReviewSchema,
    warnings: z.array(z.object({ page: z.number().int().optional(), message: z.string() })),
  })
  .describe('budget-extract output for one document');

/** The JSON Schema of the whole output, as written to `schemas/document.schema.json`. */
export function documentJsonSchema(): unknown {
  return { title: `budget-extract document (schemaVersion ${SCHEMA_VERSION})`, ...z.toJSONSchema(DocumentSchema) };
}
