import { Decimal } from 'decimal.js';
import { compact } from '../pdf/normalize.js';
import { amountReader, plainAmount } from '../records/amount.js';
import type { LineItem, Procurement, SummaryItem, ThreePublic } from '../records/schemas.js';
import type { CheckResult, CheckTerm, DocumentInfo, NarrativeFigure, Sentence, Table } from '../types.js';
import {
  ACTUAL,
  ASIDE,
  CHANGE_VERB,
  COMPARED,
  DECREASE,
  FIGURE,
  FULL_YEAR_BUDGET,
  INITIAL_BUDGET,
  LAST_YEAR,
  NARRATIVE_TOPICS,
  type NarrativeTopic,
  OTHER_FUNDS,
  SENTENCE_START,
  SHARE,
  TAIL,
  type TopicSpec,
} from './narrative-topics.js';

export { NARRATIVE_TOPICS, type NarrativeTopic } from './narrative-topics.js';

/** What a figure of a sentence states about its topic. */
type Measure = 'amount' | 'change' | 'changeRate' | 'share';

/** One figure read from a sentence, before it is matched to a cell. */
interface Reading {
  spec: TopicSpec;
  measure: Measure;
  printed: string;
  /** Exact decimal, signed for a change (减少 → negative). */
  value: Decimal;
  unit: string;
  sentence: Sentence;
  /** The year the figure is for: the document's, the one before, or another (→ unmatched). */
  year: number | null;
  /** 年初预算 / 全年预算 / 决算 as the sentence says it; null for the document's own basis. */
  basis: 'initial' | 'budget' | 'actual' | null;
  /** A qualifier that keeps the figure from any table (政府性基金 “三公”经费): why it stays unmatched. */
  note?: string;
  /** A share: the figure it is a share of (the sentence's head figure). */
  of?: Reading;
  /** A change or share: the figure it is about (the amount read before it). */
  base?: Reading;
  /** The sentence's head topic (basic / project expenditure under 支出 vs under 一般公共预算). */
  context?: NarrativeTopic;
}

/** A table cell a topic names. */
interface Cell {
  table: number;
  /** The row's name where the record knows it (a 收支总表 row: its own side's name). */
  name?: string;
  row: number | null;
  /** Exact decimal in the records' unit; null for a blank cell (counts as 0). */
  value: string | null;
  /** Which column holds it, when the row prints several amounts. */
  column: RegExp;
}

type Found = { cell: Cell } | { note: string };

const MONEY_UNITS: Record<string, number> = { 元: 0, 万元: 4, 亿元: 8 };

/**
 * The figures the document's text states about its tables — 收支总计, 基本/项目支出, 财政拨款, “三公”经费 and its parts,
 * 机关运行经费, 政府采购, the change from last year, the number of projects — each read with its unit from the sentence
 * that states it, matched to the one table cell its subject names, and compared exactly (the table figure converted
 * to the sentence's unit; half a unit of the sentence's last digit allowed where it prints coarser). A figure whose
 * subject names no cell unambiguously is listed unmatched with the reason, never guessed.
 */
export function narrative(
  info: DocumentInfo,
  tables: readonly Table[],
  sentences: readonly Sentence[],
): { figures: NarrativeFigure[]; checks: CheckResult[] } {
  const figures: NarrativeFigure[] = [];
  const checks: CheckResult[] = [];
  /** The last figure read from the sentence before: what a sentence opening with 其中 breaks down. */
  let previous: Reading | undefined;
  for (const sentence of sentences) {
    const readings = readSentence(sentence, info, previous);
    previous = readings.filter((r) => r.measure === 'amount').pop();
    for (const reading of readings) {
      const matched = match(reading, info, tables);
      if ('note' in matched) {
        figures.push(figure(reading, null, null, 'unmatched', matched.note));
        continue;
      }
      const { cells, expected, tableDecimals } = matched;
      const found = reading.value;
      const difference = found.minus(expected);
      const sentenceDecimals = decimalsOf(reading.printed);
      // Half a unit of the coarser of the two last digits; none when both print as fine.
      const digits = Math.min(sentenceDecimals, tableDecimals);
      const exact = reading.measure === 'amount' || reading.measure === 'change';
      const tolerance =
        exact && sentenceDecimals === tableDecimals ? new Decimal(0) : new Decimal(10).pow(-digits).dividedBy(2);
      const passed = difference.abs().lte(tolerance);
      const terms = cells.map((c) => term(tables, c));
      const first = terms[0]!;
      const t = tables[first.table]!;
      figures.push(figure(reading, first, expected.toFixed(), passed ? 'agrees' : 'differs'));
      const id = `narrative.${reading.spec.topic}${reading.measure === 'amount' ? '' : `_${snake(reading.measure)}`}`;
      const what = `${reading.spec.zh}${reading.measure === 'change' ? '增减额' : reading.measure === 'changeRate' ? '增减率' : reading.measure === 'share' ? '占比' : ''}`;
      checks.push({
        id,
        message: passed
          ? {
              zh: `情况说明所述${what}与表中数字一致`,
              en: `the text's ${reading.spec.en}${measureEn(reading.measure)} agrees with the table`,
            }
          : {
              zh: `情况说明所述${what}与表中数字不一致`,
              en: `the text's ${reading.spec.en}${measureEn(reading.measure)} differs from the table`,
            },
        table: first.table,
        tableKind: t.kind,
        tableTitle: t.title,
        page: reading.sentence.page,
        row: { code: first.code, name: first.name },
        rowIndex: first.rowIndex,
        column: first.column,
        expected: expected.toFixed(),
        found: found.toFixed(),
        difference: difference.toFixed(),
        tolerance: tolerance.toFixed(),
        passed,
        rounding: passed && !difference.isZero(),
        unit: reading.unit,
        sentence: reading.sentence,
        ...(passed ? {} : { terms }),
      });
    }
  }
  return { figures, checks };
}

const snake = (s: string): string => s.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`);
const measureEn = (m: Measure): string =>
  m === 'change'
    ? ' (change from last year)'
    : m === 'changeRate'
      ? ' (rate of change)'
      : m === 'share'
        ? ' (share)'
        : '';

function figure(
  r: Reading,
  cell: CheckTerm | null,
  expected: string | null,
  status: NarrativeFigure['status'],
  note?: string,
): NarrativeFigure {
  const topic = `${r.spec.topic}${r.measure === 'amount' ? '' : `_${snake(r.measure)}`}`;
  return {
    topic,
    printed: r.printed,
    value: r.value.toFixed(),
    unit: r.unit,
    sentence: r.sentence,
    cell,
    expected,
    status,
    ...(note ? { note } : {}),
  };
}

const decimalsOf = (printed: string): number => printed.replace(/,/gu, '').split('.')[1]?.length ?? 0;

/** A clause naming only a basis: 支出决算为, 全年预算数为, 决算. */
const BASIS_ONLY = /^(?:支出)?(?:全年预算|年初预算|调整预算|决算|预算)数?(?:为|是)?$/u;

/** Where a sentence stops stating figures of its subject: the reasons (主要原因是…项目支出增加50万元), the uses. */
const REASONS = /主要原因|原因是|主要是|主要用于|用于|主要包括|包括/u;

/** The figures a sentence states about a topic, in order. */
function readSentence(sentence: Sentence, info: DocumentInfo, previous?: Reading): Reading[] {
  // 收入、支出预算总计 is one subject (the list comma would cut it).
  const text = compact(sentence.text)
    .replace(/％/gu, '%')
    .replace(/收入、支出/gu, '收入支出')
    .replace(/收入总计、支出总计/gu, '收入总计支出总计');
  const out: Reading[] = [];
  let from = 0;
  /** The last amount read (what a following 增长x% or 占x% is about); null after a figure of no topic. */
  let current: Reading | null = null;
  let outer: Reading | null = null;
  let depth = 0;
  // A sentence opening with 其中 breaks down the figure the sentence before ended on.
  let head: Reading | null = previous && /^其中/u.test(compact(sentence.text)) ? previous : null;
  let sentenceYear: number | null = null;
  for (const m of text.matchAll(FIGURE)) {
    const segment = text.slice(from, m.index);
    const before = text.slice(0, m.index);
    from = m.index + m[0].length;
    // A parenthesis (公务用车购置费0万元…；运行维护费74.1万元…) breaks down the figure before it; after its ) the
    // sentence is about that figure again (…)比上年增加39.2万元).
    const depthBefore = depth;
    depth = Math.max(0, depth + (segment.match(/[(（]/gu)?.length ?? 0) - (segment.match(/[)）]/gu)?.length ?? 0));
    if (depthBefore === 0 && depth > 0) outer = current;
    else if (depthBefore > 0 && depth === 0) current = outer;
    // After 主要原因是 / 主要用于 up to the next ； the figures are the reasons' (项目支出增加50万元), not the subject's.
    if (REASONS.test(before.slice(Math.max(before.lastIndexOf('；'), before.lastIndexOf(';')) + 1))) {
      current = null;
      continue;
    }
    const clauses = segment.replace(ASIDE, '').split(/[，,；;。、]/u);
    const opens = clauses.length === 1 && m.index === segment.length;
    const clause = (opens ? SENTENCE_START : '') + (clauses[clauses.length - 1] ?? '').replace(NUMBERING, '');
    const printed = m[1]!;
    const unit = m[2] === '％' ? '%' : m[2]!;
    const value = new Decimal(printed.replace(/,/gu, ''));
    const yearHere = lastYear(clause.replace(new RegExp(`${COMPARED.source}.*$`, 'u'), ''));
    if (sentenceYear === null && yearHere !== null) sentenceYear = yearHere;
    const compared = COMPARED.test(clause) || /相比/u.test(before);
    if (unit === '%') {
      // 增长x% right after the change it rates (比上年增加7万元，增长51.2%): the comparison is the sentence's.
      if (current && CHANGE_VERB.test(clause) && (compared || COMPARED.test(before))) {
        const signed = DECREASE.test(clause) ? value.negated() : value;
        out.push({ ...current, measure: 'changeRate', printed, value: signed, unit, sentence, base: current });
      } else if (current && clause.startsWith('占')) {
        // The whole named (占“三公”经费的), else the sentence's head figure (支出预算X万元，其中：基本支出Y万元，占Z%).
        const named = SHARE.exec(clause)?.[1] ?? '';
        const whole = named ? topicOf(named, /^.*$/u) : null;
        const of: Reading | undefined = whole
          ? { ...current, spec: whole, measure: 'amount', base: undefined, context: undefined }
          : named
            ? undefined
            : (head ?? undefined);
        out.push({ ...current, measure: 'share', printed, value, unit, sentence, base: current, of });
      }
      continue;
    }
    const change = CHANGE_VERB.test(clause) && compared;
    const subject = change
      ? clause.replace(CHANGE_VERB, '').replace(new RegExp(`^.*?${COMPARED.source}`, 'u'), '')
      : clause;
    let spec = topicOf(subject, change ? /^.*$/u : TAIL);
    // A final account's clause of basis words only (支出决算为, 全年预算为) states the same subject on another basis.
    const bare = clause.replace(SENTENCE_START, '');
    const inherited = !spec && !change && current !== null && info.kind === 'final_account' && BASIS_ONLY.test(bare);
    if (inherited) spec = current!.spec;
    if (change) {
      // The change of the figure just read, or of the subject the clause names (与2023年度相比，收入支出总计增加…).
      const about: Reading | null =
        current && (!spec || spec.topic === current.spec.topic)
          ? current
          : spec
            ? {
                spec,
                measure: 'amount',
                printed: '',
                value: new Decimal(0),
                unit,
                sentence,
                year: info.year,
                basis: null,
              }
            : null;
      if (about && unit !== '个') {
        const signed = DECREASE.test(clause) ? value.negated() : value;
        out.push({ ...about, measure: 'change', printed, value: signed, unit, sentence, base: about });
        current = about;
      }
      continue;
    }
    if (!spec || (spec.units === 'count') !== (unit === '个')) {
      current = null;
      continue;
    }
    const at = inherited ? 0 : Math.max(clause.search(spec.subject), 0);
    const prefix = inherited ? '' : clause.slice(0, at);
    const tail = clause.slice(at);
    let year = inherited
      ? current!.year
      : (lastYear(prefix) ?? (yearHere === null ? sentenceYear : yearHere) ?? info.year);
    if (LAST_YEAR.test(prefix) && info.year !== null) year = info.year - 1;
    const basis = INITIAL_BUDGET.test(tail)
      ? 'initial'
      : ACTUAL.test(tail)
        ? 'actual'
        : info.kind === 'final_account' && (FULL_YEAR_BUDGET.test(tail) || /预算/u.test(tail.replace(spec.subject, '')))
          ? 'budget'
          : null;
    // 其中 breaks down the figure just before it (收入预算X万元，其中…；支出预算Y万元，其中：基本支出…), else the figures
    // break down the sentence's first.
    const context = current && /其中/u.test(segment) ? current : head;
    const reading: Reading = {
      spec,
      measure: 'amount',
      printed,
      value,
      unit,
      sentence,
      year,
      basis,
      ...(OTHER_FUNDS.test(prefix) ? { note: `the sentence limits it to ${OTHER_FUNDS.exec(prefix)![0]}` } : {}),
      ...(context ? { context: context.spec.topic } : {}),
      ...(inherited && current!.context ? { context: current!.context } : {}),
    };
    out.push(reading);
    if (context && context !== head) head = context;
    current = reading;
    if (!head) head = reading;
  }
  return out;
}

/** The last year a text names (2026年, 2024年度). */
function lastYear(text: string): number | null {
  const years = [...text.matchAll(/((?:19|20)\d{2})年/gu)];
  return years.length ? Number(years[years.length - 1]![1]) : null;
}

/** A heading's number before a clause: (一) 1. （2） ①. */
const NUMBERING = /^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[、.．](?!\d)|[①-⑳])/u;

/**
 * The topic a clause names before its figure: of the subjects followed by only `tail` words up to the figure, the
 * one starting first (政府采购支出预算总额: 政府采购, not 支出总额), the longest of those starting at the same place.
 */
function topicOf(clause: string, tail: RegExp): TopicSpec | null {
  let best: { spec: TopicSpec; start: number; length: number } | null = null;
  for (const spec of NARRATIVE_TOPICS) {
    const re = new RegExp(spec.subject.source, 'gu');
    for (const m of clause.matchAll(re)) {
      const end = m.index + m[0].length;
      if (!tail.test(clause.slice(end))) continue;
      if (!best || m.index < best.start || (m.index === best.start && m[0].length > best.length))
        best = { spec, start: m.index, length: m[0].length };
    }
  }
  return best?.spec ?? null;
}

type Matched = { cells: Cell[]; expected: Decimal; tableDecimals: number } | { note: string };

/** The table cell(s) a reading names and the figure they give in the sentence's unit. */
function match(r: Reading, info: DocumentInfo, tables: readonly Table[]): Matched {
  if (r.note) return { note: r.note };
  if (r.basis === 'initial') return { note: '年初预算 is not printed in the tables' };
  if (r.measure === 'amount') {
    const f = find(r, info, tables, r.year);
    if ('note' in f) return f;
    return inUnit(f.cell, r.unit, tables);
  }
  if (r.measure === 'share') {
    if (!r.of || r.of === r.base || !r.base) return { note: 'a share whose whole the sentence does not name' };
    const part = find(r.base, info, tables, r.base.year);
    const whole = find(r.of, info, tables, r.of.year);
    if ('note' in part) return { note: `the part: ${part.note}` };
    if ('note' in whole) return { note: `the whole: ${whole.note}` };
    const w = new Decimal(whole.cell.value ?? '0');
    if (w.isZero()) return { note: 'the whole is 0 in the table' };
    const ratio = new Decimal(part.cell.value ?? '0').dividedBy(w).times(100);
    return { cells: [part.cell, whole.cell], expected: ratio, tableDecimals: 40 };
  }
  // A change from last year: this year's cell and last year's, both printed.
  if (info.year === null) return { note: 'the document’s year is unknown' };
  const base = r.base!;
  if (base.year !== info.year) return { note: `a change stated for ${base.year ?? 'an unknown year'}` };
  const now = find(base, info, tables, info.year);
  if ('note' in now) return now;
  if (r.measure === 'change') {
    const printed = changeCell(base, tables);
    if (printed) return inUnit(printed, r.unit, tables);
  }
  const last = find(base, info, tables, info.year - 1);
  if ('note' in last)
    return {
      note: /^a figure for/u.test(last.note)
        ? `the tables print no ${info.year - 1} figure of ${base.spec.zh}`
        : `no ${info.year - 1} figure of ${base.spec.zh}: ${last.note}`,
    };
  if (now.cell.table !== last.cell.table) return { note: 'this year and last year in different tables' };
  const a = new Decimal(now.cell.value ?? '0');
  const b = new Decimal(last.cell.value ?? '0');
  if (r.measure === 'change') {
    const unit = unitOf(tables[now.cell.table]!);
    if (unit === null || !(r.unit in MONEY_UNITS)) return { note: 'the table prints no unit' };
    const shift = MONEY_UNITS[r.unit]! - MONEY_UNITS[unit]!;
    const d = a.minus(b).dividedBy(new Decimal(10).pow(shift));
    const decimals = Math.max(cellDecimals(tables, now.cell), cellDecimals(tables, last.cell)) + shift;
    return { cells: [last.cell, now.cell], expected: d, tableDecimals: Math.max(decimals, 0) };
  }
  if (b.isZero()) return { note: `last year's ${base.spec.zh} is 0 in the table: no rate` };
  return { cells: [last.cell, now.cell], expected: a.minus(b).dividedBy(b).times(100), tableDecimals: 40 };
}

/** A change the “三公” table prints itself (增减额): the department's row, the whole of the funds. */
function changeCell(base: Reading, tables: readonly Table[]): Cell | null {
  const field = THREE_PUBLIC_FIELD[base.spec.topic];
  if (!field) return null;
  for (const { t, i } of tablesOf(tables, 'three_public')) {
    let recs = (t.records as ThreePublic[]).filter((x) => x.isTotal && x.measure === 'change');
    if (recs.some((x) => x.funds === undefined)) recs = recs.filter((x) => x.funds === undefined);
    const values = [...new Set(recs.map((x) => field.get(x)))];
    if (recs.length && values.length === 1 && values[0] !== undefined)
      return { table: i, row: recs[0]!.row, value: values[0] ?? null, column: field.column };
  }
  return null;
}

/** The unit the records of a table are in (元, 万元, 亿元), or null where none is printed. */
function unitOf(t: Table): string | null {
  const u = compact(t.recordsUnit ?? t.unit);
  return u.includes('亿元') ? '亿元' : u.includes('万元') ? '万元' : u.includes('元') ? '元' : null;
}

/** How many decimals the cell prints (from its record value, which keeps them as printed). */
const cellDecimals = (_tables: readonly Table[], c: Cell): number => (c.value === null ? 0 : decimalsOf(c.value));

function inUnit(cell: Cell, unit: string, tables: readonly Table[]): Matched {
  const value = new Decimal(cell.value ?? '0');
  if (unit === '个') return { cells: [cell], expected: value, tableDecimals: 0 };
  const from = unitOf(tables[cell.table]!);
  if (from === null) return { note: 'the table prints no unit' };
  const shift = MONEY_UNITS[unit]! - MONEY_UNITS[from]!;
  return {
    cells: [cell],
    expected: value.dividedBy(new Decimal(10).pow(shift)),
    tableDecimals: Math.max(cellDecimals(tables, cell) + shift, 0),
  };
}

const tablesOf = <K extends Table['kind']>(tables: readonly Table[], kind: K) =>
  tables.flatMap((t, i) => (t.kind === kind && t.records?.length ? [{ t: t as Extract<Table, { kind: K }>, i }] : []));

/** The one cell a topic names for a year, or why there is none. */
function find(r: Reading, info: DocumentInfo, tables: readonly Table[], year: number | null): Found {
  const topic = r.spec.topic;
  const thisYear = year === null || year === info.year;
  if (info.year !== null && year !== null && year !== info.year && year !== info.year - 1)
    return { note: `a figure for ${year}, not the document's year ${info.year}` };
  if (topic.startsWith('three_public') || topic === 'operating_costs') {
    const f = threePublic(r, info, tables, year);
    if (topic !== 'operating_costs' || !('note' in f) || !thisYear) return f;
    return operatingCosts(tables, f.note);
  }
  if (!thisYear) return { note: `a figure for ${year}: the tables print no ${year} column of ${r.spec.zh}` };
  if (r.basis === 'budget' && info.kind === 'final_account')
    return { note: '全年预算 of this figure is not printed in the tables' };
  switch (topic) {
    case 'income_expenditure_total':
    case 'income_total':
      return summary(tables, 'income_expenditure_summary', 'income', 'grand');
    case 'income_current':
      return summary(tables, 'income_expenditure_summary', 'income', 'current');
    case 'income':
      return summary(tables, 'income_expenditure_summary', 'income', 'either', r);
    case 'expenditure_total':
      return summary(tables, 'income_expenditure_summary', 'expenditure', 'grand');
    case 'expenditure_current':
      return summary(tables, 'income_expenditure_summary', 'expenditure', 'current');
    case 'expenditure':
      return summary(tables, 'income_expenditure_summary', 'expenditure', 'either', r);
    case 'fiscal_total':
      return summary(tables, 'fiscal_summary', 'income', 'grand');
    case 'fiscal_income': {
      const named = summaryNamed(tables, /^(?:[一二三四五六七八九十]+、)?财政拨款(?:收入)?(?:合计|小计)?$/u);
      // Under 本年收入合计 (其中：财政拨款收入…) it is the year's own.
      return (
        named ?? summary(tables, 'fiscal_summary', 'income', r.context === 'income_current' ? 'current' : 'either')
      );
    }
    case 'fiscal_expenditure':
      return summary(
        tables,
        'fiscal_summary',
        'expenditure',
        r.context === 'expenditure_current' ? 'current' : 'either',
      );
    case 'general_public_expenditure':
      return generalPublic(tables, 'total');
    case 'general_public_basic':
      return generalPublic(tables, 'basic');
    case 'general_public_project':
      return generalPublic(tables, 'project');
    case 'basic_expenditure':
    case 'project_expenditure': {
      const field = topic === 'basic_expenditure' ? 'basic' : 'project';
      if (r.context === 'general_public_expenditure') return generalPublic(tables, field);
      if (!r.context || !/^(expenditure|expenditure_current|expenditure_total)$/u.test(r.context))
        return { note: `${r.spec.zh} of a figure the sentence does not name as the total expenditure` };
      return expenditureTotal(tables, field);
    }
    case 'procurement':
      return procurement(tables);
    case 'projects':
      return { note: 'the project tables need not list every project with targets; not compared' };
  }
  return { note: 'no table figure for this topic' };
}

/** The records of the document's “三公” table for the sentence's year and basis, the department's own row. */
function threePublic(r: Reading, info: DocumentInfo, tables: readonly Table[], year: number | null): Found {
  const found = tablesOf(tables, 'three_public');
  if (!found.length) return { note: 'no “三公”经费 table with figures' };
  const want =
    r.basis === 'actual' || (r.basis === null && info.kind === 'final_account')
      ? 'actual'
      : r.basis === 'budget' || info.kind === 'budget'
        ? 'budget'
        : null;
  for (const { t, i } of found) {
    let recs = (t.records as ThreePublic[]).filter((x) => x.isTotal && x.measure === undefined);
    if (recs.some((x) => x.funds === undefined)) recs = recs.filter((x) => x.funds === undefined);
    else recs = recs.filter((x) => x.funds === '一般公共预算' && !x.fundsSummed);
    const years = new Set(recs.map((x) => x.year).filter((y) => y !== undefined));
    if (years.size) {
      if (year === null || !years.has(year))
        return { note: `the “三公”经费 table prints ${[...years].join('/')}, not ${year}` };
      recs = recs.filter((x) => x.year === year);
    } else if (year !== null && info.year !== null && year !== info.year)
      return { note: `the “三公”经费 table prints no ${year} figures (上年)` };
    const bases = new Set(recs.map((x) => x.basis));
    if (bases.has('actual') || bases.has('budget')) {
      if (want === null) return { note: 'the table prints 预算数 and 决算数; the sentence names neither' };
      const b = recs.filter((x) => x.basis === want);
      if (!b.length && want === 'actual') return { note: 'the “三公”经费 table prints no 决算数' };
      if (b.length) recs = b;
    }
    if (!recs.length) continue;
    const field = THREE_PUBLIC_FIELD[r.spec.topic]!;
    const values = [...new Set(recs.map((x) => field.get(x)))];
    if (values.length > 1) return { note: `the “三公”经费 table's rows disagree (${values.join(' | ')})` };
    if (values[0] === undefined)
      return {
        note:
          r.spec.topic === 'operating_costs'
            ? 'the “三公”经费 table prints no 机关运行经费'
            : `the “三公”经费 table prints no ${r.spec.zh} column`,
      };
    return { cell: { table: i, row: recs[0]!.row, value: values[0] ?? null, column: field.column } };
  }
  return { note: 'no department row in the “三公”经费 table' };
}

const THREE_PUBLIC_FIELD: Partial<
  Record<NarrativeTopic, { get: (x: ThreePublic) => string | null | undefined; column: RegExp }>
> = {
  three_public_total: { get: (x) => x.total, column: /合计|总计|三公/u },
  three_public_outbound: { get: (x) => x.outbound, column: /因公出国/u },
  three_public_vehicle: { get: (x) => x.vehicle.subtotal, column: /购置及运行|小计/u },
  three_public_vehicle_purchase: { get: (x) => x.vehicle.purchase, column: /购置/u },
  three_public_vehicle_operation: { get: (x) => x.vehicle.operation, column: /运行/u },
  three_public_reception: { get: (x) => x.reception, column: /接待/u },
  operating_costs: { get: (x) => x.operatingCosts, column: /机关运行/u },
};

/** 机关运行经费 outside a “三公” table: a 机关运行经费表 (its 合计), or a row so named in another table. */
function operatingCosts(tables: readonly Table[], why: string): Found {
  const own = tables.flatMap((t, i) => (/机关运行经费/u.test(t.title) && t.kind !== 'three_public' ? [{ t, i }] : []));
  for (const { t, i } of own) {
    const total = ((t.records ?? []) as LineItem[]).filter((x) => 'isTotal' in x && x.isTotal);
    const value = (x: LineItem): string | null | undefined =>
      x.amounts.total !== undefined
        ? x.amounts.total
        : Object.entries(x.extra).find(([label]) => /机关运行经费/u.test(compact(label)))?.[1];
    if (total.length === 1 && value(total[0]!) !== undefined)
      return {
        cell: {
          table: i,
          row: total[0]!.row,
          value: value(total[0]!) ?? null,
          column: /机关运行经费|合计|总计|金额|预算/u,
        },
      };
  }
  const rows = tables.flatMap((t, i) =>
    ((t.records ?? []) as { name?: string; amounts?: LineItem['amounts']; row: number | null }[])
      .filter((x) => typeof x.name === 'string' && /^机关运行经费(?:支出)?(?:合计)?$/u.test(compact(x.name)))
      .map((x) => ({ x, i })),
  );
  const values = [...new Set(rows.map(({ x }) => x.amounts?.total))];
  if (rows.length && values.length === 1 && values[0] !== undefined)
    return {
      cell: { table: rows[0]!.i, row: rows[0]!.x.row, value: values[0] ?? null, column: /合计|总计|金额|预算/u },
    };
  if (rows.length > 1) return { note: `the tables' 机关运行经费 rows disagree (${values.join(' | ')})` };
  return { note: own.length ? 'the 机关运行经费 table gives no 合计' : `no table prints 机关运行经费 (${why})` };
}

/** A 收支总表's (or 财政拨款收支总表's) total on one side: 总计, 本年合计, or either where the two are the same. */
function summary(
  tables: readonly Table[],
  kind: 'income_expenditure_summary' | 'fiscal_summary',
  side: 'income' | 'expenditure',
  which: 'grand' | 'current' | 'either',
  r?: Reading,
): Found {
  const found = tablesOf(tables, kind);
  const what = kind === 'fiscal_summary' ? '财政拨款收支总表' : '收支总表';
  if (!found.length) return { note: `no ${what} with figures` };
  const { t, i } = found[0]!;
  const zh = side === 'income' ? '收入' : '支出';
  const recs = (t.records as SummaryItem[]).filter((x) => x.side === side);
  const named = (...names: string[]) =>
    recs.filter((x) =>
      names.includes(
        compact(x.name)
          .replace(/^[一二三四五六七八九十]+、/u, '')
          .replace(/[:：]$/u, ''),
      ),
    );
  const pick = (picks: (() => SummaryItem[])[]): SummaryItem | null => {
    for (const p of picks) {
      const c = p();
      if (c.length) return c[0]!;
    }
    return null;
  };
  const grand = pick([() => recs.filter((x) => x.totalKind === `${side}GrandTotal`), () => named('总计', `${zh}总计`)]);
  const current = pick([
    () => recs.filter((x) => x.totalKind === `${side}Total`),
    () => named(`本年${zh}合计`, `本年${zh}`, `${zh}合计`),
  ]);
  const cell = (x: SummaryItem): Found =>
    x.amounts.total == null
      ? { note: `the ${what}'s ${compact(x.name)} is printed blank` }
      : {
          cell: {
            table: i,
            row: x.row,
            value: x.amounts.total,
            column: side === 'income' ? /收入/u : /支出/u,
            name: x.name,
          },
        };
  if (which === 'grand') return grand ? cell(grand) : { note: `the ${what} prints no ${zh}总计` };
  if (which === 'current') return current ? cell(current) : { note: `the ${what} prints no 本年${zh}合计` };
  // A bare 收入预算 / 支出预算: 总计 and 本年合计 are the same figure, or the sentence names the carried-over part.
  if (grand && current && !new Decimal(grand.amounts.total ?? 0).eq(current.amounts.total ?? 0)) {
    if (r && side === 'income' && /上年结转|结转结余/u.test(r.sentence.text)) return cell(grand);
    return {
      note: `${zh} could be 总计 (${grand.amounts.total}) or 本年${zh}合计 (${current.amounts.total}): the sentence names neither`,
    };
  }
  if (!current && grand) {
    // Only 总计 printed: it is the year's own figure unless something was carried over or forward.
    const carried = recs.filter(
      (x) =>
        (x.totalKind === 'carriedOver' || x.totalKind === 'yearEndBalance') &&
        !new Decimal(x.amounts.total ?? 0).isZero(),
    );
    if (carried.length)
      return {
        note: `the ${what} prints only ${zh}总计, which includes ${compact(carried[0]!.name)}; the sentence names neither`,
      };
  }
  const one = current ?? grand;
  return one ? cell(one) : { note: `the ${what} prints no ${zh}总计` };
}

/** A row of the 收支总表 named so (一、财政拨款). */
function summaryNamed(tables: readonly Table[], name: RegExp): Found | null {
  const found = tablesOf(tables, 'income_expenditure_summary');
  if (!found.length) return null;
  const { t, i } = found[0]!;
  const rows = (t.records as SummaryItem[]).filter((x) => x.side === 'income' && name.test(compact(x.name)));
  if (rows.length !== 1) return null;
  const x = rows[0]!;
  return { cell: { table: i, row: x.row, value: x.amounts.total ?? null, column: /^(?:本年)?收入/u, name: x.name } };
}

/** The 合计 row of the first line-item table of a kind. */
function totalRow(
  tables: readonly Table[],
  kind: 'expenditure' | 'general_public_expenditure',
): { t: Table; i: number; x: LineItem } | null {
  for (const { t, i } of tablesOf(tables, kind)) {
    if (/机关运行/u.test(t.title)) continue;
    const totals = (t.records as LineItem[]).filter((x) => x.isTotal);
    if (totals.length) return { t, i, x: totals[0]! };
    return null;
  }
  return null;
}

const FIELD_COLUMN: Record<'total' | 'basic' | 'project', RegExp> = {
  total: /合计|总计|金额|预算数|决算数|^支出$/u,
  basic: /基本支出/u,
  project: /项目支出/u,
};

function generalPublic(tables: readonly Table[], field: 'total' | 'basic' | 'project'): Found {
  const row = totalRow(tables, 'general_public_expenditure');
  if (!row) return { note: 'no 一般公共预算支出表 with a 合计 row' };
  const v = row.x.amounts[field];
  if (v === undefined) {
    // 基本支出 not split in the 一般公共预算支出表: the 合计 of the 一般公共预算基本支出表.
    if (field === 'basic') {
      const basic = tablesOf(tables, 'basic_expenditure').find(({ t }) => /一般公共预算/u.test(t.title));
      const totals = basic ? (basic.t.records as LineItem[]).filter((x) => x.isTotal) : [];
      const value = totals[0]?.amounts.total;
      if (basic && totals.length === 1 && value !== undefined)
        return { cell: { table: basic.i, row: totals[0]!.row, value, column: FIELD_COLUMN.total } };
    }
    return {
      note: `the 一般公共预算支出表 prints no ${field === 'basic' ? '基本支出' : field === 'project' ? '项目支出' : '合计'} column`,
    };
  }
  return { cell: { table: row.i, row: row.x.row, value: v, column: FIELD_COLUMN[field] } };
}

function expenditureTotal(tables: readonly Table[], field: 'basic' | 'project'): Found {
  const row = totalRow(tables, 'expenditure');
  if (!row) return { note: 'no 支出总表 with a 合计 row' };
  const v = row.x.amounts[field];
  if (v === undefined) return { note: `the 支出总表 prints no ${field === 'basic' ? '基本支出' : '项目支出'} column` };
  return { cell: { table: row.i, row: row.x.row, value: v, column: FIELD_COLUMN[field] } };
}

function procurement(tables: readonly Table[]): Found {
  const found = tablesOf(tables, 'procurement');
  if (!found.length) return { note: 'no 政府采购表 with figures' };
  const { t, i } = found[0]!;
  const totals = (t.records as Procurement[]).filter((x) => x.isTotal);
  if (totals.length !== 1)
    return { note: `the 政府采购表 prints ${totals.length ? 'several' : 'no'} 合计 row${totals.length ? 's' : ''}` };
  const x = totals[0]!;
  // The amount, else a column the record keeps as printed under 总计 / 合计 (a table whose amount column is one of
  // several fund columns).
  const printed = Object.entries(x.otherColumns).find(([label]) => /^(?:总计|合计|金额|总金额)$/u.test(compact(label)));
  const value = x.amount ?? (printed ? plainAmount(printed[1]) : null);
  if (value === null) return { note: 'the 政府采购表 合计 row has no amount read' };
  return { cell: { table: i, row: x.row, value, column: /总计|金额|合计|预算|总额/u } };
}

/** The printed cell a matched figure is: its row, and the column of that row holding the value. */
function term(tables: readonly Table[], c: Cell): CheckTerm {
  const t = tables[c.table]!;
  const read = amountReader(t);
  const same = (cell: string): boolean => {
    const p = read(cell);
    if (c.value === null) return p.kind === 'blank' || p.kind === 'dash';
    return p.kind === 'number' && new Decimal(p.value).eq(c.value);
  };
  let rowIndex = c.row;
  let col = -1;
  const inRow = (r: number): number[] => (t.rows[r] ?? []).flatMap((cell, j) => (same(cell) ? [j] : []));
  const choose = (cols: number[]): number =>
    cols.find((j) => c.column.test(compact(t.columns[j] ?? ''))) ?? cols[0] ?? -1;
  if (rowIndex !== null) col = choose(inRow(rowIndex));
  if (col < 0 && c.value !== null) {
    // A transposed table (items as rows): the value in another row, the one naming the column's meaning.
    for (let r = 0; r < t.rows.length && col < 0; r++) {
      const cols = inRow(r);
      if (cols.length && (t.rows[r] ?? []).some((cell) => c.column.test(compact(cell)))) {
        rowIndex = r;
        col = cols[0]!;
      }
    }
  }
  const row = rowIndex !== null ? (t.rows[rowIndex] ?? []) : [];
  const name =
    c.name ?? row.map((s) => compact(s)).find((s) => s && read(s).kind === 'text' && !/^\d+$/u.test(s)) ?? '';
  const code = row.map((s) => compact(s)).find((s) => /^\d{3}(?:\d{2}){0,2}$/u.test(s)) ?? null;
  return {
    table: c.table,
    rowIndex: rowIndex ?? -1,
    column: col >= 0 ? (t.columns[col] ?? '') : '',
    page: rowIndex !== null ? (t.rowPages[rowIndex] ?? t.pages[0] ?? null) : (t.pages[0] ?? null),
    code,
    name,
    value: c.value,
  };
}
