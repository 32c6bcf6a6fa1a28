// The typed records (`tables[].records`) the extractor builds from the generated PDFs in fixtures/.
//
// Every expected record is derived from the fixture data in scripts/fixture-data.mjs (the same
// module the generator draws from), never copied from extractor output: the printed cells give the
// values, and each table below names which printed column is which record field — the meaning of
// its header labels (合计 → total, 基本支出 → basic, 因公出国(境)费 → outbound, …).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import type { ExtractedDocument, ExtractOptions, Table } from '../src/index.js';
import { RECORD_SCHEMAS } from '../src/records/index.js';
import type {
  Indicator,
  LineItem,
  Procurement,
  ProjectPerformance,
  SummaryItem,
  ThreePublic,
  Unplaced,
} from '../src/records/index.js';
import * as D from '../scripts/fixture-data.mjs';
import type { FixtureTable } from '../scripts/fixture-data.mjs';
import { expectedColumns, expectedRows, printed } from './helpers/fixture-grid.js';
import { readOnce } from './helpers/read-once.js';
import { shift } from './helpers/shift.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixturePath = (name: string) => path.join(ROOT, 'fixtures', name);
const SLOW = { timeout: 60_000 };

// ---------------------------------------------------------------------------------------------
// From fixture data to expected values

/** A printed amount as the record holds it: separators dropped, decimals kept; blank or dash → null. */
function plain(cell: string): string | null {
  const t = cell.trim();
  if (t === '' || /^[-—–－]+$/u.test(t)) return null;
  if (!/^-?[\d,]+(\.\d+)?$/u.test(t)) throw new Error(`not an amount: ${cell}`);
  return t.replace(/,/gu, '');
}

/** A classification code split into levels, as the code printed in the fixture defines it. */
function classCode(code: string, system: 'function' | 'economic') {
  const level = code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
  return {
    system,
    class: code.slice(0, 3),
    item: level >= 2 ? code.slice(3, 5) : null,
    entry: level === 3 ? code.slice(5, 7) : null,
    code,
    level,
    parent: level === 1 ? null : code.slice(0, code.length - 2),
  };
}

/** Which printed column is which part of a line-item record. */
interface LineMap {
  code: number[];
  name: number;
  /** Column index → amount field. */
  amounts: Record<number, string>;
  system: 'function' | 'economic';
}

const TOTAL_NAMES = new Set(['合计', '总计']);

function expectedLineItems(spec: FixtureTable, m: LineMap): LineItem[] {
  return expectedRows(spec).map((row) => {
    const code = m.code.map((i) => row[i]!).join('');
    const name = row[m.name]!.replace(/\s+/gu, '');
    return {
      code: code ? classCode(code, m.system) : null,
      name,
      unitCode: null,
      isTotal: TOTAL_NAMES.has(name),
      isSubtotal: name === '小计',
      amounts: Object.fromEntries(Object.entries(m.amounts).map(([i, f]) => [f, plain(row[Number(i)]!)])),
      extra: {},
    } as LineItem;
  });
}

/**
 * A record's amounts restricted to the mapped fields, an absent field read as null: a column that is blank in
 * every row may be left out (checked separately below). Fields the table has no column for must not appear.
 */
function amountsView<T extends { amounts: Record<string, string | null | undefined> }>(
  records: T[],
  fields: string[],
): T[] {
  for (const r of records)
    expect(
      Object.keys(r.amounts).filter((k) => !fields.includes(k)),
      'amount fields without a column',
    ).toEqual([]);
  return records.map((r) => ({ ...r, amounts: Object.fromEntries(fields.map((f) => [f, r.amounts[f] ?? null])) }));
}

interface SummaryMap {
  income: { name: number; amounts: Record<number, string> };
  expenditure: { name: number; amounts: Record<number, string> };
  /** Printed row labels that are totals, by totalKind. */
  totals: Record<string, NonNullable<SummaryItem['totalKind']>>;
}

function expectedSummary(spec: FixtureTable, m: SummaryMap): Unplaced<SummaryItem>[] {
  const rows = expectedRows(spec);
  const out: Unplaced<SummaryItem>[] = [];
  for (const side of ['income', 'expenditure'] as const) {
    const s = m[side];
    for (const row of rows) {
      const name = row[s.name]!.replace(/\s+/gu, '');
      const amounts = Object.fromEntries(Object.entries(s.amounts).map(([i, f]) => [f, plain(row[Number(i)]!)]));
      if (!name && Object.values(amounts).every((v) => v === null)) continue;
      out.push({ side, name, totalKind: m.totals[name] ?? null, amounts, extra: {} });
    }
  }
  return out;
}

/** “三公” columns: index per item, for one basis. */
interface ThreeCols {
  basis: ThreePublic['basis'];
  total: number;
  outbound: number;
  subtotal: number;
  purchase: number;
  operation: number;
  reception: number;
}

function expectedThreePublic(spec: FixtureTable, unitCol: number | null, bases: ThreeCols[]): Unplaced<ThreePublic>[] {
  const rows = expectedRows(spec);
  return rows.flatMap((row) =>
    bases.map((b) => {
      const unitText = unitCol === null ? '' : row[unitCol]!;
      const isTotal = unitCol === null ? rows.length === 1 : TOTAL_NAMES.has(unitText);
      return {
        unit: unitCol === null || TOTAL_NAMES.has(unitText) ? null : unitText,
        unitCode: null,
        basis: b.basis,
        isTotal,
        total: plain(row[b.total]!),
        outbound: plain(row[b.outbound]!),
        vehicle: {
          subtotal: plain(row[b.subtotal]!),
          purchase: plain(row[b.purchase]!),
          operation: plain(row[b.operation]!),
        },
        reception: plain(row[b.reception]!),
        extra: {},
      };
    }),
  );
}

/** An indicator from its printed [一级, 二级, 三级, 指标值]: a leading sign is the operator. */
function indicator([level1, level2, name, value]: string[]): Indicator {
  const v = printed(value!);
  const m = /^(≥|≤|>|<|=)(.+)$/u.exec(v);
  return {
    level1: printed(level1!),
    level2: printed(level2!),
    name: printed(name!),
    operator: m ? (m[1] as Indicator['operator']) : null,
    value: m ? m[2]! : v,
    unit: null,
    weight: null,
  };
}

function expectedProcurement(spec: FixtureTable): Unplaced<Procurement>[] {
  const cols = expectedColumns(spec);
  return expectedRows(spec).map((row) => ({
    name: row[0]!,
    category: row[1] || null,
    quantity: row[2] || null,
    amount: plain(row[3]!),
    isTotal: TOTAL_NAMES.has(row[0]!),
    setAside: { [cols[4]!]: plain(row[4]!), [cols[5]!]: plain(row[5]!) },
    otherColumns: {},
  }));
}

// ---------------------------------------------------------------------------------------------
// Extraction, once per file and options

const read = (name: string, options: ExtractOptions = {}): Promise<ExtractedDocument> =>
  readOnce(fixturePath(name), options);

async function tableOf(file: string, index: number, spec: FixtureTable, options: ExtractOptions = {}): Promise<Table> {
  const doc = await read(file, options);
  const t = doc.tables[index];
  expect(t, `${file}: table ${index}`).toBeDefined();
  expect(t!.kind, `${file}: table ${index} kind`).toBe(spec.kind);
  expect(t!.records, `${file}: ${spec.title} has records`).toBeDefined();
  return { ...t!, records: unplaced(t!) } as Table;
}

/**
 * A table's records with their provenance checked and set aside, to compare with expectations built from the
 * fixture's printed rows: each record's `row` is a row of the table (null only for a form read by label) and, where
 * the record has a name, that row prints it.
 */
function unplaced(t: Table): Record<string, unknown>[] {
  return (t.records ?? []).map((r) => {
    const { row, ...rest } = r as { row: number | null; name?: string };
    if (t.kind !== 'overall_performance') {
      expect(row, `${t.title}: record row`).not.toBeNull();
      expect(row!, `${t.title}: record row in range`).toBeLessThan(t.rows.length);
      const name = rest.name?.replace(/\s+/gu, '');
      if (name)
        expect(t.rows[row!]!.map((c) => c.replace(/\s+/gu, '')).join('|'), `${t.title}: row of ${name}`).toContain(
          name,
        );
    }
    return rest;
  });
}

// ---------------------------------------------------------------------------------------------
// Which printed column is which field, per fixture table

const fillMap: LineMap = {
  code: [0, 1, 2],
  name: 3,
  amounts: { 4: 'total', 5: 'basic', 6: 'project' },
  system: 'function',
};
const strokeMap: LineMap = {
  code: [0],
  name: 1,
  amounts: { 2: 'total', 3: 'generalBudget', 4: 'business', 5: 'otherIncome', 6: 'carriedOver' },
  system: 'function',
};
const wrappedMap: LineMap = {
  code: [0, 1, 2],
  name: 3,
  amounts: { 4: 'total', 5: 'basic', 6: 'project', 7: 'subsidyToSubordinate' },
  system: 'function',
};
const longMap: LineMap = { code: [0], name: 1, amounts: { 2: 'total', 3: 'basic', 4: 'project' }, system: 'function' };
const borderlessMap: LineMap = {
  code: [0],
  name: 1,
  amounts: { 2: 'total', 3: 'personnel', 4: 'public' },
  system: 'economic',
};
const fundMap: LineMap = { code: [0], name: 1, amounts: { 2: 'total', 3: 'basic', 4: 'project' }, system: 'function' };
const sampleIncomeMap: LineMap = {
  code: [0],
  name: 1,
  amounts: { 2: 'total', 3: 'generalBudget', 4: 'governmentFund', 5: 'otherIncome' },
  system: 'function',
};
const sampleExpenditureMap: LineMap = {
  code: [0],
  name: 1,
  amounts: { 2: 'total', 3: 'basic', 4: 'project' },
  system: 'function',
};
const economicMap: LineMap = {
  code: [0, 1],
  name: 2,
  // 基本支出/小计 is the 基本支出 amount.
  amounts: { 3: 'total', 4: 'basic', 5: 'personnel', 6: 'public', 7: 'project' },
  system: 'economic',
};
const projectMap: LineMap = { code: [0], name: 1, amounts: { 2: 'total' }, system: 'function' };

const fiscalSummaryMap: SummaryMap = {
  income: { name: 0, amounts: { 1: 'total' } },
  expenditure: { name: 2, amounts: { 3: 'total', 4: 'generalBudget', 5: 'governmentFund', 6: 'stateCapital' } },
  totals: {
    '一、本年收入': 'incomeTotal',
    '一、本年支出': 'expenditureTotal',
    '二、上年结转': 'carriedOver',
    '二、结转下年': 'yearEndBalance',
    收入总计: 'incomeGrandTotal',
    支出总计: 'expenditureGrandTotal',
  },
};
const sampleSummaryMap: SummaryMap = {
  income: { name: 0, amounts: { 1: 'total' } },
  expenditure: { name: 2, amounts: { 3: 'total' } },
  totals: {
    本年收入合计: 'incomeTotal',
    本年支出合计: 'expenditureTotal',
    上年结转结余: 'carriedOver',
    结转下年: 'yearEndBalance',
    收入总计: 'incomeGrandTotal',
    支出总计: 'expenditureGrandTotal',
  },
};
const finalSummaryMap: SummaryMap = {
  income: { name: 0, amounts: { 1: 'total' } },
  expenditure: { name: 2, amounts: { 3: 'total' } },
  totals: {
    本年收入合计: 'incomeTotal',
    本年支出合计: 'expenditureTotal',
    年初结转和结余: 'carriedOver',
    年末结转和结余: 'yearEndBalance',
    收入总计: 'incomeGrandTotal',
    支出总计: 'expenditureGrandTotal',
  },
};

const threeAt = (basis: ThreePublic['basis'], from: number): ThreeCols => ({
  basis,
  total: from,
  outbound: from + 1,
  subtotal: from + 2,
  purchase: from + 3,
  operation: from + 4,
  reception: from + 5,
});

/** Every generated fixture with tables of a known kind, its tables in order. */
const FIXTURES: [string, FixtureTable[]][] = [
  ['fill-rulings.pdf', [D.fillRulings]],
  ['stroke-rulings.pdf', [D.strokeRulings]],
  ['wrapped-cells.pdf', [D.wrappedCells]],
  ['three-pages-repeated.pdf', [D.longTable]],
  ['three-pages-bare.pdf', [D.longTable]],
  ['merged-across-pages.pdf', [D.performanceTable]],
  ['borderless.pdf', [D.borderlessTable]],
  ['empty-table.pdf', [D.emptyFundTable, D.stateCapitalTable]],
  ['rotated.pdf', [D.fiscalSummaryTable]],
  [
    'sample-budget.pdf',
    [D.sampleSummaryTable, D.sampleIncomeTable, D.sampleExpenditureTable, D.sampleThreePublicTable],
  ],
  [
    'records-kinds.pdf',
    [
      D.fiscalEconomicTable,
      D.projectExpenditureTable,
      D.fundThreePublicTable,
      D.overallPerformanceTable,
      D.procurementTable,
      D.gridPerformanceTable,
    ],
  ],
  ['final-account.pdf', [D.finalThreePublicTable, D.finalSummaryTable]],
];

// ---------------------------------------------------------------------------------------------
// The new fixtures' data is internally consistent

const cents = (s: string) => (s === '' ? 0 : Math.round(Number(s.replace(/,/gu, '')) * 100));

describe('records fixture data is internally consistent', () => {
  it('财政拨款支出预算表（经济分类）: parents = Σ children, 合计 = Σ 类, 合计 = 基本 + 项目, 基本 = 人员 + 公用', () => {
    const rows = expectedRows(D.fiscalEconomicTable).map((r) => ({ code: r[0]! + r[1]!, v: r.slice(3).map(cents) }));
    for (const r of rows) {
      expect(r.v[0], `${r.code}: 合计 = 基本支出 + 项目支出`).toBe(r.v[1]! + r.v[4]!);
      expect(r.v[1], `${r.code}: 基本支出 = 人员经费 + 公用经费`).toBe(r.v[2]! + r.v[3]!);
    }
    const add = (list: typeof rows) => [0, 1, 2, 3, 4].map((i) => list.reduce((a, r) => a + r.v[i]!, 0));
    const classes = rows.filter((r) => r.code.length === 3);
    expect(rows[0]!.code).toBe('');
    expect(rows[0]!.v).toEqual(add(classes));
    for (const c of classes)
      expect(c.v, c.code).toEqual(add(rows.filter((r) => r.code.length === 5 && r.code.startsWith(c.code))));
  });

  it('项目支出 = Σ projects = the economic table’s 项目支出; 资金总额 = the 财政拨款 合计 in 万元', () => {
    const projects = expectedRows(D.projectExpenditureTable);
    expect(cents(projects[0]![2]!)).toBe(projects.slice(1).reduce((a, r) => a + cents(r[2]!), 0));
    const econTotal = expectedRows(D.fiscalEconomicTable)[0]!;
    expect(projects[0]![2]).toBe(econTotal[7]);
    expect(cents(D.overallPerformance.fundTotal) * 10000).toBe(cents(econTotal[3]!));
  });

  it('“三公” tables: 合计 = 出国 + 用车 + 接待, 用车 = 购置 + 运行, 合计 row = Σ units', () => {
    const check = (r: number[]) => {
      expect(r[0]).toBe(r[1]! + r[2]! + r[5]!);
      expect(r[2]).toBe(r[3]! + r[4]!);
    };
    const fund = expectedRows(D.fundThreePublicTable).map((r) => r.slice(1).map(cents));
    fund.forEach(check);
    expect(fund[0]).toEqual([0, 1, 2, 3, 4, 5].map((i) => fund.slice(1).reduce((a, r) => a + r[i]!, 0)));
    const [final] = expectedRows(D.finalThreePublicTable).map((r) => r.map(cents));
    check(final!.slice(0, 6));
    check(final!.slice(6));
  });

  it('政府采购: 合计 = Σ items; set-asides within the amount', () => {
    const rows = expectedRows(D.procurementTable);
    for (const i of [3, 4, 5]) expect(cents(rows[0]![i]!)).toBe(rows.slice(1).reduce((a, r) => a + cents(r[i]!), 0));
    for (const r of rows) expect(cents(r[3]!) >= cents(r[4]!) && cents(r[4]!) >= cents(r[5]!), r.join('|')).toBe(true);
  });

  it('收入支出决算总表: 本年合计 = Σ items, 收入总计 = 本年收入 + 年初结转 = 本年支出 + 年末结转 = 支出总计', () => {
    const rows = expectedRows(D.finalSummaryTable);
    const at = (label: string, col: number) => cents(rows.find((r) => r.includes(label))![col]!);
    const items = rows.slice(
      0,
      rows.findIndex((r) => r[0] === '本年收入合计'),
    );
    expect(at('本年收入合计', 1)).toBe(items.reduce((a, r) => a + cents(r[1]!), 0));
    expect(at('本年支出合计', 3)).toBe(items.reduce((a, r) => a + cents(r[3]!), 0));
    expect(at('收入总计', 1)).toBe(at('本年收入合计', 1) + at('年初结转和结余', 1));
    expect(at('支出总计', 3)).toBe(at('本年支出合计', 3) + at('年末结转和结余', 3));
    expect(at('收入总计', 1)).toBe(at('支出总计', 3));
  });
});

// ---------------------------------------------------------------------------------------------
// Every record matches its kind's schema

describe('every record of every fixture table matches its zod schema', () => {
  for (const [file, specs] of FIXTURES) {
    it(`${file}: ${specs.map((s) => s.kind).join(', ')}`, SLOW, async () => {
      const doc = await read(file);
      expect(doc.tables.map((t) => t.kind)).toEqual(specs.map((s) => s.kind));
      expect(
        doc.warnings.filter((w) => /schema/u.test(w.message)),
        'records dropped for not matching their schema',
      ).toEqual([]);
      for (const t of doc.tables) {
        expect(t.records, `${t.title}: records`).toBeDefined();
        expect(t.recordsUnit, `${t.title}: recordsUnit`).toBe(t.unit);
        const schema = RECORD_SCHEMAS[t.kind as keyof typeof RECORD_SCHEMAS];
        for (const r of t.records!) expect(() => schema.parse(r), `${t.title}: ${JSON.stringify(r)}`).not.toThrow();
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Line items: codes, names, totals, amounts

const lineItemCases: [string, number, FixtureTable, LineMap][] = [
  ['fill-rulings.pdf', 0, D.fillRulings, fillMap],
  ['stroke-rulings.pdf', 0, D.strokeRulings, strokeMap],
  ['wrapped-cells.pdf', 0, D.wrappedCells, wrappedMap],
  ['three-pages-repeated.pdf', 0, D.longTable, longMap],
  ['three-pages-bare.pdf', 0, D.longTable, longMap],
  ['borderless.pdf', 0, D.borderlessTable, borderlessMap],
  ['empty-table.pdf', 0, D.emptyFundTable, fundMap],
  ['empty-table.pdf', 1, D.stateCapitalTable, fundMap],
  ['sample-budget.pdf', 1, D.sampleIncomeTable, sampleIncomeMap],
  ['sample-budget.pdf', 2, D.sampleExpenditureTable, sampleExpenditureMap],
  ['records-kinds.pdf', 0, D.fiscalEconomicTable, economicMap],
  ['records-kinds.pdf', 1, D.projectExpenditureTable, projectMap],
];

describe('line-item records (code split from 类/款/项 or one code cell, isTotal, exact amounts)', () => {
  for (const [file, index, spec, map] of lineItemCases) {
    it(`${file}: ${spec.title}`, SLOW, async () => {
      const t = await tableOf(file, index, spec);
      const want = expectedLineItems(spec, map);
      const got = amountsView(t.records as LineItem[], Object.values(map.amounts));
      expect(got).toHaveLength(want.length);
      expect(got).toEqual(want);
    });
  }

  it('spot checks: 2011301 from 201|13|01, 30101 from one cell, economic 301|01 from 类|款', SLOW, async () => {
    const fill = (await read('fill-rulings.pdf')).tables[0]!.records as LineItem[];
    const leaf = fill.find((r) => r.code?.code === '2011301')!;
    expect(leaf.code).toEqual({
      system: 'function',
      class: '201',
      item: '13',
      entry: '01',
      code: '2011301',
      level: 3,
      parent: '20113',
    });
    expect(leaf.amounts.total).toBe(plain(D.money(938991300)));
    expect(fill[0]!.isTotal).toBe(true);
    const econ = (await read('records-kinds.pdf')).tables[0]!.records as LineItem[];
    expect(econ.find((r) => r.code?.code === '30101')!.code).toEqual({
      system: 'economic',
      class: '301',
      item: '01',
      entry: null,
      code: '30101',
      level: 2,
      parent: '301',
    });
    const border = (await read('borderless.pdf')).tables[0]!.records as LineItem[];
    expect(border.find((r) => r.code?.code === '302')!.code).toEqual({
      system: 'economic',
      class: '302',
      item: null,
      entry: null,
      code: '302',
      level: 1,
      parent: null,
    });
  });

  it('the empty 政府性基金 table has no records', SLOW, async () => {
    const t = await tableOf('empty-table.pdf', 0, D.emptyFundTable);
    expect(t.records).toEqual([]);
  });

  // A column labelled for a field that is blank in every row: the field is there, null (the schema: "a field is
  // set only where a column is labelled for it"; the brief: null for blank).
  it('a labelled amount column blank in every row still gives its field, as null', SLOW, async () => {
    const income = (await tableOf('sample-budget.pdf', 1, D.sampleIncomeTable)).records as LineItem[];
    expect(income.map((r) => ('governmentFund' in r.amounts ? r.amounts.governmentFund : 'absent'))).toEqual(
      income.map(() => null),
    );
    const capital = (await tableOf('empty-table.pdf', 1, D.stateCapitalTable)).records as LineItem[];
    expect(capital.map((r) => ('basic' in r.amounts ? r.amounts.basic : 'absent'))).toEqual(capital.map(() => null));
  });
});

// ---------------------------------------------------------------------------------------------
// Summary tables: income and expenditure sides

const summaryCases: [string, number, FixtureTable, SummaryMap][] = [
  ['rotated.pdf', 0, D.fiscalSummaryTable, fiscalSummaryMap],
  ['sample-budget.pdf', 0, D.sampleSummaryTable, sampleSummaryMap],
  ['final-account.pdf', 1, D.finalSummaryTable, finalSummaryMap],
];

describe('summary records (income / expenditure sides, totalKind)', () => {
  for (const [file, index, spec, map] of summaryCases) {
    it(`${file}: ${spec.title}`, SLOW, async () => {
      const t = await tableOf(file, index, spec);
      const want = expectedSummary(spec, map);
      const fields = [...new Set([...Object.values(map.income.amounts), ...Object.values(map.expenditure.amounts)])];
      const got = (t.records as SummaryItem[]).map((r) => {
        const side = r.side === 'income' ? map.income : map.expenditure;
        const own = Object.values(side.amounts);
        expect(
          Object.keys(r.amounts).filter((k) => !own.includes(k)),
          `${r.side} ${r.name}: fields without a column`,
        ).toEqual([]);
        return { ...r, amounts: Object.fromEntries(own.map((f) => [f, r.amounts[f] ?? null])) };
      });
      expect(fields.length).toBeGreaterThan(0);
      expect(got).toEqual(want);
    });
  }

  it('final-account: 收入总计 = 支出总计 and the carry-overs, exact', SLOW, async () => {
    const recs = (await read('final-account.pdf')).tables[1]!.records as SummaryItem[];
    const kind = (k: SummaryItem['totalKind']) => recs.find((r) => r.totalKind === k)?.amounts.total;
    const F = D.finalSummary;
    expect(kind('incomeGrandTotal')).toBe(plain(D.money(F.grandTotal)));
    expect(kind('expenditureGrandTotal')).toBe(plain(D.money(F.grandTotal)));
    expect(kind('carriedOver')).toBe(plain(D.money(F.carriedOver)));
    expect(kind('yearEndBalance')).toBe(plain(D.money(F.yearEndBalance)));
    expect(kind('incomeTotal')).toBe(plain(D.money(F.incomeTotal)));
    expect(kind('expenditureTotal')).toBe(plain(D.money(F.expenditureTotal)));
  });

  // In a 财政拨款收支总表 the row `一、本年收入` / `一、本年支出` carries this year's income / expenditure total (the
  // fixture data makes it the sum of the items below it).
  it(
    'rotated.pdf: `一、本年收入` / `一、本年支出` are the 本年 totals (incomeTotal / expenditureTotal)',
    SLOW,
    async () => {
      const recs = (await read('rotated.pdf')).tables[0]!.records as SummaryItem[];
      const [head] = expectedRows(D.fiscalSummaryTable);
      expect(recs.find((r) => r.side === 'income' && r.name === head![0])?.totalKind).toBe('incomeTotal');
      expect(recs.find((r) => r.side === 'expenditure' && r.name === head![2])?.totalKind).toBe('expenditureTotal');
    },
  );
});

// ---------------------------------------------------------------------------------------------
// “三公” tables

describe('three_public records (total, outbound, vehicle, reception, basis)', () => {
  it('sample-budget.pdf: 一般公共预算“三公”经费支出表, one row for the whole department', SLOW, async () => {
    const t = await tableOf('sample-budget.pdf', 3, D.sampleThreePublicTable);
    expect(t.records).toEqual(expectedThreePublic(D.sampleThreePublicTable, null, [threeAt(null, 0)]));
  });

  it('records-kinds.pdf: 政府性基金预算“三公”经费支出预算表, one record per unit plus 合计', SLOW, async () => {
    const t = await tableOf('records-kinds.pdf', 2, D.fundThreePublicTable);
    // No column prints a basis; the title does (…支出预算表): budget. 政府性基金预算 names a fund, not a basis.
    const want = expectedThreePublic(D.fundThreePublicTable, 0, [threeAt('budget', 1)]);
    expect(want.map((r) => r.unit)).toEqual([null, ...D.fundThreePublicUnits.map((u) => printed(u[0]))]);
    expect(t.records).toEqual(want);
  });

  it(
    'final-account.pdf: “三公”经费支出决算表 — one row, two records: 预算数 (budget) and 决算数 (actual)',
    SLOW,
    async () => {
      const t = await tableOf('final-account.pdf', 0, D.finalThreePublicTable);
      const want = expectedThreePublic(D.finalThreePublicTable, null, [threeAt('budget', 0), threeAt('actual', 6)]);
      expect(want).toHaveLength(2);
      expect(t.records).toEqual(want);
      // The same, from the cents in the fixture data.
      const [budget, actual] = t.records as ThreePublic[];
      const [abroad, buy, run, reception] = D.finalThreePublic.actual;
      expect(actual!.vehicle).toEqual({
        subtotal: plain(D.money(buy! + run!)),
        purchase: plain(D.money(buy!)),
        operation: plain(D.money(run!)),
      });
      expect(actual!.total).toBe(plain(D.money(abroad! + buy! + run! + reception!)));
      expect(budget!.outbound).toBe(plain(D.money(D.finalThreePublic.budget[0]!)));
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Performance

describe('project_performance records', () => {
  it(
    'merged-across-pages.pdf: one record per project, the split project whole, indicators with operators',
    SLOW,
    async () => {
      const t = await tableOf('merged-across-pages.pdf', 0, D.performanceTable);
      expect(t.pages).toEqual([1, 2]);
      const want: Unplaced<ProjectPerformance>[] = D.performanceProjects.map((p) => ({
        code: null,
        name: printed(p.name),
        unit: null,
        amount: plain(D.money(p.amount)),
        goal: printed(p.goal),
        indicators: p.indicators.map(indicator),
      }));
      expect(t.records).toHaveLength(D.performanceProjects.length);
      expect(t.records).toEqual(want);
    },
  );

  it(
    'the project over the page break is one record with all 7 indicators (4 on page 1, 3 on page 2) and its whole goal',
    SLOW,
    async () => {
      const recs = (await read('merged-across-pages.pdf')).tables[0]!.records as ProjectPerformance[];
      const p = D.performanceProjects[D.performanceSplitProject]!;
      const mine = recs.filter((r) => r.name === printed(p.name));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.indicators).toHaveLength(p.indicators.length);
      expect(mine[0]!.indicators.map((i) => i.name)).toEqual(p.indicators.map((i) => printed(i[2]!)));
      expect(mine[0]!.goal).toBe(printed(p.goal));
      expect(mine[0]!.amount).toBe(plain(D.money(p.amount)));
      // `≥20个`: operator ≥, value 20个.
      expect(mine[0]!.indicators[0]).toMatchObject({ operator: '≥', value: '20个' });
    },
  );
});

describe('overall_performance records', () => {
  const O = D.overallPerformance;

  it('records-kinds.pdf: 部门整体支出绩效目标表 (a form) — one record with the goal', SLOW, async () => {
    const t = await tableOf('records-kinds.pdf', 3, D.overallPerformanceTable);
    expect(t.records).toHaveLength(1);
    expect((t.records![0] as { goal: string | null }).goal).toBe(printed(O.goal));
  });

  it(
    'records-kinds.pdf: 部门整体支出绩效目标表 — the six indicators with level1/level2/name/operator/value',
    SLOW,
    async () => {
      const t = await tableOf('records-kinds.pdf', 3, D.overallPerformanceTable);
      const rec = t.records![0] as { indicators: Indicator[] };
      expect(rec.indicators).toEqual(O.indicators.map(indicator));
    },
  );

  it(
    'records-kinds.pdf: 部门整体支出绩效目标表 — the form fields: 部门名称 and 年度预算资金(万元)/资金总额',
    SLOW,
    async () => {
      const t = await tableOf('records-kinds.pdf', 3, D.overallPerformanceTable);
      const rec = t.records![0] as { fields: Record<string, string> };
      expect(rec.fields.部门名称).toBe(printed(O.department));
      // An odd-length form row starts with a group label (src/tables/forms.ts): `group/label` = value.
      expect(rec.fields[`${printed(O.fundLabel)}/${O.fundTotalLabel}`]).toBe(O.fundTotal);
      expect(Object.values(rec.fields)).not.toContain(printed(O.goal));
    },
  );
});

describe('overall_performance records of a plain grid with a two-level money header (Sichuan)', () => {
  const G = D.gridPerformance;
  const parts = ['合计', '财政拨款', '专户资金', '单位资金'];
  const amount = (cents: number) => plain(D.money(cents))!;
  const record = async () => {
    const t = await tableOf('records-kinds.pdf', 5, D.gridPerformanceTable);
    expect(t.records).toHaveLength(1);
    return t.records![0] as {
      goal: string | null;
      funds: Record<string, string>;
      tasks: string[];
      fields: Record<string, string>;
      indicators: Indicator[];
    };
  };

  it(
    'records-kinds.pdf p.7: each amount named by as much of its header as tells it apart (基本支出/合计, 项目支出/合计); the unit named on top',
    SLOW,
    async () => {
      const want: Record<string, string> = {
        '预算(单位)名称': printed(G.unitName),
        预算支出总额: D.money(D.gridPerformanceTotal),
      };
      for (const [part, values] of [
        ['基本支出', G.basic],
        ['项目支出', G.project],
      ] as const) {
        values.forEach((cents, i) => {
          if (cents) want[`${part}/${parts[i]}`] = D.money(cents);
        });
      }
      expect((await record()).fields).toEqual(want);
    },
  );

  it(
    'records-kinds.pdf p.7: funds — total, basic and project from their 合计, each source under its printed label',
    SLOW,
    async () => {
      const want: Record<string, string> = {
        total: amount(D.gridPerformanceTotal),
        basic: amount(G.basic[0]!),
        project: amount(G.project[0]!),
      };
      for (const [part, values] of [
        ['基本支出', G.basic],
        ['项目支出', G.project],
      ] as const) {
        values.slice(1).forEach((cents, i) => {
          if (cents) want[`${part}/${parts[i + 1]}`] = amount(cents);
        });
      }
      const { funds } = await record();
      expect(funds).toEqual(want);
    },
  );

  it(
    'records-kinds.pdf p.7: the goal, the tasks as `name: content`, the indicators with operator, unit and weight',
    SLOW,
    async () => {
      const rec = await record();
      expect(rec.goal).toBe(printed(G.goal));
      expect(rec.tasks).toEqual(G.tasks.map(([name, content]) => printed(`${name}: ${content}`)));
      expect(rec.indicators).toEqual(
        G.indicators.map(([level1, level2, name, operator, value, unit, weight]) => ({
          level1,
          level2,
          name,
          operator,
          value,
          unit,
          weight,
        })),
      );
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Procurement

describe('procurement records', () => {
  it('records-kinds.pdf: 政府采购预算表 — category, quantity, amount, set-asides; the 合计 row', SLOW, async () => {
    const t = await tableOf('records-kinds.pdf', 4, D.procurementTable);
    const want = expectedProcurement(D.procurementTable);
    expect(want).toHaveLength(D.procurementItems.length + 1);
    expect(t.records).toEqual(want);
    const first = (t.records as Procurement[])[1]!;
    const [name, category, quantity, amount, sme, small] = D.procurementItems[0]!;
    expect(first).toMatchObject({ name, category, quantity, amount: plain(D.money(amount)) });
    expect(Object.values(first.setAside)).toEqual([plain(D.money(sme)), plain(D.money(small))]);
  });
});

// ---------------------------------------------------------------------------------------------
// The new fixtures as documents and grids

describe('records-kinds.pdf and final-account.pdf read as documents', () => {
  it('records-kinds.pdf: department, year, kind; one table a page after the cover', SLOW, async () => {
    const doc = await read('records-kinds.pdf');
    expect(doc.source.pages).toBe(7);
    expect({ department: doc.document.department, year: doc.document.year, kind: doc.document.kind }).toEqual({
      department: D.recordsDepartment,
      year: D.recordsYear,
      kind: 'budget',
    });
    const specs = FIXTURES.find(([f]) => f === 'records-kinds.pdf')![1];
    expect(doc.tables.map((t) => [t.kind, t.title, t.label, t.unit, t.pages])).toEqual(
      specs.map((s, i) => [s.kind, printed(s.title), s.label, s.unit, [i + 2]]),
    );
  });

  it('final-account.pdf: 示例区审计局, 2024, final_account', SLOW, async () => {
    const doc = await read('final-account.pdf');
    expect(doc.source.pages).toBe(2);
    expect({
      department: doc.document.department,
      year: doc.document.year,
      kind: doc.document.kind,
      scope: doc.document.scope,
    }).toEqual({
      department: D.finalDepartment,
      year: D.finalYear,
      kind: 'final_account',
      scope: 'department',
    });
    const specs = FIXTURES.find(([f]) => f === 'final-account.pdf')![1];
    expect(doc.tables.map((t) => [t.kind, t.title, t.label, t.unit, t.pages])).toEqual(
      specs.map((s, i) => [s.kind, printed(s.title), s.label, s.unit, [i + 1]]),
    );
  });

  // The ruled grids of the new fixtures (the performance form is reshaped into indicator rows, so not compared here).
  const grids: [string, number, FixtureTable][] = [
    ['records-kinds.pdf', 0, D.fiscalEconomicTable],
    ['records-kinds.pdf', 1, D.projectExpenditureTable],
    ['records-kinds.pdf', 2, D.fundThreePublicTable],
    ['records-kinds.pdf', 4, D.procurementTable],
    ['final-account.pdf', 0, D.finalThreePublicTable],
    ['final-account.pdf', 1, D.finalSummaryTable],
  ];
  for (const [file, index, spec] of grids) {
    it(`${file}: ${spec.title} — columns and rows`, SLOW, async () => {
      const t = (await read(file)).tables[index]!;
      expect(t.columns).toEqual(expectedColumns(spec));
      expect(t.rows).toEqual(expectedRows(spec));
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Unit conversion

/** Expected records with every amount moved by 10^by. */
function convertedLineItems(items: LineItem[], by: number): LineItem[] {
  return items.map((r) => ({
    ...r,
    amounts: Object.fromEntries(Object.entries(r.amounts).map(([k, v]) => [k, v == null ? v : shift(v, by)])),
  }));
}

describe('unit conversion (extract(path, { unit }))', () => {
  it('the shift oracle itself', () => {
    expect(shift('931.79', 4)).toBe('9317900');
    expect(shift('9389913.00', -4)).toBe('938.9913');
    expect(shift('0.00', -4)).toBe('0');
    expect(shift('11.70', 4)).toBe('117000');
    expect(shift('1126789.44', -4)).toBe('112.678944');
    expect(shift('5.5', -4)).toBe('0.00055');
  });

  it(
    'wrapped-cells.pdf (万元) with unit yuan: records in 元 exactly, rows as printed, unitConversion set',
    SLOW,
    async () => {
      const doc = await read('wrapped-cells.pdf', { unit: 'yuan' });
      const t = await tableOf('wrapped-cells.pdf', 0, D.wrappedCells, { unit: 'yuan' });
      expect(doc.unitConversion?.to).toBe('元');
      expect(t.unit).toBe('万元');
      expect(t.recordsUnit).toBe('元');
      expect(t.rows).toEqual(expectedRows(D.wrappedCells));
      const fields = Object.values(wrappedMap.amounts);
      expect(amountsView(t.records as LineItem[], fields)).toEqual(
        convertedLineItems(expectedLineItems(D.wrappedCells, wrappedMap), 4),
      );
      // 合计 931.79 万元 → 9317900 元.
      const total = (t.records as LineItem[]).find((r) => r.isTotal)!;
      expect(expectedRows(D.wrappedCells)[0]![4]).toBe('931.79');
      expect(total.amounts.total).toBe('9317900');
      expect(total.amounts.subsidyToSubordinate).toBe('117000');
      for (const r of doc.tables[0]!.records!) RECORD_SCHEMAS.expenditure.parse(r);
    },
  );

  it('fill-rulings.pdf (元) with unit wan: 9,389,913.00 元 → 938.9913 万元, every amount exact', SLOW, async () => {
    const doc = await read('fill-rulings.pdf', { unit: 'wan' });
    const t = await tableOf('fill-rulings.pdf', 0, D.fillRulings, { unit: 'wan' });
    expect(doc.unitConversion?.to).toBe('万元');
    expect(t.unit).toBe('元');
    expect(t.recordsUnit).toBe('万元');
    expect(t.rows).toEqual(expectedRows(D.fillRulings));
    expect(amountsView(t.records as LineItem[], Object.values(fillMap.amounts))).toEqual(
      convertedLineItems(expectedLineItems(D.fillRulings, fillMap), -4),
    );
    const leaf = (t.records as LineItem[]).find((r) => r.code?.code === '2011301')!;
    expect(leaf.amounts.total).toBe('938.9913');
    // 1,126,789.44 元 → 112.678944 万元: no float error.
    expect((t.records as LineItem[]).find((r) => r.code?.code === '2080505')!.amounts.total).toBe('112.678944');
  });

  it(
    'sample-budget.pdf with unit wan: “三公” amounts (0.00 → 0) and summary totals converted exactly',
    SLOW,
    async () => {
      const t = await tableOf('sample-budget.pdf', 3, D.sampleThreePublicTable, { unit: 'wan' });
      const conv = (v: string | null | undefined) => (v == null ? v : shift(v, -4));
      const [want] = expectedThreePublic(D.sampleThreePublicTable, null, [threeAt(null, 0)]);
      expect(t.records).toEqual([
        {
          ...want,
          total: conv(want!.total),
          outbound: conv(want!.outbound),
          reception: conv(want!.reception),
          vehicle: {
            subtotal: conv(want!.vehicle.subtotal),
            purchase: conv(want!.vehicle.purchase),
            operation: conv(want!.vehicle.operation),
          },
        },
      ]);
      const summary = await tableOf('sample-budget.pdf', 0, D.sampleSummaryTable, { unit: 'wan' });
      const want2 = expectedSummary(D.sampleSummaryTable, sampleSummaryMap).map((r) => ({
        ...r,
        amounts: { total: conv(r.amounts.total) },
      }));
      expect(summary.records).toEqual(want2);
    },
  );

  it('no conversion without the option, none when the unit already matches', SLOW, async () => {
    const plainDoc = await read('wrapped-cells.pdf');
    expect(plainDoc.unitConversion).toBeUndefined();
    expect(plainDoc.tables[0]!.recordsUnit).toBe('万元');
    expect((plainDoc.tables[0]!.records as LineItem[])[0]!.amounts.total).toBe('931.79');
    const same = await read('fill-rulings.pdf', { unit: 'yuan' });
    expect(same.tables[0]!.recordsUnit).toBe('元');
    expect(amountsView(unplaced(same.tables[0]!) as LineItem[], Object.values(fillMap.amounts))).toEqual(
      expectedLineItems(D.fillRulings, fillMap),
    );
  });
});
