// The accounting checks on the Sichuan narrow print (fixtures/faults/narrow-*.pdf, scripts/fixture-data.mjs
// narrowDocument): codes and amounts wrap in narrow columns, the header repeats on every page, class rows print their
// code in the 单位代码 column. A child row removed from the 基本支出表, or the 支出总表's 合计 changed, must fail exactly
// the check it breaks, at the page and row of the table it is about. The expected failures are derived from the
// fixture data and the fault (what each check compares, src/checks/line-items.ts), never from the extractor's output.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { ExtractedDocument } from '../src/index.js';
import * as D from '../scripts/fixture-data.mjs';
import type { FixtureSlot, NarrowName } from '../scripts/fixture-data.mjs';

type CheckResult = ExtractedDocument['checks']['results'][number];
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLOW = { timeout: 60_000 };

const cache = new Map<NarrowName, Promise<ExtractedDocument>>();
function read(name: NarrowName): Promise<ExtractedDocument> {
  let p = cache.get(name);
  if (!p) {
    p = extract(path.join(ROOT, 'fixtures', 'faults', `${name}.pdf`));
    p.catch(() => {});
    cache.set(name, p);
  }
  return p;
}

const text = (slot: FixtureSlot | undefined): string => (slot == null ? '' : typeof slot === 'string' ? slot : slot.t);
/** Cents as the checks print an exact decimal (no trailing zeros): 1200 → '12', 61 → '0.61'. */
function plain(cents: number): string {
  const abs = Math.abs(cents);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/u, '');
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}${frac ? `.${frac}` : ''}`;
}

interface Expected {
  id: string;
  tableKind: string;
  code: string | null;
  name: string;
  column: string;
  page: number;
  rowIndex: number;
  difference: string;
}
const keyOf = (e: Omit<Expected, 'name'>) =>
  `${e.id} | ${e.tableKind} | ${e.code} | ${e.column} | p.${e.page} | row ${e.rowIndex} | ${e.difference}`;
const keyOfResult = (r: CheckResult) =>
  keyOf({
    id: r.id,
    tableKind: r.tableKind,
    code: r.row?.code ?? null,
    column: r.column ?? '',
    page: r.page ?? -1,
    rowIndex: r.rowIndex ?? -1,
    difference: r.difference,
  });

/** Where a body row of a table of the narrow document is printed: its index, and p.1/2 (支出总表) or p.3/4 (基本支出表). */
function place(name: NarrowName, kind: 'expenditure' | 'basic_expenditure', unitCodeCell: string) {
  const doc = D.narrowDocument(name);
  const table = doc.tables.find((t) => t.kind === kind)!;
  const col = table.header[0]!.findIndex((c) => text(c) === '单位代码');
  const rowIndex = table.body.findIndex(
    (r) => text(r[col]) === unitCodeCell || (unitCodeCell === '' && text(r[col + 1]) === '合计'),
  );
  expect(rowIndex, `${kind} row ${unitCodeCell}`).toBeGreaterThanOrEqual(0);
  const first = kind === 'expenditure' ? 1 : 3;
  return { rowIndex, page: rowIndex >= doc.breaks[kind] ? first + 1 : first, table };
}

function expectedFailures(name: Exclude<NarrowName, 'narrow-clean'>): Expected[] {
  if (name === 'narrow-child-removed') {
    // The class row keeps the removed child's money: found − Σ remaining children = the removed row, in each column
    // where it has money (合计 and its own of 人员经费 / 公用经费); nothing else changes.
    const f = D.narrowInjections[name];
    const removed = D.narrowEconomic.rows.find((r) => r.code === f.removed)!;
    const parent = D.narrowEconomic.rows.find((r) => r.code === f.removed.slice(0, 3))!;
    const at = place(name, 'basic_expenditure', parent.code);
    const labels = ['基本支出/合计', '基本支出/人员经费', '基本支出/公用经费'];
    const diffs = [removed.v[0]! + removed.v[1]!, removed.v[0]!, removed.v[1]!];
    return diffs
      .map((d, i) => ({ d, column: labels[i]! }))
      .filter((x) => x.d !== 0)
      .map((x) => ({
        id: 'tree.parent_equals_children',
        tableKind: 'basic_expenditure',
        code: parent.code,
        name: parent.name,
        column: x.column,
        page: at.page,
        rowIndex: at.rowIndex,
        difference: plain(x.d),
      }));
  }
  // The 合计 row's 合计 + delta: it no longer equals the sum of the 类 rows, nor its own 基本支出 + 项目支出.
  const f = D.narrowInjections[name];
  const at = place(name, 'expenditure', '');
  return ['total.equals_top_rows', 'row.total_equals_basic_plus_project'].map((id) => ({
    id,
    tableKind: 'expenditure',
    code: null,
    name: '合计',
    column: '合计',
    page: at.page,
    rowIndex: at.rowIndex,
    difference: plain(f.delta),
  }));
}

describe('narrow Sichuan print (faults/narrow-*.pdf)', () => {
  it(
    'narrow-clean: codes in the 单位代码 column are codes, the unit code stays a unit code, and every check passes',
    SLOW,
    async () => {
      const doc = await read('narrow-clean');
      const basic = doc.tables.find((t) => t.kind === 'basic_expenditure')!;
      expect(basic.pages).toEqual([3, 4]);
      const records = basic.records as { code: { code: string } | null; unitCode: string | null; name: string }[];
      expect(records.map((r) => r.code?.code ?? r.unitCode ?? r.name)).toEqual([
        '合计',
        D.narrowUnitCode,
        ...D.narrowEconomic.rows.map((r) => r.code),
      ]);
      expect(records.filter((r) => r.code).every((r) => r.unitCode === null)).toBe(true);
      expect(doc.checks.summary.failed).toBe(0);
      // 类 = Σ 款 on each class of the 基本支出表, in its three columns; the 合计 against the classes.
      const trees = doc.checks.results.filter(
        (r) => r.tableKind === 'basic_expenditure' && r.id === 'tree.parent_equals_children',
      );
      expect(trees.map((r) => r.row!.code)).toEqual(
        D.narrowEconomic.rows.filter((r) => r.level === 1).flatMap((r) => [r.code, r.code, r.code]),
      );
      expect(trees.map((r) => r.page)).toEqual([3, 3, 3, 4, 4, 4, 4, 4, 4]);
      const total = doc.checks.results.filter(
        (r) => r.tableKind === 'basic_expenditure' && r.id === 'total.equals_top_rows',
      );
      expect(total.map((r) => r.found)).toEqual(['198.68', '160.07', '38.61']);
      // The 支出总表's tree: 类 and 款 rows on both pages.
      const expenditureTrees = doc.checks.results.filter(
        (r) => r.tableKind === 'expenditure' && r.id === 'tree.parent_equals_children',
      );
      const parents = D.narrowTree.rows.filter((r) => r.level < 3).map((r) => r.code);
      expect([...new Set(expenditureTrees.map((r) => r.row!.code))]).toEqual(parents);
    },
  );

  for (const name of ['narrow-child-removed', 'narrow-total-changed'] as const) {
    it(`${name}: fails exactly the broken check, at the page and row it is about`, SLOW, async () => {
      const doc = await read(name);
      const want = expectedFailures(name);
      expect(want.length).toBeGreaterThan(0);
      const failed = doc.checks.results.filter((r) => !r.passed);
      expect(failed.map(keyOfResult).sort()).toEqual(want.map(keyOf).sort());
      for (const r of failed) {
        const table = doc.tables.find((t) => t.kind === r.tableKind)!;
        // The row index points at the printed row the result names, read from the page it names.
        expect(table.rows[r.rowIndex!]!.join('')).toContain(want[0]!.name);
        expect(table.rowPages[r.rowIndex!]).toBe(r.page);
      }
    });
  }
});
