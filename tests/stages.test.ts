import { describe, expect, it } from 'vitest';
import { findCellBoxes, groupCells } from '../src/layout/cells.js';
import { pageEdges } from '../src/layout/edges.js';
import { buildGrid } from '../src/layout/grid.js';
import { cellText, joinPieces } from '../src/layout/join.js';
import { normalizeText } from '../src/pdf/normalize.js';
import { splitCells } from '../src/pdf/text.js';
import { formsToTable, isForm } from '../src/tables/forms.js';
import { labelOf, readHeadings, unitOf } from '../src/tables/headings.js';
import { classifyTable } from '../src/kinds/registry.js';
import type { Ruling, TextItem } from '../src/types.js';

const item = (text: string, x0: number, y0: number, x1: number, size = 9): TextItem => ({
  text,
  x0,
  y0,
  x1,
  y1: y0 + size,
  size,
});
const h = (y: number, x0: number, x1: number, source: Ruling['source'] = 'fill'): Ruling => ({
  x0,
  x1,
  y0: y,
  y1: y,
  source,
});
const v = (x: number, y0: number, y1: number, source: Ruling['source'] = 'fill'): Ruling => ({
  x0: x,
  x1: x,
  y0,
  y1,
  source,
});

describe('pdf stage: text', () => {
  it('normalizes full-width characters, Kangxi radicals and the radical supplement', () => {
    expect(normalizeText('１２３，４５６．００')).toBe('123,456.00');
    expect(normalizeText('⽀出')).toBe('支出');
    expect(normalizeText('部⻔')).toBe('部门');
    expect(normalizeText('单位：万元')).toBe('单位:万元');
  });

  it('splits an item holding two cells and places each part', () => {
    const parts = splitCells(item('82,096,797.42 82,096,797.42', 100, 10, 200));
    expect(parts.map((p) => p.text)).toEqual(['82,096,797.42', '82,096,797.42']);
    expect(parts[0]!.x1).toBeLessThanOrEqual(parts[1]!.x0);
    expect(splitCells(item('98,880.78 一、一般公共服务支出', 0, 0, 100)).map((p) => p.text)).toEqual([
      '98,880.78',
      '一、一般公共服务支出',
    ]);
    // An indicator's operator in its own cell.
    expect(splitCells(item('项目验收及时率 =', 0, 0, 100)).map((p) => p.text)).toEqual(['项目验收及时率', '=']);
    // Letter-spaced labels and a year inside a phrase stay whole.
    expect(splitCells(item('合 计', 0, 0, 30)).map((p) => p.text)).toEqual(['合 计']);
    expect(splitCells(item('2025 年预算', 0, 0, 60)).map((p) => p.text)).toEqual(['2025 年预算']);
  });
});

describe('layout stage', () => {
  it('rejoins numbers, codes and CJK text wrapped inside a cell', () => {
    expect(joinPieces(['931.7', '9'])).toBe('931.79');
    expect(joinPieces(['11.7', '0'])).toBe('11.70');
    expect(joinPieces(['21', '3'])).toBe('213');
    expect(joinPieces(['机关事业单位基本养老保', '险缴费支出'])).toBe('机关事业单位基本养老保险缴费支出');
    expect(joinPieces(['Office', 'rent'])).toBe('Office rent');
    // Lines are read top to bottom whatever order the PDF drew them in.
    expect(cellText([item('9', 10, 20, 15), item('931.7', 10, 9, 35)])).toBe('931.79');
  });

  it('builds cells from filled and stroked rulings, with a merged cell as a span', () => {
    // A 2×3 grid whose top-left cell spans two rows; fills and strokes mixed.
    const rulings = [
      h(0, 0, 300),
      h(20, 100, 300, 'stroke'),
      h(40, 0, 300),
      v(0, 0, 40),
      v(100, 0, 40, 'stroke'),
      v(200, 0, 40),
      v(300, 0, 40),
    ];
    const { horizontal, vertical } = pageEdges(rulings);
    const groups = groupCells(findCellBoxes(horizontal, vertical));
    expect(groups).toHaveLength(1);
    const grid = buildGrid(1, groups[0]!);
    expect(grid.xs).toEqual([0, 100, 200, 300]);
    expect(grid.ys).toEqual([0, 20, 40]);
    const merged = grid.cells.find((c) => c.col === 0)!;
    expect([merged.row, merged.rowSpan, merged.colSpan]).toEqual([0, 2, 1]);
    expect(grid.cells).toHaveLength(5);
  });

  it('joins collinear pieces drawn one per cell side and snaps near-duplicate lines', () => {
    const rulings = [h(0, 0, 100), h(0.8, 100, 200), h(30, 0, 200), v(0, 0, 30), v(100, 0, 30), v(200.5, 0, 30)];
    const { horizontal } = pageEdges(rulings);
    expect(horizontal.filter((e) => e.to - e.from > 150)).toHaveLength(2);
    const grid = buildGrid(
      1,
      groupCells(findCellBoxes(pageEdges(rulings).horizontal, pageEdges(rulings).vertical))[0]!,
    );
    expect(grid.cells).toHaveLength(2);
  });

  it('closes merged cells cut open by a page break, but not across separate tables', () => {
    // Verticals end at y=100 with no bottom line: the part continues on the next page.
    const open = [h(0, 0, 200), h(50, 100, 200), v(0, 0, 100), v(100, 0, 100), v(200, 0, 100)];
    const boxes = findCellBoxes(pageEdges(open).horizontal, pageEdges(open).vertical);
    expect(boxes).toContainEqual({ x0: 0, y0: 0, x1: 100, y1: 100 });
    // Two tables one above the other keep apart.
    const two = [
      h(0, 0, 100),
      h(20, 0, 100),
      v(0, 0, 20),
      v(100, 0, 20),
      h(200, 0, 100),
      h(220, 0, 100),
      v(0, 200, 220),
      v(100, 200, 220),
    ];
    expect(groupCells(findCellBoxes(pageEdges(two).horizontal, pageEdges(two).vertical))).toHaveLength(2);
  });
});

describe('tables stage', () => {
  it('reads units, labels and titles above a table', () => {
    expect(unitOf('单位:元')).toBe('元');
    expect(unitOf('金额单位:万元')).toBe('万元');
    expect(unitOf(':万元')).toBe('万元');
    expect(labelOf('公开表 1-2')).toBe('公开表1-2');
    expect(labelOf('预算01表')).toBe('预算01表');
    expect(labelOf('十三、部门预算项目支出绩效目标表(公开表6)')).toBe('公开表6');
    const line = (text: string, y: number, size: number) => ({ text, x0: 0, x1: 100, y0: y, y1: y + size, size });
    const hd = readHeadings([
      line('表1-2', 0, 9),
      line('2025年部门支出预算总表', 12, 16),
      line('金额单位:万', 32, 9),
      line('元', 42, 9),
    ]);
    expect(hd).toMatchObject({ title: '2025年部门支出预算总表', label: '表1-2', unit: '万元' });
    // Overflow text above a continuation part is not a title.
    expect(readHeadings([line('校教育教学改革和创新发展,为推出优秀表演人才搭建平台。', 0, 9)]).title).toBe('');
  });

  it('classifies tables by the titles each province uses', () => {
    const cases: [string, string][] = [
      ['2025年部门收支总表', 'income_expenditure_summary'],
      ['收入支出决算总表', 'income_expenditure_summary'],
      ['收入总体情况表', 'income'],
      ['预算03表支出总表', 'expenditure'],
      ['财政拨款收支总体情况表', 'fiscal_summary'],
      ['财政拨款支出预算表(部门经济分类科目)', 'fiscal_expenditure_economic'],
      ['一般公共预算支出情况表(按功能分类科目)', 'general_public_expenditure'],
      ['一般公共预算基本支出表', 'basic_expenditure'],
      ['部门预算项目支出及其他支出预算表', 'project_expenditure'],
      ['一般公共预算“三公”经费支出预算表', 'three_public'],
      ['政府性基金预算“三公”经费支出预算表', 'government_fund_three_public'],
      ['政府性基金预算支出表', 'government_fund'],
      ['国有资本经营预算支出表', 'state_capital'],
      ['政策和项目预算绩效目标表', 'project_performance'],
      ['部门整体支出绩效目标表', 'overall_performance'],
      ['政府采购预算明细表', 'procurement'],
      ['培训费明细表', 'other'],
    ];
    for (const [title, kind] of cases) expect([title, classifyTable(title)]).toEqual([title, kind]);
  });

  it('turns a series of performance forms into one row per indicator', () => {
    const rows = [
      ['项目名称', '公车统管', '主管部门及代码', '216_科学技术局', '实施单位', '科学技术局'],
      ['项目资金(万元)', '', '', '年度预算资金总额:', '18.00', ''],
      ['总体目标', '保障车辆正常运转', '', '', '', ''],
      ['', '一级指标', '二级指标', '三级指标', '指标值', ''],
      ['绩效指标', '成本指标', '经济成本', '经费总量控制', '≤18万元', ''],
      ['绩效指标', '产出指标', '时效指标', '经费支付及时率', '=100%', ''],
      ['项目名称', '科技创新', '主管部门及代码', '216_科学技术局', '实施单位', '科学技术局'],
      ['项目资金(万元)', '', '', '年度预算资金总额:', '500.00', ''],
      ['', '一级指标', '二级指标', '三级指标', '指标值', ''],
      ['绩效指标', '产出指标', '数量指标', '支持项目数', '≥5个', ''],
    ];
    expect(isForm(rows)).toBe(true);
    const table = formsToTable(rows);
    expect(table.columns.slice(0, 4)).toEqual(['一级指标', '二级指标', '三级指标', '指标值']);
    expect(table.columns).toContain('项目名称');
    expect(table.columns).toContain('项目资金(万元)/年度预算资金总额');
    expect(table.rows).toHaveLength(3);
    const col = (name: string) => table.columns.indexOf(name);
    expect(table.rows[2]![col('三级指标')]).toBe('支持项目数');
    expect(table.rows[2]![col('项目名称')]).toBe('科技创新');
    expect(table.rows[0]![col('项目资金(万元)/年度预算资金总额')]).toBe('18.00');
    expect(table.rows[0]![col('总体目标')]).toBe('保障车辆正常运转');
  });
});

describe('layout stage: a rule missing from one row', () => {
  it('splits a merged body cell holding a name and an amount back into its columns', async () => {
    const { fillGrids } = await import('../src/layout/grid.js');
    // Three columns; the second row lacks the rule between name and amount.
    const rulings = [
      h(0, 0, 300),
      h(20, 0, 300),
      h(40, 0, 300),
      v(0, 0, 40),
      v(100, 0, 20),
      v(200, 0, 40),
      v(300, 0, 40),
    ];
    const grid = buildGrid(
      1,
      groupCells(findCellBoxes(pageEdges(rulings).horizontal, pageEdges(rulings).vertical))[0]!,
    );
    fillGrids(
      [grid],
      [
        item('名称', 5, 5, 30),
        item('35.56', 160, 5, 190),
        item('职业年金缴费支出', 5, 25, 90),
        item('35.56', 160, 25, 190),
        item('35.56', 260, 25, 290),
      ],
    );
    const row1 = grid.cells
      .filter((c) => c.row === 1)
      .sort((a, b) => a.col - b.col)
      .map((c) => c.text);
    expect(row1).toEqual(['职业年金缴费支出', '35.56', '35.56']);
    // A header spanning columns keeps its text whole.
    const header = buildGrid(
      1,
      groupCells(findCellBoxes(pageEdges(rulings).horizontal, pageEdges(rulings).vertical))[0]!,
    );
    fillGrids([header], [item('支', 80, 25, 90), item('出', 110, 25, 120)]);
    const merged = header.cells.find((c) => c.row === 1 && c.col === 0)!;
    expect([merged.colSpan, merged.text]).toEqual([2, '支出']);
  });
});

describe('pdf stage: split positions', () => {
  it('places the first part of a split item at the item start, the next after it', () => {
    const [a, b] = splitCells(item('5 310', 572.59, 0, 588.04, 6));
    expect(a).toMatchObject({ text: '5', x0: 572.59 });
    expect(a!.x1).toBeGreaterThan(a!.x0);
    expect(b!.text).toBe('310');
    expect(b!.x0).toBeGreaterThanOrEqual(a!.x1);
    expect(b!.x1).toBeCloseTo(588.04, 5);
  });
});
