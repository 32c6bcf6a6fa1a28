// `--unit yuan|wan` converts every amount of every record kind, and nothing else: checked against the JSON Schemas
// in schemas/ (written from the zod schemas, read here independently of the converter), on every generated fixture.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Table } from '../src/index.js';
import { readOnce } from './helpers/read-once.js';
import { shift } from './helpers/shift.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLOW = { timeout: 120_000 };
const AMOUNT = '^-?\\d+(\\.\\d+)?$';

interface JsonSchema {
  type?: string;
  pattern?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
}

const schemaOf = (kind: string): JsonSchema =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8')) as JsonSchema;

/** Compares a record before and after conversion along its JSON Schema; returns the amount paths it saw. */
function compareAlong(node: JsonSchema, before: unknown, after: unknown, by: number, at: string, seen: string[]): void {
  if (node.anyOf) {
    if (before === null) {
      expect(after, at).toBeNull();
      return;
    }
    const branch = node.anyOf.find((b) => b.type !== 'null')!;
    compareAlong(branch, before, after, by, at, seen);
    return;
  }
  if (node.type === 'string' && node.pattern === AMOUNT) {
    seen.push(at);
    expect(after, at).toBe(shift(before as string, by));
    return;
  }
  if (node.type === 'array' && node.items && Array.isArray(before)) {
    expect((after as unknown[]).length, at).toBe(before.length);
    before.forEach((x, i) => {
      compareAlong(node.items!, x, (after as unknown[])[i], by, `${at}[${i}]`, seen);
    });
    return;
  }
  if (node.type === 'object' && before && typeof before === 'object') {
    const a = before as Record<string, unknown>,
      b = after as Record<string, unknown>;
    expect(Object.keys(b).sort(), at).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) {
      const sub =
        node.properties?.[k] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
      if (sub) compareAlong(sub, a[k], b[k], by, `${at}.${k}`, seen);
      else expect(b[k], `${at}.${k}`).toEqual(a[k]);
    }
    return;
  }
  expect(after, at).toEqual(before);
}

const fixtures = fs.readdirSync(path.join(ROOT, 'fixtures')).filter((f) => f.endsWith('.pdf'));

describe('unit conversion follows the schemas: every amount of every kind, nothing else', () => {
  it('on every generated fixture, 万元 tables to 元 and 元 tables to 万元, exactly', SLOW, async () => {
    const amountsByKind = new Map<string, Set<string>>();
    for (const file of fixtures) {
      const full = path.join(ROOT, 'fixtures', file);
      const plain = await readOnce(full);
      const yuan = await readOnce(full, { unit: 'yuan' });
      const wan = await readOnce(full, { unit: 'wan' });
      plain.tables.forEach((t: Table, i) => {
        if (!t.records?.length || (t.unit !== '万元' && t.unit !== '元')) return;
        const [converted, by] = t.unit === '万元' ? [yuan.tables[i]!, 4] : [wan.tables[i]!, -4];
        expect(converted.recordsUnit, `${file} ${t.title}`).toBe(t.unit === '万元' ? '元' : '万元');
        const seen: string[] = [];
        compareAlong(schemaOf(t.kind), t.records, converted.records, by, `${file} ${t.kind}`, seen);
        const paths = amountsByKind.get(t.kind) ?? new Set<string>();
        for (const p of seen) paths.add(p.replace(/^[^ ]+ /u, '').replace(/\[\d+\]/gu, '[]'));
        amountsByKind.set(t.kind, paths);
      });
    }
    // Every kind the fixtures print was converted, with amounts; funds' parts among them (they once stayed in 万元).
    expect([...amountsByKind.keys()].sort()).toEqual(
      expect.arrayContaining([
        'expenditure',
        'income_expenditure_summary',
        'three_public',
        'project_performance',
        'overall_performance',
        'procurement',
      ]),
    );
    for (const [kind, paths] of amountsByKind) expect(paths.size, kind).toBeGreaterThan(0);
    expect([...amountsByKind.get('overall_performance')!]).toEqual(
      expect.arrayContaining(['overall_performance[].funds.basic', 'overall_performance[].funds.project']),
    );
  });
});
