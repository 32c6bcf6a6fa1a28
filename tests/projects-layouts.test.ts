// Project performance tables in the layouts other than Sichuan's one grid: a list of projects without indicators, a
// form titled after its one project, forms whose indicators are 指标内容, and Beijing's grid whose merged project cells
// a page break cuts — or does not cut, the next project starting at the top of the page; and the document's
// department wherever it is printed (cover line, 部门名称 cell, a title line past the first pages). Table and
// PageLayout literals first, then the corpus documents they come from (skipped without ../shared).
import { describe, expect, it } from 'vitest';
import { projectPerformanceRecords } from '../src/records/performance.js';
import { assembleTables } from '../src/tables/assemble.js';
import { readDocumentInfo } from '../src/tables/document-info.js';
import type { Cell, PageGrid, PageLayout, Table, TableOf, TextLine } from '../src/types.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';

function table(title: string, columns: string[], rows: string[][]): Table {
  return {
    kind: 'project_performance',
    title,
    label: '',
    titles: [title],
    pages: [7],
    unit: '万元',
    empty: false,
    columns,
    rows,
    rowPages: rows.map(() => 7),
    parts: [],
  };
}

describe('project records of other layouts (Table literals)', () => {
  it('a list of projects with no indicator grid (单位名称 | 项目名称 | 金额 | 绩效目标): one project a row', () => {
    const t = table(
      '表11:2026年市级部门项目支出绩效表',
      ['单位名称', '项目名称', '金额', '绩效目标'],
      [
        ['某市某局', '业务建设', '1,097.02', '提升监测预报能力。'],
        ['某市某局', '设施维护及科普', '887.90', '维持系统正常运转。'],
        ['某市某中心', '专业系统维护', '146.69', '预警信息稳定运行。'],
      ],
    );
    const records = projectPerformanceRecords(t);
    expect(records.map((r) => [r.unit, r.name, r.amount, r.indicators.length])).toEqual([
      ['某市某局', '业务建设', '1097.02', 0],
      ['某市某局', '设施维护及科普', '887.90', 0],
      ['某市某中心', '专业系统维护', '146.69', 0],
    ]);
    expect(records.map((r) => r.goal)).toEqual(['提升监测预报能力。', '维持系统正常运转。', '预警信息稳定运行。']);
    expect(records.map((r) => r.row)).toEqual([0, 1, 2]);
  });

  const formColumns = [
    '绩效目标指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '目标值',
    '专项资金情况(万元)/资金总额',
    '专项资金情况(万元)/财政拨款',
    '项目实施期目标',
  ];
  const formRows = [
    ['绩效目标指标', '成本指标', '经济成本指标', '预算控制率', '≤50%', '230.38', '230.38', '2026年'],
    ['绩效目标指标', '产出指标', '时效指标', '项目建设时间', '=1年', '230.38', '230.38', '2026年'],
    ['绩效目标指标', '产出指标', '数量指标', '设计方案达标数', '=1个', '230.38', '230.38', '2026年'],
  ];

  it('a form with no name field, titled after its project: that one project, named by the title', () => {
    const [record, ...more] = projectPerformanceRecords(table('某大厦建设费用项目绩效目标表', formColumns, formRows));
    expect(more).toEqual([]);
    expect(record).toMatchObject({ code: null, name: '某大厦建设费用', amount: '230.38', row: 0 });
    expect(record!.indicators.map((i) => [i.level2, i.name, i.operator, i.value])).toEqual([
      ['经济成本指标', '预算控制率', '≤', '50%'],
      ['时效指标', '项目建设时间', '=', '1年'],
      ['数量指标', '设计方案达标数', '=', '1个'],
    ]);
  });

  it('a title naming only the kind names no project: no name, no records', () => {
    for (const title of ['2026年项目支出绩效目标表', '表12 2026年部门项目绩效目标表', '2022年专项资金总体绩效目标表'])
      expect(projectPerformanceRecords(table(title, formColumns, formRows))).toEqual([]);
  });

  it('forms whose indicators are 指标内容 (Xi’an): one project a form, its indicators counted', () => {
    const columns = [
      '一级指标',
      '二级指标',
      '指标内容',
      '指标值',
      '项目名称',
      '主管部门',
      '资金金额(万元)/实施期资金总额',
      '总体目标',
    ];
    const a = ['城市品牌塑造', '某市科学技术局', '70.00', '力争入选十强'];
    const b = ['社科普及专项经费、供暖锅炉运行专项经费', '某市科学技术局', '12.50', '完成普及活动'];
    const t = table('表14 2022年部门预算专项业务经费绩效目标表', columns, [
      ['产出指标', '数量指标', '十强城市', '力争入选', ...a],
      ['产出指标', '成本指标', '调研推介宣传费用', '70', ...a],
      ['产出指标', '数量指标', '普及活动(场)', '≥20', ...b],
      ['效益指标', '社会效益指标', '公众科学素养', '提升', ...b],
      ['满意度指标', '服务对象满意度指标', '参与者满意度', '≥90%', ...b],
    ]);
    const records = projectPerformanceRecords(t);
    expect(records.map((r) => [r.name, r.amount, r.goal, r.indicators.length])).toEqual([
      ['城市品牌塑造', '70.00', '力争入选十强', 2],
      ['社科普及专项经费、供暖锅炉运行专项经费', '12.50', '完成普及活动', 3],
    ]);
    expect(records[1]!.indicators[0]).toMatchObject({
      level1: '产出指标',
      name: '普及活动(场)',
      operator: '≥',
      value: '20',
    });
  });
});

// ── Beijing's grid over page breaks (PageLayout literals) ────────────────────────────────────────────────────────

const COLS = ['项目名称', '项目总额', '其中:财政资金', '其中:其他资金', '一级指标', '二级指标', '三级指标'];

/** A ruled grid of 7 columns, 20 points a row; `cells` as [row, col, rowSpan, text]. */
function grid(page: number, rows: number, cells: [number, number, number, string][]): PageGrid {
  const xs = [0, 200, 260, 320, 380, 440, 500, 600].map((x) => x + 50);
  const ys = Array.from({ length: rows + 1 }, (_, i) => 100 + 20 * i);
  return {
    page,
    box: { x0: xs[0]!, y0: ys[0]!, x1: xs[xs.length - 1]!, y1: ys[ys.length - 1]! },
    method: 'ruled',
    xs,
    ys,
    cells: cells.map(
      ([row, col, rowSpan, text]): Cell => ({
        row,
        col,
        rowSpan,
        colSpan: 1,
        text,
        box: { x0: xs[col]!, y0: ys[row]!, x1: xs[col + 1]!, y1: ys[row + rowSpan]! },
      }),
    ),
  };
}

/** A project's merged cells (name and three amounts) over `span` rows from `row`, and its indicator rows. */
function project(row: number, span: number, fields: [string, string, string, string], names: string[]) {
  const merged = fields.map((text, col): [number, number, number, string] => [row, col, span, text]);
  const indicators = names.flatMap((name, k): [number, number, number, string][] => [
    [row + k, 4, 1, '产出指标'],
    [row + k, 5, 1, '数量指标'],
    [row + k, 6, 1, name],
  ]);
  return [...merged, ...indicators];
}

const line = (text: string, y0: number, size: number): TextLine => ({
  text,
  x0: 200,
  x1: 500,
  y0,
  y1: y0 + size,
  size,
});
const header = COLS.map((text, col): [number, number, number, string] => [0, col, 1, text]);
const pageOf = (page: number, grids: PageGrid[], lines: TextLine[] = []): PageLayout => ({
  page,
  width: 842,
  height: 595,
  grids,
  lines,
});
const title = [line('预算表12项目支出绩效目标表', 60, 12), line('金额单位:万元', 85, 9)];

describe('Beijing’s project grid over a page break (PageLayout literals)', () => {
  it('a project starting at the top of a page is not the end of the one before (its 财政资金 cell blank)', () => {
    const p1 = grid(1, 5, [
      ...header,
      ...project(1, 2, ['11000024T000000000001-评审经费', '3.000000', '3.000000', ''], ['评审次数', '聘请人数']),
      ...project(3, 2, ['11000024T000000000002-培训经费', '8.000000', '8.000000', ''], ['培训人次', '培训天数']),
    ]);
    const p2 = grid(2, 3, [
      ...project(
        0,
        3,
        ['11000024T000000000003-手续费等支出', '50.117193', '', '50.117193'],
        ['支付笔数', '完成率', '保障率'],
      ),
    ]);
    const [t] = assembleTables([pageOf(1, [p1], title), pageOf(2, [p2])]);
    const records = projectPerformanceRecords(t!);
    expect(records.map((r) => [r.code, r.name, r.amount, r.indicators.length])).toEqual([
      ['11000024T000000000001', '评审经费', '3.000000', 2],
      ['11000024T000000000002', '培训经费', '8.000000', 2],
      ['11000024T000000000003', '手续费等支出', '50.117193', 3],
    ]);
  });

  it('a project cell cut by the break, its amounts printed past it: one project, its code joined', () => {
    const p1 = grid(1, 5, [
      ...header,
      ...project(1, 2, ['11000022T000000000011-监测运维', '569.000000', '569.000000', ''], ['巡检次数', '维修次数']),
      ...project(3, 2, ['11000022T00000000', '', '', ''], ['考试场次', '发证数量']),
    ]);
    const p2 = grid(2, 4, [
      ...project(0, 2, ['0012-操作能力认证服务', '102.000000', '102.000000', ''], ['普查台站数', '完成率']),
      ...project(2, 2, ['11000022T000000000013-频率保障费', '10.000000', '10.000000', ''], ['查处次数', '满意度']),
    ]);
    const [t] = assembleTables([pageOf(1, [p1], title), pageOf(2, [p2])]);
    const records = projectPerformanceRecords(t!);
    expect(records.map((r) => [r.code, r.name, r.amount, r.indicators.length])).toEqual([
      ['11000022T000000000011', '监测运维', '569.000000', 2],
      ['11000022T000000000012', '操作能力认证服务', '102.000000', 4],
      ['11000022T000000000013', '频率保障费', '10.000000', 2],
    ]);
  });

  it('a cut cell drawn again whole on the next page (its code clipped on the first): its text once', () => {
    const p1 = grid(1, 5, [
      ...header,
      ...project(1, 2, ['11000022T000000000031-排水监测', '80.220200', '80.220200', ''], ['监测点数', '完成率']),
      ...project(3, 2, ['11000022T00', '', '', ''], ['资助人数', '发放率']),
    ]);
    const p2 = grid(2, 2, [
      ...project(0, 2, ['11000022T000000000032-国家助学金', '57.204000', '57.204000', ''], ['满意度', '及时率']),
    ]);
    const [t] = assembleTables([pageOf(1, [p1], title), pageOf(2, [p2])]);
    expect(projectPerformanceRecords(t!).map((r) => [r.code, r.name, r.amount, r.indicators.length])).toEqual([
      ['11000022T000000000031', '排水监测', '80.220200', 2],
      ['11000022T000000000032', '国家助学金', '57.204000', 4],
    ]);
  });
});

// ── The document's department, wherever it is printed (PageLayout literals) ───────────────────────────────────

describe('document facts (PageLayout literals)', () => {
  it('a cover naming only the place takes the department from its 预算主管部门 line', () => {
    const cover = pageOf(
      1,
      [],
      [line('上海市某区2023年区级部门预算', 160, 36), line('预算主管部门:上海市某区某街道办事处', 286, 18)],
    );
    expect(readDocumentInfo([cover])).toEqual({
      title: '上海市某区2023年区级部门预算',
      department: '上海市某区某街道办事处',
      year: 2023,
      kind: 'budget',
      scope: 'department',
    });
  });

  it('a document of tables only takes it from a 部门名称 cell; scope department', () => {
    const fieldGrid = (page: number): PageGrid => ({
      ...grid(page, 2, [
        [0, 0, 1, '部门名称'],
        [0, 1, 1, '北京市某某局'],
        [1, 0, 1, '单位名称'],
        [1, 1, 1, '项目名称'],
      ]),
    });
    const pages = [
      pageOf(1, [grid(1, 1, header)], [line('预算01表 收支总表', 100, 12), line('金额单位:万元', 123, 9)]),
      pageOf(2, [fieldGrid(2)], [line('预算13表 部门整体支出绩效目标表', 83, 12), line('(2026年度)', 107, 9)]),
    ];
    expect(readDocumentInfo(pages)).toMatchObject({
      department: '北京市某某局',
      year: 2026,
      kind: 'budget',
      scope: 'department',
    });
    // Its first large text is a table's title, not the document's: no title rather than a wrong one.
    expect(readDocumentInfo(pages).title).toBe('');
  });

  it('a cover that is a table of contents run together gives no title; a short cover line does', () => {
    const toc = pageOf(
      1,
      [],
      [
        line(
          '第一部分 2026年度部门预算情况说明 一、部门情况说明 二、收入预算情况说明 三、支出预算情况说明 四、财政拨款“三公”经费预算情况说明',
          100,
          14,
        ),
        line('预算主管部门:北京市某某办公厅', 300, 10),
      ],
    );
    expect(readDocumentInfo([toc])).toMatchObject({ title: '', department: '北京市某某办公厅', year: 2026 });
    const short = pageOf(1, [], [line('某某局部门预算公开', 100, 20)]);
    expect(readDocumentInfo([short]).title).toBe('某某局部门预算公开');
  });

  it('past the first pages, a title line naming the department before the year; not a sentence', () => {
    const text = (page: number, texts: string[]) =>
      pageOf(
        page,
        [],
        texts.map((t, i) => line(t, 100 + 30 * i, 16)),
      );
    const pages = [
      text(1, ['第一部分2026年度部门预算情况说明', '一、部门情况说明']),
      text(2, ['十二、项目支出绩效目标表']),
      text(3, ['(一)因公出国(境)费用。2026年度部门预算安排0万元']),
      text(8, ['附件:北京市某某办公厅2026年度部门预算报表']),
    ];
    expect(readDocumentInfo(pages)).toMatchObject({ department: '北京市某某办公厅', year: 2026, scope: 'department' });
  });

  it('a document that names no department says so: empty', () => {
    const pages = [pageOf(1, [grid(1, 1, header)], [line('预算01表 收支总表', 100, 12)])];
    expect(readDocumentInfo(pages).department).toBe('');
  });
});

// ── The corpus documents of these layouts ─────────────────────────────────────────────────────────────────────

describe.skipIf(!hasCorpus)('project layouts and document facts over the corpus', () => {
  const distinct = (t: TableOf<'project_performance'> | undefined) =>
    new Set((t?.records ?? []).map((r) => JSON.stringify([r.unit, r.code, r.name, r.amount]))).size;

  it('hz-01: the list of projects without indicators gives its 3 projects', async () => {
    const doc = await readOnce(corpusPdf('hz-01'));
    const t = doc.tables.find((x) => x.kind === 'project_performance');
    expect(t?.records?.map((r) => r.amount)).toEqual(['1097.02', '887.90', '146.69']);
  });

  it('qz-01: the form titled after its project is one project with its indicators', async () => {
    const doc = await readOnce(corpusPdf('qz-01'));
    const t = doc.tables.find((x) => x.kind === 'project_performance');
    expect(t?.records).toHaveLength(1);
    expect(t!.records![0]).toMatchObject({ amount: '230.38' });
    expect(t!.records![0]!.indicators.length).toBeGreaterThan(0);
  });

  it('bj-03: 17 projects, none merged into the one before over a page break; department from 部门名称', async () => {
    const doc = await readOnce(corpusPdf('bj-03'));
    const t = doc.tables.find((x) => x.kind === 'project_performance');
    expect(distinct(t)).toBe(17);
    expect(t!.records!.every((r) => /^\d{8}[A-Z]\d{12}$/u.test(r.code ?? ''))).toBe(true);
    expect(doc.document.department).not.toBe('');
    expect(doc.document.scope).toBe('department');
  });

  it('pt-04: the department from the cover’s 预算主管部门 line', async () => {
    const doc = await readOnce(corpusPdf('pt-04'));
    expect(doc.document.department).toMatch(/办事处$/u);
  });
});
