// Names printed two ways (src/review/names.ts): the department's, a code's, a code's standard name; on small
// literals, then on the corpus by path (skipped without ../shared/corpus).
import { describe, expect, it } from 'vitest';
import { STANDARD_NAMES } from '../src/kinds/classification.js';
import { buildRecords } from '../src/records/index.js';
import type { LineItem } from '../src/records/schemas.js';
import { codeName, codeRows, nameFindings, sameNameMisspelt } from '../src/review/names.js';
import { documentSentences } from '../src/review/sentences.js';
import type { DocumentInfo, PageLayout, Sentence, Table, TableKind } from '../src/types.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';
import { tableLiteral } from './helpers/table.js';

const info = (department: string, title = `${department}2026年部门预算`): DocumentInfo => ({
  title,
  department,
  year: 2026,
  kind: 'budget',
  scope: 'department',
});

/** A page of text lines (one per entry, 20 pt apart) and no grids. */
const page = (n: number, lines: string[], size = 12): PageLayout => ({
  page: n,
  width: 595,
  height: 842,
  grids: [],
  lines: lines.map((text, i) => ({
    text,
    size,
    x0: 50,
    x1: 50 + text.length * size,
    y0: 50 + i * 20,
    y1: 62 + i * 20,
  })),
});

/** A table read from one grid on `p`, below its header lines. */
function tableOn(p: number, kind: TableKind = 'other'): Table {
  const t = tableLiteral(kind, ['项目', '金额'], [['合计', '1.00']], { rowPages: [p] });
  t.parts = [{ page: p, grid: 0, box: { x0: 40, y0: 200, x1: 550, y1: 400 }, rows: [0, 1], gridRows: [1] }];
  return t;
}

describe('sameNameMisspelt: one edit inside a name', () => {
  it('a character changed, dropped, added or two swapped inside the name', () => {
    expect(sameNameMisspelt('上海市普陀区司法局', '上海市普沱区司法局')).toBe(true);
    expect(sameNameMisspelt('北京市经济和信息化局', '北京市经济和信化局')).toBe(true);
    expect(sameNameMisspelt('北京市审计局', '北京市计审局')).toBe(true);
    expect(sameNameMisspelt('广州市应急管理局', '广州市应急急管理局')).toBe(true);
  });
  it('not: shorter forms, sub-units, scope marks, abbreviations, other bodies, numbered units', () => {
    expect(sameNameMisspelt('上海市普陀区司法局', '普陀区司法局')).toBe(false);
    expect(sameNameMisspelt('上海市应急管理局', '上海市应急管理局执法总队')).toBe(false);
    expect(sameNameMisspelt('深圳市统计局（本级）', '深圳市统计局')).toBe(false);
    expect(sameNameMisspelt('中共上海市普陀区委社会工作部', '中共上海市普陀区委员会社会工作部')).toBe(false);
    expect(sameNameMisspelt('西安市科学技术局', '西安市科技局')).toBe(false);
    expect(sameNameMisspelt('广州市气象局', '广州市气象台')).toBe(false);
    expect(sameNameMisspelt('北京市第一中学', '北京市第二中学')).toBe(false);
    expect(sameNameMisspelt('北京市东城区教委', '北京市西城区教委')).toBe(false);
  });
});

describe('names.department', () => {
  it('a header line spelling the department two ways is flagged, every place listed (cover, tables, text)', () => {
    const layouts = [
      page(1, ['上海市普陀区司法局2026年部门预算'], 24),
      page(2, ['上海市普陀区司法局主要职能是负责全区司法行政工作。', '上海市普沱区司法局部门预算包括本级预算。']),
      page(3, ['收支总表', '编制单位：上海市普陀区司法局', '单位：元']),
      page(4, ['收入总表', '编制单位：上海市普沱区司法局', '单位：元']),
      page(5, ['支出总表', '编制单位：上海市普陀区司法局', '单位：元']),
    ];
    const tables = [tableOn(3), tableOn(4), tableOn(5)];
    const findings = nameFindings(info('上海市普陀区司法局'), tables, documentSentences(layouts), layouts);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.id, f.severity, f.message.zh]).toEqual([
      'names.department',
      'warning',
      '部门名称有2种写法:“上海市普陀区司法局”(4处)、“上海市普沱区司法局”(2处)',
    ]);
    expect(f.places.map((p) => [p.page, p.table, p.text])).toEqual([
      [1, null, '上海市普陀区司法局2026年部门预算'],
      [3, 0, '编制单位：上海市普陀区司法局'],
      [5, 2, '编制单位：上海市普陀区司法局'],
      [4, 1, '编制单位：上海市普沱区司法局'],
      [2, null, '上海市普沱区司法局部门预算包括本级预算。'],
      [2, null, '上海市普陀区司法局主要职能是负责全区司法行政工作。'],
    ]);
    expect([f.page, f.table]).toEqual([1, 0]);
  });

  it('a department printing its units’ tables (本级, 机关, numbered schools) and short forms in the text: nothing', () => {
    const layouts = [
      page(1, ['北京市教育委员会2026年部门预算'], 24),
      page(2, ['北京市教育委员会机关负责…。', '市教育委员会所属北京市第一中学、北京市第二中学。', '北京市教委统筹。']),
      page(3, ['部门名称：北京市教育委员会']),
      page(4, ['单位名称：北京市教育委员会（本级）']),
      page(5, ['单位名称：北京市第一中学']),
      page(6, ['单位名称：北京市第二中学']),
    ];
    const tables = [tableOn(3), tableOn(4), tableOn(5), tableOn(6)];
    expect(nameFindings(info('北京市教育委员会'), tables, documentSentences(layouts), layouts)).toEqual([]);
  });

  it('a name in a grid field (部门名称 | …) is a place, with its table and row', () => {
    const layouts = [page(1, ['北京市审计局2026年度部门预算'], 24), page(7, ['部门整体支出绩效目标表'])];
    layouts[1]!.grids = [
      {
        page: 7,
        box: { x0: 40, y0: 200, x1: 550, y1: 400 },
        method: 'ruled',
        ys: [200, 220, 240],
        xs: [40, 200, 550],
        cells: [
          { row: 0, col: 0, rowSpan: 1, colSpan: 1, text: '部门名称', box: { x0: 40, y0: 200, x1: 200, y1: 220 } },
          { row: 0, col: 1, rowSpan: 1, colSpan: 1, text: '北京市审记局', box: { x0: 200, y0: 200, x1: 550, y1: 220 } },
        ],
      },
    ];
    const t = tableOn(7);
    t.parts = [{ page: 7, grid: 0, box: { x0: 40, y0: 200, x1: 550, y1: 400 }, rows: [0, 2], gridRows: [0, 1] }];
    const [f] = nameFindings(info('北京市审计局'), [t], [], layouts);
    expect(f?.places.map((p) => [p.page, p.table, p.rowIndex, p.text])).toEqual([
      [1, null, null, '北京市审计局2026年部门预算'],
      [7, 0, 0, '部门名称 北京市审记局'],
    ]);
  });
});

/** A line-item table of `kind` with its records built as extraction builds them. */
function lineTable(kind: TableKind, rows: string[][], unit = '万元', page = 7): Table {
  const t = tableLiteral(kind, ['科目编码', '科目名称', '合计'], rows, { unit, rowPages: rows.map(() => page) });
  return { ...t, records: buildRecords(t).records } as Table;
}

describe('names.code', () => {
  it('a code named two ways across tables; spaces, brackets, (项), 其中:, code-dash prefixes and clipped names are one name', () => {
    const a = lineTable(
      'expenditure',
      [
        ['201', '一般公共服务支出', '30.00'],
        ['20101', '人大事务（款）', '30.00'],
        ['2010101', '行政运行', '10.00'],
        ['2010102', '一般行政管理事务', '20.00'],
      ],
      '万元',
      8,
    );
    const b = lineTable(
      'general_public_expenditure',
      [
        ['201', '一般公共服务 支出', '30.00'],
        ['20101', '人大事务(款)', '30.00'],
        ['2010101', '行政运营', '10.00'],
        ['2010102', '一般行政管理', '20.00'],
      ],
      '万元',
      9,
    );
    const findings = nameFindings(info('示例局'), [a, b], [], []).filter((f) => f.id === 'names.code');
    expect(findings.map((f) => [f.message.zh, f.places.map((p) => [p.table, p.rowIndex, p.page, p.text])])).toEqual([
      [
        '功能分类科目 2010101 有2个名称:“行政运行”、“行政运营”',
        [
          [0, 2, 8, '2010101 行政运行'],
          [1, 2, 9, '2010101 行政运营'],
        ],
      ],
    ]);
    expect(codeName('其中：2050803-培训支出（项）')).toBe('培训支出');
  });

  it('the digits decide the classification (2xx 功能, 3xx 部门经济, 5xx 政府经济): one code, one system', () => {
    const fn = lineTable('expenditure', [['201', '一般公共服务支出', '5.00']]);
    const econ = lineTable('basic_expenditure', [
      ['301', '工资福利支出', '5.00'],
      ['30101', '基本工资', '5.00'],
    ]);
    const systems = [fn, econ].map((t) => (t.records as LineItem[]).map((r) => r.code?.system));
    expect(systems).toEqual([['function'], ['economic', 'economic']]);
  });

  it('left out: project names in a 项目支出表, units listed by 部门代码, economic codes in a 收入表', () => {
    const fn = lineTable('general_public_expenditure', [['2010101', '行政运行', '5.00']]);
    const projects = tableLiteral(
      'project_expenditure',
      ['功能科目编码', '项目名称', '合计'],
      [['2010101', '党建经费', '5.00']],
    );
    const byUnit = tableLiteral(
      'income',
      ['部门代码', '部门名称', '合计'],
      [
        ['302', '无锡市发展和改革委员会', '9.00'],
        ['302001', '无锡市发展和改革委员会(本级)', '9.00'],
      ],
    );
    const econ = lineTable('basic_expenditure', [
      ['302', '商品和服务支出', '9.00'],
      ['30201', '办公费', '9.00'],
    ]);
    const tables = [fn, projects, byUnit, econ].map((t) =>
      t.records ? t : ({ ...t, records: buildRecords(t).records } as Table),
    );
    expect(codeRows(tables).map((r) => [r.table, r.code, r.name])).toEqual([
      [0, '2010101', '行政运行'],
      [3, '302', '商品和服务支出'],
      [3, '30201', '办公费'],
    ]);
    expect(nameFindings(info('示例局'), tables, [], [])).toEqual([]);
  });
});

describe('names.code_standard', () => {
  it('the generated list holds codes the corpus names one way', () => {
    expect(STANDARD_NAMES.economic['30101']).toBe('基本工资');
    expect(STANDARD_NAMES.function['2080505']).toBe('机关事业单位基本养老保险缴费支出');
    // Named two ways in the corpus (行政事业单位离退休 in Jiangsu's 2017–2019 documents): left out.
    expect(STANDARD_NAMES.function['20805']).toBeUndefined();
  });

  it('a code printed under another name than its standard one is a notice naming the row', () => {
    const t = lineTable('basic_expenditure', [
      ['301', '工资福利支出', '5.00'],
      ['30101', '基本工资', '3.00'],
      ['30102', '津贴', '2.00'],
    ]);
    expect(STANDARD_NAMES.economic['30102']).toBe('津贴补贴');
    const found = nameFindings(info('示例局'), [t], [], []);
    expect(found.map((f) => [f.id, f.severity, f.message.zh, f.places])).toEqual([
      [
        'names.code_standard',
        'notice',
        '经济分类科目 30102 印为“津贴”,其他文件均称“津贴补贴”',
        [{ page: 7, table: 0, rowIndex: 2, text: '30102 津贴' }],
      ],
    ]);
  });
});

const SLOW = { timeout: 300_000 };
const CORPUS = [
  'seed-a',
  'pt-01',
  'pt-05',
  'bj-01',
  'bj-07',
  'cq-02',
  'gz-04',
  'hz-01',
  'sz-01',
  'sz-04',
  'wx-01',
  'wx-02',
  'xa-01',
  'xa-03',
  'w09',
];

// Each looked at in the PDF: one spelling throughout. What a looser rule (an edit at the name's last character)
// flagged here, and why it is right not to: the name's stem running on into other bodies and words in the text —
// bj-07 北京市文化和旅游市场, cq-02 重庆市气象学会, gz-04 广州市气象台 / 气象综合保障中心 / 气象数据中心, hz-01
// 杭州市气象服务中心, sz-01 深圳市生态环境监测站 / 智能管控中心, sz-04 深圳市交通运输行业 / 专项资金, wx-01
// 无锡市统计普查中心, xa-01 《西安市统计管理条例》, xa-03 《西安市科学技术活动…》, w09 烟台市司法行政辅助中心; and
// never flagged: (本级)/(汇总) marks (sz-04, xa-01), 西安市科技局 beside 西安市科学技术局 (xa-03, an abbreviation), a
// header line cut by a wrap (seed-a), names clipped at a cell's edge (xa-03 其他社会保障和就业支), units listed by
// 部门代码 302 (wx-02), project names under their 功能科目 (seed-a).
describe.skipIf(!hasCorpus)('names on the corpus', () => {
  for (const id of CORPUS)
    it(`${id}: no name spelled two ways, no code named two ways or against its standard name`, SLOW, async () => {
      const { openPdf } = await import('../src/pdf/open.js');
      const { readPage } = await import('../src/pdf/page.js');
      const { layoutPage } = await import('../src/layout/page.js');
      const fs = await import('node:fs');
      const doc = await readOnce(corpusPdf(id));
      const pdf = await openPdf(new Uint8Array(fs.readFileSync(corpusPdf(id))));
      const layouts: PageLayout[] = [];
      for (let n = 1; n <= pdf.numPages; n++) layouts.push(layoutPage(await readPage(pdf, n)));
      const sentences: Sentence[] = documentSentences(layouts);
      expect(nameFindings(doc.document, doc.tables, sentences, layouts)).toEqual([]);
    });

  it(
    'pt-01 with one 编制单位 line misspelt (司发局): that line is named, with its table, beside the others',
    SLOW,
    async () => {
      const { openPdf } = await import('../src/pdf/open.js');
      const { readPage } = await import('../src/pdf/page.js');
      const { layoutPage } = await import('../src/layout/page.js');
      const fs = await import('node:fs');
      const doc = await readOnce(corpusPdf('pt-01'));
      const pdf = await openPdf(new Uint8Array(fs.readFileSync(corpusPdf('pt-01'))));
      const layouts: PageLayout[] = [];
      for (let n = 1; n <= pdf.numPages; n++) layouts.push(layoutPage(await readPage(pdf, n)));
      const lines = layouts.flatMap((p) =>
        p.lines.filter((l) => /^编制单位/u.test(l.text.replace(/\s/gu, ''))).map((l) => ({ p, l })),
      );
      const { p, l } = lines[2]!;
      l.text = l.text.replace('司法局', '司发局');
      const [f, ...rest] = nameFindings(doc.document, doc.tables, documentSentences(layouts), layouts);
      expect(rest).toEqual([]);
      const wrong = f!.places.filter((x) => x.text.includes('司发局'));
      const table = doc.tables.findIndex((t) => t.pages.includes(p.page));
      expect([f!.id, wrong.map((x) => [x.page, x.table])]).toEqual(['names.department', [[p.page, table]]]);
      expect(f!.places.filter((x) => x.text.startsWith('编制单位')).length).toBe(lines.length);
    },
  );
});
