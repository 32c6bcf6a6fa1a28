// The 情况说明 narrative against the tables: figures read from sentences, matched to the cell their subject names,
// compared exactly. On Table literals with hand-made sentences, then on corpus documents by path.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../src/layout/page.js';
import { openPdf } from '../src/pdf/open.js';
import { readPage } from '../src/pdf/page.js';
import { attachRecords } from '../src/records/index.js';
import { narrative } from '../src/review/narrative.js';
import { documentSentences } from '../src/review/sentences.js';
import type { DocumentInfo, PageLayout, Sentence, Table } from '../src/types.js';
import { corpusPdf, hasCorpus } from './helpers/corpus.js';
import { readOnce } from './helpers/read-once.js';
import { tableLiteral } from './helpers/table.js';

const INFO: DocumentInfo = { title: '', department: '示例局', year: 2026, kind: 'budget', scope: 'department' };

/** Tables with their records attached, as extraction gives them. */
function withRecords(...tables: Table[]): Table[] {
  attachRecords(tables, { year: 2026 });
  return tables;
}

const THREE_PUBLIC_COLUMNS = [
  '“三公”经费预算数/合计',
  '“三公”经费预算数/因公出国(境)费',
  '“三公”经费预算数/公务接待费',
  '“三公”经费预算数/公务用车购置及运行费/小计',
  '“三公”经费预算数/公务用车购置及运行费/购置费',
  '“三公”经费预算数/公务用车购置及运行费/运行费',
  '机关运行经费预算数',
];
const threePublic = (total = '10.71') =>
  tableLiteral('three_public', THREE_PUBLIC_COLUMNS, [[total, '', '0.73', '9.98', '', '9.98', '184.59']], {
    title: '2026年单位“三公”经费和机关运行经费预算表',
    rowPages: [12],
  }) as Table;

const summary = () =>
  tableLiteral(
    'income_expenditure_summary',
    ['本年收入/项目', '本年收入/预算数', '本年支出/项目', '本年支出/预算数'],
    [
      ['一、财政拨款收入', '86,959,408.34', '一、一般公共服务支出', '86,959,408.34'],
      ['收入总计', '86,959,408.34', '支出总计', '86,959,408.34'],
    ],
    { unit: '元', title: '财务收支预算总表', rowPages: [3, 3] },
  ) as Table;

const s = (page: number, text: string): Sentence => ({ page, text });

describe('the narrative on table literals', () => {
  it('收入总计 and 支出总计 in one sentence, each its own side; a breakdown of the figure after 其中 only', () => {
    const tables = withRecords(summary());
    const sentences = [
      s(5, '2026年收入预算总计8,695.94万元，支出预算总计8,695.95万元。'),
      s(5, '收入预算8,695.94万元，其中：财政拨款收入8,695.94万元；支出预算8,695.94万元，其中：基本支出100万元。'),
    ];
    const { figures } = narrative(INFO, tables, sentences);
    expect(figures.map((f) => [f.topic, f.value, f.status])).toEqual([
      ['income_total', '8695.94', 'agrees'],
      // The expenditure side's own total, 0.01 万元 above the table's 8,695.940834 (printed coarser: 0.005 allowed).
      ['expenditure_total', '8695.95', 'differs'],
      ['income', '8695.94', 'agrees'],
      ['fiscal_income', '8695.94', 'agrees'],
      // 支出预算 after a semicolon is not read (a bare 支出 in mid-sentence names no table figure), so the 基本支出
      // it breaks down has no whole to be part of: unmatched, not guessed.
      ['basic_expenditure', '100', 'unmatched'],
    ]);
  });

  it('a matched “三公” total and its parts agree, each a passed check citing the sentence and the cell', () => {
    const tables = withRecords(threePublic());
    const sentences = [
      s(21, '2026年“三公”经费预算数为10.71万元，与2025年预算数持平。'),
      s(21, '(一)因公出国(境)费0万元，与2025年预算数持平。'),
      s(21, '其中：公务用车购置费0万元；公务用车运行费9.98万元。'),
      s(21, '2026年示例局财政拨款的机关运行经费预算为184.59万元。'),
    ];
    const { figures, checks } = narrative(INFO, tables, sentences);
    expect(figures.map((f) => [f.topic, f.value, f.unit, f.expected, f.status])).toEqual([
      ['three_public_total', '10.71', '万元', '10.71', 'agrees'],
      ['three_public_outbound', '0', '万元', '0', 'agrees'],
      ['three_public_vehicle_purchase', '0', '万元', '0', 'agrees'],
      ['three_public_vehicle_operation', '9.98', '万元', '9.98', 'agrees'],
      ['operating_costs', '184.59', '万元', '184.59', 'agrees'],
    ]);
    const total = checks[0]!;
    expect(total).toMatchObject({
      id: 'narrative.three_public_total',
      message: { zh: '情况说明所述“三公”经费与表中数字一致' },
      table: 0,
      tableKind: 'three_public',
      page: 21,
      rowIndex: 0,
      column: '“三公”经费预算数/合计',
      expected: '10.71',
      found: '10.71',
      difference: '0',
      tolerance: '0',
      passed: true,
      rounding: false,
      unit: '万元',
      sentence: sentences[0],
    });
    expect(total.terms).toBeUndefined();
    expect(checks[4]!.column).toBe('机关运行经费预算数');
  });

  it('a figure 0.01 万元 off at the table’s own precision fails, citing the sentence and the cell', () => {
    const tables = withRecords(threePublic('10.72'));
    const sentence = s(21, '2026年“三公”经费预算数为10.71万元。');
    const { figures, checks } = narrative(INFO, tables, [sentence]);
    expect(figures[0]).toMatchObject({ status: 'differs', expected: '10.72', value: '10.71' });
    expect(checks[0]).toMatchObject({
      id: 'narrative.three_public_total',
      message: { zh: '情况说明所述“三公”经费与表中数字不一致' },
      expected: '10.72',
      found: '10.71',
      difference: '-0.01',
      tolerance: '0',
      passed: false,
      sentence,
      terms: [{ table: 0, rowIndex: 0, column: '“三公”经费预算数/合计', page: 12, value: '10.72' }],
    });
  });

  it('a 元 table against a 万元 sentence: converted exactly, within half a unit of the sentence’s last digit', () => {
    const tables = withRecords(summary());
    const { checks } = narrative(INFO, tables, [
      s(6, '2026年，示例局收入预算8695.94万元，其中：财政拨款收入8695.94万元。'),
      s(6, '支出预算8696万元。'),
    ]);
    expect(checks.map((c) => [c.id, c.expected, c.found, c.tolerance, c.passed, c.rounding, c.column])).toEqual([
      ['narrative.income', '8695.940834', '8695.94', '0.005', true, true, '本年收入/预算数'],
      ['narrative.fiscal_income', '8695.940834', '8695.94', '0.005', true, true, '本年收入/预算数'],
      ['narrative.expenditure', '8695.940834', '8696', '0.5', true, true, '本年支出/预算数'],
    ]);
    expect(checks[2]!.row).toEqual({ code: null, name: '支出总计' });
  });

  it('a figure whose subject names no cell is listed unmatched with the reason, never guessed', () => {
    const tables = withRecords(threePublic());
    const { figures, checks } = narrative(INFO, tables, [
      s(21, '2025年“三公”经费预算13.85万元。'),
      s(21, '2026年政府性基金“三公”经费预算0万元。'),
      s(22, '2026年示例局收入预算931.79万元。'),
      s(22, '主要原因是项目支出增加50.52万元。'),
    ]);
    expect(checks).toEqual([]);
    expect(figures.map((f) => [f.topic, f.status, f.cell, f.note])).toEqual([
      ['three_public_total', 'unmatched', null, 'the “三公”经费 table prints no 2025 figures (上年)'],
      ['three_public_total', 'unmatched', null, 'the sentence limits it to 政府性基金'],
      ['income', 'unmatched', null, 'no 收支总表 with figures'],
    ]);
  });

  it('a 比上年增加 change and its rate against the table’s 上年 and 本年 columns', () => {
    const t = tableLiteral(
      'three_public',
      ['项目', '2025年预算数', '2026年预算数'],
      [
        ['合计', '13.68', '20.68'],
        ['因公出国(境)费', '0.00', '0.00'],
        ['公务用车购置及运行费', '10.00', '17.00'],
        ['其中：公务用车购置费', '0.00', '0.00'],
        ['公务用车运行费', '10.00', '17.00'],
        ['公务接待费', '3.68', '3.68'],
      ],
      { title: '财政拨款“三公”经费支出表' },
    ) as Table;
    const tables = withRecords(t);
    const { figures, checks } = narrative(INFO, tables, [
      s(30, '2026年“三公”经费预算20.68万元，比上年增加7.00万元，增长51.2%。'),
      s(30, '公务用车购置及运行费17.00万元，比2025年增加7万元，增长70.00%。'),
    ]);
    expect(figures.map((f) => [f.topic, f.value, f.expected, f.status])).toEqual([
      ['three_public_total', '20.68', '20.68', 'agrees'],
      ['three_public_total_change', '7', '7', 'agrees'],
      ['three_public_total_change_rate', '51.2', '51.169590643274853801', 'agrees'],
      ['three_public_vehicle', '17', '17', 'agrees'],
      ['three_public_vehicle_change', '7', '7', 'agrees'],
      ['three_public_vehicle_change_rate', '70', '70', 'agrees'],
    ]);
    expect(checks[1]).toMatchObject({ id: 'narrative.three_public_total_change', tolerance: '0', passed: true });
    expect(checks[2]).toMatchObject({ tolerance: '0.05', rounding: true });
  });

  it('a 减少 change is negative, and a wrong one fails with both cells as its terms', () => {
    const t = tableLiteral('three_public', ['项目', '2025年预算数', '2026年预算数'], [['合计', '59.62', '32.56']], {
      title: '财政拨款“三公”经费支出表',
    }) as Table;
    const { checks } = narrative(INFO, withRecords(t), [
      s(9, '2026年“三公”经费预算32.56万元，较2025年减少27.16万元。'),
    ]);
    expect(checks[1]).toMatchObject({
      id: 'narrative.three_public_total_change',
      expected: '-27.06',
      found: '-27.16',
      passed: false,
    });
    expect(checks[1]!.terms!.map((x) => [x.column, x.value])).toEqual([
      ['2025年预算数', '59.62'],
      ['2026年预算数', '32.56'],
    ]);
  });
});

describe('what a figure is about', () => {
  const expenditure = () =>
    tableLiteral(
      'expenditure',
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [
        ['', '合计', '100.00', '60.00', '40.00'],
        ['201', '一般公共服务支出', '100.00', '60.00', '40.00'],
      ],
      { title: '支出总表' },
    ) as Table;

  it('a sentence opening with 其中 breaks down the figure the sentence before ended on', () => {
    const { figures } = narrative(INFO, withRecords(expenditure()), [
      s(5, '2026年示例局支出预算100.00万元。'),
      s(5, '其中：基本支出60.00万元、项目支出40.01万元。'),
      s(6, '此外，基本支出预算数为60.00万元。'),
    ]);
    expect(figures.map((f) => [f.topic, f.value, f.expected, f.status, f.note ?? ''])).toEqual([
      ['expenditure', '100', null, 'unmatched', 'no 收支总表 with figures'],
      ['basic_expenditure', '60', '60', 'agrees', ''],
      ['project_expenditure', '40.01', '40', 'differs', ''],
      [
        'basic_expenditure',
        '60',
        null,
        'unmatched',
        '基本支出 of a figure the sentence does not name as the total expenditure',
      ],
    ]);
  });

  it('after 主要原因是 the figures are the reasons’ until the next ；, and after a parenthesis the figure before it', () => {
    const { figures } = narrative(INFO, withRecords(threePublic()), [
      s(21, '2026年“三公”经费预算10.71万元，主要原因是项目支出增加50.52万元；公务接待费0.73万元。'),
      s(21, '公务用车购置及运行费9.98万元(公务用车购置费0万元，比上年减少18万元)，比上年增加1万元。'),
    ]);
    expect(figures.map((f) => [f.topic, f.value, f.status])).toEqual([
      ['three_public_total', '10.71', 'agrees'],
      ['three_public_reception', '0.73', 'agrees'],
      ['three_public_vehicle', '9.98', 'agrees'],
      ['three_public_vehicle_purchase', '0', 'agrees'],
      ['three_public_vehicle_purchase_change', '-18', 'unmatched'],
      ['three_public_vehicle_change', '1', 'unmatched'],
    ]);
  });
});

/** The sentences of some pages of a corpus PDF. */
async function sentencesOf(id: string, from: number, to: number): Promise<Sentence[]> {
  const pdf = await openPdf(new Uint8Array(fs.readFileSync(corpusPdf(id))));
  const layouts: PageLayout[] = [];
  for (let n = from; n <= to; n++) layouts.push(layoutPage(await readPage(pdf, n)));
  return documentSentences(layouts);
}

const SLOW = { timeout: 120_000 };

describe.skipIf(!hasCorpus)('the narrative on corpus documents', () => {
  it(
    'pt-01: the 收支, “三公” and 机关运行经费 sentences agree with the tables (元 总表 against 万元 text)',
    SLOW,
    async () => {
      const doc = await readOnce(corpusPdf('pt-01'));
      const sentences = [...(await sentencesOf('pt-01', 6, 6)), ...(await sentencesOf('pt-01', 21, 21))];
      const { figures, checks } = narrative(doc.document, doc.tables, sentences);
      const byTopic = (topic: string) => figures.find((f) => f.topic === topic)!;
      expect(byTopic('income')).toMatchObject({ value: '8695.94', expected: '8695.940834', status: 'agrees' });
      expect(byTopic('three_public_total')).toMatchObject({ value: '10.71', expected: '10.71', status: 'agrees' });
      expect(byTopic('operating_costs')).toMatchObject({ value: '184.59', expected: '184.59', status: 'agrees' });
      expect(checks.filter((c) => !c.passed)).toEqual([]);
      expect(byTopic('three_public_total').sentence.page).toBe(21);
    },
  );

  it('pt-07 (决算): 收入支出总计0万元 fails against the 总计 2995.39; 年初预算 stays unmatched', SLOW, async () => {
    const doc = await readOnce(corpusPdf('pt-07'));
    const { figures, checks } = narrative(doc.document, doc.tables, await sentencesOf('pt-07', 18, 23));
    const failed = checks.filter((c) => !c.passed);
    expect(failed.map((c) => [c.id, c.page, c.expected, c.found, c.row?.name, c.column])).toEqual([
      ['narrative.income_expenditure_total', 18, '2995.39', '0', '总计', '收入/决算数'],
    ]);
    expect(failed[0]!.sentence!.text).toContain('收入支出总计0万元');
    expect(figures.find((f) => f.topic === 'three_public_total')).toMatchObject({
      value: '0.95',
      status: 'unmatched',
      note: '年初预算 is not printed in the tables',
    });
  });

  it('sz-02: the change the “三公” table prints (-27.07) is the one the text states', SLOW, async () => {
    const doc = await readOnce(corpusPdf('sz-02'));
    const { figures } = narrative(doc.document, doc.tables, await sentencesOf('sz-02', 9, 9));
    expect(
      figures.filter((f) => f.topic.startsWith('three_public_total')).map((f) => [f.topic, f.value, f.status]),
    ).toEqual([
      ['three_public_total', '32.56', 'agrees'],
      ['three_public_total_change', '-27.07', 'agrees'],
    ]);
  });
});
