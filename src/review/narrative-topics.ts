/**
 * What a 情况说明 sentence names before a figure: the subjects the narrative review reads (`NARRATIVE_TOPICS`), and
 * the words around them (a change from last year, a share, 年初预算 / 全年预算 / 决算数). One place for the
 * vocabulary; src/review/narrative.ts decides which table cell each topic is.
 */

export type NarrativeTopic =
  | 'income_expenditure_total'
  | 'income_total'
  | 'income_current'
  | 'income'
  | 'expenditure_total'
  | 'expenditure_current'
  | 'expenditure'
  | 'basic_expenditure'
  | 'project_expenditure'
  | 'fiscal_total'
  | 'fiscal_income'
  | 'fiscal_expenditure'
  | 'general_public_expenditure'
  | 'general_public_basic'
  | 'general_public_project'
  | 'three_public_total'
  | 'three_public_outbound'
  | 'three_public_vehicle'
  | 'three_public_vehicle_purchase'
  | 'three_public_vehicle_operation'
  | 'three_public_reception'
  | 'operating_costs'
  | 'procurement'
  | 'projects';

export interface TopicSpec {
  topic: NarrativeTopic;
  /** The subject as the sentence names it, right before the figure (what may stand between: `TAIL`). */
  subject: RegExp;
  zh: string;
  en: string;
  /** The units the figure of this topic is stated in. */
  units: 'money' | 'count';
}

/** The end of a department's name (…局, …委员会, …中心): a bare 收入 / 支出 after it is the department's. */
const OWNER = '(?<=\u0002|(?<!本)年度?|[局委部厅院心室会所站队处司办府馆社团校位门区县市省]|本(?:部门|单位)|相应安排)';

/** Marks a clause that opens its sentence (收入预算931.79万元，…): a bare 收入 / 支出 there is the document's own. */
export const SENTENCE_START = '\u0002';

/**
 * The subjects. A sentence's figure takes the topic whose subject starts first among those followed by only `TAIL`
 * words up to the figure (政府采购支出预算总额 is 政府采购, not 支出总额), the longest where two start at the same place.
 */
export const NARRATIVE_TOPICS: readonly TopicSpec[] = [
  {
    topic: 'fiscal_total',
    subject:
      /财政拨款收支(?:预算|决算)?总(?:计|数|额|预算)|财政拨款收入支出(?:预算|决算)?总(?:计|额|数)|财政拨款收入总计、?支出总计/u,
    zh: '财政拨款收支总计',
    en: 'fiscal appropriation grand total',
    units: 'money',
  },
  {
    topic: 'income_expenditure_total',
    subject:
      /收支(?:预算|决算)?总(?:计|数|额|预算)|收入支出(?:预算|决算)?总(?:计|额|数)|收支总预算|收入总计、?支出总计/u,
    zh: '收支总计',
    en: 'income and expenditure grand total',
    units: 'money',
  },
  {
    topic: 'income_total',
    subject: new RegExp(`(?:${OWNER}|^)收入(?:预算|决算)?总(?:计|额|数)`, 'u'),
    zh: '收入总计',
    en: 'income grand total',
    units: 'money',
  },
  {
    topic: 'income_current',
    subject: /本年收入(?:预算|决算)?合计/u,
    zh: '本年收入合计',
    en: 'income of the year',
    units: 'money',
  },
  { topic: 'income', subject: new RegExp(`${OWNER}收入`, 'u'), zh: '收入', en: 'income', units: 'money' },
  {
    topic: 'expenditure_total',
    subject: new RegExp(`(?:${OWNER}|^)支出(?:预算|决算)?总(?:计|额|数)`, 'u'),
    zh: '支出总计',
    en: 'expenditure grand total',
    units: 'money',
  },
  {
    topic: 'expenditure_current',
    subject: /本年支出(?:预算|决算)?合计/u,
    zh: '本年支出合计',
    en: 'expenditure of the year',
    units: 'money',
  },
  { topic: 'expenditure', subject: new RegExp(`${OWNER}支出`, 'u'), zh: '支出', en: 'expenditure', units: 'money' },
  {
    topic: 'fiscal_income',
    subject: /(?<!一般公共预算|政府性基金预算?|国有资本经营预算)财政拨款收入/u,
    zh: '财政拨款收入',
    en: 'fiscal appropriation income',
    units: 'money',
  },
  {
    topic: 'fiscal_expenditure',
    subject: /(?<!一般公共预算|政府性基金预算?|国有资本经营预算)财政拨款(?:预算)?支出/u,
    zh: '财政拨款支出',
    en: 'fiscal appropriation expenditure',
    units: 'money',
  },
  {
    topic: 'general_public_expenditure',
    subject: /一般公共预算(?:财政)?(?:拨款)?(?:预算)?支出/u,
    zh: '一般公共预算财政拨款支出',
    en: 'general public budget expenditure',
    units: 'money',
  },
  {
    topic: 'general_public_basic',
    subject: /一般公共预算(?:财政)?(?:拨款)?基本支出/u,
    zh: '一般公共预算基本支出',
    en: 'general public budget basic expenditure',
    units: 'money',
  },
  {
    topic: 'general_public_project',
    subject: /一般公共预算(?:财政)?(?:拨款)?项目支出/u,
    zh: '一般公共预算项目支出',
    en: 'general public budget project expenditure',
    units: 'money',
  },
  {
    topic: 'basic_expenditure',
    subject: /(?:^|其中[:：]?)基本支出/u,
    zh: '基本支出',
    en: 'basic expenditure',
    units: 'money',
  },
  {
    topic: 'project_expenditure',
    subject: /(?:^|其中[:：]?)项目支出/u,
    zh: '项目支出',
    en: 'project expenditure',
    units: 'money',
  },
  {
    topic: 'three_public_total',
    subject: /[“"”]?三公[”"“]?经费/u,
    zh: '“三公”经费',
    en: '“three public” expenses',
    units: 'money',
  },
  {
    topic: 'three_public_outbound',
    subject: /因公出国[(（]境[)）](?:费用?|经费)/u,
    zh: '因公出国(境)费',
    en: 'overseas travel',
    units: 'money',
  },
  {
    topic: 'three_public_vehicle',
    subject: /公务用车购[置臵](?:及|和|与)运行(?:维护|维修)?(?:费用?|经费)/u,
    zh: '公务用车购置及运行费',
    en: 'official vehicles',
    units: 'money',
  },
  {
    topic: 'three_public_vehicle_purchase',
    subject: /公务用车购[置臵](?:费用?|经费)/u,
    zh: '公务用车购置费',
    en: 'vehicle purchase',
    units: 'money',
  },
  {
    topic: 'three_public_vehicle_operation',
    subject: /公务用车运行(?:维护|维修)?(?:费用?|经费)/u,
    zh: '公务用车运行费',
    en: 'vehicle operation',
    units: 'money',
  },
  {
    topic: 'three_public_reception',
    subject: /公务接待(?:费用?|经费)/u,
    zh: '公务接待费',
    en: 'official reception',
    units: 'money',
  },
  {
    topic: 'operating_costs',
    subject: /机关运行经费|(?<=财政拨款)运行经费/u,
    zh: '机关运行经费',
    en: 'operating costs',
    units: 'money',
  },
  {
    topic: 'procurement',
    subject: /政府采购(?:支出|预算|金额|资金)*(?:总额|合计)?/u,
    zh: '政府采购',
    en: 'government procurement',
    units: 'money',
  },
  {
    topic: 'projects',
    subject: /(?:编报|开展|实行|实施)绩效目标(?:管理)?的(?:\d{4}年度?)?项目(?:共|数|数量)?/u,
    zh: '绩效目标项目数',
    en: 'projects with performance targets',
    units: 'count',
  },
];

/**
 * What may stand between a subject and its figure: the figure's kind (预算数, 决算, 金额), 为 / 是 / 共, the source
 * (财政拨款), the basis (年初预算, 全年预算). Anything else (比…, 主要用于, another subject) and the figure is not the
 * subject's.
 */
export const TAIL =
  /^(?:的|中|为|是|均|共|计|达|约|合计|总计|总额|金额|财政拨款|拨款|安排|预算|决算|执行|数|支出|年初|全年|当年|本年|度|[:：])*$/u;

/** A subject qualified by a fund other than the whole (政府性基金 “三公”经费): not the tables' figure. */
export const OTHER_FUNDS = /政府性基金|国有资本经营/u;

/** A clause that states a change: 比上年增加, 较2025年减少, 与上年相比…增长; the sign from the verb. */
export const CHANGE_VERB = /(增加|增长|上升|提高|减少|下降|降低|减)了?(?:的|为)?$/u;
export const DECREASE = /减少|下降|降低|减/u;
/** The year compared with (比2025年, 较上年, 与2023年度相比). */
export const COMPARED = /(?:比|较|与|同)(?:上年|上一年|去年|(?:19|20)\d{2}年)/u;

/** A share: 占12.3%, 占本年支出合计的12.3%. */
export const SHARE = /占(.*?)(?:的|比重为?|比例为?)?$/u;

/** The basis a final account's sentence names: 年初预算 (not in the tables), 全年预算 / 预算数, 决算. */
export const INITIAL_BUDGET = /年初预算/u;
export const FULL_YEAR_BUDGET = /全年预算|调整预算|预算数/u;
export const ACTUAL = /决算|实际|执行数/u;

/** Last year (上年, 上年度) said without a comparison. */
export const LAST_YEAR = /上年度?|上一年度?|去年/u;

/** A parenthesis of more than a few characters (以合同签订为准): not part of the subject. */
export const ASIDE = /[(（][^()（）]{4,}[)）]/gu;

/** A figure with its unit. */
export const FIGURE = /(?<![\d.,])(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(亿元|万元|元|%|％|个)/gu;
