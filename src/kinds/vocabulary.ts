/**
 * The words of the disclosures: every label pattern the stages recognise, named, in one place. A province's new
 * spelling of a label is one alternative added here (and a test); title patterns per kind are in registry.ts.
 * Patterns run on compacted text (no spaces) unless their comment says otherwise. A leaf module: it imports nothing.
 */

// ── Rows that total ───────────────────────────────────────────────────────────────────────────────────────────────

/** A line-item table's total row, named exactly: 合计, 总计, 本年合计, 支出合计, 收入合计, 总合计. */
export const TOTAL_ROW = /^(合计|总计|本年合计|支出合计|收入合计|总合计)$/u;
export const SUBTOTAL_ROW = /^小计$/u;
/** A unit's own level, after the department's name: `深圳市XX局(本级)` (the department's office beside its units). */
export const OWN_LEVEL = /[(（]本级[)）]$/u;
/** The plain 合计 / 总计 (a 合计 column, a “三公” table's 合计 row). */
export const TOTAL_WORD = /^(合计|总计)$/u;
/**
 * A total row's label cell when telling table parts apart: a short cell ending so (`合计`, `收入合计`, `支出总计`), at
 * most 8 characters; a longer text ending so is a name.
 */
export const TOTAL_LABEL = /^.{0,6}(合计|总计)$/u;

/** A label ending in a total (`收入合计`, `支出总计`); how short it must be is the tables settings' `maxTotalLabel`. */
export const ENDS_IN_TOTAL = /(合计|总计)$/u;

/**
 * 收支总表 rows that total, by what they total; the grand totals first (收入合计总计 is a grand total). The carry rows
 * of a 决算 总表 too: 年初(财政拨款)结转和结余 and 年末(财政拨款)结转和结余, 结余分配 (spent from the year's balance
 * on the expenditure side), 使用非财政拨款结余 / 用事业基金弥补收支差额 (balances drawn on the income side, income
 * for the identities). Xi'an's 上年实户资金余额 / 未安排支出的实户资金 (money in the bank brought in and left over)
 * are carried over and left at the year's end as well.
 */
export const SUMMARY_TOTALS = [
  [/收入总计|收入合计总计/u, 'incomeGrandTotal'],
  [/支出总计/u, 'expenditureGrandTotal'],
  [/本年收入合计|(当年|本年)收入小计|^收入合计$|^[一二三四五六七八九十\d]*[、.]?本年收入$/u, 'incomeTotal'],
  [/本年支出合计|(当年|本年)支出小计|^支出合计$|^[一二三四五六七八九十\d]*[、.]?本年支出$/u, 'expenditureTotal'],
  [/使用非财政拨款结余|用事业基金弥补/u, 'balanceUsed'],
  [/^[一二三四五六七八九十\d]*[、.]?结余分配$/u, 'balanceDistribution'],
  [/上年结转|年初(财政拨款)?结转|上年结余|上年实户资金/u, 'carriedOver'],
  [/年终结转|年末(财政拨款)?结转|结转下年|结转结余下年|未安排支出的实户资金/u, 'yearEndBalance'],
] as const satisfies readonly (readonly [RegExp, string])[];
/** A side's grand total printed as the bare word (决算 总表: 总计 on each side): the grand total of its side. */
export const SIDE_GRAND_TOTAL = /^总计$/u;

/** A 收支总表's name columns (项目, 科目, 名称) and the start of its expenditure side (支出…). */
export const SUMMARY_NAME_COLUMN = /项目|科目|名称/u;
export const EXPENDITURE_SIDE = /^支出/u;

/** The general public budget (一般公共预算): a table of its money only. */
export const GENERAL_BUDGET = /一般公共预算/u;

/** 收入 lines that are fiscal appropriations, or totals and balances of them (not 事业收入, 其他收入 …). */
export const FISCAL_INCOME = /一般公共预算|政府性基金|国有资本|财政拨款|本年收入|合计|总计|结转|结余/u;

// ── Columns of line-item tables ───────────────────────────────────────────────────────────────────────────────────

/** A column of one year's figures: 2026年预算数, 2024年决算数, 2025年度执行数. */
export const YEAR_FIGURE = /^(?:19|20)\d{2}年度?(预算|决算|执行)数?$/u;
/**
 * A column that is not the year's own figure: last year's (上年预算数, not 上年结转/结余, money carried in), or one
 * derived from two figures (增减额, 增长率, 变动, 比上年, 占比, a %). It takes no field: it stays in `extra`.
 */
export const NOT_THIS_YEAR_FIGURE = /上年(?!结转|结余)|增减|增长|变动|变化|差额|比上年|同比|占比|比重|[%％]/u;

/** Printed amount-column labels → record fields. Order matters: the more specific label first. */
export const AMOUNT_FIELDS: readonly (readonly [RegExp, string])[] = [
  [
    /^(合计|总计|小计|金额|预算|预算数|本年预算数?|预算金额|年初预算数?|决算数|支出合计|收入合计|本年支出合计|本年收入合计|支出总计|收入总计)$/u,
    'total',
  ],
  // A year's own figure (2026年预算数): the total only where the table prints no other year (columns.ts decides).
  [YEAR_FIGURE, 'total'],
  [/上年结转|上年结余|结转结余|年初结转/u, 'carriedOver'],
  [/年末结转|年终结转/u, 'yearEndBalance'],
  [/一般公共预算/u, 'generalBudget'],
  [/政府性基金/u, 'governmentFund'],
  [/国有资本经营/u, 'stateCapital'],
  [/财政专户/u, 'fiscalSpecialAccount'],
  [/事业单位经营收入|经营收入/u, 'operating'],
  [/事业收入/u, 'business'],
  [/上级补助/u, 'superiorSubsidy'],
  [/附属单位上缴/u, 'subordinateRemit'],
  [/用事业基金弥补|事业基金/u, 'businessFund'],
  [/其他收入/u, 'otherIncome'],
  [/单位资金/u, 'unitFunds'],
  [/基本支出/u, 'basic'],
  [/项目支出/u, 'project'],
  [/人员经费/u, 'personnel'],
  [/公用经费/u, 'public'],
  [/上缴上级/u, 'remitToSuperior'],
  [/对附属单位补助/u, 'subsidyToSubordinate'],
  [/事业单位经营支出|经营支出/u, 'operatingExpenditure'],
  [/当年财政拨款/u, 'currentYearFiscal'],
  [/财政拨款/u, 'fiscal'],
];

/** A code column (单位编码, 项目代码), not a name. */
export const CODE_WORD = /编码|代码/u;
/** The classification-code column(s): 科目编码, or 类 / 款 / 项 under it. */
export const CODE_COLUMN = /(^|\/)(类|款|项)$|科目编码|科目代码|功能科目代码|编码$|代码$|^科目编码/u;
export const UNIT_CODE_COLUMN = /单位(编码|代码)/u;
/** The row's name: 科目名称, 项目, 单位名称. */
export const NAME_COLUMN = /名称|项目|科目|单位/u;
/** A name column naming the unit (单位名称, 预算单位), not the row's item: the item's own name column comes first. */
export const UNIT_NAME_COLUMN = /^(单位名称|预算单位|预算单位名称|单位)$/u;
/** Row numbers, not amounts. */
export const SERIAL_COLUMN = /^(序号|行次|栏次|编号)$/u;
/** A row of column numbers under the header (`栏次 | 1 | 2`, `甲 | 乙`, `** | 1`). */
export const COLUMN_NUMBER = /^(栏次|序号|行次|[甲乙丙丁戊]|\d{1,2}|\*+)$/u;
/** A row name that reads as an organisation (a unit row: 中共…党群工作部, …局, …中心), not as a budget subject. */
export const ORGANISATION_NAME = /(部|局|委员会|办公室|厅|中心|学校|公司|集团|协会|联合会|机关)$/u;

// ── “三公”经费 ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** A “三公” label (“三公”经费, 三公经费合计). */
export const THREE_PUBLIC = /三公/u;
/** The column naming a “三公” record's unit (or the 合计 row). */
export const THREE_PUBLIC_UNIT_COLUMN = /单位名称|单位|项目|科目名称/u;
/** What a province calls the official cars: 公务用车 (most), 公车, 车辆. */
export const VEHICLE = /公务用车|公车|车辆/u;
/**
 * The vehicle items as provinces spell them: 公务用车购置费 (Sichuan, Shanghai's 购置费 under the subtotal), 公务用车购置
 * 经费 (Yantai), 车辆购置支出; 公务用车运行费, 公务用车运行维护费, 运行维护经费. The subtotal, 公务用车购置及运行(维护)费
 * or 经费, is told apart by its 及.
 */
export const VEHICLE_PURCHASE = /^购置(费用?|经费|支出)?$|(公务用车|公车|车辆)购置(费|经费|支出)/u;
export const VEHICLE_OPERATION = /^运行(维护|维修)?(费用?|经费|支出)?$|(公务用车|公车|车辆)运行/u;
export const VEHICLE_SUBTOTAL = /(公务用车|公车|车辆)购置及运行/u;
export const OUTBOUND = /因公出国/u;
export const RECEPTION = /公务接待/u;
export const OPERATING_COSTS = /机关运行经费/u;
/** A “三公” total column: 合计, 总计, 总额, “三公”经费. */
export const THREE_PUBLIC_TOTAL = /合计|总计|总额|三公.*经费/u;
/** A “三公” subtotal beside a grand 合计 (that also counts 会议费, 培训费): `“三公”经费/小计`. */
export const THREE_PUBLIC_SUBTOTAL = /三公[^/]*\/(小计|合计)$/u;
/** A breakdown's 其中 before its name: `其中:公务用车购置费`. */
export const OF_WHICH_PREFIX = /^其中[:：]?/u;
/** An item's numbering before its name: `(1)公务用车购置费`, `一、`. */
export const NUMBERING_PREFIX = /^[(（]?[一二三四五六七八九十\d]+[)）]?[、.．]?/u;
/** Which figures a column holds: 决算数 / 实际 / 执行数 (actual), else 预算 (budget). */
export const ACTUAL_BASIS = /决算|实际|执行数/u;
export const BUDGET_BASIS = /预算/u;
/** The year a heading names: 2026年预算数. */
export const HEADING_YEAR = /((?:19|20)\d{2})年/u;

// What an amount column measures (src/records/meaning.ts), read segment by segment from its header path.
/** A segment that is only a year and maybe its basis: 2025年, 2026年预算数, 2021年度决算数. */
/** A row label that names the basis of the row's figures (a “三公” table printing 预算数 and 决算数 as rows). */
export const BASIS_SEGMENT = /^(?:(?:19|20)\d{2}年度?)?(?:全年)?(预算|决算|执行|预计执行)数?$/u;
export const YEAR_SEGMENT = /^((?:19|20)\d{2})年度?(预算|决算|执行|预计执行)?数?$/u;
/** A year relative to the table's own: 上年 / 上年预算数 (the year before), 本年 / 当年 / 本年预算数 (its year). */
export const PREVIOUS_YEAR_SEGMENT = /^上一?年度?(预算|决算|执行|预计执行)?数?$/u;
export const CURRENT_YEAR_SEGMENT = /^(本|当)年度?(预算|决算|执行)?数?$/u;
/**
 * The fund sources a column may be split by, as printed (一般公共预算拨款, 政府性基金预算, 国有资本经营预算, 财政专户管理
 * 资金, 单位资金), each with the name a record carries in `funds`.
 */
export const FUND_SOURCES: readonly (readonly [RegExp, string])[] = [
  [/一般公共预算(拨款)?/u, '一般公共预算'],
  [/政府性基金(预算)?(拨款)?/u, '政府性基金'],
  [/国有资本经营(预算)?(拨款)?/u, '国有资本经营'],
  [/财政专户(管理)?(资金)?/u, '财政专户'],
  [/单位资金/u, '单位资金'],
];
/** A segment that is only a fund source (not a header naming the “三公” of one): 一般公共预算, 政府性基金预算拨款. */
export const FUND_SEGMENT =
  /^(一般公共预算|政府性基金|国有资本经营|财政专户|单位资金)(预算)?(拨款|资金|管理资金)?(安排)?(预算)?数?$/u;
/** The whole of the funds, as a column of its own: 合计, 总计. */
export const FUNDS_TOTAL_SEGMENT = /^(合计|总计)$/u;
/** Derived columns: a rate (增减率, 增长%), a change (增减额, 增减变化情况, 比上年增减), a share (占比, 比重). */
export const CHANGE_RATE = /增减率|增长率|变动率|增幅|降幅|%|％/u;
export const CHANGE = /增减|变动|变化|比上年/u;
export const SHARE = /占比|比重|所占比例/u;
/** A segment that names a derived measure only (no item of its own): 增减变化情况, 增减额, 增减率(%). */
export const MEASURE_SEGMENT = /^(比上年)?(增减|变动|变化|增长|占比|比重)[^/]{0,6}$/u;
/** A row label naming a year or the change between them, down a “三公” table printed with years as rows. */
export const YEAR_ROW = /^((?:19|20)\d{2})年度?(预算|决算|执行)?数?$|^(比上年)?(增减|变动)/u;
/** A unit's own part, printed under the department: 深圳市某局(本级). */
export const OWN_PART_SUFFIX = /[(（]本级[)）]$/u;

// ── Performance tables (绩效目标表) ───────────────────────────────────────────────────────────────────────────────

/** The indicator columns of a performance table, by role. */
export const INDICATOR_COLUMNS = {
  level1: /一级指标/u,
  level2: /二级指标/u,
  name: /三级指标|指标名称|指标内容|^指标$/u,
  operator: /指标性质|运算符|符号/u,
  value: /指标值|目标值|^标准$/u,
  unit: /度量单位|计量单位|^单位$/u,
  weight: /权重|分值/u,
} as const;
/** A performance form's field labels (project name, money, goals, units…), the cells above its indicator grid. */
export const FIELD_LABEL =
  /^(项目名称|项目资金|资金情况|预算金额|项目金额|总体目标|年度目标|年度绩效目标|年度总体目标|实施单位|主管部门|项目编码|项目代码|单位名称|部门名称|专项名称|项目类别|项目属性|项目概况|项目负责人|预算单位|年度预算资金|专项资金|资金金额|项目实施期目标|实施期目标)/u;
/** The start of a form's indicator grid: a row with 一级指标 and 二级指标. */
export const LEVEL1_HEADER = /^一级指标/u;
export const LEVEL2_HEADER = /^二级指标/u;
/** An indicator header printed as a row of the grid. */
export const INDICATOR_HEADER_CELL = /^三级指标$|^指标名称$/u;
/** Any indicator label: columns so named are indicators, not the form's fields. */
export const INDICATOR = /指标/u;
/** The sign printed before an indicator's value (or in its 指标性质 column), by what it means. */
export const OPERATORS = [
  [/^(≥|>=|大于等于|不低于|不少于)/u, '≥'],
  [/^(≤|<=|小于等于|不高于|不超过|不多于)/u, '≤'],
  [/^(>|大于|高于)/u, '>'],
  [/^(<|小于|低于)/u, '<'],
  [/^(=|＝|等于)/u, '='],
  [/^定性/u, '定性'],
] as const satisfies readonly (readonly [RegExp, string])[];
/** The project columns of a 项目支出绩效目标表, by role (amount and goal never an indicator column). */
export const PROJECT_COLUMNS = {
  name: /项目名称|^项目$|专项名称|政策名称/u,
  unit: /单位名称|实施单位|预算单位/u,
  amount: /预算数|项目金额|预算金额|项目总额|资金总额|金额|年度预算/u,
  goal: /年度目标|绩效目标|总体目标|项目目标/u,
  code: /项目编码|项目代码/u,
} as const;
/**
 * A table titled after its one project (`某某建设费用项目绩效目标表`): the project's name, once the title's numbering,
 * year and the kind's own words are taken off. A title left with only those words (`2026年部门项目支出绩效目标表`)
 * names no project.
 */
export const PROJECT_TITLE = /^(.+?)项目(?:支出)?绩效目标(?:申报)?表$/u;
/** A table's number before its title (`表12`, `附表3-1:`, `一、`), up to the year a compacted title runs into. */
export const TITLE_NUMBERING =
  /^(?:附?表[\d一二三四五六七八九十-]+?(?=20\d\d年|[^\d一二三四五六七八九十-])[:：.、]?|[\d一二三四五六七八九十]+[、.])/u;
/** What is left of a title naming only the kind (`2026年`, `部门预算专项业务经费`): no project's name. */
export const GENERIC_PROJECT_TITLE =
  /^(?:20\d\d年度?)?(?:市级|区级|省级|县级)?(?:部门|单位|本级)?(?:预算)?(?:项目|专项|专项业务经费|专项资金)?(?:支出)?(?:总体)?$/u;
/** A money label of a performance form (资金…, 预算…, 支出…, 金额): its amounts are funds. */
export const MONEY_LABEL = /资金|预算|支出|金额/u;
/** A money column of a performance table (its other numbers are indicator values: 100, 90, 2025.12.31). */
export const MONEY_COLUMN = /金额|预算|总额|资金/u;
/** A funds label that totals: 总额, 合计, 小计, 总计, 总体资金, 资金情况. */
export const FUNDS_TOTAL = /总额|合计|小计|总计|总体资金|资金情况/u;
/** A funding source, as printed over 合计/基本支出/项目支出 columns: 财政拨款, 其他资金, 单位资金, 专户资金… */
export const FUND_SOURCE = /资金|拨款|收入|自筹|专户/u;
export const BASIC_EXPENDITURE = /基本支出/u;
export const PROJECT_EXPENDITURE = /项目支出/u;
/** A form's field naming something (预算(单位)名称), printed across the header's top. */
export const NAME_FIELD = /名称$/u;
/** The form's goal (目标, not an indicator) and its tasks (年度主要任务). */
export const GOAL = /目标/u;
export const TASKS = /任务/u;
export const MAIN_TASKS = /主要任务/u;
export const TASK_NAME = /任务名称/u;
/** The full score an indicator weight header names: 分值权重(90分). */
export const FULL_SCORE = /(\d+)分/u;
/** A part total within a form's money (基本支出/合计, 财政拨款/小计). */
export const PART_TOTAL = /^(合计|小计)$/u;

// ── 政府采购 ────────────────────────────────────────────────────────────────────────────────────────────────────────

export const PROCUREMENT_COLUMNS = {
  name: /单位名称|项目名称|预算单位|^项目$|名称/u,
  category: /品目|采购目录|采购类别|类别/u,
  /** Not a name column even when it says 名称: 品目名称. */
  notName: /品目|目录|类别/u,
  quantity: /数量/u,
  setAside: /面向|预留/u,
  amount: /金额|合计|预算数|总额|小计/u,
} as const;

// ── Headings, units and notes around a table ──────────────────────────────────────────────────────────────────────

/**
 * A unit statement: `单位：元`, `金额单位:万元`, `单位(万元)`, or a statement cut in a narrow spot (`：万元`, `位:万` over
 * `元`: the start of `单位` lost at the page's edge). Only a statement names a unit: body text whose line starts with the
 * word (`元,用于开展…`, a wrapped sentence's tail) or runs on after it (`单位:元旦慰问`) does not. On raw text.
 */
export const UNIT_STATEMENT =
  /(?:单\s*位|^\s*位)\s*[:：]\s*(万\s*元|千\s*元|元)(?![\u4e00-\u9fff])|单\s*位\s*[(（]\s*(万\s*元|千\s*元|元)\s*[)）]|^\s*[:：]\s*(万\s*元|千\s*元|元)\s*$/u;
/** The start of a unit statement cut at a line's end (`单位:万` with `元` on the next line). */
export const CUT_UNIT = /(单位[:：]?|^位[:：])(万|千)?$/u;
/** A table's label: 公开表1, 预算02表, 附表3-1, 表 1-2. On raw text. */
export const TABLE_LABEL =
  /(公开表\s*[\d一二三四五六七八九十]+(?:[-—－]\d+)?|预算\s*\d+(?:[-—－]\d+)?\s*表|附表\s*[\d-]+|(?:^|[(（])表\s*\d+(?:[-—－]\d+)*)/u;
export const LABEL_ONLY = /^[(（]?(公开表|预算|附表|表)\s*[\d一二三四五六七八九十]+([-—－]\d+)*\s*表?[)）]?$/u;
export const PAGE_NUMBER = /^(第?\s*[-—]?\s*\d+\s*[-—]?\s*页?(\/\s*共?\s*\d+\s*页?)?|\d+\s*\/\s*\d+)$/u;
/** A line about the document, not a title: 编制单位:…, 部门:…, 第一部分. */
export const META_LINE = /^(编制单位|单位名称|部门名称|部门|单位|预算单位)[:：]|^第[一二三四五六七八九十\d]+部分/u;
/** A title ends in 表 or 情况, maybe followed by a parenthetical: `一般公共预算支出情况表(按功能分类科目)`. */
export const TITLE_END = /(表|情况)([(（][^()（）]*[)）])?$/u;
/** A heading naming the whole set of tables, not one (`2026年度部门预算表`, `XX局2026年部门预算报表`). */
export const SECTION_HEADING = /^(.*?\d{4}年度?)?(部门|单位)?(综合)?(预算|决算)(公开)?报?表$/u;
export const NO_DATA = /本表无数据|此表无数据|无数据|本表为空|本部门无|本单位无|没有.*(收支|支出|经费)/u;
/**
 * A sentence saying the table itself is empty, at any length: the note under a table (`注:本单位2025年无政府性基金预算
 * 财政拨款安排的预算,故本表为空表。`, `备注:…,故此表无数据。`). Only a sentence about this table (本表/此表/该表): `并已公开空表`
 * is said of other tables, in the text or in a list of the tables published empty.
 */
export const EMPTY_TABLE = /[本此该]表(为|是)?空(表|白)?(?![\u4e00-\u9fff])|[本此该]表(无|没有)(数据|内容)/u;
/** Notes under a table (`注:…`, `说明:…`) name no table, whatever they end in. */
export const NOTE = /^(注|备注|说明)[:：\d、.]/u;

// ── The document: its department, year and kind ─────────────────────────────────────────────────────────────

export const DEPARTMENT_LINE = /^(?:预算主管部门|主管部门|预算单位|编制单位|单位名称|部门名称|部门|单位)[:：](.+)$/u;
/** A grid cell labelling the department, its name in the next cell (Beijing's `部门名称 | 北京市…局`). */
export const DEPARTMENT_FIELD = /^(?:预算主管部门|主管部门|预算单位|编制单位|单位名称|部门名称|单位|部门)[:：]?$/u;
/** Sentence punctuation: text holding it is a sentence, not a name. */
export const SENTENCE_PUNCTUATION = /[。，,;；!！?？]/u;
/** A department's name as a title prints it: Chinese, maybe a bracketed part, no sentence punctuation. */
export const DEPARTMENT_NAME = /^[\u4e00-\u9fff][\u4e00-\u9fff（）()]{2,39}$/u;
/** A label naming a department (部门名称), not a unit (单位名称, 预算单位): its document is a department's. */
export const DEPARTMENT_LABEL = /^(?:预算主管部门|主管部门|部门名称|部门)[:：]?$/u;
/** What a department's name never is: another field's label, an amount, a unit of money. */
export const NOT_A_DEPARTMENT = /名称|金额|项目|指标|目标|资金|合计|^[\d,.\s]+$|^(万元|元)$/u;
export const NAME_BEFORE_YEAR = /^(.{2,40}?)(20\d\d)年度?(?:市级|区级|省级)?(部门|单位)?(?:综合)?(预算|决算)/u;
export const YEAR_BEFORE_NAME = /^(20\d\d)年度?(.{2,40}?)(部门|单位)(?:综合)?(预算|决算)/u;
export const PART_PREFIX = /^(第[一二三四五六七八九十\d]+部分|目录|附件\d*[:：]?|[一二三四五六七八九十]+、)/u;
/** A name that is only a place (上海市, 上海市普陀区) names the government, not the department. */
export const PLACE_ONLY = /^[\u4e00-\u9fff]{1,6}(省|市|区|县|自治区)$/u;

// ── Figures: what a cell holding an amount looks like ────────────────────────────────────────────────────────────
// They differ on purpose, by what the stage using them must not mistake: a layout joining wrapped lines must not take
// a year (`2025`) for an amount, so it wants decimals or grouping; a header test allows a `%` and a `+`; the exact
// reading (records/amount.ts) accepts only well-grouped digits and says which cells it could not read.

/** A cell's text that is one printed amount: `1,234.50`, `(12.00)`, `-3` (commas anywhere). */
export const AMOUNT_TEXT = /^[-(]?\d[\d,]*(\.\d+)?\)?$/u;
/** One amount, well formed: `1234`, `1,234`, `1,234.56`, `(12.00)`, `-3`. */
export const WELL_FORMED_AMOUNT = /^[-(]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)?$/u;
/** An amount as printed in a body cell: with decimals or thousands separators (a bare `2025` may be a heading or part of a phrase). */
export const PRINTED_AMOUNT = /^[-(]?(\d[\d,]*\.\d+|\d{1,3}(,\d{3})+)\)?$/u;
/** The exact reading's grammar: a sign, well-grouped or plain digits, decimals (brackets and dashes handled before). */
export const EXACT_NUMBER = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/u;
/** A blank amount printed as dashes or a tilde. */
export const AMOUNT_DASHES = /^[-—–－~～]+$/u;
/** Digits and separators only, but not in the exact grammar: 120258,600, 1,2345.00, 1.234.567. */
export const ODD_NUMBER = /^-?\d[\d,.]*\d$/u;

/** A printed figure in a header-or-body test: digits with grouping commas, decimals, a sign or brackets, a %. */
export const AMOUNT_CELL = /^[-+(]?\d[\d,]*(\.\d+)?\)?%?$/u;
/** A figure or a dash (a blank amount printed as `-`, `—`). */
export const FIGURE_OR_DASH = /^([-+(]?[\d,]+(\.\d+)?\)?|[-—–－]+)$/u;
/** A form's value cell: a number (maybe a % or bracketed), never a label. */
export const FORM_NUMBER = /^[-+(]?[\d,]+(\.\d+)?\)?%?$/u;
/** What stands for no amount in an amount cell: a dash. */
export const DASH = /^[-—–－]+$/u;
/** A number with or without commas and decimals (a form's money cell). */
export const NUMERIC = /^[-(]?[\d,]+(\.\d+)?\)?$/u;
