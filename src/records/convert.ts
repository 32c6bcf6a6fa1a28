import { z } from 'zod';
import { convertAmount, type AmountUnit } from './amount.js';
import { AMOUNT_PATTERN, RECORD_SCHEMAS, type RecordKind, type TableRecord } from './schemas.js';

/**
 * Records converted to another unit, exactly: every value the kind's schema marks as an amount (a string of the
 * `Amount` shape, wherever it stands: a field, an object's catch-all, a record's values, inside arrays) and nothing
 * else. Driven by the schemas, so a field added to a record type is converted without a list to keep.
 */
export function convertRecords(
  kind: RecordKind,
  records: TableRecord[],
  from: AmountUnit,
  to: AmountUnit,
): TableRecord[] {
  const schema = RECORD_SCHEMAS[kind] as z.ZodType;
  return records.map((r) => convertValue(schema, r, (v) => convertAmount(v, from, to)) as TableRecord);
}

/** The value with every amount the schema marks replaced by `f` of it. */
export function convertValue(schema: z.ZodType, value: unknown, f: (amount: string) => string): unknown {
  if (value === null || value === undefined) return value;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return convertValue(schema.unwrap() as z.ZodType, value, f);
  if (isAmountSchema(schema)) return typeof value === 'string' ? f(value) : value;
  if (schema instanceof z.ZodArray && Array.isArray(value))
    return value.map((x) => convertValue(schema.element as z.ZodType, x, f));
  if (schema instanceof z.ZodObject && typeof value === 'object') {
    const shape = schema.shape as Record<string, z.ZodType>;
    const rest = schema._zod.def.catchall as z.ZodType | undefined;
    return Object.fromEntries(
      Object.entries(value).map(([k, x]) => {
        const field = shape[k] ?? rest;
        return [k, field ? convertValue(field, x, f) : x];
      }),
    );
  }
  if (schema instanceof z.ZodRecord && typeof value === 'object') {
    const values = schema._zod.def.valueType as z.ZodType;
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, convertValue(values, x, f)]));
  }
  return value;
}

/**
 * Every amount the schema marks in a value, with its dotted path (`amounts.total`, `vehicle.purchase`,
 * `extra.<printed label>`), in the value's own key order; a null amount (a blank cell) is listed with null. Amounts
 * inside arrays (none in today's records) are left out: a path would not name them.
 */
export function* amountPaths(schema: z.ZodType, value: unknown, prefix = ''): Generator<[string, string | null]> {
  if (value === undefined) return;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    yield* amountPaths(schema.unwrap() as z.ZodType, value, prefix);
    return;
  }
  if (isAmountSchema(schema)) {
    if (value === null || typeof value === 'string') yield [prefix, value];
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const rest = schema._zod.def.catchall as z.ZodType | undefined;
    for (const [k, x] of Object.entries(value)) {
      const field = shape[k] ?? rest;
      if (field) yield* amountPaths(field, x, prefix ? `${prefix}.${k}` : k);
    }
  } else if (schema instanceof z.ZodRecord) {
    const values = schema._zod.def.valueType as z.ZodType;
    for (const [k, x] of Object.entries(value)) yield* amountPaths(values, x, prefix ? `${prefix}.${k}` : k);
  }
}

/** A string schema of the amount's shape. */
export function isAmountSchema(schema: z.ZodType): boolean {
  if (!(schema instanceof z.ZodString)) return false;
  const checks = (schema._zod.def.checks ?? []) as { _zod: { def: { pattern?: RegExp } } }[];
  return checks.some((c) => c._zod.def.pattern?.source === AMOUNT_PATTERN.source);
}
