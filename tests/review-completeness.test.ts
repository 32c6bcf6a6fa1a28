// Completeness (issue #17): the tables a document's template requires, judged by kind (never by title), each
// present, printed empty (with the document's reason, or without one) or missing. Literals first, then corpus
// documents by path (skipped without ../shared/corpus), each asserted as its PDF prints it.
import { describe, expect, it } from 'vitest';
import { classifyTable } from '../src/kinds/registry.js';
import { templateFor } from '../src/kinds/templates.js';
import { completeness, kindsSaidEmpty } from '../src/review/completeness.js';
import { extractWithPages } from '../src/extract.js';
import { documentSentences } from '../src/review/sentences.js';
import type { DocumentInfo, PageLayout, Sentence, Table, TableKind } from '../src/types.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { tableLiteral } from './helpers/table.js';

const BUDGET: DocumentInfo = { title: '', department: '示例局', year: 2026, kind: 'budget', scope: 'department' };
const FINAL: DocumentInfo = { ...BUDGET, kind: 'final_account', year: 2024 };

/** A table of one kind under a title, printed with one figure (page 7 unless given). */
function printed(kind: TableKind, title: string, page = 7): Table {
  return tableLiteral(kind, ['科目名称', '合计'], [['合计', '10.00']], { title, rowPages: [page] }) as Table;
}

/** A table printed empty: its rows as given (a statement row, or none). */
function emptyTable(kind: TableKind, title: string, rows: string[][] = [], page = 9): Table {
  const t = tableLiteral(kind, ['科目名称', '合计'], rows, { title, rowPages: rows.map(() => page) }) as Table;
  return { ...t, empty: true, pages: [page] };
}

const BUDGET_TABLES = (): Table[] => [
  printed('income_expenditure_summary', '收支总表'),
  printed('income', '收入总表'),
  printed('expenditure', '支出总表'),
  printed('fiscal_summary', '财政拨款收支总表'),
  printed('general_public_expenditure', '一般公共预算支出表'),
  printed('basic_expenditure', '一般公共预算基本支出表'),
  printed('three_public', '一般公共预算“三公”经费支出表'),
  printed('government_fund', '政府性基金预算支出表'),
  printed('state_capital', '国有资本经营预算支出表'),
];

const judge = (info: DocumentInfo, tables: Table[], sentences: Sentence[] = [], layouts: PageLayout[] = []) =>
  completeness(info, tables, sentences, layouts);

describe('templates', () => {
  it('a 决算 requires nine tables, a 2026 budget nine (国有资本经营 uncertain), a 2018 budget eight', () => {
    const final = templateFor(FINAL)!;
    expect(final.id).toBe('final_account.department');
    expect(final.requirements.map((r) => r.name)).toEqual([
      '收入支出决算总表',
      '收入决算表',
      '支出决算表',
      '财政拨款收入支出决算总表',
      '一般公共预算财政拨款支出决算表',
      '一般公共预算财政拨款基本支出决算表',
      '一般公共预算财政拨款“三公”经费支出决算表',
      '政府性基金预算财政拨款收入支出决算表',
      '国有资本经营预算财政拨款支出决算表',
    ]);
    expect(final.requirements.every((r) => r.certain)).toBe(true);
    const budget = templateFor(BUDGET)!;
    expect(budget.requirements.map((r) => [r.kinds[0], r.certain])).toEqual([
      ['income_expenditure_summary', true],
      ['income', true],
      ['expenditure', true],
      ['fiscal_summary', true],
      ['general_public_expenditure', true],
      ['basic_expenditure', true],
      ['three_public', true],
      ['government_fund', true],
      ['state_capital', false],
    ]);
    expect(templateFor({ ...BUDGET, year: 2018 })!.requirements.map((r) => r.kinds[0])).not.toContain('state_capital');
    expect(templateFor({ ...BUDGET, scope: 'unit' })!.name).toBe('单位预算公开表');
    expect(templateFor({ ...BUDGET, kind: null })).toBeNull();
  });

  it('a document of unknown kind is judged against no template', () => {
    expect(judge({ ...BUDGET, kind: null }, BUDGET_TABLES())).toEqual({
      completeness: { template: null, tables: [] },
      findings: [],
    });
  });
});

describe('completeness on literals', () => {
  it('every table printed: all present, no finding', () => {
    const r = judge(BUDGET, BUDGET_TABLES());
    expect(r.completeness.template?.id).toBe('budget.department');
    expect(r.completeness.tables.map((t) => t.status)).toEqual(Array(9).fill('present'));
    expect(r.completeness.tables[3]).toEqual({
      kind: 'fiscal_summary',
      name: '财政拨款收支总表',
      status: 'present',
      tables: [3],
      pages: [7],
      reason: null,
    });
    expect(r.findings).toEqual([]);
  });

  it('a missing table is an error naming it as the template does, quoting the 目录 line that lists it', () => {
    const tables = BUDGET_TABLES().filter((t) => t.kind !== 'government_fund');
    const layouts: PageLayout[] = [
      {
        page: 2,
        width: 595,
        height: 842,
        grids: [],
        lines: [{ text: '八、政府性基金预算支出表', x0: 50, y0: 100, x1: 300, y1: 112, size: 12 }],
      },
    ];
    const r = judge(BUDGET, tables, [], layouts);
    const gf = r.completeness.tables.find((t) => t.kind === 'government_fund')!;
    expect(gf).toEqual({
      kind: 'government_fund',
      name: '政府性基金预算支出表',
      status: 'missing',
      tables: [],
      pages: [],
      reason: null,
    });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect([f.id, f.severity, f.page, f.table]).toEqual(['completeness.missing', 'error', 2, null]);
    expect(f.places).toEqual([{ page: 2, table: null, rowIndex: null, text: '八、政府性基金预算支出表' }]);
    expect(f.message.zh).toContain('未公开《政府性基金预算支出表》');
    expect(f.message.en).toContain('The 政府性基金预算支出表 is not printed');
  });

  it('a missing uncertain requirement is a notice, quoting the text saying there is none', () => {
    const tables = BUDGET_TABLES().filter((t) => t.kind !== 'state_capital');
    const said = { page: 5, text: '本部门无当年国有资本经营预算收支。' };
    const r = judge(BUDGET, tables, [{ page: 4, text: '本部门收支总预算100万元。' }, said]);
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual([['completeness.missing', 'notice']]);
    expect(r.findings[0]!.places).toEqual([{ page: 5, table: null, rowIndex: null, text: said.text }]);
  });

  it('an empty table with its reason in a statement row: a notice quoting the row', () => {
    const tables = BUDGET_TABLES();
    tables[7] = emptyTable('government_fund', '政府性基金预算支出表', [['本表无数据', '']]);
    const r = judge(BUDGET, tables);
    expect(r.completeness.tables[7]).toEqual({
      kind: 'government_fund',
      name: '政府性基金预算支出表',
      status: 'empty',
      tables: [7],
      pages: [9],
      reason: { page: 9, text: '本表无数据' },
    });
    expect(r.findings.map((f) => [f.id, f.severity, f.table, f.page])).toEqual([
      ['completeness.empty', 'notice', 7, 9],
    ]);
    expect(r.findings[0]!.places[1]).toEqual({ page: 9, table: 7, rowIndex: 0, text: '本表无数据' });
  });

  it('an empty table with its reason in a sentence of the 情况说明 naming it by kind', () => {
    const tables = BUDGET_TABLES();
    tables[8] = emptyTable('state_capital', '国有资本经营预算支出表');
    const sentences: Sentence[] = [
      { page: 3, text: '本部门无政府性基金预算收支，故政府性基金预算支出表为空表。' },
      { page: 4, text: '本部门2026年没有使用国有资本经营预算拨款安排的支出。' },
    ];
    const r = judge(BUDGET, tables, sentences);
    expect(r.completeness.tables[8]!.status).toBe('empty');
    // The 政府性基金 sentence is about another table: the 国有资本经营 one is chosen.
    expect(r.completeness.tables[8]!.reason).toEqual(sentences[1]);
    expect(r.findings.map((f) => f.id)).toEqual(['completeness.empty']);
  });

  it('an empty table without a reason: a warning', () => {
    const tables = BUDGET_TABLES();
    tables[6] = emptyTable('three_public', '一般公共预算“三公”经费支出表');
    const r = judge(BUDGET, tables, [{ page: 3, text: '本部门2026年一般公共预算支出100万元。' }]);
    expect(r.completeness.tables[6]).toMatchObject({ status: 'empty', reason: null, pages: [9] });
    expect(r.findings.map((f) => [f.id, f.severity, f.table])).toEqual([
      ['completeness.empty_without_reason', 'warning', 6],
    ]);
    expect(r.findings[0]!.message.zh).toContain('《一般公共预算“三公”经费支出表》以空表公开(第9页)');
  });

  it('a table printed with every figure zero counts as empty', () => {
    const tables = BUDGET_TABLES();
    tables[7] = tableLiteral(
      'government_fund',
      ['科目名称', '合计', '基本支出'],
      [
        ['合计', '0.00', '0.00'],
        ['其他支出', '', '0.00'],
      ],
    ) as Table;
    const r = judge(BUDGET, tables, [{ page: 6, text: '政府性基金拨款支出预算为0。' }]);
    expect(r.completeness.tables[7]).toMatchObject({
      status: 'empty',
      reason: { page: 6, text: '政府性基金拨款支出预算为0。' },
    });
  });

  it('a note under an empty table that names another table’s money: a warning besides the reason', () => {
    const tables = BUDGET_TABLES();
    tables[8] = emptyTable('state_capital', '国有资本经营预算支出表', [
      ['注:本部门无政府性基金预算财政拨款安排的预算,故本表为空表。', ''],
    ]);
    const r = judge(BUDGET, tables);
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual([
      ['completeness.reason_names_other_table', 'warning'],
      ['completeness.empty', 'notice'],
    ]);
  });

  it('regional titles satisfy the 决算 template by kind: every one present', () => {
    const titles: [TableKind, string][] = [
      ['income_expenditure_summary', '收入支出决算总表'],
      ['income', '收入决算表'],
      ['expenditure', '支出决算表'],
      ['fiscal_summary', '财政拨款收入支出决算总表'],
      ['general_public_expenditure', '一般公共预算财政拨款支出决算表'],
      ['basic_expenditure', '一般公共预算财政拨款基本支出决算表'],
      ['three_public', '财政拨款“三公”经费支出决算表'],
      ['government_fund', '政府性基金预算财政拨款收入支出决算表'],
      ['state_capital', '国有资本经营预算财政拨款收入支出决算表'],
    ];
    // The titles as printed classify to the kinds the template asks for.
    expect(titles.map(([, t]) => classifyTable(t))).toEqual(titles.map(([k]) => k));
    const r = judge(
      FINAL,
      titles.map(([k, t]) => printed(k, t)),
    );
    expect(r.completeness.template?.id).toBe('final_account.department');
    expect(r.completeness.tables.map((t) => t.status)).toEqual(Array(9).fill('present'));
    expect(r.findings).toEqual([]);
  });

  it('an empty table whose reason is a row of a list of the tables published empty (是否空表 | 理由)', () => {
    const list = tableLiteral(
      'other',
      ['序号', '内容', '是否空表', '表格为空的理由'],
      [
        ['表7', '政府性基金预算支出表', '否', ''],
        ['表8', '国有资本经营预算支出表', '是', '本部门不涉及故公开空表'],
      ],
      { rowPages: [4, 4] },
    ) as Table;
    const tables = [list, ...BUDGET_TABLES()];
    tables[9] = emptyTable('state_capital', '国有资本经营预算支出表');
    const r = judge(BUDGET, tables);
    expect(r.completeness.tables[8]).toMatchObject({
      status: 'empty',
      tables: [9],
      reason: { page: 4, text: '表8 国有资本经营预算支出表 是 本部门不涉及故公开空表' },
    });
    expect(r.findings[0]!.places[1]).toEqual({
      page: 4,
      table: 0,
      rowIndex: 1,
      text: '表8 国有资本经营预算支出表 是 本部门不涉及故公开空表',
    });
  });

  it('a note printed next to the empty table, nearest its grid: read whole from the sentence it starts', () => {
    const tables = BUDGET_TABLES();
    const fund = emptyTable('government_fund', '政府性基金预算支出表', [['合计', '']]);
    const box = { x0: 50, y0: 100, x1: 500, y1: 200 };
    tables[7] = { ...fund, parts: [{ page: 9, grid: 0, box, rows: [0, 1], gridRows: [1] }] };
    const grid = { page: 9, box, method: 'ruled' as const, ys: [100, 150, 200], xs: [50, 500], cells: [] };
    const other = { ...grid, box: { x0: 50, y0: 500, x1: 500, y1: 600 } };
    const line = (text: string, y: number) => ({ text, x0: 50, y0: y, x1: 400, y1: y + 10, size: 10 });
    const layouts: PageLayout[] = [
      {
        page: 9,
        width: 595,
        height: 842,
        grids: [grid, other],
        // The note wraps; a note under the other grid (closer to it) is not this table's.
        lines: [
          line('注:本表无数据。', 610),
          line('单位:万元', 85),
          line('注:本部门无政府性基金预算安排的支', 210),
          line('出,故此表无数据。', 222),
        ],
      },
    ];
    const sentences = [{ page: 9, text: '单位:万元注:本部门无政府性基金预算安排的支出,故此表无数据。' }];
    const r = judge(BUDGET, tables, sentences, layouts);
    expect(r.completeness.tables[7]!.reason).toEqual({
      page: 9,
      text: '注:本部门无政府性基金预算安排的支出,故此表无数据。',
    });
  });

  it('two tables of one requirement: both listed, the first judged', () => {
    const tables = [...BUDGET_TABLES(), printed('basic_expenditure', '部门预算基本支出预算表', 12)];
    const r = judge(BUDGET, tables);
    expect(r.completeness.tables[5]).toMatchObject({ status: 'present', tables: [5, 9], pages: [7] });
  });

  it('a document printing no table: one warning, not nine errors, quoting where it points to the tables', () => {
    const layouts: PageLayout[] = [
      {
        page: 8,
        width: 595,
        height: 842,
        grids: [],
        lines: [{ text: '附件：示例局2026年度部门预算报表', x0: 50, y0: 700, x1: 400, y1: 712, size: 12 }],
      },
    ];
    const r = judge(BUDGET, [], [], layouts);
    expect(r.completeness.tables.map((t) => t.status)).toEqual(Array(9).fill('missing'));
    expect(r.findings.map((f) => [f.id, f.severity, f.page])).toEqual([['completeness.no_tables', 'warning', 8]]);
    expect(r.findings[0]!.places).toEqual([
      { page: 8, table: null, rowIndex: null, text: '附件：示例局2026年度部门预算报表' },
    ]);
  });

  it('kindsSaidEmpty reads each clause: what it names and says there is none of', () => {
    expect(kindsSaidEmpty('本部门无国有资本经营预算和政府性基金预算收支。')).toEqual([
      'state_capital',
      'government_fund',
    ]);
    expect(kindsSaidEmpty('本单位政府性基金预算支出10.00万元，无国有资本经营预算支出。')).toEqual(['state_capital']);
    expect(kindsSaidEmpty('无锡市统计局2026年政府性基金预算支出合计3,210.1万元。')).toEqual([]);
  });
});

const SLOW = { timeout: 180_000 };

async function corpusCompleteness(id: string) {
  const { doc, pages } = await extractWithPages(corpusPdf(id));
  const layouts = pages.map((p) => p.layout);
  return { doc, ...completeness(doc.document, doc.tables, documentSentences(layouts), layouts) };
}

describe.skipIf(!hasCorpus)('completeness on corpus documents', () => {
  it(
    'pt-05 (决算, Shanghai): all nine tables printed, under its own titles; three empty with their 说明',
    SLOW,
    async () => {
      const { completeness: c, findings } = await corpusCompleteness('pt-05');
      expect(c.template?.id).toBe('final_account.department');
      expect(c.tables.map((t) => [t.name, t.status, t.pages])).toEqual([
        ['收入支出决算总表', 'present', [5]],
        ['收入决算表', 'present', [6, 7]],
        ['支出决算表', 'present', [8, 9]],
        ['财政拨款收入支出决算总表', 'present', [10, 11]],
        ['一般公共预算财政拨款支出决算表', 'present', [12]],
        ['一般公共预算财政拨款基本支出决算表', 'present', [13]],
        ['一般公共预算财政拨款“三公”经费支出决算表', 'empty', [14]],
        ['政府性基金预算财政拨款收入支出决算表', 'empty', [15]],
        ['国有资本经营预算财政拨款支出决算表', 'empty', [16]],
      ]);
      expect(c.tables.slice(6).map((t) => t.reason)).toEqual([
        { page: 14, text: '说明:中共上海市普陀区委社会工作部本年度没有财政拨款“三公”经费支出,故本表无数据。' },
        {
          page: 15,
          text: '说明:中共上海市普陀区委社会工作部本年度没有政府性基金预算财政拨款收入和支出,故本表无数据。',
        },
        {
          page: 16,
          text: '说明:中共上海市普陀区委社会工作部本年度没有国有资本经营预算财政拨款收入和支出,故本表无数据。',
        },
      ]);
      expect(findings.map((f) => [f.id, f.severity])).toEqual(Array(3).fill(['completeness.empty', 'notice']));
    },
  );

  it(
    'pt-07 (决算, a test version): the 支出决算表 its 目录 lists is not printed; three tables empty',
    SLOW,
    async () => {
      const { completeness: c, findings } = await corpusCompleteness('pt-07');
      expect(c.tables.map((t) => [t.kind, t.status])).toEqual([
        ['income_expenditure_summary', 'present'],
        ['income', 'present'],
        ['expenditure', 'missing'],
        ['fiscal_summary', 'present'],
        ['general_public_expenditure', 'present'],
        ['basic_expenditure', 'present'],
        ['three_public', 'empty'],
        ['government_fund', 'empty'],
        ['state_capital', 'empty'],
      ]);
      // No note under the empty “三公” table (p.15): the reason is the 情况说明's.
      expect(c.tables[6]!.reason).toEqual({
        page: 22,
        text: '2024年度“三公”经费支出决算数小于预算数的主要原因:当年度无“三公”经费支出。',
      });
      expect(c.tables[7]!.reason).toEqual({
        page: 16,
        text: '注:上海市普陀区财政局无政府性基金预算财政拨款支出,故本表无数据。',
      });
      const missing = findings.filter((f) => f.id === 'completeness.missing');
      expect(missing.map((f) => [f.severity, f.places.map((p) => [p.page, p.text])])).toEqual([
        ['error', [[2, '三、支出决算表']]],
      ]);
      expect(findings.filter((f) => f.id === 'completeness.empty')).toHaveLength(3);
    },
  );

  it('bj-04 (a 情况说明 without its 报表): one no_tables warning pointing at the 附件', SLOW, async () => {
    const { completeness: c, findings } = await corpusCompleteness('bj-04');
    expect(c.tables.every((t) => t.status === 'missing')).toBe(true);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['completeness.no_tables', 'warning']]);
    expect(findings[0]!.places.map((p) => p.text)).toEqual(['附件:北京市人民政府办公厅2026年度部门预算报表']);
  });

  it('pt-06: the note under the empty 国有资本经营 table speaks of 政府性基金', SLOW, async () => {
    const { findings } = await corpusCompleteness('pt-06');
    expect(findings.map((f) => [f.id, f.page])).toEqual([
      ['completeness.empty', 17],
      ['completeness.reason_names_other_table', 18],
      ['completeness.empty', 18],
    ]);
  });

  it(
    "w10 (决算, Xi'an): the empty 国有资本经营 table is explained in the list of tables published empty",
    SLOW,
    async () => {
      const { completeness: c, findings } = await corpusCompleteness('w10');
      expect(c.template?.id).toBe('final_account.department');
      expect(c.tables.filter((t) => t.status !== 'present').map((t) => [t.kind, t.pages, t.reason])).toEqual([
        [
          'state_capital',
          [160],
          { page: 145, text: '表8 国有资本经营预算财政拨款支出决算表 是 本部门不涉及故公开空表' },
        ],
      ]);
      expect(findings.map((f) => [f.id, f.severity])).toEqual([['completeness.empty', 'notice']]);
    },
  );

  it(
    'cq-01 (Chongqing 2026): no 国有资本经营 table, a notice; the empty 政府性基金 table explained by its 备注',
    SLOW,
    async () => {
      const { completeness: c, findings } = await corpusCompleteness('cq-01');
      expect(c.tables.filter((t) => t.status !== 'present').map((t) => [t.kind, t.status, t.pages, t.reason])).toEqual([
        ['government_fund', 'empty', [19], { page: 19, text: '备注:本单位无政府性基金预算安排的支出,故此表无数据' }],
        ['state_capital', 'missing', [], null],
      ]);
      expect(findings.map((f) => [f.id, f.severity])).toEqual([
        ['completeness.empty', 'notice'],
        ['completeness.missing', 'notice'],
      ]);
    },
  );

  it(
    'bj-03 (Beijing 报表): the 政府性基金 and 国有资本经营 tables print only a blank 合计 and no reason',
    SLOW,
    async () => {
      const { completeness: c, findings } = await corpusCompleteness('bj-03');
      expect(c.tables.filter((t) => t.status !== 'present').map((t) => [t.kind, t.pages, t.reason])).toEqual([
        ['government_fund', [7], null],
        ['state_capital', [8], null],
      ]);
      expect(findings.map((f) => [f.id, f.severity])).toEqual(
        Array(2).fill(['completeness.empty_without_reason', 'warning']),
      );
    },
  );
});
