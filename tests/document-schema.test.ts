// The whole output's contract: schemas/document.schema.json, generated from the zod schemas the records use, and
// every document the reader produces (generated fixtures, and the corpus where ../shared is present) valid under it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { extract } from '../src/index.js';
import { DocumentSchema, documentJsonSchema, SCHEMA_VERSION } from '../src/records/document-schema.js';
import type { ExtractedDocument } from '../src/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = path.join(ROOT, 'fixtures');

// The output type and the schema describe the same document: each assignable to the other (a compile-time check,
// run by `tsc -p tsconfig.tests.json` in npm test).
type Parsed = z.infer<typeof DocumentSchema>;
const agree: [(d: ExtractedDocument) => Parsed, (d: Parsed) => ExtractedDocument] = [(d) => d, (d) => d];
void agree;

describe('document schema', () => {
  it('schemas/document.schema.json is up to date (npm run schemas)', () => {
    const file = path.join(ROOT, 'schemas', 'document.schema.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(documentJsonSchema());
  });

  it('every generated fixture reads into a valid document, with its schemaVersion', async () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const doc = await extract(path.join(FIXTURES, f));
      expect(doc.schemaVersion, f).toBe(SCHEMA_VERSION);
      const r = DocumentSchema.safeParse(JSON.parse(JSON.stringify(doc)));
      expect(r.success ? [] : r.error.issues.slice(0, 3), f).toEqual([]);
    }
  });

  it('rejects what is not a document: a record of the wrong kind, an amount with separators, a missing field', async () => {
    const doc = JSON.parse(
      JSON.stringify(await extract(path.join(FIXTURES, 'sample-budget.pdf'))),
    ) as ExtractedDocument;
    const withRecords = doc.tables.findIndex((t) => t.records?.length);
    expect(withRecords).toBeGreaterThanOrEqual(0);
    const wrongKind = structuredClone(doc);
    (wrongKind.tables[withRecords] as { kind: string }).kind = 'three_public';
    expect(DocumentSchema.safeParse(wrongKind).success).toBe(false);
    const separators = structuredClone(doc);
    const t = separators.tables.find((x) => x.kind === 'expenditure')!;
    (t.records![0]! as { amounts: Record<string, string> }).amounts.total = '1,234.00';
    expect(DocumentSchema.safeParse(separators).success).toBe(false);
    const { checks: _, ...noChecks } = doc;
    expect(DocumentSchema.safeParse(noChecks).success).toBe(false);
  });
});

// Every corpus document's output is validated against the schema in tests/records.test.ts (read once there).
