// The layout and tables stages' tolerances live in one settings object (src/settings.ts), and the stages' "sort,
// then group while the gap is small" loops in one helper (src/layout/cluster.ts). Both on literals, no PDF.
import { describe, expect, it } from 'vitest';
import { clusterBy, clusterValues } from '../src/layout/cluster.js';
import { layoutPage } from '../src/layout/page.js';
import { DEFAULT_SETTINGS, resolveSettings } from '../src/settings.js';
import { assembleTables } from '../src/tables/assemble.js';
import type { PageContent, PageLayout, Ruling, TextItem, TextLine } from '../src/types.js';

const item = (text: string, x0: number, y0: number, x1: number, size = 9): TextItem => ({
  text,
  x0,
  y0,
  x1,
  y1: y0 + size,
  size,
});
const h = (y: number, x0: number, x1: number): Ruling => ({ x0, x1, y0: y, y1: y, source: 'fill' });
const v = (x: number, y0: number, y1: number): Ruling => ({ x0: x, x1: x, y0, y1, source: 'fill' });
const page = (items: TextItem[], rulings: Ruling[] = []): PageContent => ({
  number: 1,
  width: 600,
  height: 800,
  items,
  rulings,
  textRuns: items.length,
});

describe('clusterValues / clusterBy', () => {
  it('handles no value, one value and equal values', () => {
    expect(clusterValues([], 2)).toEqual([]);
    expect(clusterValues([7], 2)).toEqual([[7]]);
    expect(clusterValues([3, 3, 3], 0)).toEqual([[3, 3, 3]]);
  });

  it('sorts, and joins a gap exactly at the tolerance but not one past it', () => {
    expect(clusterValues([12, 10, 14], 2)).toEqual([[10, 12], [14]]);
    expect(clusterValues([10, 12.000001], 2)).toEqual([[10], [12.000001]]);
    // `strict`: only a gap under the tolerance joins.
    expect(clusterValues([10, 12], 2, { strict: true })).toEqual([[10], [12]]);
  });

  it("measures from the group's first member by default, from the last one as a chain", () => {
    expect(clusterValues([0, 1.5, 3, 4.5], 2)).toEqual([
      [0, 1.5],
      [3, 4.5],
    ]);
    expect(clusterValues([0, 1.5, 3, 4.5], 2, { from: 'last' })).toEqual([[0, 1.5, 3, 4.5]]);
  });

  it('merges overlapping intervals by their extent, and orders ties as asked', () => {
    const spans = [
      { x0: 0, x1: 50 },
      { x0: 10, x1: 20 },
      { x0: 40, x1: 60 },
      { x0: 61, x1: 70 },
    ];
    const byExtent = clusterBy(spans, (s) => s.x0, 0, { from: 'extent', end: (s) => s.x1 });
    expect(byExtent.map((g) => g.length)).toEqual([3, 1]);
    // From the last member's end instead, [40, 60] is 20 pt past [10, 20]'s end: a new group; so is [61, 70].
    expect(clusterBy(spans, (s) => s.x0, 0, { from: 'last', end: (s) => s.x1 }).map((g) => g.length)).toEqual([
      2, 1, 1,
    ]);
    expect(clusterBy(spans, (s) => s.x0, 1, { from: 'extent', end: (s) => s.x1 }).map((g) => g.length)).toEqual([4]);
    const ties = clusterBy(['b', 'a', 'c'], () => 0, 0, { tieBreak: (a, b) => a.localeCompare(b) });
    expect(ties).toEqual([['a', 'b', 'c']]);
  });

  it('takes a gap that depends on the member measured from and the item', () => {
    const sized = [
      { at: 0, size: 10 },
      { at: 4, size: 1 },
      { at: 8, size: 1 },
    ];
    // From the first (size 10, tolerance 5): the second joins; the third is 8 away.
    const groups = clusterBy(
      sized,
      (s) => s.at,
      (anchor, s) => Math.max(anchor.size, s.size) / 2,
    );
    expect(groups.map((g) => g.map((s) => s.at))).toEqual([[0, 4], [8]]);
  });
});

describe('settings', () => {
  it('are frozen, and overrides are laid over the defaults without touching them', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.edges)).toBe(true);
    const s = resolveSettings({ edges: { snap: 0.5 } });
    expect(s.edges).toEqual({ ...DEFAULT_SETTINGS.edges, snap: 0.5 });
    expect(s.grid).toEqual(DEFAULT_SETTINGS.grid);
    expect(DEFAULT_SETTINGS.edges.snap).toBe(2);
    expect(Object.isFrozen(s.edges)).toBe(true);
  });

  it('text.lineBreakGap: a gap on one baseline the default joins is split when the tolerance is made tiny', () => {
    // `部门预算` and `单位:万元` 18 pt apart at 9 pt: under 2.5 em, one line by default.
    const content = page([item('部门预算', 100, 100, 136), item('单位:万元', 154, 100, 199)]);
    expect(layoutPage(content).lines.map((l) => l.text)).toEqual(['部门预算单位:万元']);
    const tight = layoutPage(content, resolveSettings({ text: { lineBreakGap: 1 } }));
    expect(tight.lines.map((l) => l.text)).toEqual(['部门预算', '单位:万元']);
  });

  it('edges.snap and grid.boundary: a double rule the default reads as one line makes a sliver column when they are tiny', () => {
    // A 2 × 2 table whose middle rule is drawn twice, 1.5 pt apart.
    const rulings = [
      h(0, 0, 200),
      h(20, 0, 200),
      h(40, 0, 200),
      v(0, 0, 40),
      v(100, 0, 40),
      v(101.5, 0, 40),
      v(200, 0, 40),
    ];
    const items = [
      item('项目', 10, 5, 28),
      item('金额', 110, 5, 128),
      item('合计', 10, 25, 28),
      item('12.00', 110, 25, 132),
    ];
    const byDefault = layoutPage(page(items, rulings));
    expect(byDefault.grids).toHaveLength(1);
    expect(byDefault.grids[0]!.xs).toHaveLength(3);
    const tiny = layoutPage(page(items, rulings), resolveSettings({ edges: { snap: 0.5 }, grid: { boundary: 0.5 } }));
    expect(tiny.grids[0]!.xs).toHaveLength(4);
  });

  it('headings.maxTitleLength reaches assembleTables: a long title line is no title under a smaller limit', () => {
    const line = (text: string, y0: number, size: number): TextLine => ({
      text,
      x0: 0,
      x1: 300,
      y0,
      y1: y0 + size,
      size,
    });
    const grid = layoutPage(
      page(
        [
          item('项目', 10, 105, 28),
          item('金额', 110, 105, 128),
          item('合计', 10, 125, 28),
          item('12.00', 110, 125, 132),
        ],
        [h(100, 0, 200), h(120, 0, 200), h(140, 0, 200), v(0, 100, 140), v(100, 100, 140), v(200, 100, 140)],
      ),
    ).grids[0]!;
    const layout: PageLayout = {
      page: 1,
      width: 600,
      height: 800,
      grids: [grid],
      lines: [line('2026年部门一般公共预算支出情况表', 70, 16)],
    };
    expect(assembleTables([layout])[0]!.title).toBe('2026年部门一般公共预算支出情况表');
    expect(assembleTables([layout], [], resolveSettings({ headings: { maxTitleLength: 10 } }))[0]!.title).toBe('');
  });
});

describe('settings through extract()', () => {
  it('an override given to extract reaches the stages; the defaults are untouched for the next call', async () => {
    const { extract } = await import('../src/extract.js');
    const file = new URL('../fixtures/sample-budget.pdf', import.meta.url).pathname;
    const plain = await extract(file);
    expect(plain.tables.every((t) => t.title.length > 0)).toBe(true);
    const short = await extract(file, { settings: { headings: { maxTitleLength: 4 } } });
    // Every printed title is longer than 4 characters: none is read as a title under that limit.
    expect(short.tables.length).toBeGreaterThan(0);
    expect(short.tables.every((t) => t.title === '')).toBe(true);
    expect(short.warnings.some((w) => w.message === 'table without a title')).toBe(true);
    expect((await extract(file)).tables.map((t) => t.title)).toEqual(plain.tables.map((t) => t.title));
    expect(DEFAULT_SETTINGS.headings.maxTitleLength).toBe(60);
  });
});
