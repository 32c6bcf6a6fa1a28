import { z } from 'zod';
import { isAmountSchema } from '../records/convert.js';
import { ClassCodeSchema } from '../records/schemas.js';

/** How a flattened record field is written. */
export type FieldType = 'text' | 'amount' | 'integer' | 'boolean';

export interface FlatValue {
  type: FieldType;
  value: string | number | boolean | null;
}

/**
 * Where a flattened key sorts: the field's index in its object's shape at each level; a key of an object's
 * catch-all or of a record (`amounts.generalBudgetBasic`, `extra.<label>`) after the shape's fields, in the order
 * first seen.
 */
type Order = number[];

/** Flattens records by their schema into dotted keys, remembering the column order and type of every key. */
export class RecordFlattener {
  private readonly keys = new Map<string, { order: Order; type: FieldType }>();
  private readonly dynamic = new Map<string, Map<string, number>>();

  constructor(private readonly schema: z.ZodType) {}

  flatten(record: unknown): Map<string, FlatValue> {
    const out = new Map<string, FlatValue>();
    this.walk(this.schema, record, '', [], out);
    return out;
  }

  /** The columns seen, in schema order. */
  columns(): { key: string; type: FieldType }[] {
    return [...this.keys.entries()]
      .sort(([, a], [, b]) => compareOrder(a.order, b.order))
      .map(([key, { type }]) => ({ key, type }));
  }

  private put(out: Map<string, FlatValue>, key: string, order: Order, type: FieldType, value: FlatValue['value']) {
    if (!this.keys.has(key)) this.keys.set(key, { order, type });
    out.set(key, { type, value });
  }

  private dynamicIndex(prefix: string, key: string, base: number): number {
    const m = this.dynamic.get(prefix) ?? new Map<string, number>();
    this.dynamic.set(prefix, m);
    const i = m.get(key) ?? base + m.size;
    m.set(key, i);
    return i;
  }

  private walk(schema: z.ZodType, value: unknown, key: string, order: Order, out: Map<string, FlatValue>): void {
    if (value === undefined) return;
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
      const inner = schema.unwrap() as z.ZodType;
      // A null object still gives its columns (blank), so a table's records line up.
      if (value === null && !(inner instanceof z.ZodObject)) {
        this.put(out, key, order, leafType(inner), null);
        return;
      }
      this.walk(inner, value, key, order, out);
      return;
    }
    if (schema === ClassCodeSchema) {
      const code = value as { code?: string; system?: string } | null;
      this.put(out, `${key}.code`, [...order, 0], 'text', code?.code ?? null);
      this.put(out, `${key}.system`, [...order, 1], 'text', code?.system ?? null);
      return;
    }
    if (schema instanceof z.ZodObject) {
      const shape = schema.shape as Record<string, z.ZodType>;
      const names = Object.keys(shape);
      const rest = schema._zod.def.catchall as z.ZodType | undefined;
      const obj = (value ?? {}) as Record<string, unknown>;
      names.forEach((name, i) => {
        const v = value === null ? null : obj[name];
        this.walk(shape[name]!, v, join(key, name), [...order, i], out);
      });
      if (rest && value !== null)
        for (const [k, v] of Object.entries(obj))
          if (!(k in shape)) this.walk(rest, v, join(key, k), [...order, this.dynamicIndex(key, k, names.length)], out);
      return;
    }
    if (schema instanceof z.ZodRecord) {
      const values = schema._zod.def.valueType as z.ZodType;
      for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>))
        this.walk(values, v, join(key, k), [...order, this.dynamicIndex(key, k, 0)], out);
      return;
    }
    if (schema instanceof z.ZodArray) {
      this.put(out, key, order, 'text', Array.isArray(value) && value.length ? JSON.stringify(value) : null);
      return;
    }
    const type = leafType(schema);
    const v =
      value === null
        ? null
        : type === 'boolean'
          ? Boolean(value)
          : type === 'integer'
            ? Number(value)
            : typeof value === 'string'
              ? value
              : JSON.stringify(value);
    this.put(out, key, order, type, v);
  }
}

const join = (prefix: string, key: string): string => (prefix ? `${prefix}.${key}` : key);

function leafType(schema: z.ZodType): FieldType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return leafType(schema.unwrap() as z.ZodType);
  if (isAmountSchema(schema)) return 'amount';
  if (schema instanceof z.ZodBoolean) return 'boolean';
  if (schema instanceof z.ZodLiteral) return typeof schema.value === 'boolean' ? 'boolean' : 'text';
  if (schema instanceof z.ZodNumber) return 'integer';
  return 'text';
}

function compareOrder(a: Order, b: Order): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
