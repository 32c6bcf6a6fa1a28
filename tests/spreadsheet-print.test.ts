// Tables printed the way a spreadsheet prints them: narrow columns, the header repeated on every page, merged cells
// cut by page breaks drawn whole on each page and clipped (the text layer keeps the clipped lines). Generated
// (fixtures/spreadsheet-print.pdf, from scripts/fixture-data.mjs) and real (the corpus' seed-c, the reference
// document printed as the original was; seed-a, the same tables printed wide).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, Table } from '../src/index.js';
import { assembleTables } from '../src/tables/assemble.js';
import { dropCellOverflow } from '../src/tables/overflow.js';
import type { PageGrid, PageLayout, TextLine } from '../src/types.js';
import * as D from '../scripts/fixture-data.mjs';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLOW = { timeout: 120_000 };
const compact = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');

interface Indicator {
  level1: string;
  level2: string;
  name: string;
  weight: string | null;
}
interface Project {
  code: string | null;
  name: string;
  amount: string | null;
  goal: string;
  indicators: Indicator[];
}

const performance = (doc: ExtractedDocument): Table => {
  const tables = doc.tables.filter((t) => t.kind === 'project_performance');
  expect(tables).toHaveLength(1);
  return tables[0]!;
};
/** No heading of the table is text of one of its cells (a clipped cell's lines are not headings). */
const cellTextInTitles = (t: Table): string[] => {
  const cells = t.rows
    .flat()
    .map(compact)
    .filter((c) => c.length > 0);
  return t.titles.filter((h) => h.length > 1 && cells.some((c) => c.includes(compact(h))));
};

describe('spreadsheet print (generated): merged project cells over two page breaks, header on every page', () => {
  const doc = readOnce(path.join(ROOT, 'fixtures/spreadsheet-print.pdf'));

  it('one table over four pages, its unit and title from the headings only', SLOW, async () => {
    const t = performance(await doc);
    expect(t.pages).toEqual([1, 2, 3, 4]);
    expect(t.unit).toBe(D.spreadsheetPerformanceTable.unit);
    expect(t.title).toBe(D.spreadsheetPerformanceTable.title);
    expect(cellTextInTitles(t)).toEqual([]);
    expect(t.columns).toEqual(D.spreadsheetPerformanceTable.header[0]);
  });

  it('every project once, with its whole name, amount and goal, and all its indicators in order', SLOW, async () => {
    const t = performance(await doc);
    const records = t.records as Project[];
    expect(records.map((r) => `${r.code}-${r.name}`)).toEqual(D.spreadsheetProjects.map((p) => p.name));
    records.forEach((r, i) => {
      const want = D.spreadsheetProjects[i]!;
      expect(r.amount).toBe(D.money(want.amount).replace(/,/gu, ''));
      expect(r.goal).toBe(compact(want.goal));
      expect(r.indicators.map((x) => [x.level1, x.level2, x.name, x.weight])).toEqual(
        want.indicators.map((x) => [x[0], x[1], x[2], x[4]]),
      );
    });
    expect(t.rows).toHaveLength(D.spreadsheetProjects.reduce((a, p) => a + p.indicators.length, 0));
  });

  it('the clipped copies are dropped with a warning naming the page, and every check passes', SLOW, async () => {
    const d = await doc;
    const dropped = d.warnings.filter((w) => /clipped at a page break/u.test(w.message));
    expect(dropped.map((w) => w.page)).toEqual([1, 4]);
    expect(d.checks.summary.failed).toBe(0);
    expect(d.checks.results.filter((r) => r.id === 'performance.weights')).toHaveLength(D.spreadsheetProjects.length);
  });
});

describe('dropCellOverflow on layouts', () => {
  const grid = (page: number, y0: number, y1: number, cells: [number, number, number, string][]): PageGrid => ({
    page,
    box: { x0: 0, y0, x1: 200, y1 },
    method: 'ruled',
    xs: [0, 100, 200],
    ys: [y0, (y0 + y1) / 2, y1],
    cells: cells.map(([row, col, rowSpan, text]) => ({
      row,
      col,
      rowSpan,
      colSpan: 1,
      text,
      box: { x0: col * 100, x1: col * 100 + 100, y0, y1 },
    })),
  });
  const line = (text: string, x0: number, x1: number, y0: number): TextLine => ({
    text,
    x0,
    x1,
    y0,
    y1: y0 + 10,
    size: 10,
  });
  const pages = (below: TextLine[], above: TextLine[]): PageLayout[] => [
    {
      page: 1,
      width: 300,
      height: 400,
      grids: [
        grid(1, 50, 300, [
          [0, 0, 1, '项目名称'],
          [1, 0, 1, '甲项目经费用于开展培训'],
        ]),
      ],
      lines: [line('项目支出绩效表', 0, 200, 20), ...below],
    },
    {
      page: 2,
      width: 300,
      height: 400,
      grids: [
        grid(2, 50, 300, [
          [0, 0, 1, '项目名称'],
          [1, 0, 1, '和宣传工作'],
        ]),
      ],
      lines: above,
    },
  ];

  it('drops a line below the table that the next page shows in its first rows, and one above it shown before', () => {
    const res = dropCellOverflow(pages([line('和宣传', 5, 60, 305)], [line('用于开展培训', 5, 90, 30)]));
    expect(res.pages.map((p) => p.lines.map((l) => l.text))).toEqual([['项目支出绩效表'], []]);
    expect(res.warnings.map((w) => w.page)).toEqual([1, 2]);
  });

  it('keeps text that is in no cell across the break: a note, a title of the next page', () => {
    const res = dropCellOverflow(pages([line('注：本表金额单位为万元', 5, 190, 305)], [line('续表', 5, 40, 30)]));
    expect(res.pages.map((p) => p.lines.length)).toEqual([2, 1]);
    expect(res.warnings).toEqual([]);
  });

  it('keeps everything when the grids on the two pages have different columns (two tables)', () => {
    const [a, b] = pages([line('和宣传', 5, 60, 305)], []);
    const other = { ...b!, grids: [{ ...b!.grids[0]!, xs: [0, 60, 200] }] };
    expect(dropCellOverflow([a!, other]).warnings).toEqual([]);
  });
});

describe('a header repeated over a merged cell the break cut (assembleTables on layouts)', () => {
  type Spec = [row: number, col: number, rowSpan: number, text: string];
  const grid = (page: number, rows: number, cells: Spec[]): PageGrid => {
    const ys = Array.from({ length: rows + 1 }, (_, r) => 100 + 20 * r);
    const xs = [0, 80, 200, 260, 300];
    return {
      page,
      box: { x0: 0, y0: ys[0]!, x1: 300, y1: ys[rows]! },
      method: 'ruled',
      xs,
      ys,
      cells: cells.map(([row, col, rowSpan, text]) => ({
        row,
        col,
        rowSpan,
        colSpan: 1,
        text,
        box: { x0: xs[col]!, x1: xs[col + 1]!, y0: ys[row]!, y1: ys[row + rowSpan]! },
      })),
    };
  };
  const head = (goal: string, name = '项目名称'): Spec[] => [
    [0, 0, 1, name],
    [0, 1, 1, goal],
    [0, 2, 1, '指标'],
    [0, 3, 1, '权重'],
  ];
  const layouts = (goalHeader: string, nameHeader?: string): PageLayout[] => [
    {
      page: 1,
      width: 400,
      height: 600,
      lines: [{ text: '项目支出绩效目标表', x0: 0, x1: 200, y0: 60, y1: 76, size: 16 }],
      grids: [
        grid(1, 3, [
          ...head('年度目标'),
          [1, 0, 2, '乙项目'],
          [1, 1, 2, '第一句话。第二句'],
          [1, 2, 1, '指标一'],
          [1, 3, 1, '50'],
          [2, 2, 1, '指标二'],
          [2, 3, 1, '20'],
        ]),
      ],
    },
    {
      page: 2,
      width: 400,
      height: 600,
      lines: [],
      grids: [
        grid(2, 2, [
          ...head(goalHeader, nameHeader),
          [1, 0, 1, ''],
          [1, 1, 1, '话的后半。'],
          [1, 2, 1, '指标三'],
          [1, 3, 1, '30'],
        ]),
      ],
    },
  ];
  const read = (goalHeader: string, nameHeader?: string): Table => {
    const tables = assembleTables(layouts(goalHeader, nameHeader));
    expect(tables).toHaveLength(1);
    return tables[0]!;
  };

  it('a clean repeated header is dropped and the cut cell joined', () => {
    const t = read('年度目标');
    expect(t.rows).toEqual([
      ['乙项目', '第一句话。第二句话的后半。', '指标一', '50'],
      ['乙项目', '第一句话。第二句话的后半。', '指标二', '20'],
      ['乙项目', '第一句话。第二句话的后半。', '指标三', '30'],
    ]);
  });

  it("header text with the cut cell's lines before, after and between its own lines is still the header", () => {
    for (const [goal, name] of [
      ['第二句年度目标', undefined],
      ['年度目标第二句', undefined],
      ['第二年度句目标', '乙项目名称'],
    ] as const) {
      const t = read(goal, name);
      expect(
        t.rows.map((r) => r[1]),
        goal,
      ).toEqual(Array(3).fill('第一句话。第二句话的后半。'));
      expect(t.rows.map((r) => r[0])).toEqual(Array(3).fill('乙项目'));
    }
  });

  it("text in the header that is not the cut cell's makes the row data, not a header", () => {
    const t = read('年度目标另有文字');
    expect(t.rows.map((r) => r[1])).toContain('年度目标另有文字');
  });
});

describe.skipIf(!hasCorpus)(
  'the reference budget printed narrow with repeated headers (seed-c) and wide (seed-a)',
  () => {
    // Read on first use: a skipped suite (no ../shared) reads nothing.
    const prints = (): Promise<ExtractedDocument[]> =>
      Promise.all([readOnce(corpusPdf('seed-c')), readOnce(corpusPdf('seed-a'))]);

    for (const [k, id] of ['seed-c', 'seed-a'].entries()) {
      it(
        `${id}: 20 projects, 211 indicators, unit 万元, no cell text among the headings, 0 failed checks`,
        SLOW,
        async () => {
          const doc = (await prints())[k]!;
          const t = performance(doc);
          const records = t.records as Project[];
          expect(records).toHaveLength(20);
          expect(records.reduce((a, r) => a + r.indicators.length, 0)).toBe(211);
          expect(new Set(records.map((r) => r.code)).size).toBe(20);
          expect(t.unit).toBe('万元');
          expect(cellTextInTitles(t)).toEqual([]);
          expect(doc.checks.summary.failed).toBe(0);
          for (const other of doc.tables) if (other.unit) expect(other.unit, other.title).toBe('万元');
        },
      );
    }

    it('the narrow print reads as the wide one: every project, goal and indicator the same', SLOW, async () => {
      const [narrow, wide] = await prints();
      const n = performance(narrow!).records as Project[];
      const w = performance(wide!).records as Project[];
      expect(n).toEqual(w);
      // Goals cut at a break would end mid-phrase (`…(乐高党群(`); the wide print has none cut.
      expect(n.map((r) => r.goal.length)).toEqual(w.map((r) => r.goal.length));
    });
  },
);
