// “三公”经费 records in every layout: what each column measures (year, basis, fund source, a derived change), and one
// department total per (year, basis, funds), whichever way the table is turned. Literals first, then corpus documents
// by path against their truth files (skipped without ../shared/corpus).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/index.js';
import type { ExtractedDocument } from '../src/index.js';
import { buildRecords } from '../src/records/index.js';
import { columnMeaning } from '../src/records/meaning.js';
import type { ThreePublic } from '../src/records/schemas.js';
import { threePublicRecords } from '../src/records/three-public.js';
import type { Table } from '../src/types.js';
import { amount, CORPUS, corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';

function table(columns: string[], rows: string[][], opts: { title?: string; unit?: string } = {}): Table {
  return {
    kind: 'three_public',
    title: opts.title ?? '财政拨款“三公”经费支出表',
    label: '',
    titles: [],
    pages: [3],
    unit: opts.unit ?? '万元',
    empty: false,
    columns,
    rows,
    rowPages: rows.map(() => 3),
    parts: [],
  };
}

/** The fields an analyst reads of a record, in one line. */
const brief = (r: ThreePublic) => ({
  unit: r.unit,
  year: r.year,
  funds: r.funds,
  measure: r.measure,
  isTotal: r.isTotal,
  total: r.total,
  outbound: r.outbound,
  vehicle: r.vehicle,
  reception: r.reception,
  row: r.row,
});

describe('columnMeaning: what a column measures, from its header path', () => {
  it.each([
    ['2025年预算数', { year: 2025, basis: 'budget', label: '' }],
    ['2026年预算数/因公出国(境)费', { year: 2026, basis: 'budget', label: '因公出国(境)费' }],
    ['2024年决算数', { year: 2024, basis: 'actual', label: '' }],
    ['总计/一般公共预算', { funds: '一般公共预算', label: '总计' }],
    ['公务接待费/政府性基金预算', { funds: '政府性基金', label: '公务接待费' }],
    ['国有资本经营预算', { funds: '国有资本经营', label: '' }],
    ['财政专户管理资金', { funds: '财政专户', label: '' }],
    ['单位资金', { funds: '单位资金', label: '' }],
    ['合计', { funds: 'total', label: '合计' }],
    ['增减变化情况/合计', { measure: 'change', label: '合计' }],
    ['增减额', { measure: 'change', label: '' }],
    ['增减率(%)', { measure: 'changeRate', label: '' }],
    ['占比', { measure: 'share', label: '' }],
    // A header naming the “三公” of one fund keeps its words (the item's parent) and says the fund and basis.
    [
      '当年/一般公共预算拨款安排的“三公”经费预算/小计',
      {
        relative: 'current',
        funds: '一般公共预算',
        basis: 'budget',
        label: '一般公共预算拨款安排的“三公”经费预算/小计',
      },
    ],
    ['上年/公务接待费', { relative: 'previous', label: '公务接待费' }],
  ])('%s', (label, want) => {
    expect(columnMeaning(label)).toEqual(want);
  });

  it('上年 / 本年 resolved against the year the table or document is for', () => {
    expect(columnMeaning('上年/合计', { year: 2026 })).toMatchObject({ year: 2025, relative: 'previous' });
    expect(columnMeaning('本年预算数', { year: 2026 })).toMatchObject({
      year: 2026,
      relative: 'current',
      basis: 'budget',
    });
  });
});

// Years as rows, units as rows (the department first, above its own part and its units), each item split by fund.
const FUNDS = ['一般公共预算', '政府性基金预算', '国有资本经营预算'];
const YEARS_AS_ROWS = table(
  [
    '预算单位',
    '年度',
    ...['总计', '因公出国(境)费', '公务接待费', '公务用车购置及运行维护费/小计'].flatMap((i) =>
      FUNDS.map((f) => `${i}/${f}`),
    ),
    ...['公务用车购置及运行维护费/公务用车购置费', '公务用车购置及运行维护费/公务用车运行维护费'].flatMap((i) =>
      FUNDS.map((f) => `${i}/${f}`),
    ),
  ],
  [
    // total(3) outbound(3) reception(3) vehicle(3) purchase(3) operation(3)
    [
      '某市某局',
      '2025年',
      ...['30.00', '1.00', '0.00'],
      ...['5.00', '0.00', '0.00'],
      ...['5.00', '0.00', '0.00'],
      ...['20.00', '1.00', '0.00'],
      ...['10.00', '0.00', '0.00'],
      ...['10.00', '1.00', '0.00'],
    ],
    [
      '',
      '2026年',
      ...['25.00', '0.00', '0.00'],
      ...['6.00', '0.00', '0.00'],
      ...['4.00', '0.00', '0.00'],
      ...['15.00', '0.00', '0.00'],
      ...['5.00', '0.00', '0.00'],
      ...['10.00', '0.00', '0.00'],
    ],
    [
      '',
      '增减变化金额',
      ...['-5.00', '-1.00', '0.00'],
      ...['1.00', '0.00', '0.00'],
      ...['-1.00', '0.00', '0.00'],
      ...['-5.00', '-1.00', '0.00'],
      ...['-5.00', '0.00', '0.00'],
      ...['0.00', '-1.00', '0.00'],
    ],
    [
      '某市某局(本级)',
      '2025年',
      ...['30.00', '1.00', '0.00'],
      ...['5.00', '0.00', '0.00'],
      ...['5.00', '0.00', '0.00'],
      ...['20.00', '1.00', '0.00'],
      ...['10.00', '0.00', '0.00'],
      ...['10.00', '1.00', '0.00'],
    ],
    [
      '',
      '2026年',
      ...['25.00', '0.00', '0.00'],
      ...['6.00', '0.00', '0.00'],
      ...['4.00', '0.00', '0.00'],
      ...['15.00', '0.00', '0.00'],
      ...['5.00', '0.00', '0.00'],
      ...['10.00', '0.00', '0.00'],
    ],
    [
      '',
      '增减变化金额',
      ...['-5.00', '-1.00', '0.00'],
      ...['1.00', '0.00', '0.00'],
      ...['-1.00', '0.00', '0.00'],
      ...['-5.00', '-1.00', '0.00'],
      ...['-5.00', '0.00', '0.00'],
      ...['0.00', '-1.00', '0.00'],
    ],
  ],
);

describe('years as rows, units as rows, items split by fund source', () => {
  const records = threePublicRecords(YEARS_AS_ROWS);

  it('a record per unit × year × fund source, the whole of the funds their exact sum; the department is the total', () => {
    const dept2026 = records.filter((r) => r.unit === '某市某局' && r.year === 2026);
    expect(dept2026.map(brief)).toEqual([
      {
        unit: '某市某局',
        year: 2026,
        funds: undefined,
        measure: undefined,
        isTotal: true,
        total: '25.00',
        outbound: '6.00',
        vehicle: { subtotal: '15.00', purchase: '5.00', operation: '10.00' },
        reception: '4.00',
        row: 1,
      },
      ...['一般公共预算', '政府性基金', '国有资本经营'].map((funds, k) => ({
        unit: '某市某局',
        year: 2026,
        funds,
        measure: undefined,
        isTotal: true,
        total: ['25.00', '0.00', '0.00'][k],
        outbound: ['6.00', '0.00', '0.00'][k],
        vehicle: {
          subtotal: ['15.00', '0.00', '0.00'][k],
          purchase: ['5.00', '0.00', '0.00'][k],
          operation: ['10.00', '0.00', '0.00'][k],
        },
        reception: ['4.00', '0.00', '0.00'][k],
        row: 1,
      })),
    ]);
    expect(dept2026[0]!.fundsSummed).toBe(true);
    // 2025: 30.00 + 1.00 + 0.00 printed to the cent.
    const whole2025 = records.find((r) => r.unit === '某市某局' && r.year === 2025 && !r.funds)!;
    expect([whole2025.total, whole2025.vehicle.operation]).toEqual(['31.00', '11.00']);
  });

  it('the 增减 row is a change record (no year), never the figure; its own part is not the total', () => {
    const change = records.find((r) => r.unit === '某市某局' && r.measure === 'change' && !r.funds)!;
    expect(brief(change)).toMatchObject({ year: undefined, measure: 'change', total: '-6.00', row: 2 });
    expect(records.filter((r) => r.unit === '某市某局(本级)').every((r) => !r.isTotal)).toBe(true);
    // Exactly one total per (year, funds, measure).
    const keys = records.filter((r) => r.isTotal).map((r) => `${r.year}|${r.funds ?? ''}|${r.measure ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('checks: sums per record, and each change equals 2026 less 2025; a wrong change fails', () => {
    const results = runChecks([YEARS_AS_ROWS]).results;
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results.filter((r) => r.id === 'three_public.change').length).toBeGreaterThan(0);
    const rows = YEARS_AS_ROWS.rows.map((r) => [...r]);
    rows[2]![2] = '-4.00';
    const failed = runChecks([{ ...YEARS_AS_ROWS, rows }]).results.filter((r) => !r.passed);
    // On the 一般公共预算 change and on the whole (their sum): its items, and 2026 less 2025, say -5 and -6.
    expect(failed.map((r) => [r.id, r.column, r.rowIndex, r.expected, r.found])).toEqual([
      ['three_public.total', 'total', 2, '-6', '-5'],
      ['three_public.total', 'total', 2, '-5', '-4'],
      ['three_public.change', 'total', 2, '-6', '-5'],
      ['three_public.change', 'total', 2, '-5', '-4'],
    ]);
  });
});

describe('vertical table: items as rows, a column per fund source', () => {
  const t = table(
    ['项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
    [
      ['行政经费', '100.00', '100.00', '0.00', '0.00'],
      ['“三公”经费', '12.00', '10.00', '2.00', '0.00'],
      ['其中:(一)因公出国(境)支出', '3.00', '3.00', '0.00', '0.00'],
      ['(二)公务用车购置及运行维护支出', '7.00', '5.00', '2.00', '0.00'],
      ['1.公务用车购置费', '2.00', '0.00', '2.00', '0.00'],
      ['2.公务用车运行维护费', '5.00', '5.00', '0.00', '0.00'],
      ['(三)公务接待费支出', '2.00', '2.00', '0.00', '0.00'],
    ],
    { title: '财政拨款安排的行政经费及“三公”经费预算表' },
  );
  it('the 合计 column is the whole (no funds), the others name their fund; basis from the title', () => {
    const records = threePublicRecords(t);
    expect(
      records.map((r) => [r.funds, r.isTotal, r.basis, r.total, r.outbound, r.vehicle.purchase, r.reception, r.row]),
    ).toEqual([
      [undefined, true, 'budget', '12.00', '3.00', '2.00', '2.00', 1],
      ['一般公共预算', true, 'budget', '10.00', '3.00', '0.00', '2.00', 1],
      ['政府性基金', true, 'budget', '2.00', '0.00', '2.00', '0.00', 1],
      ['国有资本经营', true, 'budget', '0.00', '0.00', '0.00', '0.00', 1],
    ]);
    expect(records.filter((r) => !r.funds)).toHaveLength(1);
  });
});

describe('one row, the basis printed over the total only', () => {
  it('one record, the basis the others share', () => {
    const t = table(
      [
        '“三公”经费财政拨款预算总额',
        '因公出国(境)费用',
        '公务接待费',
        '公务用车购置及运行维护费/小计',
        '公务用车购置及运行维护费/公务用车购置费',
        '公务用车购置及运行维护费/公务用车运行维护费',
      ],
      [['9.500000', '4.000000', '1.500000', '4.000000', '', '4.000000']],
    );
    expect(threePublicRecords(t).map(brief)).toEqual([
      {
        unit: null,
        year: undefined,
        funds: undefined,
        measure: undefined,
        isTotal: true,
        total: '9.500000',
        outbound: '4.000000',
        vehicle: { subtotal: '4.000000', purchase: null, operation: '4.000000' },
        reception: '1.500000',
        row: 0,
      },
    ]);
  });
});

describe('上年 / 当年 / 增减 headings, 合计 printed in the code column, “三公” 小计 beside a 合计 with 会议费', () => {
  const part = (head: string) => [
    `${head}/合计`,
    `${head}/一般公共预算拨款安排的“三公”经费预算/小计`,
    `${head}/一般公共预算拨款安排的“三公”经费预算/因公出国(境)费用`,
    `${head}/一般公共预算拨款安排的“三公”经费预算/公务接待费`,
    `${head}/一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/小计`,
    `${head}/一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/公务用车购置费`,
    `${head}/一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/公务用车运行维护费`,
    `${head}/会议费`,
  ];
  const t = table(
    ['单位编码', '单位名称', ...part('上年'), ...part('当年'), ...part('增减变化情况')],
    [
      [
        '合计',
        '',
        ...['50.00', '30.00', '', '10.00', '20.00', '', '20.00', '20.00'],
        ...['45.00', '25.00', '', '5.00', '20.00', '', '20.00', '20.00'],
        ...['-5.00', '-5.00', '', '-5.00', '0.00', '', '0.00', '0.00'],
      ],
      [
        '501',
        '某局',
        ...['50.00', '30.00', '', '10.00', '20.00', '', '20.00', '20.00'],
        ...['45.00', '25.00', '', '5.00', '20.00', '', '20.00', '20.00'],
        ...['-5.00', '-5.00', '', '-5.00', '0.00', '', '0.00', '0.00'],
      ],
    ],
    { unit: '元' },
  );
  it('the 合计 row is the total (not a unit code); 当年 is the document year; the change is kept apart', () => {
    const records = threePublicRecords(t, { year: 2026 });
    expect(records.map((r) => [r.unit, r.unitCode, r.isTotal, r.year, r.measure, r.total, r.reception, r.row])).toEqual(
      [
        [null, null, true, 2025, undefined, '30.00', '10.00', 0],
        [null, null, true, 2026, undefined, '25.00', '5.00', 0],
        [null, null, true, undefined, 'change', '-5.00', '-5.00', 0],
        ['某局', '501', false, 2025, undefined, '30.00', '10.00', 1],
        ['某局', '501', false, 2026, undefined, '25.00', '5.00', 1],
        ['某局', '501', false, undefined, 'change', '-5.00', '-5.00', 1],
      ],
    );
    expect(records.every((r) => r.funds === undefined && r.basis === 'budget')).toBe(true);
    // As extraction does: records attached with the document's year, then checked.
    const checks = runChecks([{ ...t, records } as Table]).results;
    expect(checks.filter((r) => r.id === 'three_public.change').length).toBeGreaterThan(0);
    expect(checks.filter((r) => !r.passed)).toEqual([]);
  });
});

describe('the basis as rows (a final account: 预算数 and 决算数 printed down), the “三公” 小计 beside 会议费 and 培训费', () => {
  const t = table(
    [
      '项目',
      '财政拨款安排的“三公”经费/小计',
      '财政拨款安排的“三公”经费/因公出国(境)费用',
      '财政拨款安排的“三公”经费/公务用车购置及运行维护费/小计',
      '财政拨款安排的“三公”经费/公务用车购置及运行维护费/公务用车购置费',
      '财政拨款安排的“三公”经费/公务用车购置及运行维护费/公务用车运行维护费',
      '财政拨款安排的“三公”经费/公务接待费',
      '会议费',
      '培训费',
    ],
    [
      ['预算数', '593.46', '', '591.60', '136.48', '455.12', '1.86', '86.81', '2,795.78'],
      ['决算数', '587.55', '', '587.44', '136.48', '450.96', '0.11', '86.81', '2,795.78'],
    ],
    { title: '财政拨款“三公”经费及会议费、培训费支出决算表' },
  );

  it('a record per basis row, each the department’s total; the 小计 is the “三公” total, 会议费/培训费 kept apart', () => {
    const records = threePublicRecords(t);
    expect(records.map((r) => [r.basis, r.isTotal, r.unit, r.total, r.vehicle.subtotal, r.reception])).toEqual([
      ['budget', true, null, '593.46', '591.60', '1.86'],
      ['actual', true, null, '587.55', '587.44', '0.11'],
    ]);
    expect(records[1]!.extra).toEqual({ 会议费: '86.81', 培训费: '2795.78' });
    const failed = runChecks([t]).results.filter((r) => !r.passed);
    expect(failed).toEqual([]);
  });
});

describe('units only, no total printed', () => {
  it('no record is the total (none invented)', () => {
    const t = table(
      ['单位名称', '合计', '因公出国(境)费', '公务用车购置及运行费', '公务接待费'],
      [
        ['某局机关', '3.00', '1.00', '1.00', '1.00'],
        ['某局下属中心', '2.00', '0.00', '1.00', '1.00'],
      ],
    );
    expect(threePublicRecords(t).map((r) => [r.unit, r.isTotal, r.total])).toEqual([
      ['某局机关', false, '3.00'],
      ['某局下属中心', false, '2.00'],
    ]);
  });
});

describe('units as columns, items as rows', () => {
  it('a record per unit column, the 合计 column the total', () => {
    const t = table(
      ['项目', '合计', '某局机关', '某监测中心'],
      [
        ['合计', '5.00', '3.00', '2.00'],
        ['因公出国(境)费', '1.00', '1.00', '0.00'],
        ['公务用车购置及运行费', '3.00', '1.00', '2.00'],
        ['公务接待费', '1.00', '1.00', '0.00'],
      ],
      { title: '“三公”经费预算表' },
    );
    expect(
      threePublicRecords(t).map((r) => [r.unit, r.isTotal, r.total, r.outbound, r.vehicle.subtotal, r.reception]),
    ).toEqual([
      [null, true, '5.00', '1.00', '3.00', '1.00'],
      ['某局机关', false, '3.00', '1.00', '1.00', '1.00'],
      ['某监测中心', false, '2.00', '0.00', '2.00', '0.00'],
    ]);
  });
});

describe('a table not understood', () => {
  it('gives a warning naming it and no records of nulls', () => {
    // Figures printed under headings no item is read from.
    const t = table(['单位名称', '出国', '接待', '公务接待费'], [['某局', '1.00', '2.00', '见说明']], {
      title: '某“三公”经费表',
    });
    const built = buildRecords(t);
    expect(built.records).toEqual([]);
    expect(built.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^某“三公”经费表: the “三公” figures could not be read/u),
    ]);
  });
  it('a table printing only dashes keeps its records (nothing spent), without a warning', () => {
    const t = table(['单位名称', '因公出国(境)费', '公务接待费'], [['合计', '-', '-']]);
    const built = buildRecords(t);
    expect((built.records as ThreePublic[]).map((r) => [r.isTotal, r.outbound, r.reception])).toEqual([
      [true, null, null],
    ]);
    expect(built.warnings).toEqual([]);
  });
});

// Corpus documents of each layout family: the record an analyst takes (the document's year, the whole of the funds,
// not a change; the total) is exactly one, and holds the figures of the truth file.
const SLOW = { timeout: 180_000 };
interface Fact {
  kind: string;
  basis?: string;
  [field: string]: unknown;
}
const truthOf = (id: string): Fact[] =>
  (JSON.parse(fs.readFileSync(path.join(CORPUS, 'records', `${id}.json`), 'utf8')) as { facts: Fact[] }).facts;
const GET: Record<string, (r: ThreePublic) => unknown> = {
  total: (r) => r.total,
  outbound: (r) => r.outbound,
  vehicle: (r) => r.vehicle.subtotal,
  vehiclePurchase: (r) => r.vehicle.purchase,
  vehicleOperation: (r) => r.vehicle.operation,
  reception: (r) => r.reception,
};

describe.skipIf(!hasCorpus)('corpus: one “三公” total per question, in each layout family', () => {
  for (const id of ['sz-01', 'gz-01', 'bj-03', 'xa-01', 'xa-03']) {
    it(`${id}: the analyst's record is one, with the truth's figures`, SLOW, async () => {
      const doc: ExtractedDocument = await readOnce(corpusPdf(id));
      const fact = truthOf(id).find((f) => f.kind === 'three_public')!;
      const records = doc.tables
        .filter((t) => t.kind === 'three_public')
        .flatMap((t) => (t.records ?? []) as ThreePublic[])
        .filter(
          (r) =>
            r.isTotal &&
            !r.measure &&
            !r.funds &&
            (r.year === undefined || r.year === doc.document.year) &&
            (r.basis === fact.basis || r.basis === null),
        );
      expect(records).toHaveLength(1);
      for (const [field, get] of Object.entries(GET))
        if (field in fact) expect([field, amount(get(records[0]!))]).toEqual([field, amount(fact[field])]);
      const failed = doc.checks.results.filter((r) => r.tableKind === 'three_public' && !r.passed);
      expect(failed).toEqual([]);
    });
  }
});
