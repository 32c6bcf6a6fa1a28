import { z } from 'zod';
import { RECORD_SCHEMAS, type RecordKind } from './schemas.js';

/** The JSON Schema of each kind's records (an array of them), as written to `schemas/<kind>.schema.json`. */
export function recordJsonSchemas(): Record<RecordKind, unknown> {
  const out = {} as Record<RecordKind, unknown>;
  for (const [kind, schema] of Object.entries(RECORD_SCHEMAS) as [RecordKind, z.ZodType][]) {
    out[kind] = {
      title: `budget-extract ${kind} records`,
      ...z.toJSONSchema(z.array(schema)),
    };
  }
  return out;
}
