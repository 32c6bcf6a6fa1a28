// Layout defects found on real documents, each on a PDF the project generates (fixtures/layout-*.pdf, drawn by
// scripts/make-fixtures.mjs) and on the corpus document where it was seen. Values are asserted as printed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { extract } from '../src/index.js';
import type { PageGrid, PageLayout } from '../src/types.js';
import { findCellBoxes, groupCells } from '../src/layout/cells.js';
import { pageEdges } from '../src/layout/edges.js';
import { buildGrid, fillGrids } from '../src/layout/grid.js';
import { layoutPage } from '../src/layout/page.js';
import { openPdf } from '../src/pdf/open.js';
import { readPage } from '../src/pdf/page.js';
import type { Ruling, TextItem } from '../src/types.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string): string => path.join(ROOT, 'fixtures', name);
const SLOW = { timeout: 120_000 };

async function layoutOf(file: string, page: number): Promise<PageLayout> {
  const doc = await openPdf(new Uint8Array(fs.readFileSync(file)));
  try {
    return layoutPage(await readPage(doc, page));
  } finally {
    await doc.destroy();
  }
}

/** A grid's rows as arrays of cell text, a merged cell's text at its first column. */
function rowsOf(grid: PageGrid): string[][] {
  const cols = grid.xs.length - 1;
  const rows: string[][] = Array.from({ length: grid.ys.length - 1 }, () => new Array<string>(cols).fill(''));
  for (const c of grid.cells) rows[c.row]![c.col] = c.text;
  return rows;
}

const gridWith = (layout: PageLayout, text: string): PageGrid | undefined =>
  layout.grids.find((g) => g.cells.some((c) => c.text === text));
const allCellTexts = (layout: PageLayout): string[] => layout.grids.flatMap((g) => g.cells.map((c) => c.text));
/** Two or more amounts run together in one cell: `378.47303.12`. */
const RUN_TOGETHER = /\.\d{2}\d[\d,]*\.\d{2}/u;

const read = readOnce;

const item = (text: string, x0: number, y0: number, x1: number, size = 9): TextItem => ({
  text,
  x0,
  y0,
  x1,
  y1: y0 + size,
  size,
});
const h = (y: number, x0: number, x1: number): Ruling => ({ x0, x1, y0: y, y1: y, source: 'stroke' });
const v = (x: number, y0: number, y1: number): Ruling => ({ x0: x, x1: x, y0, y1, source: 'stroke' });

describe('a box thinner than a boundary is no cell', () => {
  it('two edges closer than the boundary tolerance give no cell past the grid, and text still fills it', () => {
    // A table closed by two nearly coincident lines: the sliver between them must not become a row.
    const rulings = [
      h(0, 0, 200),
      h(20, 0, 200),
      h(40, 0, 200),
      h(41.5, 0, 200),
      v(0, 0, 41.5),
      v(100, 0, 41.5),
      v(200, 0, 41.5),
    ];
    const { horizontal, vertical } = pageEdges(rulings);
    const grid = buildGrid(1, groupCells(findCellBoxes(horizontal, vertical))[0]!);
    const rows = grid.ys.length - 1,
      cols = grid.xs.length - 1;
    for (const c of grid.cells) {
      expect(c.row + c.rowSpan).toBeLessThanOrEqual(rows);
      expect(c.col + c.colSpan).toBeLessThanOrEqual(cols);
    }
    expect(() => fillGrids([grid], [item('合计', 5, 25, 30), item('12.00', 150, 25, 175)])).not.toThrow();
    expect(rowsOf(grid)[1]).toEqual(['合计', '12.00']);
  });

  it('layout-clipped-rows.pdf: a closing rule drawn as close hairlines reads without error', SLOW, async () => {
    const layout = await layoutOf(fixture('layout-clipped-rows.pdf'), 2);
    expect(layout.grids).toHaveLength(1);
    expect(rowsOf(layout.grids[0]!)).toHaveLength(3);
  });
});

describe('extract: a page whose layout throws', () => {
  type Errors = typeof import('../src/errors.js');
  /** A fresh `extract` whose layout of page `bad` throws what `error` makes (with the fresh modules' classes). */
  async function extractFailingOn(
    bad: number,
    error: (m: Errors) => Error,
  ): Promise<{ ex: typeof extract; errors: Errors }> {
    vi.resetModules();
    const errors = await import('../src/errors.js');
    vi.doMock('../src/layout/page.js', async (importOriginal) => {
      const real = await importOriginal<typeof import('../src/layout/page.js')>();
      return {
        ...real,
        layoutPage: (c: Parameters<typeof real.layoutPage>[0]) => {
          if (c.number === bad) throw error(errors);
          return real.layoutPage(c);
        },
      };
    });
    return { ex: (await import('../src/extract.js')).extract, errors };
  }

  it('is skipped with a warning, and the other pages are read', SLOW, async () => {
    try {
      const { ex } = await extractFailingOn(2, () => new TypeError('cannot read this drawing'));
      const doc = await ex(fixture('sample-budget.pdf'));
      expect(doc.warnings).toContainEqual({ page: 2, message: expect.stringContaining('cannot read this drawing') });
      const whole = await extract(fixture('sample-budget.pdf'));
      expect(doc.tables.map((t) => t.title)).toEqual(
        whole.tables.filter((t) => !t.pages.includes(2)).map((t) => t.title),
      );
      expect(doc.tables.length).toBe(whole.tables.length - 1);
    } finally {
      vi.doUnmock('../src/layout/page.js');
      vi.resetModules();
    }
  });

  it('an InputError still ends the document', SLOW, async () => {
    try {
      const { ex, errors } = await extractFailingOn(3, (m) => new m.InputError('too_large', 'test'));
      await expect(ex(fixture('sample-budget.pdf'))).rejects.toBeInstanceOf(errors.InputError);
    } finally {
      vi.doUnmock('../src/layout/page.js');
      vi.resetModules();
    }
  });
});

describe.skipIf(!hasCorpus)('corpus: one decorative page never costs a document', () => {
  it('w01 (a pie chart on p.18) is read, with its tables', SLOW, async () => {
    const doc = await read(corpusPdf('w01'));
    expect(doc.tables.length).toBeGreaterThanOrEqual(12);
    expect(doc.tables.some((t) => t.title.includes('收支预算总表'))).toBe(true);
    // The pie chart's frame makes no table.
    expect(doc.tables.some((t) => t.pages.includes(18))).toBe(false);
    expect(doc.warnings.filter((w) => /layout failed/u.test(w.message))).toEqual([]);
  });

  it(
    'w02 (an organisation chart on p.5, closed by a double rule) is read, the chart as a grid of its names',
    SLOW,
    async () => {
      const layout = await layoutOf(corpusPdf('w02'), 5);
      const grid = gridWith(layout, '办公室');
      expect(grid).toBeDefined();
      expect(rowsOf(grid!)[0]).toEqual(['办公室', '组织人事处']);
      const doc = await read(corpusPdf('w02'));
      expect(doc.tables.find((t) => t.pages.includes(5))?.rows.some((r) => r.includes('国民经济综合处'))).toBe(true);
      expect(doc.warnings.filter((w) => /layout failed/u.test(w.message))).toEqual([]);
    },
  );
});

describe('narrow columns printed glyph by glyph: each piece goes to the cell it was printed in', () => {
  it('layout-narrow-amounts.pdf: a glyph pair run across a rule is split at the rule', SLOW, async () => {
    const layout = await layoutOf(fixture('layout-narrow-amounts.pdf'), 1);
    const rows = rowsOf(layout.grids[0]!);
    expect(rows[1]).toEqual(['合计', '', '244,895.02', '192,446.79', '18,308.57', '34,139.66']);
    expect(rows[5]).toEqual(['215', '资源勘探工业信息等支出', '179,949.62', '160,078.22', '6,832.38', '13,039.02']);
    expect(rows[4]).toEqual(['2050302', '中等职业教育', '19.12', '19.12', '', '']);
  });

  it('wrapped-cells.pdf: numbers and codes wrapped inside a cell still join (931.7 / 9, 21 / 3)', SLOW, async () => {
    const layout = await layoutOf(fixture('wrapped-cells.pdf'), 1);
    const texts = allCellTexts(layout);
    expect(texts).toContain('931.79');
    expect(texts).toContain('11.70');
    expect(texts).toContain('213');
  });
});

describe.skipIf(!hasCorpus)('corpus w03: amounts of narrow columns printed glyph by glyph', () => {
  it('p.8: the 合计 row of 部门收入总体情况表 cell by cell', SLOW, async () => {
    const rows = rowsOf(gridWith(await layoutOf(corpusPdf('w03'), 8), '合计')!);
    expect(rows.find((r) => r[0] === '合计')).toEqual([
      '合计',
      '',
      '244,895.02',
      '192,446.79',
      '',
      '',
      '13,486.02',
      '18,308.57',
      '',
      '',
      '10,248.98',
      '10,404.66',
    ]);
  });

  it('p.10: 资源勘探工业信息等支出', SLOW, async () => {
    const rows = rowsOf((await layoutOf(corpusPdf('w03'), 10)).grids[0]!);
    expect(rows.find((r) => r[0] === '215')?.slice(0, 4)).toEqual([
      '215',
      '资源勘探工业信息等支出',
      '110,344.65',
      '101,963.54',
    ]);
  });

  it('the whole document: the 收入 table adds up (total = Σ 类 on every column)', SLOW, async () => {
    const doc = await read(corpusPdf('w03'));
    const failed = doc.checks.results.filter((r) => !r.passed && r.tableTitle === '2026年部门收入总体情况表');
    expect(failed).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)('corpus: amounts and codes wrapped inside narrow cells still join', () => {
  it('sz-04 p.34: amounts whose last decimal wraps (376,936.6 / 0, 175,400.5 / 9)', SLOW, async () => {
    const texts = allCellTexts(await layoutOf(corpusPdf('sz-04'), 34));
    expect(texts).toEqual(expect.arrayContaining(['376,936.60', '175,400.59']));
  });

  it('seed-c p.10: a code and a unit code wrapped (21 / 3, 10300 / 1) and an amount (11.7 / 0)', SLOW, async () => {
    const rows = rowsOf((await layoutOf(corpusPdf('seed-c'), 10)).grids[0]!);
    expect(rows[2]).toEqual(['213', '08', '04', '103001', '创业担保贷款贴息及奖补', '11.70', '', '11.70', '', '']);
  });
});

describe('rows too low for their wrapped text, and a total in a merged span', () => {
  it(
    'layout-clipped-rows.pdf: clipped second lines stay with their cell, also under the table; the total lies under 合计',
    SLOW,
    async () => {
      const first = await layoutOf(fixture('layout-clipped-rows.pdf'), 1);
      const rows = rowsOf(first.grids[0]!);
      expect(rows[1]).toEqual([
        '2130313-水文测报',
        '50601-资本性支出',
        '31007-信息网络及软件购置更新',
        '1,722.364000',
        '',
        '1,722.364000',
      ]);
      expect(rows[2]).toEqual([
        '2130313-水文测报',
        '50999-其他对个人和家庭的补助',
        '30399-其他对个人和家庭的补助',
        '33.150000',
        '33.150000',
        '',
      ]);
      expect(rows[3]).toEqual(['2130314-防汛', '50201-办公经费', '30202-印刷费', '0.760000', '', '0.760000']);
      expect(rows[4]![0]).toBe('2130306-水利工程运行与维护');
      expect(first.lines.map((l) => l.text)).toEqual(['2026年支出总表', '单位:万元']);
      const second = rowsOf((await layoutOf(fixture('layout-clipped-rows.pdf'), 2)).grids[0]!);
      expect(second[1]![1]).toBe('50502-商品和服务支出');
      expect(second[2]).toEqual(['合计', '', '', '11,104.633733', '58.340000', '11,046.293733']);
    },
  );
});

describe.skipIf(!hasCorpus)('corpus w04 p.17: clipped name tails and the total row', () => {
  it('names keep their tails; the next row starts clean; the total is under 合计', SLOW, async () => {
    const rows = rowsOf((await layoutOf(corpusPdf('w04'), 17)).grids[0]!);
    expect(rows.find((r) => r[2]!.startsWith('31007'))?.[2]).toBe('31007-信息网络及软件购置更新');
    expect(rows.find((r) => r[2]!.startsWith('30399'))?.slice(1, 3)).toEqual([
      '50999-其他对个人和家庭的补助',
      '30399-其他对个人和家庭的补助',
    ]);
    expect(rows.find((r) => r[2] === '30202-印刷费')?.[1]).toBe('50201-办公经费');
    expect(rows.find((r) => r[0] === '合计')?.slice(0, 6)).toEqual([
      '合计',
      '',
      '',
      '1,024,807.171785',
      '186,874.722488',
      '837,932.449297',
    ]);
  });

  it('p.11: the tail of the last row, clipped at the bottom rule, stays with its name', SLOW, async () => {
    const layout = await layoutOf(corpusPdf('w04'), 11);
    const rows = rowsOf(layout.grids[0]!);
    expect(rows[rows.length - 1]![0]).toBe('2130306-水利工程运行与维护');
    expect(layout.lines.map((l) => l.text)).not.toContain('护');
  });

  it('a span whose header spans the same columns keeps its amount at the span (w11 p.56, 总额)', SLOW, async () => {
    const rows = rowsOf((await layoutOf(corpusPdf('w11'), 56)).grids[0]!);
    const task = rows.find((r) => r[1]!.startsWith('任务1'));
    expect(task?.slice(5, 8)).toEqual(['4660.78', '', '4660.78']);
  });
});

describe('charts are no tables', () => {
  it(
    'layout-chart-page.pdf: no grid from the bar or pie chart; their labels are lines; the table is read',
    SLOW,
    async () => {
      const layout = await layoutOf(fixture('layout-chart-page.pdf'), 1);
      expect(layout.grids).toHaveLength(1);
      expect(rowsOf(layout.grids[0]!)[1]).toEqual(['合计', '2,018.50', '1,040.29', '978.21']);
      expect(allCellTexts(layout).some((t) => RUN_TOGETHER.test(t))).toBe(false);
      expect(layout.lines.map((l) => l.text)).toEqual(expect.arrayContaining(['378.47', '303.12', '支出功能分类明细']));
      const doc = await read(fixture('layout-chart-page.pdf'));
      expect(doc.tables.map((t) => t.title)).toEqual(['2026年部门支出总表']);
    },
  );
});

describe.skipIf(!hasCorpus)('corpus w11: bar charts in the 说明', () => {
  it('p.11 makes no grid, and no cell anywhere in the document runs amounts together', SLOW, async () => {
    expect((await layoutOf(corpusPdf('w11'), 11)).grids).toEqual([]);
    const doc = await read(corpusPdf('w11'));
    for (const t of doc.tables)
      for (const row of t.rows) for (const cell of row) expect(cell).not.toMatch(RUN_TOGETHER);
    expect(doc.tables.some((t) => t.title.includes('部门综合预算收支总表'))).toBe(true);
  });
});
