import { Decimal } from 'decimal.js';
import type { LineItem, SummaryItem, ThreePublic } from '../records/schemas.js';
import type { Finding, FindingPlace, Table } from '../types.js';

/**
 * A table whose figures are 10,000 times (or a 10,000th of) the same figures printed in the document's other tables:
 * its printed unit is wrong (figures in 元 under a 万元 label, or the reverse). Shared figures are compared after
 * converting every table to 元 by its own label:
 *
 * - a classification code's 合计 (the same 功能 / 经济 code, printed once in each of two tables: the 支出总表 and the
 *   一般公共预算支出表 print 2010101 行政运行 alike when the department has only general-budget funds);
 * - the tables' totals (a line-item table's 合计 row, a summary table's 本年收入合计 / 支出总计 …), any total against any
 *   total, since a 支出总表's 合计 is the 收支总表's 支出总计;
 * - the “三公” figures of two “三公” tables.
 *
 * Two figures agree at a scale (1, 10,000 or 1/10,000) when they differ by no more than their rounding: half a unit
 * of the last printed digit of each, in 元 (a 万元 figure to 0.01 stands for ±50 元). Zero figures prove nothing and
 * are left out. Two tables are `same` when some shared figure agrees at 1 and none at another scale, `scaled` when
 * some agree at 10,000 (or 1/10,000) and none at 1. A table is mislabelled when it is scaled against more tables
 * than it agrees with: with three or more tables sharing figures the odd one out is named; with only two, the
 * document's other tables decide (the one whose label is not the document's common one), else the one whose
 * figures read as the other unit's (a 万元-labelled table holding the larger figures, a 元-labelled one the smaller).
 */
export function unitFindings(tables: readonly Table[]): Finding[] {
  return unitScaleErrors(tables).map((e) => {
    const t = tables[e.table]!;
    const wrong = t.unit;
    const right = e.factor.gt(1) ? smallerUnit(wrong) : largerUnit(wrong);
    const others = [...new Set(e.pairs.map((p) => p.other.table))];
    const othersZh = others.map((i) => `${tables[i]!.title}(p.${tables[i]!.pages[0] ?? '?'})`).join('、');
    const othersEn = others.map((i) => `${tables[i]!.title} (p.${tables[i]!.pages[0] ?? '?'})`).join(', ');
    const places: FindingPlace[] = [];
    for (const p of e.pairs) {
      places.push(p.own, p.other);
    }
    return {
      id: 'units.scale',
      severity: 'error' as const,
      message: {
        zh: `${t.title}(p.${t.pages[0] ?? '?'})标注单位为“${wrong}”,但其数字是${othersZh}中相同数字的${e.factor.gt(1) ? '10000倍' : '万分之一'}:实际单位应为“${right}”`,
        en: `${t.title} (p.${t.pages[0] ?? '?'}) is labelled ${wrong}, but its figures are ${e.factor.gt(1) ? '10,000 times' : 'a 10,000th of'} the same figures in ${othersEn}: its unit is in fact ${right}`,
      },
      page: t.pages[0] ?? null,
      table: e.table,
      places: dedupe(places),
    };
  });
}

/** A table whose printed unit the figures disprove, and the figures that disprove it. */
export interface UnitScaleError {
  /** Position in `tables` of the mislabelled table. */
  table: number;
  /** Its figures (converted to 元 by its label) divided by the same figures elsewhere: 10000 or 0.0001. */
  factor: Decimal;
  /** Each compared pair: the cell of the mislabelled table and the cell it was compared with. */
  pairs: { own: FindingPlace; other: FindingPlace & { table: number } }[];
}

const FACTOR: Record<string, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };
const SCALES = [new Decimal(1), new Decimal(10000), new Decimal('0.0001')] as const;
const SCALE_NUMBERS = SCALES.map((s) => s.toNumber());

/** A figure a table shares with others: what it is (`key`), its value in 元 by the table's label, and its rounding. */
interface Figure {
  key: string;
  yuan: Decimal;
  /** Half a unit of the last printed digit, in 元. */
  half: Decimal;
  place: FindingPlace;
}

/** Every table the figures prove mislabelled (see `unitFindings`). */
export function unitScaleErrors(tables: readonly Table[]): UnitScaleError[] {
  const figures = tables.map((t, i) => figuresOf(t, i));
  const links = linksBetween(figures);
  const counts = (i: number) => {
    const l = [...(links.get(i)?.values() ?? [])];
    return { same: l.filter((x) => x.scale.eq(1)).length, scaled: l.filter((x) => !x.scale.eq(1)).length };
  };
  const common = commonUnit(tables, figures);
  const wrong = (i: number): boolean => {
    const c = counts(i);
    if (!c.scaled || c.scaled < c.same) return false;
    // Scaled against more tables than it agrees with: the odd one out.
    if (c.scaled > c.same && c.scaled + c.same >= 2) return true;
    // As many against as with: the figures do not say which side is wrong.
    if (c.same) return false;
    // Scaled against one table only, agreeing with none.
    const [j, link] = [...links.get(i)!][0]!;
    if (counts(j).same > 0) return true;
    if (counts(j).scaled > 1) return false;
    // The two alone: the document's common label decides, else which figures read as which unit (元 figures under
    // a 万元 label are the larger; 万元 figures under a 元 label the smaller).
    if (tables[i]!.unit !== tables[j]!.unit) return common !== null && tables[i]!.unit !== common;
    return tables[i]!.unit === '元' ? link.scale.lt(1) : link.scale.gt(1);
  };
  const out: UnitScaleError[] = [];
  for (const i of [...links.keys()].sort((x, y) => x - y)) {
    if (!wrong(i)) continue;
    const scaled = [...links.get(i)!].filter(([, l]) => !l.scale.eq(1));
    out.push({
      table: i,
      factor: scaled[0]![1].scale,
      pairs: scaled.flatMap(([j, l]) =>
        l.pairs.map((p) => ({ own: p.own.place, other: { ...p.other.place, table: j } })),
      ),
    });
  }
  return out;
}

type Link = { scale: Decimal; pairs: { own: Figure; other: Figure }[] };

/**
 * How each table's shared figures stand to each other table's: for tables A and B sharing a figure at one scale
 * only, that scale and the agreeing pairs (A's figure, B's); none where no figure agrees or the scales mix. Figures
 * printed alike (the same key, value and digits) are met once as a group with every table printing them, and the
 * groups of one key are sorted by value, so each group meets only those near it at each scale; the pairs of tables
 * are listed only when some figure agrees at another scale than 1 (else no table can be mislabelled): a document of
 * 400 tables all printing the same 合计 costs a few comparisons, not 160,000 pairs. The test that decides is exact.
 */
function linksBetween(figures: readonly Figure[][]): Map<number, Map<number, Link>> {
  // A group: one printed figure and each table printing it (its first cell there); value and rounding as numbers
  // too, for the search.
  type Group = { f: Figure; v: number; h: number; tables: Map<number, Figure> };
  const byKey = new Map<string, Map<string, Group>>();
  figures.forEach((list, table) => {
    for (const f of list) {
      const groups = byKey.get(f.key) ?? new Map<string, Group>();
      byKey.set(f.key, groups);
      const id = `${f.yuan.toString()}|${f.half.toString()}`;
      const g = groups.get(id);
      if (!g) groups.set(id, { f, v: f.yuan.toNumber(), h: f.half.toNumber(), tables: new Map([[table, f]]) });
      else if (!g.tables.has(table)) g.tables.set(table, f);
    }
  });
  // found[a × n + b]: the scales (a bit each, by index into SCALES) at which A's and B's figures agree, and the
  // first pairs agreeing at the first scale found (a pair of tables at two scales is dropped below anyway).
  const n = figures.length;
  const found = new Map<number, { scales: number; first: number; pairs: { own: Figure; other: Figure }[] }>();
  const record = (a: number, b: number, i: number, own: Figure, other: Figure) => {
    const at = a * n + b;
    const link = found.get(at);
    if (!link) found.set(at, { scales: 1 << i, first: i, pairs: [{ own, other }] });
    else {
      link.scales |= 1 << i;
      // What decides is that a pair agrees at a scale; a finding cites a few such pairs, not hundreds.
      if (link.first === i && link.pairs.length < MAX_PAIRS) link.pairs.push({ own, other });
    }
  };
  // Every pair of groups whose figures agree, and at which scale.
  const agreeing: { a: Group; b: Group; i: number }[] = [];
  for (const groups of byKey.values()) {
    const list = [...groups.values()].sort((x, y) => x.v - y.v);
    if (list.length === 1 && list[0]!.tables.size < 2) continue;
    const values = list.map((x) => x.v);
    const widest = Math.max(...list.map((x) => x.h));
    for (const a of list) {
      for (const [i, s] of SCALES.entries()) {
        // a = b × s within half of each one's last digit: b lies within (a.half + b.half × s) / s of a / s. The
        // window is widened a little for the floating-point search; `agrees` decides exactly.
        const scale = SCALE_NUMBERS[i]!;
        const centre = a.v / scale;
        const reach = ((a.h + widest * scale) / scale) * (1 + 1e-9) + 1e-6;
        for (let k = lowerBound(values, centre - reach); k < list.length && values[k]! <= centre + reach; k++) {
          const b = list[k]!;
          if (agrees(a, b, s, scale)) agreeing.push({ a, b, i });
        }
      }
    }
  }
  // Without a figure agreeing at another scale no table can be mislabelled: the pairs of tables are not needed.
  if (!agreeing.some((x) => x.i !== 0)) return new Map();
  for (const { a, b, i } of agreeing)
    for (const [ta, fa] of a.tables) for (const [tb, fb] of b.tables) if (ta !== tb) record(ta, tb, i, fa, fb);
  const links = new Map<number, Map<number, Link>>();
  for (const at of [...found.keys()].sort((x, y) => x - y)) {
    const link = found.get(at)!;
    // A pair of tables at two scales at once says nothing about their units.
    if (link.scales !== 1 << link.first) continue;
    const a = Math.floor(at / n);
    if (!links.has(a)) links.set(a, new Map());
    links.get(a)!.set(at % n, { scale: SCALES[link.first]!, pairs: link.pairs });
  }
  return links;
}

/** Pairs of cells a finding cites for one pair of tables. */
const MAX_PAIRS = 12;

/**
 * a = b × s within half a unit of the last digit of each (in 元), exactly. Most pairs are plainly equal or plainly
 * apart in floating point; only a difference within a millionth of the tolerance's edge is settled in decimals.
 */
function agrees(
  a: { f: Figure; v: number; h: number },
  b: { f: Figure; v: number; h: number },
  s: Decimal,
  scale: number,
): boolean {
  const tolerance = a.h + b.h * scale;
  const difference = Math.abs(a.v - b.v * scale);
  const margin = tolerance * 1e-6 + Math.abs(a.v) * 1e-12 + 1e-9;
  if (difference < tolerance - margin) return true;
  if (difference > tolerance + margin) return false;
  return a.f.yuan
    .minus(b.f.yuan.times(s))
    .abs()
    .lte(a.f.half.plus(b.f.half.times(s)));
}

/** The first index whose value is at least `v` (values sorted ascending). */
function lowerBound(values: readonly number[], v: number): number {
  let lo = 0,
    hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The unit most tables with shared figures are labelled in; null on a tie. */
function commonUnit(tables: readonly Table[], figures: readonly Figure[][]): string | null {
  const n = new Map<string, number>();
  tables.forEach((t, i) => {
    if (figures[i]!.length) n.set(t.unit, (n.get(t.unit) ?? 0) + 1);
  });
  const sorted = [...n].sort((x, y) => y[1] - x[1]);
  return sorted[0] && sorted[0][1] !== sorted[1]?.[1] ? sorted[0][0] : null;
}

const decimalsOf = (v: string) => v.split('.')[1]?.length ?? 0;

/** The figures of a table that other tables print too (see `unitFindings`); none when its unit is unknown. */
function figuresOf(t: Table, index: number): Figure[] {
  // Records hold amounts in `recordsUnit` where extraction converted them (by the printed label, so a wrong label
  // is as wrong after conversion), else in the printed unit.
  const factor = FACTOR[t.recordsUnit ?? t.unit];
  if (!factor || t.empty || !t.records) return [];
  const out: Figure[] = [];
  const add = (key: string, value: string | null | undefined, row: number | null, name: string) => {
    if (value == null || new Decimal(value).isZero()) return;
    const yuan = new Decimal(value).times(factor);
    const half = new Decimal(10).pow(-decimalsOf(value)).times(factor).dividedBy(2);
    const page = row !== null ? (t.rowPages[row] ?? t.pages[0] ?? null) : (t.pages[0] ?? null);
    out.push({ key, yuan, half, place: { page, table: index, rowIndex: row, text: `${name} ${value}` } });
  };
  if (t.kind === 'three_public' || t.kind === 'government_fund_three_public') {
    for (const r of t.records as ThreePublic[]) {
      if (!r.isTotal || r.measure) continue;
      const at = `3p:${r.basis ?? ''}:${r.year ?? ''}:${r.funds ?? ''}`;
      add(`${at}:total`, r.total, r.row, '合计');
      add(`${at}:outbound`, r.outbound, r.row, '因公出国(境)费');
      add(`${at}:reception`, r.reception, r.row, '公务接待费');
      add(`${at}:vehicle`, r.vehicle.subtotal, r.row, '公务用车购置及运行费');
    }
    return out;
  }
  const seen = new Map<string, number>();
  for (const r of t.records as (LineItem | SummaryItem)[]) {
    if (!r.amounts) continue;
    if ('side' in r) {
      if (r.totalKind && r.totalKind !== 'carriedOver' && r.totalKind !== 'yearEndBalance')
        add('total', r.amounts.total, r.row, r.name);
      continue;
    }
    if (!('isTotal' in r)) continue;
    if (r.isTotal) add('total', r.amounts.total, r.row, r.name);
    else if (r.code && !r.unitCode) {
      const key = `${r.code.system}:${r.code.code}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      add(key, r.amounts.total, r.row, `${r.code.code} ${r.name}`);
    }
  }
  // A code printed more than once in the table (per unit, per project) is no one figure.
  return out.filter((f) => f.key === 'total' || f.key.startsWith('3p:') || seen.get(f.key) === 1);
}

function dedupe(places: FindingPlace[]): FindingPlace[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const k = `${p.table}\u0000${p.rowIndex}\u0000${p.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const smallerUnit = (u: string) => (u === '亿元' ? '万元' : u === '万元' ? '元' : '元');
const largerUnit = (u: string) => (u === '元' ? '万元' : u === '万元' ? '亿元' : '万元');
