// The accounting checks (勾稽) on generated documents with injected faults: fixtures/faults/*.pdf.
//
// clean.pdf is a consistent 部门预算; every other file is it with one small transformation (faultInjections in
// scripts/fixture-data.mjs). The failures each fault must cause — check id, table kind, row, column, page and the
// difference — are derived below from the fixture data and the known fault, by reading what each check compares
// (src/checks/*.ts), never copied from the extractor's output. A faulty file must report exactly these failures.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import { describe, it, expect } from 'vitest';
import { extract } from '../src/index.js';
import type { ExtractedDocument, Table } from '../src/index.js';
import { runChecks } from '../src/checks/index.js';
type CheckResult = ExtractedDocument['checks']['results'][number];
import * as D from '../scripts/fixture-data.mjs';
import type { FaultName, FixtureSlot } from '../scripts/fixture-data.mjs';
import { readOnce } from './helpers/read-once.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLOW = { timeout: 60_000 };

const read = (name: FaultName): Promise<ExtractedDocument> =>
  readOnce(path.join(ROOT, 'fixtures', 'faults', `${name}.pdf`));

// ---------------------------------------------------------------------------------------------
// From fixture data to expected failures

/** Integer cents as the checks print an exact decimal: no separators, no trailing zeros ('3412660', '-100', '0.5'). */
function plain(cents: number): string {
  const abs = Math.abs(cents);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/u, '');
  return `${cents < 0 && cents !== 0 ? '-' : ''}${Math.floor(abs / 100)}${frac ? `.${frac}` : ''}`;
}
/** A printed amount to cents: '1,126' → 112600. */
const cents = (s: string) => Math.round(Number(s.replace(/,/gu, '')) * 100);
const text = (slot: FixtureSlot | undefined): string => (slot == null ? '' : typeof slot === 'string' ? slot : slot.t);
const parentOf = (code: string) => code.slice(0, code.length - 2);

/** A failure: where (the tuple the test compares as a set) and the difference found − expected, in cents. */
interface Expected {
  id: string;
  tableKind: string;
  row: string; // row code, or its name where it has none
  column: string;
  page: number;
  difference: number;
}
const key = (e: { id: string; tableKind: string; row: string; column: string | null; page: number | null }) =>
  `${e.id} | ${e.tableKind} | ${e.row} | ${e.column} | p.${e.page}`;
const keyOf = (r: CheckResult) => key({ ...r, row: r.row ? (r.row.code ?? r.row.name) : '(none)' });

/** What the document of `name` looks like: pages of its tables and rows, the 支出总表's amount column labels. */
function layout(name: FaultName) {
  const doc = D.faultDocument(name);
  const [summary, expenditure, basic, threePublic] = doc.tables;
  // 合计 | 基本支出 | 项目支出: the printed labels, in the order of the tree vectors [合计, 基本, 项目].
  const columns = [2, 3, 4].map((c) => text(expenditure.header[0]![c]));
  expect(columns).toEqual(['合计', '基本支出', '项目支出']);
  const rowIndex = (code: string) => expenditure.body.findIndex((r) => text(r[0]) === code);
  const continues = doc.continuesAt;
  /** Page of a 支出总表 row: p.2, or p.3 from the continuation on. */
  const pageOfRow = (code: string) => {
    const at = rowIndex(code);
    expect(at, `${name}: row ${code} in the 支出总表`).toBeGreaterThanOrEqual(0);
    return continues !== null && at >= continues ? 3 : 2;
  };
  const lastPage = continues === null ? 3 : 4; // 基本支出表 and “三公” share the last page
  return {
    tables: { summary, expenditure, basic, threePublic },
    kinds: { expenditure: expenditure.kind, threePublic: threePublic.kind },
    columns,
    pageOfRow,
    expenditurePage: 2,
    threePublicPage: lastPage,
    pages: lastPage,
  };
}

/** Tree rows of the clean 支出总表 as vectors [合计, 基本支出, 项目支出] (cents). */
const treeRows = D.faultTree.rows.map((r) => ({ ...r, vec: [r.v[0]! + r.v[1]!, r.v[0]!, r.v[1]!] }));
const treeRow = (code: string) => {
  const r = treeRows.find((x) => x.code === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
};
const TOLERANCE = 100; // 1 元, in cents

function expectedFailures(name: Exclude<FaultName, 'clean'>): Expected[] {
  const L = layout(name);
  const exp = L.kinds.expenditure;
  const out: Expected[] = [];
  /** Columns (as labels) where a vector of differences exceeds the tolerance. */
  const failing = (vec: number[]) =>
    vec.map((d, i) => ({ d, column: L.columns[i]! })).filter((x) => Math.abs(x.d) > TOLERANCE);

  switch (name) {
    case 'amount-changed': {
      // The leaf's 基本支出 + delta, its printed 合计 unchanged:
      // - row.total_equals_basic_plus_project on the leaf: found 合计 − (基本 + delta + 项目) = −delta;
      // - tree.parent_equals_children at its 款, 基本支出 column only: found (unchanged) − Σ children (+delta) = −delta;
      //   the 款's 合计 column sums the children's unchanged 合计, its 项目支出 column is untouched;
      // - the 类 = Σ 款 and 合计 = Σ 类 checks read unchanged rows: they pass.
      const f = D.faultInjections[name];
      expect(f.column).toBe('basic');
      out.push({
        id: 'row.total_equals_basic_plus_project',
        tableKind: exp,
        row: f.code,
        column: L.columns[0]!,
        page: L.pageOfRow(f.code),
        difference: -f.delta,
      });
      const parent = parentOf(f.code);
      out.push({
        id: 'tree.parent_equals_children',
        tableKind: exp,
        row: parent,
        column: L.columns[1]!,
        page: L.pageOfRow(parent),
        difference: -f.delta,
      });
      break;
    }
    case 'child-removed': {
      // The 款 keeps the removed child's money: found − Σ remaining children = the removed row, in every column.
      const f = D.faultInjections[name];
      const removed = treeRow(f.code);
      const parent = parentOf(f.code);
      const cols = failing(removed.vec);
      expect(
        cols.map((c) => c.column),
        'the removed row has money in every amount column',
      ).toEqual(L.columns);
      for (const c of cols)
        out.push({
          id: 'tree.parent_equals_children',
          tableKind: exp,
          row: parent,
          column: c.column,
          page: L.pageOfRow(parent),
          difference: c.d,
        });
      break;
    }
    case 'split-joined-wrong': {
      // The 基本支出 cell reads as its first fragment; the second fragment, in the 项目支出 cell, is no amount and
      // counts as 0 there, as the clean blank did. So: the row identity on that row (合计 − first fragment) and the
      // 款's 基本支出 (its printed value − Σ children with the short one); nothing else.
      const f = D.faultInjections[name];
      const row = treeRow(f.code);
      expect(row.v[1], 'a row without 项目支出').toBe(0);
      expect(f.lines.join(''), 'the fragments spell the clean amount').toBe(D.money(row.v[0]!));
      expect(f.lines[1]!, 'the second fragment is not an amount by itself').toMatch(/^,/u);
      const lost = row.v[0]! - cents(f.lines[0]!);
      out.push({
        id: 'row.total_equals_basic_plus_project',
        tableKind: exp,
        row: f.code,
        column: L.columns[0]!,
        page: L.pageOfRow(f.code),
        difference: lost,
      });
      const parent = parentOf(f.code);
      out.push({
        id: 'tree.parent_equals_children',
        tableKind: exp,
        row: parent,
        column: L.columns[1]!,
        page: L.pageOfRow(parent),
        difference: lost,
      });
      break;
    }
    case 'page-dropped': {
      // Rows from the continuation on are missing. 合计 = Σ 类 misses the 类 rows that were there; each parent still
      // printed misses its children that were there; rows and the other tables are unaffected.
      const f = D.faultInjections[name];
      const clean = layout('clean');
      expect(clean.pageOfRow(f.from), 'the dropped rows start the continuation page of clean.pdf').toBe(3);
      const from = treeRows.findIndex((r) => r.code === f.from);
      const kept = treeRows.slice(0, from);
      const dropped = treeRows.slice(from);
      const sumOf = (rows: typeof treeRows) => rows.reduce((acc, r) => acc.map((x, i) => x + r.vec[i]!), [0, 0, 0]);
      for (const c of failing(sumOf(dropped.filter((r) => r.level === 1)))) {
        out.push({
          id: 'total.equals_top_rows',
          tableKind: exp,
          row: '合计',
          column: c.column,
          page: L.expenditurePage,
          difference: c.d,
        });
      }
      for (const p of kept.filter((r) => r.level < 3)) {
        const lost = dropped.filter((r) => r.code.length === p.code.length + 2 && r.code.startsWith(p.code));
        for (const c of failing(sumOf(lost))) {
          out.push({
            id: 'tree.parent_equals_children',
            tableKind: exp,
            row: p.code,
            column: c.column,
            page: L.pageOfRow(p.code),
            difference: c.d,
          });
        }
      }
      break;
    }
    case 'three-public-off': {
      // One record (the single row, named 合计). three_public.total: found 合计 (+totalDelta) − (出国 + 用车小计 +
      // 接待), the 小计 as printed; three_public.vehicle: found 小计 − (购置 + 运行 + operationDelta).
      const f = D.faultInjections[name];
      const tp = L.kinds.threePublic;
      out.push({
        id: 'three_public.total',
        tableKind: tp,
        row: '合计',
        column: 'total',
        page: L.threePublicPage,
        difference: f.totalDelta,
      });
      out.push({
        id: 'three_public.vehicle',
        tableKind: tp,
        row: '合计',
        column: 'vehicle.subtotal',
        page: L.threePublicPage,
        difference: -f.operationDelta,
      });
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The fixtures are what they claim

describe('fault fixture data', () => {
  it('the clean document adds up', () => {
    const { tables, continuesAt } = D.faultDocument('clean');
    const [summary, expenditure, basic, threePublic] = tables.map((t) => t.body.map((r) => r.map(text)));
    const total = D.faultTree.total;
    // 支出总表: 合计 = 基本 + 项目 on every row; parents = Σ children; the 合计 row = Σ 类.
    for (const r of expenditure!) expect(cents(r[2]!), r[1]).toBe(cents(r[3] || '0') + cents(r[4] || '0'));
    expect(expenditure![0]!.slice(2).map((s) => cents(s || '0'))).toEqual([total[0]! + total[1]!, total[0], total[1]]);
    for (const p of treeRows.filter((r) => r.level < 3)) {
      const kids = treeRows.filter((r) => r.code.length === p.code.length + 2 && r.code.startsWith(p.code));
      expect(
        kids.reduce((a, r) => a.map((x, i) => x + r.vec[i]!), [0, 0, 0]),
        p.code,
      ).toEqual(p.vec);
    }
    expect(treeRows.filter((r) => r.level === 1).reduce((a, r) => a.map((x, i) => x + r.vec[i]!), [0, 0, 0])).toEqual([
      total[0]! + total[1]!,
      total[0],
      total[1],
    ]);
    // Over two pages, the continuation starting inside a 款 and carrying the last 类 whole.
    expect(continuesAt).not.toBeNull();
    // 收支总表: 收入总计 = 支出总计 = the 支出总表 合计.
    const at = (label: string, col: number) => summary!.find((r) => r.includes(label))![col]!;
    expect(at('收入总计', 1)).toBe(at('支出总计', 3));
    expect(cents(at('收入总计', 1))).toBe(total[0]! + total[1]!);
    // 基本支出表: 合计 = 人员 + 公用; the total = the 支出总表 基本支出.
    for (const r of basic!) expect(cents(r[2]!), r[1]).toBe(cents(r[3] || '0') + cents(r[4] || '0'));
    expect(cents(basic![0]![2]!)).toBe(total[0]);
    // “三公”: 合计 = 出国 + 用车 + 接待, 用车 = 购置 + 运行.
    const [all, abroad, car, buy, run, reception] = threePublic![0]!.map(cents);
    expect(car).toBe(buy! + run!);
    expect(all).toBe(abroad! + car! + reception!);
  });

  it('each faulty document differs from the clean one only where its fault is', () => {
    const clean = D.faultDocument('clean').tables.map((t) => t.body.map((r) => r.map(text)));
    const diff = (name: FaultName) =>
      D.faultDocument(name)
        .tables.map((t, i) => {
          const rows = t.body.map((r) => r.map(text));
          return {
            table: i,
            added: rows.filter((r) => !clean[i]!.some((c) => c.join('|') === r.join('|'))).length,
            removed: clean[i]!.filter((c) => !rows.some((r) => r.join('|') === c.join('|'))).map((r) => r[0] || r[1]),
          };
        })
        .filter((d) => d.added || d.removed.length);
    expect(diff('amount-changed')).toEqual([
      { table: 1, added: 1, removed: [D.faultInjections['amount-changed'].code] },
    ]);
    expect(diff('child-removed')).toEqual([{ table: 1, added: 0, removed: [D.faultInjections['child-removed'].code] }]);
    // The split row keeps its logical values; only its drawing differs.
    expect(diff('split-joined-wrong')).toEqual([]);
    const row = D.faultDocument('split-joined-wrong').tables[1].body.find(
      (r) => text(r[0]) === D.faultInjections['split-joined-wrong'].code,
    )!;
    expect([row[3], row[4]]).toEqual([
      {
        t: D.faultInjections['split-joined-wrong'].lines.join(''),
        drawn: [D.faultInjections['split-joined-wrong'].lines[0], ''],
      },
      { t: '', drawn: ['', D.faultInjections['split-joined-wrong'].lines[1]] },
    ]);
    const from = treeRows.findIndex((r) => r.code === D.faultContinuesAt);
    expect(diff('page-dropped')).toEqual([{ table: 1, added: 0, removed: treeRows.slice(from).map((r) => r.code) }]);
    expect(diff('three-public-off')).toEqual([{ table: 3, added: 1, removed: [clean[3]![0]![0]] }]);
  });
});

// ---------------------------------------------------------------------------------------------
// What the checks report

describe('faults/clean.pdf: a consistent 部门预算', () => {
  it('reads four tables on four pages, the 支出总表 over pages 2 and 3', SLOW, async () => {
    const doc = await read('clean');
    expect(doc.source.pages).toBe(4);
    expect(doc.tables.map((t) => [t.kind, t.title.normalize('NFKC'), t.pages])).toEqual(
      D.faultDocument('clean').tables.map((t, i) => [t.kind, t.title.normalize('NFKC'), [[1], [2, 3], [4], [4]][i]]),
    );
  });

  it('passes every check, and there are more than 20', SLOW, async () => {
    const { checks } = await read('clean');
    expect(checks.results.filter((r) => !r.passed).map(keyOf)).toEqual([]);
    expect(checks.summary.failed).toBe(0);
    expect(checks.summary.total).toBeGreaterThan(20);
    expect(checks.summary.passed).toBe(checks.summary.total);
    // Every kind of identity the document allows is tested.
    expect(new Set(checks.results.map((r) => r.id))).toEqual(
      new Set([
        'summary.income_equals_expenditure',
        // The 部门收支总表's sides against their rows, and the carry identity (上年结转 on the income side).
        'final.income_total',
        'final.expenditure_total',
        'final.balance',
        'tree.parent_equals_children',
        'total.equals_top_rows',
        'row.total_equals_basic_plus_project',
        'row.total_equals_personnel_plus_public',
        'three_public.total',
        'three_public.vehicle',
      ]),
    );
  });
});

const FAULTS = Object.keys(D.faultInjections) as Exclude<FaultName, 'clean'>[];

for (const name of FAULTS) {
  describe(`faults/${name}.pdf`, () => {
    it('fails exactly the expected checks, at the right table, row, column and page', SLOW, async () => {
      const { checks, source } = await read(name);
      expect(source.pages).toBe(layout(name).pages);
      const want = expectedFailures(name);
      expect(want.length).toBeGreaterThan(0);
      const failed = checks.results.filter((r) => !r.passed);
      expect(failed.map(keyOf).sort()).toEqual(want.map(key).sort());
      expect(checks.summary.failed).toBe(want.length);
      expect(checks.summary.passed + checks.summary.failed).toBe(checks.summary.total);
    });

    it('reports the difference the fault makes', SLOW, async () => {
      const { checks } = await read(name);
      const failed = new Map(checks.results.filter((r) => !r.passed).map((r) => [keyOf(r), r.difference]));
      for (const e of expectedFailures(name)) expect(failed.get(key(e)), key(e)).toBe(plain(e.difference));
    });
  });
}

describe('a failure in full', () => {
  it(
    'amount-changed: the row identity on the changed row, with exact expected, found, difference and tolerance',
    SLOW,
    async () => {
      const f = D.faultInjections['amount-changed'];
      const row = treeRow(f.code);
      const L = layout('amount-changed');
      const { checks, tables } = await read('amount-changed');
      const r = checks.results.find((x) => !x.passed && x.id === 'row.total_equals_basic_plus_project');
      expect(r).toBeDefined();
      expect({ ...r!, message: undefined }).toEqual({
        id: 'row.total_equals_basic_plus_project',
        message: undefined,
        // The table by position: the document's one 支出总表.
        table: tables.findIndex((t) => t.kind === 'expenditure' && t.title === L.tables.expenditure.title),
        tableKind: 'expenditure',
        tableTitle: L.tables.expenditure.title,
        page: L.pageOfRow(f.code),
        row: { code: f.code, name: row.name },
        // The 支出总表 runs over pages 2 and 3: the index of the changed row in the table's rows.
        rowIndex: L.tables.expenditure.body.findIndex((r) => text(r[0]) === f.code),
        column: '合计',
        expected: plain(row.v[0]! + f.delta + row.v[1]!), // 基本 + 项目 as read
        found: plain(row.v[0]! + row.v[1]!), // the 合计 as printed (the clean one)
        difference: plain(-f.delta),
        // 尾差: half a cent per printed figure (基本支出 and 合计; the blank 项目支出 is an exact 0).
        tolerance: '0.01',
        passed: false,
        rounding: false,
        unit: '元',
        // The cells added up: the changed row's 基本支出 (as read, with the fault) and its blank 项目支出.
        terms: [
          { column: '基本支出', value: plain(row.v[0]! + f.delta) },
          { column: '项目支出', value: null as string | null },
        ].map(({ column, value }) => ({
          table: r!.table,
          rowIndex: r!.rowIndex,
          column,
          page: L.pageOfRow(f.code),
          code: f.code,
          name: row.name,
          value: value === null ? null : new Decimal(value).toFixed(2),
        })),
        // The changed cell also fails its 款's sum by the same 100: one cause, naming the cell.
        cause: {
          id: 'cause.1',
          zh: expect.stringContaining(`一个单元格有误:第${r!.rowIndex! + 1}行 ${f.code} ${row.name} [基本支出]`),
          en: expect.stringContaining(`one wrong cell: row ${r!.rowIndex! + 1} ${f.code} ${row.name} [基本支出]`),
        },
      });
      const parent = checks.results.find((x) => !x.passed && x.id === 'tree.parent_equals_children');
      expect(parent!.cause).toEqual(r!.cause);
      expect(r!.expected).toBe('3412660');
      expect(r!.found).toBe('3412560');
      expect(r!.difference).toBe('-100');
      expect(r!.message.zh).toMatch(/合计/u);
      expect(r!.message.en).toMatch(/basic/u);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// 部门整体支出绩效目标表: its money adds up (records-kinds.pdf p.7, the form as Sichuan prints it)

describe('overall performance funds (records-kinds.pdf, table 表15)', () => {
  const G = D.gridPerformance;
  const form = async () => {
    const doc = await extract(path.join(ROOT, 'fixtures', 'records-kinds.pdf'));
    return { doc, table: doc.tables.find((t) => t.label === D.gridPerformanceTable.label)! };
  };
  const funds = (results: CheckResult[]) => results.filter((r) => r.id.startsWith('performance.funds'));

  it('checks each part’s 合计 against its columns and the total against the parts, all passing', SLOW, async () => {
    const { doc } = await form();
    const results = funds(doc.checks.results).map((r) => [r.id, r.row?.name, r.column, r.expected, r.found, r.passed]);
    expect(results).toEqual([
      [
        'performance.funds_part',
        '基本支出',
        '基本支出/合计',
        plain(G.basic[1]! + G.basic[3]!),
        plain(G.basic[0]!),
        true,
      ],
      ['performance.funds_part', '项目支出', '项目支出/合计', plain(G.project[1]!), plain(G.project[0]!), true],
      [
        'performance.funds_total',
        '资金总额',
        'funds.total',
        plain(G.basic[0]! + G.project[0]!),
        plain(D.gridPerformanceTotal),
        true,
      ],
    ]);
  });

  it('a column changed by 0.10 fails its part, with the difference, and leaves the total alone', SLOW, async () => {
    const { table } = await form();
    // 基本支出/单位资金 printed 0.10 higher: the part no longer adds up; its 合计 and the total still agree.
    const col = table.columns.findIndex((c) => c.endsWith('基本支出/单位资金'));
    const row = table.rows.findIndex((r) => r[col] === D.money(G.basic[3]!));
    expect(col).toBeGreaterThan(0);
    expect(row).toBeGreaterThanOrEqual(0);
    // Its records built anew from the changed rows, as extraction would (runChecks builds them for a table without).
    const changed: Table = {
      ...table,
      records: undefined,
      rows: table.rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? D.money(G.basic[3]! + 10) : c)) : r)),
    };
    const failed = runChecks([changed]).results.filter((r) => !r.passed);
    expect(failed.map((r) => [r.id, r.column, r.expected, r.found, r.difference, r.page])).toEqual([
      [
        'performance.funds_part',
        '基本支出/合计',
        plain(G.basic[1]! + G.basic[3]! + 10),
        plain(G.basic[0]!),
        '-0.1',
        table.pages[0],
      ],
    ]);
  });
});
