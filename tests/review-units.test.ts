// A table whose figures are 10,000× the same figures elsewhere (src/review/units.ts), and the cause it gives failed
// cross-table checks (src/checks/causes.ts); on literals, then on the corpus by path (skipped without ../shared).
import { describe, expect, it } from 'vitest';
import { assignCauses } from '../src/checks/causes.js';
import { runChecks } from '../src/checks/index.js';
import { buildRecords } from '../src/records/index.js';
import { unitFindings } from '../src/review/units.js';
import type { CheckResult, Table, TableKind } from '../src/types.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';
import { tableLiteral } from './helpers/table.js';

function lineTable(
  kind: TableKind,
  columns: string[],
  rows: string[][],
  unit: string,
  page: number,
  title = `${kind}表`,
): Table {
  const t = tableLiteral(kind, columns, rows, { unit, rowPages: rows.map(() => page), title });
  return { ...t, records: buildRecords(t).records } as Table;
}

const FN = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
/** The same money in three tables: the 支出总表, the 一般公共预算支出表 and the 财政拨款支出表, each by function code. */
const figures = (scale: (v: string) => string) => [
  ['', '合计', scale('1234.56'), scale('1234.56'), ''],
  ['201', '一般公共服务支出', scale('1234.56'), scale('1234.56'), ''],
  ['2010101', '行政运行', scale('1000.00'), scale('1000.00'), ''],
  ['2010102', '一般行政管理事务', scale('234.56'), scale('234.56'), ''],
];
const same = (v: string) => v;
const inYuan = (v: string) => (Number(v) * 10000).toFixed(2);

describe('units.scale', () => {
  it('a table of 元 figures labelled 万元 beside 万元 tables is named, with the compared cells', () => {
    const tables = [
      lineTable('expenditure', FN, figures(same), '万元', 3),
      lineTable('general_public_expenditure', FN, figures(same), '万元', 4),
      lineTable('fiscal_expenditure_economic', FN, figures(inYuan), '万元', 5),
    ];
    const findings = unitFindings(tables);
    expect(findings.map((f) => [f.id, f.severity, f.table, f.page, f.message.zh])).toEqual([
      [
        'units.scale',
        'error',
        2,
        5,
        'fiscal_expenditure_economic表(p.5)标注单位为“万元”,但其数字是expenditure表(p.3)、general_public_expenditure表(p.4)中相同数字的10000倍:实际单位应为“元”',
      ],
    ]);
    expect(findings[0]!.places.slice(0, 4)).toEqual([
      { page: 5, table: 2, rowIndex: 0, text: '合计 12345600.00' },
      { page: 3, table: 0, rowIndex: 0, text: '合计 1234.56' },
      { page: 5, table: 2, rowIndex: 1, text: '201 一般公共服务支出 12345600.00' },
      { page: 3, table: 0, rowIndex: 1, text: '201 一般公共服务支出 1234.56' },
    ]);
    expect(findings[0]!.places.filter((p) => p.table === 1)).toHaveLength(4);
  });

  it('a table of 万元 figures labelled 元 beside 元 tables: a 10,000th, its unit in fact 万元', () => {
    const tables = [
      lineTable('expenditure', FN, figures(inYuan), '元', 3),
      lineTable('general_public_expenditure', FN, figures(same), '元', 4),
      lineTable('fiscal_expenditure_economic', FN, figures(inYuan), '元', 5),
    ];
    expect(unitFindings(tables).map((f) => [f.table, f.message.en])).toEqual([
      [
        1,
        'general_public_expenditure表 (p.4) is labelled 元, but its figures are a 10,000th of the same figures in expenditure表 (p.3), fiscal_expenditure_economic表 (p.5): its unit is in fact 万元',
      ],
    ]);
  });

  it('a table rightly in 元 beside 万元 tables (Shanghai prints its 三公 table in 万元, the rest in 元): nothing', () => {
    const tables = [
      lineTable('expenditure', FN, figures(same), '万元', 3),
      lineTable('general_public_expenditure', FN, figures(inYuan), '元', 4),
      lineTable('fiscal_expenditure_economic', FN, figures(same), '万元', 5),
    ];
    expect(unitFindings(tables)).toEqual([]);
  });

  it('a 万元 figure to 0.01 stands for ±50 元: within it the figures agree, beyond it they prove nothing', () => {
    const near = (v: string) => (Number(v) * 10000 + 49).toFixed(2);
    const far = (v: string) => (Number(v) * 10000 + 51).toFixed(2);
    const three = (f: (v: string) => string) => [
      lineTable('expenditure', FN, figures(same), '万元', 3),
      lineTable('general_public_expenditure', FN, figures(same), '万元', 4),
      lineTable('fiscal_expenditure_economic', FN, figures(f), '万元', 5),
    ];
    expect(unitFindings(three(near)).map((f) => f.table)).toEqual([2]);
    expect(unitFindings(three(far))).toEqual([]);
  });

  it('two tables alone: the 万元-labelled one holding the larger figures is the one in 元', () => {
    const tables = [
      lineTable('expenditure', FN, figures(inYuan), '万元', 3),
      lineTable('general_public_expenditure', FN, figures(same), '万元', 4),
    ];
    expect(unitFindings(tables).map((f) => f.table)).toEqual([0]);
  });

  it('a failed cross-table check the mislabel explains carries the unit cause', () => {
    const BASIC = ['科目编码', '科目名称', '合计', '人员经费', '公用经费'];
    const general = lineTable('general_public_expenditure', FN, figures(same), '万元', 4);
    const basic = lineTable(
      'basic_expenditure',
      BASIC,
      [
        ['', '合计', '12345600.00', '12345600.00', ''],
        ['301', '工资福利支出', '12345600.00', '12345600.00', ''],
        ['30101', '基本工资', '12345600.00', '12345600.00', ''],
      ],
      '万元',
      6,
      '一般公共预算基本支出表',
    );
    const expenditure = lineTable('expenditure', FN, figures(same), '万元', 3);
    const report = runChecks([expenditure, general, basic]);
    const failed = report.results.filter((r) => !r.passed);
    expect(failed.map((r) => [r.id, r.table, r.cause?.zh])).toEqual([
      [
        'cross.general_budget_basic',
        2,
        '一般公共预算基本支出表(p.6)的单位标注有误:其数字是其他表中相同数字的10000倍(标注“万元”)',
      ],
    ]);
  });
});

describe('the unit cause on results other than cross-table sums', () => {
  const result = (over: Partial<CheckResult>): CheckResult => ({
    id: 'row.total_equals_basic_plus_project',
    message: { zh: '', en: '' },
    table: 2,
    tableKind: 'fiscal_expenditure_economic',
    tableTitle: '',
    page: 5,
    row: null,
    rowIndex: 0,
    column: '合计',
    expected: '1234.56',
    found: '12345600.00',
    difference: '12344365.44',
    tolerance: '0.01',
    passed: false,
    rounding: false,
    ...over,
  });
  const tables = () => [
    lineTable('expenditure', FN, figures(same), '万元', 3),
    lineTable('general_public_expenditure', FN, figures(same), '万元', 4),
    lineTable('fiscal_expenditure_economic', FN, figures(inYuan), '万元', 5),
  ];

  it('a figure the text states, 10,000× off the mislabelled table’s cell, shares the cause; a sum inside that table does not', () => {
    const narrative = result({
      id: 'narrative.expenditure_total',
      sentence: { page: 1, text: '支出预算1234.56万元。' },
    });
    const own = result({ expected: '12345600.00', found: '12345601.00', difference: '1' });
    assignCauses([narrative, own], tables());
    expect(narrative.cause?.en).toBe(
      'fiscal_expenditure_economic表 (p.5) is mislabelled: its figures are 10,000 times the same figures in the other tables (labelled 万元)',
    );
    expect(own.cause).toBeUndefined();
  });
});

const SLOW = { timeout: 300_000 };

describe.skipIf(!hasCorpus)('units on the corpus', () => {
  // Shanghai's 元 tables beside its 万元 “三公” table, Xi'an's 元 documents, Beijing's 6-decimal 万元 tables.
  for (const id of ['sh-01', 'pt-01', 'pt-07', 'xa-03', 'bj-01', 'wx-02', 'fz-01']) {
    it(`${id}: every table's unit agrees with the figures it shares`, SLOW, async () => {
      const doc = await readOnce(corpusPdf(id));
      expect(unitFindings(doc.tables)).toEqual([]);
    });
  }

  // As printed under a wrong label: the records' unit is the printed one.
  it('sh-01: relabelling its 一般公共预算支出表 (元) as 万元 names that table', SLOW, async () => {
    const doc = await readOnce(corpusPdf('sh-01'));
    const i = doc.tables.findIndex((t) => t.kind === 'general_public_expenditure');
    const tables = doc.tables.map((t, j) => (j === i ? ({ ...t, unit: '万元', recordsUnit: '万元' } as Table) : t));
    const [f] = unitFindings(tables);
    expect([f?.table, f?.message.en.includes('its unit is in fact 元')]).toEqual([i, true]);
  });
});
