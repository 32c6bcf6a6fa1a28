// Content of the generated test PDFs in fixtures/.
//
// Imported by scripts/make-fixtures.mjs (which draws it) and by tests/fixtures.test.ts (which
// derives the grids the extractor must read back), so the two cannot drift.
//
// A table is { kind, title, label, unit, cols, header, body }:
//   cols:   [{ w: width in pt, align: 'left' | 'right' | 'center', num?: true }]
//   header: rows of header cells; body: rows of data cells. Every row has one entry per column.
//   A cell is a string (may be '' for a blank cell) or an object
//     { t, rs?, cs?, lines? }   t: the logical text, rs/cs: row/column span,
//                               lines: how the text is drawn, line by line (explicit wrapping).
//     { t, drawn }              drawn: lines drawn instead of t, unchecked (a deliberate fault).
//   A slot covered by a merged cell (not its top-left slot) is null.
// Amounts are integer cents, formatted with thousands separators and two decimals.

import { mulberry32 } from './prng.mjs';
/** Format integer cents as '9,389,913.00'. `blank`: print 0 as ''. */
export function money(cents, { blank = false } = {}) {
  if (cents === 0 && blank) return '';
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${units}.${frac}`;
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const addVec = (a, b) => a.map((x, i) => x + b[i]);

/**
 * Build 类/款/项 subject rows from leaves. leaves: [{ code: 7-digit, name, v: [cents...] }].
 * parents: { '201': '一般公共服务支出', '20106': '财政事务', ... }.
 * Returns { rows: [{ code, level: 1|2|3, name, v }], total: [cents...] } in disclosure order
 * (class, its sections, their items), parents summing their children.
 */
export function subjectTree(leaves, parents) {
  const rows = [];
  const byCode = new Map();
  const width = leaves[0].v.length;
  for (const leaf of leaves) {
    for (const [len, level] of [
      [3, 1],
      [5, 2],
    ]) {
      const code = leaf.code.slice(0, len);
      if (!byCode.has(code)) {
        const name = parents[code];
        if (!name) throw new Error(`no name for subject ${code}`);
        const row = { code, level, name, v: new Array(width).fill(0) };
        byCode.set(code, row);
        rows.push(row);
      }
      const row = byCode.get(code);
      row.v = addVec(row.v, leaf.v);
    }
    const row = { code: leaf.code, level: 3, name: leaf.name, v: [...leaf.v] };
    rows.push(row);
  }
  const total = rows.filter((r) => r.level === 1).reduce((acc, r) => addVec(acc, r.v), new Array(width).fill(0));
  return { rows, total };
}

const Y = (s) => Math.round(Number(s.replace(/,/g, '')) * 100); // '9,389,913.00' -> cents

// ---------------------------------------------------------------------------------------------
// 1. fill-rulings.pdf — 部门支出预算总表, 类/款/项 in three columns, grid of filled rectangles.

const fillTree = subjectTree(
  [
    { code: '2011301', name: '行政运行', v: [Y('9,389,913.00'), 0] },
    { code: '2011302', name: '一般行政管理事务', v: [0, Y('1,250,000.00')] },
    { code: '2011308', name: '招商引资', v: [0, Y('2,680,500.00')] },
    { code: '2080505', name: '机关事业单位基本养老保险缴费支出', v: [Y('1,126,789.44'), 0] },
    { code: '2080506', name: '机关事业单位职业年金缴费支出', v: [Y('563,394.72'), 0] },
    { code: '2101101', name: '行政单位医疗', v: [Y('422,546.04'), 0] },
    { code: '2210201', name: '住房公积金', v: [Y('845,092.08'), 0] },
  ],
  {
    201: '一般公共服务支出',
    20113: '商贸事务',
    208: '社会保障和就业支出',
    20805: '行政事业单位养老支出',
    210: '卫生健康支出',
    21011: '行政事业单位医疗',
    221: '住房保障支出',
    22102: '住房改革支出',
  },
);

/** Rows [类, 款, 项, 名称, 合计, v...] from a subject tree, codes split in three columns. */
function splitCodeRows(tree, { blank = true } = {}) {
  const out = [['', '', '', '合计', money(sum(tree.total)), ...tree.total.map((c) => money(c, { blank }))]];
  for (const r of tree.rows) {
    const lei = r.code.slice(0, 3);
    const kuan = r.level >= 2 ? r.code.slice(3, 5) : '';
    const xiang = r.level === 3 ? r.code.slice(5, 7) : '';
    out.push([lei, kuan, xiang, r.name, money(sum(r.v)), ...r.v.map((c) => money(c, { blank }))]);
  }
  return out;
}

/** Merge equal consecutive values of column `col` over rows [from, to) into one cell. */
function mergeDown(body, col, from, to) {
  const text = body[from][col];
  for (let r = from + 1; r < to; r++) {
    if (body[r][col] !== text) throw new Error(`mergeDown: ${body[r][col]} !== ${text}`);
    body[r][col] = null;
  }
  body[from][col] = { t: text, rs: to - from };
}

const fillBody = splitCodeRows(fillTree);
{
  // 类 208 over its four rows, 款 05 over its three rows: vertically merged data cells.
  const i208 = fillBody.findIndex((r) => r[0] === '208');
  mergeDown(fillBody, 0, i208, i208 + 4);
  mergeDown(fillBody, 1, i208 + 1, i208 + 4);
}

export const fillRulings = {
  kind: 'expenditure',
  title: '2025年部门支出预算总表',
  label: '表3',
  unit: '元',
  cols: [
    { w: 30, align: 'center' },
    { w: 30, align: 'center' },
    { w: 30, align: 'center' },
    { w: 160, align: 'left' },
    { w: 85, align: 'right', num: true },
    { w: 85, align: 'right', num: true },
    { w: 85, align: 'right', num: true },
  ],
  header: [
    [
      { t: '功能分类科目编码', cs: 3 },
      null,
      null,
      { t: '功能分类科目名称', rs: 2 },
      { t: '支出预算', cs: 3 },
      null,
      null,
    ],
    ['类', '款', '项', null, '合计', '基本支出', '项目支出'],
  ],
  body: fillBody,
};

// ---------------------------------------------------------------------------------------------
// 2. stroke-rulings.pdf — 部门收入预算总表, full 7-digit codes in one column, stroked grid.
// Values: [一般公共预算拨款, 事业收入, 其他收入, 上年结转结余].

const strokeTree = subjectTree(
  [
    { code: '2011301', name: '行政运行', v: [Y('3,412,560.00'), 0, 0, 0] },
    { code: '2011302', name: '一般行政管理事务', v: [Y('860,000.00'), 0, Y('45,000.00'), Y('120,000.00')] },
    { code: '2011350', name: '事业运行', v: [Y('1,208,333.33'), Y('356,000.00'), 0, 0] },
    { code: '2050803', name: '培训支出', v: [Y('96,000.00'), 0, 0, 0] },
    { code: '2080505', name: '机关事业单位基本养老保险缴费支出', v: [Y('548,210.16'), Y('40,300.00'), 0, 0] },
    { code: '2080506', name: '机关事业单位职业年金缴费支出', v: [Y('274,105.08'), Y('20,150.00'), 0, 0] },
    { code: '2210201', name: '住房公积金', v: [Y('411,157.62'), Y('30,225.00'), 0, 0] },
  ],
  {
    201: '一般公共服务支出',
    20113: '商贸事务',
    205: '教育支出',
    20508: '进修及培训',
    208: '社会保障和就业支出',
    20805: '行政事业单位养老支出',
    221: '住房保障支出',
    22102: '住房改革支出',
  },
);

export const strokeRulings = {
  kind: 'income',
  title: '2025年部门收入预算总表',
  label: '表2',
  unit: '元',
  cols: [
    { w: 52, align: 'left' },
    { w: 142, align: 'left' },
    { w: 70, align: 'right', num: true },
    { w: 70, align: 'right', num: true },
    { w: 62, align: 'right', num: true },
    { w: 58, align: 'right', num: true },
    { w: 62, align: 'right', num: true },
  ],
  header: [
    [
      { t: '科目编码', rs: 2 },
      { t: '科目名称', rs: 2 },
      { t: '合计', rs: 2 },
      { t: '本年收入', cs: 3 },
      null,
      null,
      { t: '上年结转结余', rs: 2 },
    ],
    [null, null, null, '一般公共预算拨款', '事业收入', '其他收入', null],
  ],
  body: [
    ['', '合计', money(sum(strokeTree.total)), ...strokeTree.total.map((c) => money(c, { blank: true }))],
    ...strokeTree.rows.map((r) => [r.code, r.name, money(sum(r.v)), ...r.v.map((c) => money(c, { blank: true }))]),
  ],
};

// ---------------------------------------------------------------------------------------------
// 3. wrapped-cells.pdf — 部门支出总表 in 万元 with narrow columns: names, a header, numbers and
// the 类 codes wrap inside their cells. `lines` gives the drawn lines; `t` the logical value.
// Values: [基本支出, 项目支出, 对附属单位补助支出].

const wrapTree = subjectTree(
  [
    { code: '2080505', name: '机关事业单位基本养老保险缴费支出', v: [Y('523.45'), 0, 0] },
    { code: '2080506', name: '机关事业单位职业年金缴费支出', v: [Y('261.73'), 0, 0] },
    { code: '2130104', name: '事业运行', v: [Y('45.20'), Y('89.71'), Y('11.70')] },
  ],
  {
    208: '社会保障和就业支出',
    20805: '行政事业单位养老支出',
    213: '农林水支出',
    21301: '农业农村',
  },
);

/** Drawn lines of a value wrapped at `n` characters per line (character wrap, as printed). */
function chop(text, n) {
  if (text.length <= n) return text;
  const lines = [];
  for (let i = 0; i < text.length; i += n) lines.push(text.slice(i, i + n));
  return { t: text, lines };
}

{
  const t = wrapTree.total;
  if (sum(t) !== Y('931.79')) throw new Error(`wrapped-cells total ${money(sum(t))} must be 931.79`);
}

export const wrappedCells = {
  kind: 'expenditure',
  title: '2025年部门支出总表',
  label: '表3',
  unit: '万元',
  cols: [
    { w: 20, align: 'left' }, // 类: too narrow for three digits, '213' prints as '21' / '3'
    { w: 22, align: 'center' },
    { w: 22, align: 'center' },
    { w: 90, align: 'left' }, // 名称: nine characters a line
    { w: 34, align: 'right', num: true }, // 合计: five characters a line, '931.79' -> '931.7' / '9'
    { w: 45, align: 'right', num: true },
    { w: 45, align: 'right', num: true },
    { w: 30, align: 'right', num: true }, // 对附属单位补助支出: four characters a line, '11.70' -> '11.7' / '0'
  ],
  header: [
    [
      { t: '科目编码', cs: 3 },
      null,
      null,
      { t: '科目名称', rs: 2 },
      { t: '合计', rs: 2 },
      { t: '基本支出', rs: 2 },
      { t: '项目支出', rs: 2 },
      { t: '对附属单位补助支出', rs: 2, lines: ['对附', '属单', '位补', '助支', '出'] },
    ],
    ['类', '款', '项', null, null, null, null, null],
  ],
  body: [
    [
      '',
      '',
      '',
      '合计',
      chop(money(sum(wrapTree.total)), 5),
      ...wrapTree.total.map((c, i) => chop(money(c, { blank: true }), i === 2 ? 4 : 6)),
    ],
    ...wrapTree.rows.map((r) => [
      chop(r.code.slice(0, 3), 2),
      r.level >= 2 ? r.code.slice(3, 5) : '',
      r.level === 3 ? r.code.slice(5, 7) : '',
      chop(r.name, 9),
      chop(money(sum(r.v)), 5),
      ...r.v.map((c, i) => chop(money(c, { blank: true }), i === 2 ? 4 : 6)),
    ]),
  ],
};

// ---------------------------------------------------------------------------------------------
// 4. three-pages-repeated.pdf / three-pages-bare.pdf — 一般公共预算支出表, ~90 rows.

const longParents = {
  201: '一般公共服务支出',
  20101: '人大事务',
  20103: '政府办公厅（室）及相关机构事务',
  20106: '财政事务',
  20113: '商贸事务',
  205: '教育支出',
  20501: '教育管理事务',
  20502: '普通教育',
  20503: '职业教育',
  206: '科学技术支出',
  20601: '科学技术管理事务',
  20604: '技术研究与开发',
  207: '文化旅游体育与传媒支出',
  20701: '文化和旅游',
  20703: '体育',
  208: '社会保障和就业支出',
  20801: '人力资源和社会保障管理事务',
  20805: '行政事业单位养老支出',
  20808: '抚恤',
  210: '卫生健康支出',
  21001: '卫生健康管理事务',
  21011: '行政事业单位医疗',
  211: '节能环保支出',
  21103: '污染防治',
  212: '城乡社区支出',
  21201: '城乡社区管理事务',
  213: '农林水支出',
  21301: '农业农村',
  21303: '水利',
  221: '住房保障支出',
  22102: '住房改革支出',
};
const longLeafNames = [
  ['2010101', '行政运行'],
  ['2010102', '一般行政管理事务'],
  ['2010104', '人大会议'],
  ['2010108', '代表工作'],
  ['2010301', '行政运行'],
  ['2010302', '一般行政管理事务'],
  ['2010350', '事业运行'],
  ['2010601', '行政运行'],
  ['2010602', '一般行政管理事务'],
  ['2010607', '信息化建设'],
  ['2010608', '财政委托业务支出'],
  ['2011301', '行政运行'],
  ['2011302', '一般行政管理事务'],
  ['2011308', '招商引资'],
  ['2011350', '事业运行'],
  ['2050101', '行政运行'],
  ['2050102', '一般行政管理事务'],
  ['2050201', '学前教育'],
  ['2050202', '小学教育'],
  ['2050203', '初中教育'],
  ['2050204', '高中教育'],
  ['2050302', '中等职业教育'],
  ['2050305', '高等职业教育'],
  ['2060101', '行政运行'],
  ['2060102', '一般行政管理事务'],
  ['2060199', '其他科学技术管理事务支出'],
  ['2060402', '应用技术研究与开发'],
  ['2070101', '行政运行'],
  ['2070104', '图书馆'],
  ['2070109', '群众文化'],
  ['2070199', '其他文化和旅游支出'],
  ['2070307', '体育场馆'],
  ['2080101', '行政运行'],
  ['2080109', '社会保险经办机构'],
  ['2080501', '行政单位离退休'],
  ['2080502', '事业单位离退休'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['2080506', '机关事业单位职业年金缴费支出'],
  ['2080801', '死亡抚恤'],
  ['2100101', '行政运行'],
  ['2100199', '其他卫生健康管理事务支出'],
  ['2101101', '行政单位医疗'],
  ['2101102', '事业单位医疗'],
  ['2101103', '公务员医疗补助'],
  ['2110301', '大气'],
  ['2110302', '水体'],
  ['2120101', '行政运行'],
  ['2120104', '城管执法'],
  ['2130101', '行政运行'],
  ['2130104', '事业运行'],
  ['2130108', '病虫害控制'],
  ['2130153', '农田建设'],
  ['2130301', '行政运行'],
  ['2130306', '水利工程运行与维护'],
  ['2130399', '其他水利支出'],
  ['2210201', '住房公积金'],
  ['2210202', '提租补贴'],
  ['2210203', '购房补贴'],
];
const longTree = (() => {
  const rnd = mulberry32(20250115);
  const leaves = longLeafNames.map(([code, name]) => {
    const basic = rnd() < 0.8 ? Math.round(rnd() * 2_500_000_00) + 50_000_00 : 0;
    const project = rnd() < 0.5 || basic === 0 ? Math.round(rnd() * 1_800_000_00) + 10_000_00 : 0;
    return { code, name, v: [basic, project] };
  });
  return subjectTree(leaves, longParents);
})();

export const longTable = {
  kind: 'general_public_expenditure',
  title: '2025年一般公共预算支出表',
  label: '表5',
  unit: '元',
  cols: [
    { w: 60, align: 'left' },
    { w: 175, align: 'left' },
    { w: 90, align: 'right', num: true },
    { w: 90, align: 'right', num: true },
    { w: 90, align: 'right', num: true },
  ],
  header: [
    [{ t: '功能分类科目', cs: 2 }, null, { t: '2025年预算数', cs: 3 }, null, null],
    ['编码', '名称', '合计', '基本支出', '项目支出'],
  ],
  body: [
    ['', '合计', money(sum(longTree.total)), ...longTree.total.map((c) => money(c, { blank: true }))],
    ...longTree.rows.map((r) => [r.code, r.name, money(sum(r.v)), ...r.v.map((c) => money(c, { blank: true }))]),
  ],
};

// ---------------------------------------------------------------------------------------------
// 5. merged-across-pages.pdf — 项目支出绩效目标表. 项目名称 / 预算金额 / 年度目标 are merged
// down over each project's indicator rows; one project runs over the page break.

const projects = [
  {
    name: '财政信息化系统运维项目',
    amount: Y('1,280,000.00'),
    goal: '保障预算管理一体化系统、非税收入收缴系统等核心业务系统全年稳定运行，及时响应各类运维需求，提升财政管理信息化水平。',
    indicators: [
      ['产出指标', '数量指标', '运维业务系统数量', '12个'],
      ['产出指标', '质量指标', '系统全年可用率', '≥99%'],
      ['产出指标', '时效指标', '故障响应时间', '≤2小时'],
      ['产出指标', '成本指标', '运维费用控制', '≤128万元'],
      ['效益指标', '社会效益指标', '财政业务办理效率', '明显提升'],
      ['满意度指标', '服务对象满意度指标', '使用单位满意度', '≥90%'],
    ],
  },
  {
    name: '政府采购监督管理专项经费',
    amount: Y('360,000.00'),
    goal: '开展政府采购项目监督检查和代理机构考核，规范政府采购行为，提高政府采购透明度和资金使用效益。',
    indicators: [
      ['产出指标', '数量指标', '监督检查项目数', '≥60个'],
      ['产出指标', '质量指标', '问题整改完成率', '100%'],
      ['产出指标', '时效指标', '投诉处理办结时限', '≤30个工作日'],
      ['效益指标', '社会效益指标', '政府采购透明度', '持续提高'],
      ['满意度指标', '服务对象满意度指标', '采购人满意度', '≥90%'],
    ],
  },
  {
    name: '国库集中支付代理银行服务费',
    amount: Y('420,000.00'),
    goal: '保障国库集中支付业务正常开展，确保财政资金支付及时、准确、安全，代理银行服务质量达到协议要求。',
    indicators: [
      ['产出指标', '数量指标', '支付业务笔数', '≥12万笔'],
      ['产出指标', '质量指标', '支付差错率', '0'],
      ['产出指标', '时效指标', '支付办理时限', '1个工作日'],
      ['效益指标', '经济效益指标', '资金支付安全性', '无资金损失'],
      ['满意度指标', '服务对象满意度指标', '预算单位满意度', '≥90%'],
    ],
  },
  {
    name: '财政票据印制及管理经费',
    amount: Y('150,000.00'),
    goal: '按时完成财政票据印制、发放和核销工作，保障各执收单位票据使用需求。',
    indicators: [
      ['产出指标', '数量指标', '票据印制数量', '≥8万份'],
      ['产出指标', '质量指标', '票据核销准确率', '100%'],
      ['效益指标', '社会效益指标', '票据电子化覆盖率', '≥95%'],
      ['满意度指标', '服务对象满意度指标', '执收单位满意度', '≥90%'],
    ],
  },
  {
    name: '财政监督检查专项经费',
    amount: Y('210,000.00'),
    goal: '开展会计信息质量和财经纪律专项检查，督促问题整改落实，严肃财经纪律。',
    indicators: [
      ['产出指标', '数量指标', '检查单位数量', '≥30家'],
      ['产出指标', '质量指标', '问题整改率', '≥95%'],
      ['效益指标', '社会效益指标', '财经秩序规范程度', '有效改善'],
    ],
  },
  {
    name: '预算绩效评价第三方服务项目',
    amount: Y('850,000.00'),
    goal: '委托第三方机构对重点民生项目和部门整体支出开展绩效评价，形成评价报告并督促问题整改，推动评价结果与预算安排有机结合，提高财政资金使用效益，进一步健全全过程预算绩效管理体系，为下一年度预算编制和政策调整提供参考依据。',
    indicators: [
      ['产出指标', '数量指标', '重点评价项目数', '≥20个'],
      ['产出指标', '数量指标', '部门整体评价数', '≥5个'],
      ['产出指标', '质量指标', '评价报告合格率', '100%'],
      ['产出指标', '时效指标', '评价报告完成时间', '2025年10月底前'],
      ['效益指标', '社会效益指标', '评价结果应用率', '≥80%'],
      ['效益指标', '可持续影响指标', '绩效管理制度完善程度', '持续完善'],
      ['满意度指标', '服务对象满意度指标', '被评价单位满意度', '≥85%'],
    ],
  },
  {
    name: '政府债务管理专项经费',
    amount: Y('180,000.00'),
    goal: '做好政府债券发行、还本付息和债务风险监测工作，守住不发生系统性风险底线。',
    indicators: [
      ['产出指标', '数量指标', '债券发行批次', '≥6批'],
      ['产出指标', '时效指标', '还本付息及时率', '100%'],
      ['效益指标', '社会效益指标', '债务风险等级', '保持绿色'],
      ['满意度指标', '服务对象满意度指标', '项目单位满意度', '≥90%'],
    ],
  },
];

export const performanceTable = {
  kind: 'project_performance',
  title: '2025年项目支出绩效目标表',
  label: '表12',
  unit: '元',
  cols: [
    { w: 66, align: 'left' },
    { w: 64, align: 'right', num: true },
    { w: 118, align: 'left' },
    { w: 50, align: 'center' },
    { w: 58, align: 'center' },
    { w: 92, align: 'left' },
    { w: 66, align: 'left' },
  ],
  header: [['项目名称', '预算金额', '年度目标', '一级指标', '二级指标', '三级指标', '指标值']],
  body: projects.flatMap((p) =>
    p.indicators.map((ind, i) =>
      i === 0
        ? [
            { t: p.name, rs: p.indicators.length },
            { t: money(p.amount), rs: p.indicators.length },
            { t: p.goal, rs: p.indicators.length },
            ...ind,
          ]
        : [null, null, null, ...ind],
    ),
  ),
};
/** Index of the project whose rows run over the page break (checked by the generator). */
export const performanceSplitProject = 5;
export const performanceProjects = projects;

// ---------------------------------------------------------------------------------------------
// 6. borderless.pdf — 一般公共预算基本支出表 with no rulings at all.
// Values: [人员经费, 公用经费]; 301/303 are 人员经费, 302 is 公用经费.

const econ = (() => {
  const groups = [
    [
      '301',
      '工资福利支出',
      0,
      [
        ['30101', '基本工资', Y('2,856,000.00')],
        ['30102', '津贴补贴', Y('3,120,480.00')],
        ['30103', '奖金', Y('238,000.00')],
        ['30108', '机关事业单位基本养老保险缴费', Y('1,126,789.44')],
        ['30109', '职业年金缴费', Y('563,394.72')],
        ['30110', '职工基本医疗保险缴费', Y('422,546.04')],
        ['30113', '住房公积金', Y('845,092.08')],
      ],
    ],
    [
      '302',
      '商品和服务支出',
      1,
      [
        ['30201', '办公费', Y('186,000.00')],
        ['30206', '电费', Y('96,500.00')],
        ['30211', '差旅费', Y('154,000.00')],
        ['30228', '工会经费', Y('121,440.00')],
      ],
    ],
    ['303', '对个人和家庭的补助', 0, [['30302', '退休费', Y('48,600.00')]]],
  ];
  const rows = [];
  const total = [0, 0];
  for (const [code, name, slot, items] of groups) {
    const v = [0, 0];
    v[slot] = sum(items.map((i) => i[2]));
    total[slot] += v[slot];
    rows.push([code, name, money(sum(v)), ...v.map((c) => money(c, { blank: true }))]);
    for (const [c, n, amt] of items) {
      const iv = [0, 0];
      iv[slot] = amt;
      rows.push([c, n, money(amt), ...iv.map((x) => money(x, { blank: true }))]);
    }
  }
  return [['', '合计', money(sum(total)), ...total.map((c) => money(c))], ...rows];
})();

export const borderlessTable = {
  kind: 'basic_expenditure',
  title: '2025年一般公共预算基本支出表',
  label: '表6',
  unit: '元',
  cols: [
    { w: 80, align: 'left' },
    { w: 170, align: 'left' },
    { w: 90, align: 'right', num: true },
    { w: 90, align: 'right', num: true },
    { w: 90, align: 'right', num: true },
  ],
  header: [['经济分类科目编码', '经济分类科目名称', '合计', '人员经费', '公用经费']],
  body: econ,
};

// ---------------------------------------------------------------------------------------------
// 7. empty-table.pdf — an empty 政府性基金预算支出表 and, on the same page, a small 国有资本经营预算支出表.

const fundHeader = [
  [{ t: '功能分类科目', cs: 2 }, null, { t: '合计', rs: 2 }, { t: '基本支出', rs: 2 }, { t: '项目支出', rs: 2 }],
  ['编码', '名称', null, null, null],
];
const fundCols = [
  { w: 70, align: 'left' },
  { w: 190, align: 'left' },
  { w: 85, align: 'right', num: true },
  { w: 85, align: 'right', num: true },
  { w: 85, align: 'right', num: true },
];

export const emptyFundTable = {
  kind: 'government_fund',
  title: '2025年政府性基金预算支出表',
  label: '表7',
  unit: '元',
  cols: fundCols,
  header: fundHeader,
  body: [[{ t: '本表无数据', cs: 5, align: 'center' }, null, null, null, null]],
  empty: true,
};

const scAmt = Y('268,400.00');
export const stateCapitalTable = {
  kind: 'state_capital',
  title: '2025年国有资本经营预算支出表',
  label: '表8',
  unit: '元',
  cols: fundCols,
  header: fundHeader,
  body: [
    ['', '合计', money(scAmt), '', money(scAmt)],
    ['223', '国有资本经营预算支出', money(scAmt), '', money(scAmt)],
    ['22301', '解决历史遗留问题及改革成本支出', money(scAmt), '', money(scAmt)],
    ['2230105', '国有企业退休人员社会化管理补助支出', money(scAmt), '', money(scAmt)],
  ],
};

// ---------------------------------------------------------------------------------------------
// 8. rotated.pdf — 财政拨款收支总表 on a landscape page stored as portrait with /Rotate 90.
// Expenditure values: [一般公共预算, 政府性基金预算, 国有资本经营预算].

const fiscalExp = [
  ['（一）一般公共服务支出', [Y('15,320,413.00'), 0, 0]],
  ['（二）社会保障和就业支出', [Y('2,156,906.16'), 0, Y('268,400.00')]],
  ['（三）卫生健康支出', [Y('598,123.50'), 0, 0]],
  ['（四）城乡社区支出', [0, Y('1,800,000.00'), 0]],
  ['（五）住房保障支出', [Y('936,540.00'), 0, 0]],
];
const fiscalTot = fiscalExp.reduce((acc, [, v]) => addVec(acc, v), [0, 0, 0]);
const fiscalIncome = ['（一）一般公共预算拨款', '（二）政府性基金预算拨款', '（三）国有资本经营预算拨款'];
const fiscalRow = (v) => [money(sum(v)), ...v.map((c) => money(c, { blank: true }))];

export const fiscalSummaryTable = {
  kind: 'fiscal_summary',
  title: '2025年财政拨款收支总表',
  label: '表4',
  unit: '元',
  cols: [
    { w: 150, align: 'left' },
    { w: 92, align: 'right', num: true },
    { w: 150, align: 'left' },
    { w: 92, align: 'right', num: true },
    { w: 92, align: 'right', num: true },
    { w: 92, align: 'right', num: true },
    { w: 92, align: 'right', num: true },
  ],
  header: [
    [{ t: '收入', cs: 2 }, null, { t: '支出', cs: 5 }, null, null, null, null],
    ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
  ],
  body: [
    ['一、本年收入', money(sum(fiscalTot)), '一、本年支出', ...fiscalRow(fiscalTot)],
    ...fiscalExp.map(([name, v], i) => [
      fiscalIncome[i] ?? '',
      i < 3 ? money(fiscalTot[i]) : '',
      name,
      ...fiscalRow(v),
    ]),
    ['二、上年结转', '', '二、结转下年', '', '', '', ''],
    ['收入总计', money(sum(fiscalTot)), '支出总计', ...fiscalRow(fiscalTot)],
  ],
};

// ---------------------------------------------------------------------------------------------
// 9. sample-budget.pdf — a small complete 部门预算 of 示例市财政局.
// Leaf values: [基本支出, 项目支出] and funding [一般公共预算拨款, 其他收入] per leaf.

export const sampleDepartment = '示例市财政局';
export const sampleYear = 2025;

const sampleLeaves = [
  { code: '2010601', name: '行政运行', basic: Y('6,853,420.00'), project: 0, other: 0 },
  { code: '2010602', name: '一般行政管理事务', basic: 0, project: Y('1,660,000.00'), other: Y('60,000.00') },
  { code: '2010607', name: '信息化建设', basic: 0, project: Y('1,280,000.00'), other: 0 },
  { code: '2010650', name: '事业运行', basic: Y('2,104,380.00'), project: 0, other: Y('85,000.00') },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出', basic: Y('1,126,789.44'), project: 0, other: 0 },
  { code: '2080506', name: '机关事业单位职业年金缴费支出', basic: Y('563,394.72'), project: 0, other: 0 },
  { code: '2101101', name: '行政单位医疗', basic: Y('322,546.04'), project: 0, other: 0 },
  { code: '2101102', name: '事业单位医疗', basic: Y('100,000.00'), project: 0, other: 0 },
  { code: '2210201', name: '住房公积金', basic: Y('845,092.08'), project: 0, other: 0 },
];
const sampleParents = {
  201: '一般公共服务支出',
  20106: '财政事务',
  208: '社会保障和就业支出',
  20805: '行政事业单位养老支出',
  210: '卫生健康支出',
  21011: '行政事业单位医疗',
  221: '住房保障支出',
  22102: '住房改革支出',
};
const sampleExpTree = subjectTree(
  sampleLeaves.map((l) => ({ code: l.code, name: l.name, v: [l.basic, l.project] })),
  sampleParents,
);
const sampleIncTree = subjectTree(
  sampleLeaves.map((l) => ({ code: l.code, name: l.name, v: [l.basic + l.project - l.other, 0, l.other] })),
  sampleParents,
);
const sampleTotal = sum(sampleExpTree.total);
if (sampleTotal !== sum(sampleIncTree.total)) throw new Error('sample: income != expenditure');
const [sampleGP, , sampleOther] = sampleIncTree.total;
const classTotal = (code) => sum(sampleExpTree.rows.find((r) => r.code === code).v);

const sampleCols4 = [
  { w: 170, align: 'left' },
  { w: 90, align: 'right', num: true },
  { w: 170, align: 'left' },
  { w: 90, align: 'right', num: true },
];

export const sampleSummaryTable = {
  kind: 'income_expenditure_summary',
  title: '2025年部门收支总表',
  label: '表1',
  unit: '元',
  cols: sampleCols4,
  header: [
    [{ t: '收入', cs: 2 }, null, { t: '支出', cs: 2 }, null],
    ['项目', '预算数', '项目', '预算数'],
  ],
  body: [
    ['一、一般公共预算拨款收入', money(sampleGP), '一、一般公共服务支出', money(classTotal('201'))],
    ['二、政府性基金预算拨款收入', '', '二、社会保障和就业支出', money(classTotal('208'))],
    ['三、国有资本经营预算拨款收入', '', '三、卫生健康支出', money(classTotal('210'))],
    ['四、事业收入', '', '四、住房保障支出', money(classTotal('221'))],
    ['五、其他收入', money(sampleOther), '', ''],
    ['本年收入合计', money(sampleTotal), '本年支出合计', money(sampleTotal)],
    ['上年结转结余', '', '结转下年', ''],
    ['收入总计', money(sampleTotal), '支出总计', money(sampleTotal)],
  ],
};

export const sampleIncomeTable = {
  kind: 'income',
  title: '2025年部门收入总表',
  label: '表2',
  unit: '元',
  cols: [
    { w: 56, align: 'left' },
    { w: 165, align: 'left' },
    { w: 78, align: 'right', num: true },
    { w: 78, align: 'right', num: true },
    { w: 66, align: 'right', num: true },
    { w: 70, align: 'right', num: true },
  ],
  header: [
    [
      { t: '功能分类科目', cs: 2 },
      null,
      { t: '合计', rs: 2 },
      { t: '一般公共预算拨款收入', rs: 2 },
      { t: '政府性基金预算拨款收入', rs: 2 },
      { t: '其他收入', rs: 2 },
    ],
    ['编码', '名称', null, null, null, null],
  ],
  body: [
    ['', '合计', money(sampleTotal), ...sampleIncTree.total.map((c) => money(c, { blank: true }))],
    ...sampleIncTree.rows.map((r) => [r.code, r.name, money(sum(r.v)), ...r.v.map((c) => money(c, { blank: true }))]),
  ],
};

export const sampleExpenditureTable = {
  kind: 'expenditure',
  title: '2025年部门支出总表',
  label: '表3',
  unit: '元',
  cols: [
    { w: 60, align: 'left' },
    { w: 190, align: 'left' },
    { w: 85, align: 'right', num: true },
    { w: 85, align: 'right', num: true },
    { w: 85, align: 'right', num: true },
  ],
  header: [
    [{ t: '功能分类科目', cs: 2 }, null, { t: '合计', rs: 2 }, { t: '基本支出', rs: 2 }, { t: '项目支出', rs: 2 }],
    ['编码', '名称', null, null, null],
  ],
  body: [
    ['', '合计', money(sampleTotal), ...sampleExpTree.total.map((c) => money(c, { blank: true }))],
    ...sampleExpTree.rows.map((r) => [r.code, r.name, money(sum(r.v)), ...r.v.map((c) => money(c, { blank: true }))]),
  ],
};

const car = { buy: 0, run: Y('86,000.00') };
const abroad = Y('0.00');
const reception = Y('24,500.00');
export const sampleThreePublicTable = {
  kind: 'three_public',
  title: '2025年一般公共预算“三公”经费支出表',
  label: '表4',
  unit: '元',
  cols: [
    { w: 86, align: 'right', num: true },
    { w: 86, align: 'right', num: true },
    { w: 86, align: 'right', num: true },
    { w: 86, align: 'right', num: true },
    { w: 86, align: 'right', num: true },
    { w: 86, align: 'right', num: true },
  ],
  header: [
    [
      { t: '合计', rs: 2 },
      { t: '因公出国（境）费', rs: 2 },
      { t: '公务用车购置及运行费', cs: 3 },
      null,
      null,
      { t: '公务接待费', rs: 2 },
    ],
    [null, null, '小计', '公务用车购置费', '公务用车运行费', null],
  ],
  body: [
    [
      money(abroad + car.buy + car.run + reception),
      money(abroad),
      money(car.buy + car.run),
      money(car.buy),
      money(car.run),
      money(reception),
    ],
  ],
};

// ---------------------------------------------------------------------------------------------
// 10. records-kinds.pdf — a 部门预算 of 示例县自然资源局 with one table of each remaining record kind:
// 财政拨款支出预算表（部门经济分类科目）, 一般公共预算项目支出预算表, 政府性基金预算“三公”经费支出预算表,
// 部门整体支出绩效目标表 (a form), 政府采购预算表, and the 绩效目标表 again as Sichuan prints it (a plain grid with a
// two-level money header). Cover page + one table a page.

export const recordsDepartment = '示例县自然资源局';
export const recordsYear = 2025;

/** Projects: [function code, 项目名称, cents, economic code the project spends on]. */
export const recordsProjects = [
  ['2200101', '自然资源调查监测项目', Y('1,860,000.00'), '30227'],
  ['2200104', '国土空间规划编制项目', Y('2,350,000.00'), '30227'],
  ['2200106', '自然资源执法监察专项经费', Y('486,500.00'), '30213'],
  ['2200109', '不动产登记信息平台运维项目', Y('923,400.00'), '30213'],
  ['2200109', '不动产登记设备购置项目', Y('380,100.00'), '31002'],
];

// Economic items: [code, name, 人员经费, 公用经费] (cents); projects add 项目支出 by economic code.
const recordsEconGroups = [
  [
    '301',
    '工资福利支出',
    [
      ['30101', '基本工资', Y('2,146,800.00'), 0],
      ['30102', '津贴补贴', Y('2,573,160.00'), 0],
      ['30103', '奖金', Y('178,900.00'), 0],
      ['30108', '机关事业单位基本养老保险缴费', Y('836,540.00'), 0],
      ['30113', '住房公积金', Y('627,405.00'), 0],
    ],
  ],
  [
    '302',
    '商品和服务支出',
    [
      ['30201', '办公费', 0, Y('132,000.00')],
      ['30211', '差旅费', 0, Y('98,600.00')],
      ['30213', '维修（护）费', 0, Y('45,000.00')],
      ['30227', '委托业务费', 0, 0],
      ['30228', '工会经费', 0, Y('96,195.00')],
    ],
  ],
  ['303', '对个人和家庭的补助', [['30302', '退休费', Y('36,000.00'), 0]]],
  ['310', '资本性支出', [['31002', '办公设备购置', 0, 0]]],
];

/** Rows { code, name, level, v: [人员经费, 公用经费, 项目支出] } and the total vector. */
export const recordsEconomic = (() => {
  const projectBy = new Map();
  for (const [, , amt, econ] of recordsProjects) projectBy.set(econ, (projectBy.get(econ) ?? 0) + amt);
  const rows = [];
  const total = [0, 0, 0];
  for (const [code, name, items] of recordsEconGroups) {
    const group = { code, name, level: 1, v: [0, 0, 0] };
    rows.push(group);
    for (const [c, n, personnel, pub] of items) {
      const v = [personnel, pub, projectBy.get(c) ?? 0];
      projectBy.delete(c);
      group.v = addVec(group.v, v);
      rows.push({ code: c, name: n, level: 2, v });
    }
    for (let i = 0; i < 3; i++) total[i] += group.v[i];
  }
  if (projectBy.size) throw new Error(`records-kinds: projects on economic codes not listed: ${[...projectBy.keys()]}`);
  return { rows, total };
})();

const econCells = (v) => [
  money(sum(v)),
  money(v[0] + v[1], { blank: true }),
  ...v.map((c) => money(c, { blank: true })),
];

export const fiscalEconomicTable = {
  kind: 'fiscal_expenditure_economic',
  title: '2025年财政拨款支出预算表（部门经济分类科目）',
  label: '表4',
  unit: '元',
  cols: [
    { w: 34, align: 'center' },
    { w: 30, align: 'center' },
    { w: 140, align: 'left' },
    { w: 72, align: 'right', num: true },
    { w: 64, align: 'right', num: true },
    { w: 64, align: 'right', num: true },
    { w: 64, align: 'right', num: true },
    { w: 64, align: 'right', num: true },
  ],
  header: [
    [
      { t: '科目编码', cs: 2 },
      null,
      { t: '科目名称', rs: 2 },
      { t: '合计', rs: 2 },
      { t: '基本支出', cs: 3 },
      null,
      null,
      { t: '项目支出', rs: 2 },
    ],
    ['类', '款', null, null, '小计', '人员经费', '公用经费', null],
  ],
  body: [
    ['', '', '合计', ...econCells(recordsEconomic.total)],
    ...recordsEconomic.rows.map((r) => [
      r.code.slice(0, 3),
      r.level === 2 ? r.code.slice(3, 5) : '',
      r.name,
      ...econCells(r.v),
    ]),
  ],
};

const recordsProjectTotal = sum(recordsProjects.map((p) => p[2]));
if (recordsProjectTotal !== recordsEconomic.total[2]) throw new Error('records-kinds: projects != 项目支出');

export const projectExpenditureTable = {
  kind: 'project_expenditure',
  title: '2025年一般公共预算项目支出预算表',
  label: '表8',
  unit: '元',
  cols: [
    { w: 70, align: 'left' },
    { w: 230, align: 'left' },
    { w: 100, align: 'right', num: true },
  ],
  header: [['科目编码', '项目名称', '金额']],
  body: [
    ['', '合计', money(recordsProjectTotal)],
    ...recordsProjects.map(([code, name, amt]) => [code, name, money(amt)]),
  ],
};

/** Per unit: [单位名称, 因公出国（境）费, 公务用车购置费, 公务用车运行费, 公务接待费] (cents). */
export const fundThreePublicUnits = [
  ['示例县自然资源局（本级）', 0, Y('180,000.00'), Y('36,500.00'), Y('12,800.00')],
  ['示例县不动产登记中心', 0, 0, Y('18,260.00'), Y('4,350.50')],
  ['示例县土地储备中心', Y('45,000.00'), 0, Y('9,840.00'), 0],
];
const threeCells = ([abroad, buy, run, reception]) => [
  money(abroad + buy + run + reception),
  money(abroad),
  money(buy + run),
  money(buy),
  money(run),
  money(reception),
];
const fundThreeTotal = fundThreePublicUnits.reduce((acc, [, ...v]) => addVec(acc, v), [0, 0, 0, 0]);

export const fundThreePublicTable = {
  kind: 'government_fund_three_public',
  title: '2025年政府性基金预算“三公”经费支出预算表',
  label: '表10',
  unit: '元',
  cols: [
    { w: 130, align: 'left' },
    { w: 64, align: 'right', num: true },
    { w: 64, align: 'right', num: true },
    { w: 64, align: 'right', num: true },
    { w: 64, align: 'right', num: true },
    { w: 64, align: 'right', num: true },
    { w: 64, align: 'right', num: true },
  ],
  header: [
    [
      { t: '单位名称', rs: 2 },
      { t: '合计', rs: 2 },
      { t: '因公出国（境）费', rs: 2 },
      { t: '公务用车购置及运行费', cs: 3 },
      null,
      null,
      { t: '公务接待费', rs: 2 },
    ],
    [null, null, null, '小计', '公务用车购置费', '公务用车运行费', null],
  ],
  body: [
    ['合计', ...threeCells(fundThreeTotal)],
    ...fundThreePublicUnits.map(([unit, ...v]) => [unit, ...threeCells(v)]),
  ],
};

const recordsTotal = sum(recordsEconomic.total);
if (recordsTotal % 10000 !== 0)
  throw new Error('records-kinds: the total must be whole 元 hundreds to print exactly in 万元');

/** 部门整体支出绩效目标表: fields above the indicator grid. */
export const overallPerformance = {
  department: recordsDepartment,
  fundLabel: '年度预算资金（万元）',
  fundTotalLabel: '资金总额',
  /** 资金总额 in 万元: the 财政拨款 total. */
  fundTotal: money(recordsTotal / 10000), // 元 cents / 10000 = 万元 cents: two decimals, exact
  goal: '全面完成年度自然资源调查监测和国土空间规划编制任务，推进不动产登记便民服务，加强自然资源执法监察，严守耕地保护红线，保障经济社会发展用地需求，提升自然资源治理能力和服务水平。',
  indicators: [
    ['产出指标', '数量指标', '完成调查监测图斑数量', '≥12000个'],
    ['产出指标', '质量指标', '规划成果审查通过率', '100%'],
    ['产出指标', '时效指标', '不动产登记办结时限', '≤5个工作日'],
    ['效益指标', '社会效益指标', '耕地保有量', '≥38.6万亩'],
    ['效益指标', '可持续影响指标', '违法用地查处率', '≥95%'],
    ['满意度指标', '服务对象满意度指标', '办事群众满意度', '≥90%'],
  ],
};
if (overallPerformance.fundTotal.replace(/,/g, '') !== (recordsTotal / 1_000_000).toFixed(2))
  throw new Error('records-kinds: 资金总额');

export const overallPerformanceTable = {
  kind: 'overall_performance',
  title: '2025年部门整体支出绩效目标表',
  label: '表13',
  unit: '万元',
  cols: [
    { w: 110, align: 'center' },
    { w: 110, align: 'center' },
    { w: 170, align: 'left' },
    { w: 110, align: 'left' },
  ],
  header: [],
  body: [
    ['部门名称', { t: overallPerformance.department, cs: 3, align: 'left' }, null, null],
    [
      overallPerformance.fundLabel,
      overallPerformance.fundTotalLabel,
      { t: overallPerformance.fundTotal, cs: 2, align: 'left' },
      null,
    ],
    ['年度总体目标', { t: overallPerformance.goal, cs: 3, align: 'left' }, null, null],
    ['一级指标', '二级指标', { t: '三级指标', align: 'center' }, { t: '指标值', align: 'center' }],
    ...overallPerformance.indicators,
  ],
};

/**
 * The same form as Sichuan prints it (seed-a p.34): a plain ruled grid, not label/value pairs. Its money is a two-level
 * header — 基本支出 and 项目支出, each split into 合计/财政拨款/专户资金/单位资金 — over one row of amounts; tasks
 * under 年度主要任务; indicators under their own header row, with operator, value, unit and weight apart.
 */
export const gridPerformance = {
  unitName: `301-${recordsDepartment}`,
  /** [合计, 财政拨款, 专户资金, 单位资金] in 万元 cents; blank where nothing is budgeted. */
  basic: [Y('431.00'), Y('412.60'), 0, Y('18.40')],
  project: [Y('623.15'), Y('623.15'), 0, 0],
  goal: '保障机关正常运转，完成年度自然资源调查监测、国土空间规划编制和不动产登记任务，严守耕地保护红线。',
  tasks: [
    ['机关运行保障', '保障在职人员工资福利和机关日常运转，按时足额缴纳社会保险。'],
    ['调查监测', '完成年度国土变更调查和耕地资源质量分类监测。'],
    ['不动产登记', '推进不动产登记便民服务，完成登记信息平台运维。'],
  ],
  /** [一级指标, 二级指标, 三级指标, 性质, 指标值, 度量单位, 权重] */
  indicators: [
    ['产出指标', '数量指标', '完成调查监测图斑数量', '≥', '12000', '个', '20'],
    ['产出指标', '时效指标', '不动产登记办结时限', '≤', '5', '工作日', '20'],
    ['效益指标', '社会效益指标', '耕地保有量', '≥', '38.6', '万亩', '30'],
    ['满意度指标', '服务对象满意度指标', '办事群众满意度', '≥', '90', '%', '30'],
  ],
};
export const gridPerformanceTotal = gridPerformance.basic[0] + gridPerformance.project[0];
for (const part of [gridPerformance.basic, gridPerformance.project]) {
  if (part[0] !== part[1] + part[2] + part[3]) throw new Error('records-kinds: 合计 = 财政拨款 + 专户资金 + 单位资金');
}

const gpMoney = (cents) => (cents ? money(cents) : '');
export const gridPerformanceTable = {
  kind: 'overall_performance',
  title: '2025年部门整体支出绩效目标表',
  label: '表15',
  unit: '万元',
  cols: [
    { w: 62, align: 'center' },
    ...Array.from({ length: 8 }, () => ({ w: 48, align: 'right' })),
    { w: 54, align: 'center' },
  ],
  header: [],
  body: [
    [
      { t: '预算(单位)名称', cs: 2 },
      null,
      { t: gridPerformance.unitName, cs: 8, align: 'left' },
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    [
      { t: '总体资金情况(万元)', rs: 3 },
      { t: '预算支出总额', rs: 2 },
      { t: '基本支出', cs: 4, align: 'center' },
      null,
      null,
      null,
      { t: '项目支出', cs: 4, align: 'center' },
      null,
      null,
      null,
    ],
    [
      null,
      null,
      ...['合计', '财政拨款', '专户资金', '单位资金', '合计', '财政拨款', '专户资金', '单位资金'].map((t) => ({
        t,
        align: 'center',
      })),
    ],
    [null, money(gridPerformanceTotal), ...gridPerformance.basic.map(gpMoney), ...gridPerformance.project.map(gpMoney)],
    [
      { t: '整体绩效目标', cs: 2 },
      null,
      { t: gridPerformance.goal, cs: 8, align: 'left' },
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    [
      { t: '年度主要任务', rs: 1 + gridPerformance.tasks.length },
      { t: '任务名称', cs: 2, align: 'center' },
      null,
      { t: '主要内容', cs: 7, align: 'center' },
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    ...gridPerformance.tasks.map(([name, content]) => [
      null,
      { t: name, cs: 2, align: 'left' },
      null,
      { t: content, cs: 7, align: 'left' },
      null,
      null,
      null,
      null,
      null,
      null,
    ]),
    [
      { t: '年度绩效指标', rs: 1 + gridPerformance.indicators.length },
      '一级指标',
      '二级指标',
      { t: '三级指标', cs: 3, align: 'center' },
      null,
      null,
      '绩效指标性质',
      '绩效指标值',
      '绩效度量单位',
      '权重',
    ],
    ...gridPerformance.indicators.map(([l1, l2, name, op, value, unit, weight]) => [
      null,
      l1,
      l2,
      { t: name, cs: 3, align: 'left' },
      null,
      null,
      op,
      value,
      unit,
      weight,
    ]),
  ],
};

/** Items: [项目名称, 采购品目, 数量, 总金额, 专门面向中小企业, 专门面向小型、微型企业] (cents). */
export const procurementItems = [
  ['不动产登记设备购置项目', '台式计算机', '40', Y('220,000.00'), Y('220,000.00'), Y('150,000.00')],
  ['不动产登记设备购置项目', '多功能一体机', '12', Y('160,100.00'), Y('160,100.00'), 0],
  ['国土空间规划编制项目', '规划编制服务', '1', Y('2,350,000.00'), 0, 0],
  ['自然资源调查监测项目', '测绘服务', '1', Y('1,860,000.00'), Y('1,860,000.00'), Y('1,860,000.00')],
];
const procurementTotal = procurementItems.reduce((acc, [, , , ...v]) => addVec(acc, v), [0, 0, 0]);

export const procurementTable = {
  kind: 'procurement',
  title: '2025年政府采购预算表',
  label: '表14',
  unit: '元',
  cols: [
    { w: 150, align: 'left' },
    { w: 80, align: 'left' },
    { w: 40, align: 'right' },
    { w: 80, align: 'right', num: true },
    { w: 80, align: 'right', num: true },
    { w: 80, align: 'right', num: true },
  ],
  header: [['单位名称/项目名称', '采购品目', '数量', '总金额', '专门面向中小企业采购', '专门面向小型、微型企业采购']],
  body: [
    ['合计', '', '', ...procurementTotal.map((c) => money(c))],
    ...procurementItems.map(([name, cat, qty, ...v]) => [name, cat, qty, ...v.map((c) => money(c))]),
  ],
};

// ---------------------------------------------------------------------------------------------
// 11. final-account.pdf — a 部门决算 of 示例区审计局: the cover line and the “三公” 决算表 (预算数 and
// 决算数 side by side) on a landscape page, the 收入支出决算总表 on the second.

export const finalDepartment = '示例区审计局';
export const finalYear = 2024;
export const finalCover = `${finalDepartment}${finalYear}年度部门决算`;

/** [因公出国(境)费, 公务用车购置费, 公务用车运行费, 公务接待费] (cents) per basis. */
export const finalThreePublic = {
  budget: [Y('60,000.00'), 0, Y('42,000.00'), Y('18,000.00')],
  actual: [0, 0, Y('38,612.40'), Y('9,875.00')],
};

const finalThreeHeader = (basis) => [
  [{ t: basis, cs: 6 }, null, null, null, null, null],
  [
    { t: '合计', rs: 2 },
    { t: '因公出国(境)费', rs: 2 },
    { t: '公务用车购置及运行费', cs: 3 },
    null,
    null,
    { t: '公务接待费', rs: 2 },
  ],
  [null, null, '小计', '购置费', '运行费', null],
];
const finalThreeHeaders = [finalThreeHeader('预算数'), finalThreeHeader('决算数')];

export const finalThreePublicTable = {
  kind: 'three_public',
  title: '2024年度财政拨款“三公”经费支出决算表',
  label: '表7',
  unit: '元',
  cols: Array.from({ length: 12 }, () => ({ w: 62, align: 'right', num: true })),
  header: [0, 1, 2].map((r) => [...finalThreeHeaders[0][r], ...finalThreeHeaders[1][r]]),
  body: [[...threeCells(finalThreePublic.budget), ...threeCells(finalThreePublic.actual)]],
};

/** 收入支出决算总表: income items, expenditure items, carry-overs (cents). */
export const finalSummary = {
  income: [
    ['一、财政拨款收入', Y('8,652,310.25')],
    ['二、事业收入', 0],
    ['三、其他收入', Y('36,480.00')],
  ],
  expenditure: [
    ['一、一般公共服务支出', Y('7,120,455.60')],
    ['二、社会保障和就业支出', Y('896,214.35')],
    ['三、卫生健康支出', Y('312,680.10')],
    ['四、住房保障支出', Y('395,840.20')],
  ],
  carriedOver: Y('168,900.00'),
};
{
  const inc = sum(finalSummary.income.map((i) => i[1]));
  const exp = sum(finalSummary.expenditure.map((i) => i[1]));
  finalSummary.incomeTotal = inc;
  finalSummary.expenditureTotal = exp;
  finalSummary.yearEndBalance = inc + finalSummary.carriedOver - exp;
  finalSummary.grandTotal = inc + finalSummary.carriedOver;
  if (finalSummary.yearEndBalance < 0) throw new Error('final-account: negative 年末结转和结余');
}

export const finalSummaryTable = {
  kind: 'income_expenditure_summary',
  title: '收入支出决算总表',
  label: '表1',
  unit: '元',
  cols: sampleCols4,
  header: [
    [{ t: '收入', cs: 2 }, null, { t: '支出', cs: 2 }, null],
    ['项目', '决算数', '项目', '决算数'],
  ],
  body: [
    ...Array.from({ length: Math.max(finalSummary.income.length, finalSummary.expenditure.length) }, (_, i) => {
      const inc = finalSummary.income[i];
      const exp = finalSummary.expenditure[i];
      return [
        inc?.[0] ?? '',
        inc ? money(inc[1], { blank: true }) : '',
        exp?.[0] ?? '',
        exp ? money(exp[1], { blank: true }) : '',
      ];
    }),
    ['本年收入合计', money(finalSummary.incomeTotal), '本年支出合计', money(finalSummary.expenditureTotal)],
    ['年初结转和结余', money(finalSummary.carriedOver), '年末结转和结余', money(finalSummary.yearEndBalance)],
    ['收入总计', money(finalSummary.grandTotal), '支出总计', money(finalSummary.grandTotal)],
  ],
};

// ---------------------------------------------------------------------------------------------
// 12. faults/*.pdf — a consistent 部门预算 (clean.pdf) and copies of it with one injected fault each,
// for the accounting checks (勾稽). Four pages: 部门收支总表 (p.1); 部门支出总表 over p.2 and p.3, the
// continuation without title or header; 一般公共预算基本支出表 and “三公”经费支出表 on p.4.
// Every faulty document is `faultDocument(name)`: the clean tables with one small transformation, named
// and described in `faultInjections` (what the checks tests derive their expected failures from).

export const faultDepartment = '示例县农业农村局';
export const faultYear = 2025;

/** 项 rows of the 部门支出总表: [code, name, 基本支出, 项目支出] (cents). */
export const faultLeaves = [
  ['2011301', '行政运行', Y('3,412,560.00'), 0],
  ['2011302', '一般行政管理事务', 0, Y('860,000.00')],
  ['2011308', '招商引资', 0, Y('1,250,000.00')],
  ['2011350', '事业运行', Y('1,208,333.33'), Y('356,000.00')],
  ['2080505', '机关事业单位基本养老保险缴费支出', Y('1,126,789.44'), 0],
  ['2080506', '机关事业单位职业年金缴费支出', Y('563,394.72'), 0],
  ['2101101', '行政单位医疗', Y('322,546.04'), 0],
  ['2101102', '事业单位医疗', Y('100,000.00'), 0],
  ['2130101', '行政运行', Y('986,420.00'), 0],
  ['2130104', '事业运行', Y('645,300.00'), Y('128,000.00')],
  ['2130108', '病虫害控制', 0, Y('420,000.00')],
  ['2130122', '农业生产发展', 0, Y('1,500,000.00')],
  ['2130153', '农田建设', 0, Y('2,360,000.00')],
];
const faultParents = {
  201: '一般公共服务支出',
  20113: '商贸事务',
  208: '社会保障和就业支出',
  20805: '行政事业单位养老支出',
  210: '卫生健康支出',
  21011: '行政事业单位医疗',
  213: '农林水支出',
  21301: '农业农村',
};
export const faultTree = subjectTree(
  faultLeaves.map(([code, name, basic, project]) => ({ code, name, v: [basic, project] })),
  faultParents,
);
const faultTotal = sum(faultTree.total);
const faultClassTotal = (code) => sum(faultTree.rows.find((r) => r.code === code).v);

/** The 支出总表 continues on the next page from this 项 row on (clean.pdf: p.3 starts with it). */
export const faultContinuesAt = '2101102';

/** Economic rows of the 一般公共预算基本支出表: [code, name, slot (0 人员经费, 1 公用经费), cents]; 30299 balances. */
const faultEconomicGroups = [
  [
    '301',
    '工资福利支出',
    0,
    [
      ['30101', '基本工资', Y('2,150,000.00')],
      ['30102', '津贴补贴', Y('1,860,000.00')],
      ['30103', '奖金', Y('320,000.00')],
      ['30108', '机关事业单位基本养老保险缴费', Y('1,126,789.44')],
      ['30109', '职业年金缴费', Y('563,394.72')],
      ['30110', '职工基本医疗保险缴费', Y('422,546.04')],
    ],
  ],
  [
    '302',
    '商品和服务支出',
    1,
    [
      ['30201', '办公费', Y('180,000.00')],
      ['30211', '差旅费', Y('96,000.00')],
      ['30299', '其他商品和服务支出', null],
    ],
  ],
  ['303', '对个人和家庭的补助', 0, [['30302', '退休费', Y('48,600.00')]]],
];
/** Rows { code, name, level, v: [人员经费, 公用经费] } and the total: the 基本支出 of the 支出总表, all general budget. */
export const faultEconomic = (() => {
  const basicTotal = faultTree.total[0];
  const known = sum(faultEconomicGroups.flatMap(([, , , items]) => items.map((i) => i[2] ?? 0)));
  const rows = [];
  const total = [0, 0];
  for (const [code, name, slot, items] of faultEconomicGroups) {
    const group = { code, name, level: 1, v: [0, 0] };
    rows.push(group);
    for (const [c, n, amt] of items) {
      const v = [0, 0];
      v[slot] = amt ?? basicTotal - known;
      if (v[slot] <= 0) throw new Error(`faults: ${c} balances to ${v[slot]}`);
      group.v = addVec(group.v, v);
      rows.push({ code: c, name: n, level: 2, v });
    }
    total[0] += group.v[0];
    total[1] += group.v[1];
  }
  if (sum(total) !== basicTotal) throw new Error('faults: 基本支出表 total != 支出总表 基本支出');
  return { rows, total };
})();

/** “三公”: [因公出国（境）费, 公务用车购置费, 公务用车运行费, 公务接待费] (cents). */
export const faultThreePublic = [Y('35,000.00'), Y('180,000.00'), Y('62,400.00'), Y('18,500.00')];

/**
 * The faults, each one small transformation of the clean document:
 * - amount-changed: the 基本支出 of one 项 row + delta; its 合计, its parents and the totals unchanged.
 * - child-removed: one 项 row left out; its 款 and everything else unchanged.
 * - split-joined-wrong: the 基本支出 of one 项 row, wrapped after a digit group, with its continuation line
 *   drawn in the neighbouring (blank) 项目支出 cell, as a producer that places each line on its own does. The
 *   reader keeps the first fragment '1,126' as the amount; the second (',789.44') is no amount. Caught by
 *   row.total_equals_basic_plus_project on that row (合计 ≠ 基本支出 + 项目支出) and by
 *   tree.parent_equals_children at its 款 in the 基本支出 column.
 * - page-dropped: the continuation page of the 支出总表 missing (rows from `faultContinuesAt` on).
 * - three-public-off: the “三公” 合计 + totalDelta (合计 ≠ 出国 + 用车 + 接待) and the 运行费 + operationDelta
 *   with the 用车 小计 unchanged (用车 ≠ 购置 + 运行).
 */
export const faultInjections = {
  'amount-changed': { code: '2011301', column: 'basic', delta: Y('100.00') },
  'child-removed': { code: '2011350' },
  'split-joined-wrong': { code: '2080505', lines: ['1,126', ',789.44'] },
  'page-dropped': { from: faultContinuesAt },
  'three-public-off': { totalDelta: Y('500.00'), operationDelta: Y('1,200.00') },
};
export const faultNames = ['clean', ...Object.keys(faultInjections)];

const expenditureCols = [
  { w: 60, align: 'left' },
  { w: 190, align: 'left' },
  { w: 85, align: 'right', num: true },
  { w: 85, align: 'right', num: true },
  { w: 85, align: 'right', num: true },
];
const expenditureHeader = [
  [{ t: '功能分类科目', cs: 2 }, null, { t: '合计', rs: 2 }, { t: '基本支出', rs: 2 }, { t: '项目支出', rs: 2 }],
  ['编码', '名称', null, null, null],
];
const amountRow = (code, name, v, total = sum(v)) => [
  code,
  name,
  money(total),
  ...v.map((c) => money(c, { blank: true })),
];

/** The four tables and where the 支出总表 breaks onto its continuation page (null: no continuation). */
export function faultDocument(name) {
  if (!faultNames.includes(name)) throw new Error(`no fault ${name}`);
  const f = faultInjections[name];
  let expenditureBody = [
    amountRow('', '合计', faultTree.total),
    ...faultTree.rows.map((r) => {
      if (name === 'amount-changed' && r.code === f.code) {
        // The printed 合计 stays the clean one.
        return amountRow(r.code, r.name, [r.v[0] + f.delta, r.v[1]], sum(r.v));
      }
      if (name === 'split-joined-wrong' && r.code === f.code) {
        if (r.v[1] !== 0 || f.lines.join('') !== money(r.v[0]))
          throw new Error('split-joined-wrong: a 基本支出-only row, lines spelling it');
        const row = amountRow(r.code, r.name, r.v);
        row[3] = { t: row[3], drawn: [f.lines[0], ''] };
        row[4] = { t: '', drawn: ['', f.lines[1]] };
        return row;
      }
      return amountRow(r.code, r.name, r.v);
    }),
  ];
  if (name === 'child-removed') expenditureBody = expenditureBody.filter((r) => r[0] !== f.code);
  let continuesAt = expenditureBody.findIndex((r) => r[0] === faultContinuesAt);
  if (name === 'page-dropped') {
    expenditureBody = expenditureBody.slice(0, continuesAt);
    continuesAt = null;
  }

  const [abroad, buy, run, reception] = faultThreePublic;
  const off = name === 'three-public-off' ? f : { totalDelta: 0, operationDelta: 0 };
  return {
    continuesAt,
    tables: [
      {
        kind: 'income_expenditure_summary',
        title: `${faultYear}年部门收支总表`,
        label: '表1',
        unit: '元',
        cols: sampleCols4,
        header: [
          [{ t: '收入', cs: 2 }, null, { t: '支出', cs: 2 }, null],
          ['项目', '预算数', '项目', '预算数'],
        ],
        body: [
          ['一、一般公共预算拨款收入', money(faultTotal), '一、一般公共服务支出', money(faultClassTotal('201'))],
          ['二、政府性基金预算拨款收入', '', '二、社会保障和就业支出', money(faultClassTotal('208'))],
          ['三、国有资本经营预算拨款收入', '', '三、卫生健康支出', money(faultClassTotal('210'))],
          ['四、事业收入', '', '四、农林水支出', money(faultClassTotal('213'))],
          ['五、其他收入', '', '', ''],
          ['本年收入合计', money(faultTotal), '本年支出合计', money(faultTotal)],
          ['上年结转结余', '', '结转下年', ''],
          ['收入总计', money(faultTotal), '支出总计', money(faultTotal)],
        ],
      },
      {
        kind: 'expenditure',
        title: `${faultYear}年部门支出总表`,
        label: '表2',
        unit: '元',
        cols: expenditureCols,
        header: expenditureHeader,
        body: expenditureBody,
      },
      {
        kind: 'basic_expenditure',
        title: `${faultYear}年一般公共预算基本支出表`,
        label: '表3',
        unit: '元',
        cols: [
          { w: 80, align: 'left' },
          { w: 170, align: 'left' },
          { w: 85, align: 'right', num: true },
          { w: 85, align: 'right', num: true },
          { w: 85, align: 'right', num: true },
        ],
        header: [['经济分类科目编码', '经济分类科目名称', '合计', '人员经费', '公用经费']],
        body: [
          amountRow('', '合计', faultEconomic.total),
          ...faultEconomic.rows.map((r) => amountRow(r.code, r.name, r.v)),
        ],
      },
      {
        kind: 'three_public',
        title: `${faultYear}年一般公共预算“三公”经费支出表`,
        label: '表4',
        unit: '元',
        cols: Array.from({ length: 6 }, () => ({ w: 86, align: 'right', num: true })),
        header: [
          [
            { t: '合计', rs: 2 },
            { t: '因公出国（境）费', rs: 2 },
            { t: '公务用车购置及运行费', cs: 3 },
            null,
            null,
            { t: '公务接待费', rs: 2 },
          ],
          [null, null, '小计', '公务用车购置费', '公务用车运行费', null],
        ],
        body: [
          [
            money(abroad + buy + run + reception + off.totalDelta),
            money(abroad),
            money(buy + run),
            money(buy),
            money(run + off.operationDelta),
            money(reception),
          ],
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// spreadsheet-print.pdf — a 项目支出绩效目标表 printed the way a spreadsheet prints it: narrow columns, the header
// repeated on every page, and a merged cell cut by a page break drawn whole on each page, clipped to its part there
// (the text layer keeps the clipped lines: below the table on the first page, over the repeated header on the next).
// The second project runs over two page breaks; its name, amount and goal are merged cells.

const sheetIndicator = (n) => [
  ['产出指标', '数量指标', `第${n}批次工作任务完成数量`, '≥1次'],
  ['产出指标', '质量指标', `第${n}批次工作任务验收合格率`, '≥95%'],
  ['产出指标', '时效指标', `第${n}批次工作任务按期完成率`, '100%'],
  ['效益指标', '社会效益指标', `第${n}批次服务对象覆盖面`, '持续扩大'],
];
/** Weights adding up to 100: an equal share each, the remainder on the first indicator. */
const weighted = (indicators) =>
  indicators.map((ind, i) => [
    ...ind,
    String(Math.floor(100 / indicators.length) + (i === 0 ? 100 % indicators.length : 0)),
  ]);
export const spreadsheetProjects = [
  {
    name: '51000025Y000000012345-机关日常运转保障经费',
    amount: Y('386.50'),
    goal: '保障机关日常办公、水电物业、公务用车运行维护等支出，确保机关正常运转，提高预算编制质量，严格执行预算。',
    indicators: weighted(Array.from({ length: 5 }, (_, k) => sheetIndicator(k + 1)).flat()),
  },
  {
    name: '51000025T000000067890-基层治理能力提升专项经费',
    amount: Y('1,205.80'),
    goal: '根据部门职能职责和年度工作安排，一、预算财政资金500万元，用于开展基层网格化治理培训和信息系统运行维护；二、预算财政资金400万元，用于村（社区）治理示范点建设；三、预算财政资金305.80万元，用于基层治理考核评估、宣传和第三方服务等工作，全面提升基层治理能力和服务水平。',
    indicators: weighted(Array.from({ length: 11 }, (_, k) => sheetIndicator(k + 1)).flat()),
  },
  {
    name: '51000025T000000024680-档案数字化专项经费',
    amount: Y('92.00'),
    goal: '完成馆藏档案数字化加工和数据库建设，提升档案利用服务水平。',
    indicators: weighted(sheetIndicator(1)),
  },
];

export const spreadsheetPerformanceTable = {
  kind: 'project_performance',
  title: '项目支出绩效目标表',
  label: '表6',
  unit: '万元',
  cols: [
    { w: 62, align: 'left' },
    { w: 48, align: 'right', num: true },
    { w: 70, align: 'left' },
    { w: 46, align: 'center' },
    { w: 52, align: 'center' },
    { w: 110, align: 'left' },
    { w: 52, align: 'left' },
    { w: 34, align: 'right', num: true },
  ],
  header: [['项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标值', '权重']],
  body: spreadsheetProjects.flatMap((p) =>
    p.indicators.map((ind, i) =>
      i === 0
        ? [
            { t: p.name, rs: p.indicators.length },
            { t: money(p.amount), rs: p.indicators.length },
            { t: p.goal, rs: p.indicators.length },
            ...ind,
          ]
        : [null, null, null, ...ind],
    ),
  ),
};

// 13. faults/narrow-*.pdf — the checks on the Sichuan layout family as the seed's narrow print shows it (seed-c):
// columns so narrow that codes and amounts wrap inside their cells, the header rows repeated on every page, and
// subject codes in the 单位代码 column: a class row prints `| | | 201 | 一般公共服务支出`, a 款 or 项 row its full code
// beside its 类/款/项 cells (`201 | 31 | 01 | 2013101 | 行政运行`); the unit row prints its real unit code
// (103001). Two tables, each over two pages: 部门支出总表 (pp.1–2) and 一般公共预算基本支出表 (pp.3–4), 万元.
// Faults: a child row of the 基本支出表 left out; the 合计 of the 支出总表 changed.

export const narrowDepartment = '示例县农业农村局';
export const narrowUnitCode = '103001';
export const narrowYear = 2025;

/** 项 rows of the 支出总表: [code, name, 基本支出, 项目支出] (cents of 万元). */
const narrowLeaves = [
  ['2013101', '行政运行', Y('152.36'), 0],
  ['2013102', '一般行政管理事务', 0, Y('48.50')],
  ['2013105', '专项业务', 0, Y('26.20')],
  ['2080505', '机关事业单位基本养老保险缴费支出', Y('18.42'), 0],
  ['2080506', '机关事业单位职业年金缴费支出', Y('9.21'), 0],
  ['2101101', '行政单位医疗', Y('7.64'), 0],
  ['2210201', '住房公积金', Y('11.05'), 0],
];
export const narrowTree = subjectTree(
  narrowLeaves.map(([code, name, basic, project]) => ({ code, name, v: [basic, project] })),
  {
    201: '一般公共服务支出',
    20131: '党委办公厅（室）及相关机构事务',
    208: '社会保障和就业支出',
    20805: '行政事业单位养老支出',
    210: '卫生健康支出',
    21011: '行政事业单位医疗',
    221: '住房保障支出',
    22102: '住房改革支出',
  },
);

/** 基本支出表 rows: [code, name, slot (0 人员经费, 1 公用经费), cents]; 30299 balances to the 支出总表's 基本支出. */
const narrowEconomicGroups = [
  [
    '301',
    '工资福利支出',
    0,
    [
      ['30101', '基本工资', Y('62.40')],
      ['30102', '津贴补贴', Y('38.75')],
      ['30103', '奖金', Y('12.30')],
      ['30108', '机关事业单位基本养老保险缴费', Y('18.42')],
      ['30109', '职业年金缴费', Y('9.21')],
      ['30110', '职工基本医疗保险缴费', Y('7.64')],
      ['30113', '住房公积金', Y('11.05')],
    ],
  ],
  [
    '302',
    '商品和服务支出',
    1,
    [
      ['30201', '办公费', Y('12.00')],
      ['30211', '差旅费', Y('8.50')],
      ['30299', '其他商品和服务支出', null],
    ],
  ],
  ['303', '对个人和家庭的补助', 0, [['30309', '奖励金', Y('0.30')]]],
];
export const narrowEconomic = (() => {
  const basicTotal = narrowTree.total[0];
  const known = sum(narrowEconomicGroups.flatMap(([, , , items]) => items.map((i) => i[2] ?? 0)));
  const rows = [];
  const total = [0, 0];
  for (const [code, name, slot, items] of narrowEconomicGroups) {
    const group = { code, name, level: 1, v: [0, 0] };
    rows.push(group);
    for (const [c, n, amt] of items) {
      const v = [0, 0];
      v[slot] = amt ?? basicTotal - known;
      if (v[slot] <= 0) throw new Error(`narrow: ${c} balances to ${v[slot]}`);
      group.v = addVec(group.v, v);
      rows.push({ code: c, name: n, level: 2, v });
    }
    total[0] += group.v[0];
    total[1] += group.v[1];
  }
  if (sum(total) !== basicTotal) throw new Error('narrow: 基本支出表 total != 支出总表 基本支出');
  return { rows, total };
})();

/**
 * The narrow faults:
 * - narrow-child-removed: the 基本支出表's row `removed` left out; its class row (in the 单位代码 column) unchanged.
 * - narrow-total-changed: the 支出总表's 合计 (its 合计 column) + delta; everything else unchanged.
 */
export const narrowInjections = {
  'narrow-child-removed': { table: 'basic_expenditure', removed: '30201' },
  'narrow-total-changed': { table: 'expenditure', delta: Y('1.00') },
};
export const narrowNames = ['narrow-clean', ...Object.keys(narrowInjections)];
/** Each table's continuation page starts at the body row printing this code in its 单位代码 column. */
export const narrowBreaks = { expenditure: '208', basic_expenditure: '302' };

/** Characters a line at each narrow width (9pt digits): 类 20pt → 2, 单位代码 / amounts 34pt → 5. */
const NARROW_CODE = 2;
const NARROW_WIDE = 5;
const narrowAmount = (cents) => chop(money(cents, { blank: true }), NARROW_WIDE);
const narrowTotal = (cents) => chop(money(cents), NARROW_WIDE);

/** Cells [类, 款, 项?, 单位代码, 名称] of a subject row printed Sichuan's way. */
function narrowCodeCells(code, withEntry) {
  const cls = code.length >= 5 ? chop(code.slice(0, 3), NARROW_CODE) : '';
  const item = code.length >= 5 ? code.slice(3, 5) : '';
  const entry = code.length === 7 ? code.slice(5, 7) : '';
  return [cls, item, ...(withEntry ? [entry] : []), chop(code, NARROW_WIDE)];
}

export function narrowDocument(name) {
  if (!narrowNames.includes(name)) throw new Error(`no narrow fault ${name}`);
  const f = narrowInjections[name];
  const amountCols = [
    { w: 34, align: 'right', num: true },
    { w: 34, align: 'right', num: true },
    { w: 34, align: 'right', num: true },
  ];
  const codeCols = (entry) => [
    { w: 20, align: 'left' },
    { w: 20, align: 'center' },
    ...(entry ? [{ w: 20, align: 'center' }] : []),
    { w: 34, align: 'left' },
    { w: 90, align: 'left' },
  ];
  const totalCell =
    name === 'narrow-total-changed' ? narrowTotal(sum(narrowTree.total) + f.delta) : narrowTotal(sum(narrowTree.total));
  const expenditureBody = [
    ['', '', '', '', '合计', totalCell, ...narrowTree.total.map(narrowAmount)],
    [
      '',
      '',
      '',
      chop(narrowUnitCode, NARROW_WIDE),
      narrowDepartment,
      narrowTotal(sum(narrowTree.total)),
      ...narrowTree.total.map(narrowAmount),
    ],
    ...narrowTree.rows.map((r) => [
      ...narrowCodeCells(r.code, true),
      r.name,
      narrowTotal(sum(r.v)),
      ...r.v.map(narrowAmount),
    ]),
  ];
  let basicBody = [
    ['', '', '', '合计', narrowTotal(sum(narrowEconomic.total)), ...narrowEconomic.total.map(narrowAmount)],
    [
      '',
      '',
      chop(narrowUnitCode, NARROW_WIDE),
      narrowDepartment,
      narrowTotal(sum(narrowEconomic.total)),
      ...narrowEconomic.total.map(narrowAmount),
    ],
    ...narrowEconomic.rows.map((r) => [
      ...narrowCodeCells(r.code, false),
      r.name,
      narrowTotal(sum(r.v)),
      ...r.v.map(narrowAmount),
    ]),
  ];
  if (name === 'narrow-child-removed') basicBody = basicBody.filter((r) => text(r[2]) !== f.removed);
  const breakAt = (body, col, code) => body.findIndex((r) => text(r[col]) === code);
  return {
    breaks: {
      expenditure: breakAt(expenditureBody, 3, narrowBreaks.expenditure),
      basic_expenditure: breakAt(basicBody, 2, narrowBreaks.basic_expenditure),
    },
    tables: [
      {
        kind: 'expenditure',
        title: `${narrowYear}年部门支出总表`,
        label: '表3',
        unit: '万元',
        cols: [...codeCols(true), ...amountCols],
        header: [
          [
            { t: '科目编码', cs: 3 },
            null,
            null,
            { t: '单位代码', rs: 2 },
            { t: '单位名称（科目）', rs: 2 },
            { t: '合计', rs: 2 },
            { t: '基本支出', rs: 2 },
            { t: '项目支出', rs: 2 },
          ],
          ['类', '款', '项', null, null, null, null, null],
        ],
        body: expenditureBody,
      },
      {
        kind: 'basic_expenditure',
        title: `${narrowYear}年一般公共预算基本支出表`,
        label: '表7',
        unit: '万元',
        cols: [...codeCols(false), ...amountCols],
        header: [
          [
            { t: '科目编码', cs: 2 },
            null,
            { t: '单位代码', rs: 2 },
            { t: '单位名称（科目）', rs: 2 },
            { t: '基本支出', cs: 3 },
            null,
            null,
          ],
          ['类', '款', null, null, '合计', '人员经费', '公用经费'],
        ],
        body: basicBody,
      },
    ],
  };
}
/** The text of a fixture cell (a string, or the `t` of a cell object). */
const text = (cell) => (cell == null ? '' : typeof cell === 'string' ? cell : cell.t);
// tables-wide: layouts of the wider sample the table stage must read (drawn by the `wide*` block of
// scripts/make-fixtures.mjs, checked by tests/tables-wide.test.ts). A grid is { cols: [widths], rows }, rows in the
// FixtureTable slot format (string, { t, rs?, cs? }, or null under a span).

export const wideFundHeader = [
  [
    { t: '功能分类科目编码', cs: 3 },
    null,
    null,
    { t: '功能分类科目名称', rs: 2 },
    { t: '合计', rs: 2 },
    { t: '基本支出', rs: 2 },
    { t: '项目支出', rs: 2 },
  ],
  ['类', '款', '项', null, null, null, null],
];
export const wideFundColumns = [
  '功能分类科目编码/类',
  '功能分类科目编码/款',
  '功能分类科目编码/项',
  '功能分类科目名称',
  '合计',
  '基本支出',
  '项目支出',
];
const wideCols7 = [36, 36, 36, 180, 80, 80, 80];

/** empty-statement.pdf: a table printed empty, its statement a long note below it; then a table with data. */
export const wideEmpty = {
  title: '2025年政府性基金预算支出功能分类预算表',
  unit: '元',
  cols: wideCols7,
  rows: [
    ...wideFundHeader,
    ...Array.from({ length: 4 }, () => ['', '', '', '', '', '', '']),
    [{ t: '合计', cs: 4 }, null, null, null, '', '', ''],
  ],
  note: '注：本单位2025年无政府性基金预算财政拨款安排的预算，故本表为空表。',
};
export const wideAfterEmpty = {
  title: '2025年国有资本经营预算支出功能分类预算表',
  unit: '元',
  cols: wideCols7,
  rows: [
    ...wideFundHeader,
    ['223', '', '', '国有资本经营预算支出', '268,400.00', '0.00', '268,400.00'],
    ['223', '01', '', '解决历史遗留问题及改革成本支出', '268,400.00', '0.00', '268,400.00'],
    [{ t: '合计', cs: 4 }, null, null, null, '268,400.00', '0.00', '268,400.00'],
  ],
};
/** A table with the statement in a cell of its body, under a blank 合计 row, a short wording. */
export const wideEmptyCell = {
  title: '2025年政府性基金预算财政拨款支出预算表',
  unit: '万元',
  cols: [120, 200, 100],
  rows: [
    ['功能科目编码', '功能科目名称', '金额'],
    [{ t: '合计', cs: 2 }, null, ''],
    ['此表为空', '', ''],
    ['', '', ''],
  ],
};

/** spilled-total.pdf: 支出总表 filling page 1; its 合计 row alone at the top of page 2, one cell over codes and name. */
const wideLeaves = [
  ['201', '', '', '一般公共服务支出'],
  ['201', '03', '', '政府办公厅(室)及相关机构事务'],
  ['201', '03', '01', '行政运行'],
  ['201', '03', '02', '一般行政管理事务'],
  ['208', '', '', '社会保障和就业支出'],
  ['208', '05', '', '行政事业单位养老支出'],
  ['208', '05', '05', '机关事业单位基本养老保险缴费支出'],
  ['210', '', '', '卫生健康支出'],
  ['210', '11', '', '行政事业单位医疗'],
  ['210', '11', '01', '行政单位医疗'],
];
const wideAmounts = [
  ['3,120,000.00', '2,620,000.00', '500,000.00'],
  ['3,120,000.00', '2,620,000.00', '500,000.00'],
  ['2,620,000.00', '2,620,000.00', '0.00'],
  ['500,000.00', '0.00', '500,000.00'],
  ['412,300.50', '412,300.50', '0.00'],
  ['412,300.50', '412,300.50', '0.00'],
  ['412,300.50', '412,300.50', '0.00'],
  ['198,760.25', '198,760.25', '0.00'],
  ['198,760.25', '198,760.25', '0.00'],
  ['198,760.25', '198,760.25', '0.00'],
];
export const wideSpilled = {
  title: '2025年部门支出预算总表',
  unit: '元',
  cols: wideCols7,
  header: wideFundHeader,
  body: wideLeaves.map((l, i) => [...l, ...wideAmounts[i]]),
  /** Body rows on page 1; the rest (none) and the total go to page 2. */
  total: [{ t: '合计', cs: 4 }, null, null, null, '3,731,060.75', '3,231,060.75', '500,000.00'],
};
/** The table after it on page 2, titled. */
export const wideAfterSpilled = wideAfterEmpty;

/** foot-title.pdf: a table ending mid-page 1, the next table's title at the foot of page 1, its grid on page 2. */
export const wideFootFirst = {
  title: '一般公共预算基本支出预算表',
  unit: '万元',
  cols: [90, 180, 100],
  rows: [
    ['科目编码', '科目名称', '金额'],
    ['', '合计', '1,250.40'],
    ['301', '工资福利支出', '1,100.00'],
    ['302', '商品和服务支出', '150.40'],
  ],
};
export const wideFootSecond = {
  title: '一般公共预算机关运行经费支出预算表',
  unit: '万元',
  cols: [90, 180, 100],
  rows: [
    ['科目编码', '科目名称', '机关运行经费支出'],
    ['', '合计', '150.40'],
    ['30201', '办公费', '90.00'],
    ['30211', '差旅费', '60.40'],
  ],
};

/** lost-column.pdf: a long indicator table whose part on page 2 is drawn without its first column's rules. */
export const wideLost = {
  title: '项目支出绩效目标表',
  unit: '万元',
  cols: [100, 60, 100, 140, 60],
  header: ['项目名称', '一级指标', '二级指标', '三级指标', '指标值'],
  page1: [
    ['水质监测运维', '产出指标', '数量指标', '监测站点数量', '51'],
    ['水质监测运维', '产出指标', '时效指标', '响应时间(分钟)', '30'],
    ['水质监测运维', '效益指标', '社会效益指标', '数据传输率(%)', '100'],
  ],
  page2: [
    ['河道保洁', '产出指标', '数量指标', '保洁河道条数', '16'],
    ['河道保洁', '满意度指标', '服务对象满意度指标', '群众满意度(%)', '90'],
  ],
};

/** unit-in-rule.pdf: a section heading over the page, the table's own title, the unit statement as the grid's first row (two cells). */
export const wideSection = '2026年度部门预算表';
export const wideUnitRule = {
  title: '收支总表(预算表1)',
  cols: [150, 90, 150, 90],
  rows: [
    [{ t: '预算单位：示例区水务局', cs: 2 }, null, { t: '单位：万元', cs: 2 }, null],
    [{ t: '收入', cs: 2 }, null, { t: '支出', cs: 2 }, null],
    ['项目', '预算数', '项目', '预算数'],
    ['一、一般公共预算拨款', '1,520.30', '一、一般公共服务支出', '1,200.00'],
    ['二、上年结转', '79.70', '二、住房保障支出', '400.00'],
    ['收入总计', '1,600.00', '支出总计', '1,600.00'],
  ],
  columns: ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'],
};
/** Page 2 of unit-in-rule.pdf: body text whose lines start or end with a unit word above a table with no unit statement. */
export const wideProse = ['2026年安排培训经费12.50', '万元', '元,用于开展基层水务人员业务培训。'];
export const wideNoUnit = {
  title: '培训费明细表',
  cols: [200, 120],
  rows: [
    ['项目', '金额'],
    ['基层水务人员业务培训', '12.50'],
  ],
};

/** amount-block-form.pdf: a performance self-evaluation form whose funds are a block of amounts under 项目资金(万元). */
export const wideForm = {
  title: '示例区2025年河道保洁项目绩效自评表',
  cols: [60, 60, 70, 70, 70, 70, 70, 50],
  rows: [
    [{ t: '项目名称', cs: 2 }, null, { t: '河道保洁', cs: 6 }, null, null, null, null, null],
    [
      { t: '主管部门', cs: 2 },
      null,
      { t: '示例区水务局', cs: 2 },
      null,
      { t: '实施单位', cs: 2 },
      null,
      { t: '河道所', cs: 2 },
      null,
    ],
    [{ t: '项目资金(万元)', cs: 2, rs: 3 }, null, '', '年初预算数', '全年预算数(A)', '全年执行数(B)', '执行率', '得分'],
    [null, null, '年度资金总额', '240', '229.19', '229.19', '100.00%', '10.00'],
    [null, null, '其中:财政拨款', '240', '229.19', '229.19', '—', '—'],
    [
      { t: '绩效指标', rs: 3 },
      '一级指标',
      '二级指标',
      { t: '三级指标', cs: 2 },
      null,
      '年度指标值',
      '实际完成值',
      '得分',
    ],
    [null, '产出指标', '数量指标', { t: '保洁河道条数', cs: 2 }, null, '16条', '16条', '20'],
    [null, '效益指标', '社会效益指标', { t: '河道水质达标', cs: 2 }, null, '达标', '达标', '30'],
  ],
};

// ---------------------------------------------------------------------------------------------
// 14. review/*.pdf — a whole 部门预算 as an auditor reads it (issue #17): a cover, a 情况说明 page stating the
// document's figures in sentences, and the eight tables of the national 预算 template, each headed by an
// `编制单位：` line and its unit, in 万元 to 0.01. The 政府性基金预算支出表 is printed empty, the reason printed under
// it. `reviewDocument(name)` gives the clean document or a copy with one fault (`reviewInjections`), what the
// review tests derive their expected findings from.

export const reviewDepartment = '示例县农业农村局';
export const reviewYear = 2025;
/** The 支出总表's rows: the narrow document's subjects (万元, in cents), with their class/款 parents. */
const reviewTree = narrowTree;
const reviewTotal = sum(reviewTree.total);
const reviewClass = (code) => sum(reviewTree.rows.find((r) => r.code === code).v);
/** “三公”: [因公出国（境）费, 公务用车购置费, 公务用车运行费, 公务接待费] (cents of 万元). */
export const reviewThreePublic = [Y('2.50'), Y('18.00'), Y('6.24'), Y('1.85')];
/** 机关运行经费 the text states (no table prints it: the sentence stays unmatched). */
export const reviewOperatingCosts = Y('20.50');
export const reviewEmptyReason = '本部门无政府性基金预算收支，故本表为空表。';

/**
 * The faults:
 * - missing-table: the 财政拨款收支总表 not printed.
 * - narrative-off: the text states the “三公” total 0.01 万元 above the table's.
 * - department-two-ways: the 一般公共预算支出表's 编制单位 line spells the department with a 和 more (农业和农村).
 * - code-two-ways: the 一般公共预算支出表 names one 项 code otherwise than the 支出总表 does.
 * - unit-wrong: the 一般公共预算支出表 prints its figures in 元 under a 万元 label.
 */
export const reviewInjections = {
  'missing-table': { kind: 'fiscal_summary' },
  'narrative-off': { topic: 'three_public_total', delta: 1 },
  'department-two-ways': { kind: 'general_public_expenditure', department: '示例县农业和农村局' },
  'code-two-ways': { kind: 'general_public_expenditure', code: '2013105', name: '专项服务' },
  'unit-wrong': { kind: 'general_public_expenditure' },
};
export const reviewNames = ['review-clean', ...Object.keys(reviewInjections)];

const reviewCodeCols = [
  { w: 60, align: 'left' },
  { w: 200, align: 'left' },
  { w: 80, align: 'right', num: true },
  { w: 80, align: 'right', num: true },
  { w: 80, align: 'right', num: true },
];
const reviewCodeHeader = (a, b, c) => [
  [{ t: '功能分类科目', cs: 2 }, null, { t: a, rs: 2 }, { t: b, rs: 2 }, { t: c, rs: 2 }],
  ['编码', '名称', null, null, null],
];
const wan = (cents, opts) => money(cents, opts);

/** The sentences of the 情况说明 page (a paragraph each, in order). */
function reviewNarrative(name) {
  const [abroad, buy, run, reception] = reviewThreePublic;
  const three = abroad + buy + run + reception + (name === 'narrative-off' ? reviewInjections[name].delta : 0);
  const [basic, project] = reviewTree.total;
  return [
    `${reviewDepartment}${reviewYear}年收入预算总计${wan(reviewTotal)}万元，支出预算总计${wan(reviewTotal)}万元。`,
    `支出预算中，基本支出${wan(basic)}万元，项目支出${wan(project)}万元。`,
    `${reviewYear}年“三公”经费预算数为${wan(three)}万元，其中：因公出国（境）费${wan(abroad)}万元，公务用车购置及运行费${wan(buy + run)}万元，公务接待费${wan(reception)}万元。`,
    `${reviewYear}年机关运行经费预算数为${wan(reviewOperatingCosts)}万元。`,
    `${reviewEmptyReason.replace('本表', '政府性基金预算支出表')}`,
  ];
}

/** The review document: its narrative sentences and its tables (each with the department its header line names). */
export function reviewDocument(name) {
  if (!reviewNames.includes(name)) throw new Error(`no review fault ${name}`);
  const f = reviewInjections[name] ?? {};
  const [abroad, buy, run, reception] = reviewThreePublic;
  const codeRow = (r, scale = 1) => [
    r.code,
    r.name,
    wan(sum(r.v) * scale),
    ...r.v.map((c) => wan(c * scale, { blank: true })),
  ];
  const treeBody = (scale = 1, rename = null) => [
    ['', '合计', wan(reviewTotal * scale), ...reviewTree.total.map((c) => wan(c * scale, { blank: true }))],
    ...reviewTree.rows.map((r) => codeRow(rename && r.code === rename.code ? { ...r, name: rename.name } : r, scale)),
  ];
  const classes = ['201', '208', '210', '221'].map((code) => [
    reviewTree.rows.find((r) => r.code === code).name,
    reviewClass(code),
  ]);
  const numbered = ['一、', '二、', '三、', '四、'];
  const summaryBody = (income) => [
    ...income.map(([label, v], i) => [
      label,
      v === null ? '' : wan(v),
      `${numbered[i]}${classes[i][0]}`,
      wan(classes[i][1]),
    ]),
    ['本年收入合计', wan(reviewTotal), '本年支出合计', wan(reviewTotal)],
    ['上年结转结余', '', '结转下年', ''],
    ['收入总计', wan(reviewTotal), '支出总计', wan(reviewTotal)],
  ];
  const summaryHead = [
    [{ t: '收入', cs: 2 }, null, { t: '支出', cs: 2 }, null],
    ['项目', '预算数', '项目', '预算数'],
  ];
  const cols4 = [
    { w: 160, align: 'left' },
    { w: 90, align: 'right', num: true },
    { w: 160, align: 'left' },
    { w: 90, align: 'right', num: true },
  ];
  const gp = name === 'unit-wrong' ? 10000 : 1;
  const tables = [
    {
      kind: 'income_expenditure_summary',
      title: `${reviewYear}年部门收支总表`,
      label: '表1',
      cols: cols4,
      header: summaryHead,
      body: summaryBody([
        ['一、一般公共预算拨款收入', reviewTotal],
        ['二、政府性基金预算拨款收入', null],
        ['三、事业收入', null],
        ['四、其他收入', null],
      ]),
    },
    {
      kind: 'income',
      title: `${reviewYear}年部门收入总表`,
      label: '表2',
      cols: reviewCodeCols,
      header: reviewCodeHeader('合计', '一般公共预算拨款收入', '其他收入'),
      body: [
        ['', '合计', wan(reviewTotal), wan(reviewTotal), ''],
        ...reviewTree.rows.map((r) => [r.code, r.name, wan(sum(r.v)), wan(sum(r.v)), '']),
      ],
    },
    {
      kind: 'expenditure',
      title: `${reviewYear}年部门支出总表`,
      label: '表3',
      cols: reviewCodeCols,
      header: reviewCodeHeader('合计', '基本支出', '项目支出'),
      body: treeBody(),
    },
    {
      kind: 'fiscal_summary',
      title: `${reviewYear}年部门财政拨款收支总表`,
      label: '表4',
      cols: cols4,
      header: summaryHead,
      body: summaryBody([
        ['一、一般公共预算拨款', reviewTotal],
        ['二、政府性基金预算拨款', null],
        ['三、国有资本经营预算拨款', null],
        ['', null],
      ]),
    },
    {
      kind: 'general_public_expenditure',
      title: `${reviewYear}年一般公共预算支出表`,
      label: '表5',
      cols: reviewCodeCols,
      header: reviewCodeHeader('合计', '基本支出', '项目支出'),
      body: treeBody(gp, name === 'code-two-ways' ? f : null),
      ...(name === 'department-two-ways' ? { department: f.department } : {}),
    },
    {
      kind: 'basic_expenditure',
      title: `${reviewYear}年一般公共预算基本支出表`,
      label: '表6',
      cols: [
        { w: 60, align: 'left' },
        { w: 200, align: 'left' },
        { w: 80, align: 'right', num: true },
        { w: 80, align: 'right', num: true },
        { w: 80, align: 'right', num: true },
      ],
      header: [['经济分类科目编码', '经济分类科目名称', '合计', '人员经费', '公用经费']],
      body: [
        ['', '合计', wan(sum(narrowEconomic.total)), ...narrowEconomic.total.map((c) => wan(c, { blank: true }))],
        ...narrowEconomic.rows.map((r) => [r.code, r.name, wan(sum(r.v)), ...r.v.map((c) => wan(c, { blank: true }))]),
      ],
    },
    {
      kind: 'three_public',
      title: `${reviewYear}年一般公共预算“三公”经费支出表`,
      label: '表7',
      cols: Array.from({ length: 6 }, () => ({ w: 80, align: 'right', num: true })),
      header: [
        [
          { t: '合计', rs: 2 },
          { t: '因公出国（境）费', rs: 2 },
          { t: '公务用车购置及运行费', cs: 3 },
          null,
          null,
          { t: '公务接待费', rs: 2 },
        ],
        [null, null, '小计', '公务用车购置费', '公务用车运行费', null],
      ],
      body: [[wan(abroad + buy + run + reception), wan(abroad), wan(buy + run), wan(buy), wan(run), wan(reception)]],
    },
    {
      kind: 'government_fund',
      title: `${reviewYear}年政府性基金预算支出表`,
      label: '表8',
      cols: reviewCodeCols,
      header: reviewCodeHeader('合计', '基本支出', '项目支出'),
      body: [['', '合计', '', '', '']],
      empty: true,
      note: reviewEmptyReason,
    },
  ]
    .filter((t) => !(name === 'missing-table' && t.kind === f.kind))
    .map((t) => ({ unit: '万元', department: reviewDepartment, ...t }));
  return { narrative: reviewNarrative(name), tables };
}
