import { Decimal } from 'decimal.js';
import { compact } from '../pdf/normalize.js';
import { plainAmount } from '../records/amount.js';
import type { CheckCause, CheckResult, CheckTerm, Table } from '../types.js';
import { unitScaleErrors } from '../review/units.js';
import { formatAmount } from './format.js';
import { printedDecimals } from './result.js';

/**
 * Groups failed results by the one printed error behind them, by evidence alone, and sets their `cause`:
 *
 * - a row counted twice: a result whose terms hold two rows printed alike (same cells, an amount among them), and
 *   whose difference is the amount of one of them in that column (wx-02: 21999 其他支出 printed twice under 219);
 * - one wrong cell: two or more results of one table with the same difference (up to sign) that share a cell, as a
 *   term or as the figure found (pt-01: 2040601's 项目支出 failing its row's 合计 and its 款's sum).
 *
 * - a table whose printed unit is wrong (figures in 元 under a 万元 label, src/review/units.ts): every failed result
 *   adding up cells of that table and of another table, since converting by the wrong label puts it out by 10,000×.
 *
 * The same error printed alike in several tables (a row repeated in the 支出总表 and in the tables made from the
 * same figures; the same cell at the same code, name and value, with the same difference) is one cause.
 * Results no evidence groups keep no cause.
 */
export function assignCauses(results: readonly CheckResult[], tables: readonly Table[]): void {
  const failed = results.filter((r) => !r.passed);
  const found: { key: string; text: (n: number) => Omit<CheckCause, 'id'>; members: CheckResult[] }[] = [];
  const byKey = new Map<string, (typeof found)[number]>();
  const add = (key: string, text: (n: number) => Omit<CheckCause, 'id'>, r: CheckResult) => {
    let c = byKey.get(key);
    if (!c) {
      c = { key, text, members: [] };
      byKey.set(key, c);
      found.push(c);
    }
    if (!c.members.includes(r)) c.members.push(r);
  };
  const rest: CheckResult[] = [];
  const mislabelled = failed.length ? unitScaleErrors(tables) : [];
  for (const r of failed) {
    const unit = unitCause(r, tables, mislabelled);
    if (unit) {
      add(unit.key, unit.text, r);
      continue;
    }
    const dup = duplicateTerm(r, tables);
    if (dup) add(dup.key, dup.text, r);
    else rest.push(r);
  }
  for (const group of sharedCellGroups(rest, tables)) for (const r of group.members) add(group.key, group.text, r);
  found.forEach((c, i) => {
    const tablesIn = new Set(c.members.map((r) => r.table)).size;
    const text = c.text(tablesIn);
    const cause: CheckCause = { id: `cause.${i + 1}`, ...text };
    for (const r of c.members) r.cause = cause;
  });
}

const abs = (v: string) => new Decimal(v).abs();
const rowLabel = (t: CheckTerm) => [t.code, t.name].filter(Boolean).join(' ');
const also = (n: number) =>
  n > 1 ? { zh: `;同样的错误见于 ${n} 张表`, en: `; the same error is printed in ${n} tables` } : { zh: '', en: '' };

function amountText(tables: readonly Table[], t: CheckTerm): string {
  const table = tables[t.table];
  return t.value === null ? '—' : table ? formatAmount(t.value, printedDecimals(table)) : t.value;
}

/** A mislabelled table (its figures 10,000× the same figures elsewhere) among the tables of a cross-table result. */
function unitCause(r: CheckResult, tables: readonly Table[], mislabelled: ReturnType<typeof unitScaleErrors>) {
  const inResult = new Set([r.table, ...(r.terms ?? []).map((t) => t.table)].filter((t) => t !== null));
  // A figure the text states against the mislabelled table's cell: explained when they differ by the 10,000.
  const stated = r.sentence !== undefined && tenThousandApart(r.expected, r.found);
  if (inResult.size < 2 && !stated) return null;
  const e = mislabelled.find((m) => inResult.has(m.table));
  const table = e && tables[e.table];
  if (!e || !table) return null;
  const times = e.factor.gt(1) ? { zh: '10000倍', en: '10,000 times' } : { zh: '万分之一', en: 'a 10,000th of' };
  return {
    key: `unit\u0000${e.table}`,
    text: () => ({
      zh: `${table.title}(p.${table.pages[0] ?? '?'})的单位标注有误:其数字是其他表中相同数字的${times.zh}(标注“${table.unit}”)`,
      en: `${table.title} (p.${table.pages[0] ?? '?'}) is mislabelled: its figures are ${times.en} the same figures in the other tables (labelled ${table.unit})`,
    }),
  };
}

/** Two figures 10,000 times apart, to within a thousandth (a figure rounded to 万元 beside the same in 元). */
function tenThousandApart(a: string, b: string): boolean {
  const [x, y] = [abs(a), abs(b)];
  if (x.isZero() || y.isZero()) return false;
  const ratio = x.gt(y) ? x.dividedBy(y) : y.dividedBy(x);
  return ratio.minus(10000).abs().lte(10);
}

/** A term of `r` whose row is printed twice among its terms, and whose amount is the difference. */
function duplicateTerm(r: CheckResult, tables: readonly Table[]) {
  const terms = r.terms ?? [];
  const diff = abs(r.difference);
  if (diff.isZero()) return null;
  for (const [k, t] of terms.entries()) {
    const table = tables[t.table];
    if (!table || t.value === null || !abs(t.value).eq(diff)) continue;
    const cells = (table.rows[t.rowIndex] ?? []).map(compact);
    if (!cells.some((c) => plainAmount(c) !== null && !new Decimal(plainAmount(c)!).isZero())) continue;
    const twin = terms.find(
      (o, j) =>
        j !== k &&
        o.table === t.table &&
        o.rowIndex !== t.rowIndex &&
        (table.rows[o.rowIndex] ?? []).map(compact).join('\u0000') === cells.join('\u0000'),
    );
    if (!twin) continue;
    const [first, again] = twin.rowIndex < t.rowIndex ? [twin, t] : [t, twin];
    const amounts = cells
      .map((c) => plainAmount(c))
      .filter((v): v is string => v !== null)
      .sort();
    return {
      key: ['row', again.code, again.name, ...amounts].join('\u0000'),
      text: (n: number) => ({
        zh: `第${again.rowIndex + 1}行 ${rowLabel(again)} 与第${first.rowIndex + 1}行重复,被计入两次(${table.title} p.${again.page ?? '?'})${also(n).zh}`,
        en: `row ${again.rowIndex + 1} ${rowLabel(again)} repeats row ${first.rowIndex + 1} and is counted twice (${table.title} p.${again.page ?? '?'})${also(n).en}`,
      }),
    };
  }
  return null;
}

/**
 * Results of one table failing by the same difference (up to sign) that share a cell, joined (transitively); each
 * group of two or more is one cause, named by a cell its first two members share.
 */
function sharedCellGroups(results: readonly CheckResult[], tables: readonly Table[]) {
  const cellsOf = (r: CheckResult) => {
    const keys = new Map<string, CheckTerm | null>();
    for (const t of r.terms ?? []) if (t.table === r.table) keys.set(`${t.rowIndex}\u0000${t.column}`, t);
    if (r.rowIndex !== null && r.column !== null) {
      const k = `${r.rowIndex}\u0000${r.column}`;
      if (!keys.has(k)) keys.set(k, null);
    }
    return keys;
  };
  const cells = results.map(cellsOf);
  const parent = results.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  const shared = new Map<number, { key: string; term: CheckTerm | null; result: CheckResult }>();
  for (let i = 0; i < results.length; i++)
    for (let j = i + 1; j < results.length; j++) {
      const [a, b] = [results[i]!, results[j]!];
      if (a.table === null || a.table !== b.table || abs(a.difference).isZero()) continue;
      if (!abs(a.difference).eq(abs(b.difference))) continue;
      const common = [...cells[i]!.keys()].find((k) => cells[j]!.has(k));
      if (common === undefined) continue;
      const term = cells[i]!.get(common) ?? cells[j]!.get(common) ?? null;
      const [ri, rj] = [root(i), root(j)];
      if (ri !== rj) parent[rj] = ri;
      if (!shared.has(ri)) shared.set(ri, { key: common, term, result: a });
    }
  const groups = new Map<number, CheckResult[]>();
  results.forEach((r, i) => {
    const k = root(i);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  });
  const out: { key: string; text: (n: number) => Omit<CheckCause, 'id'>; members: CheckResult[] }[] = [];
  for (const [k, members] of groups) {
    if (members.length < 2) continue;
    const s = [...shared].find(([root_]) => root(root_) === k)?.[1];
    if (!s) continue;
    const table = tables[s.result.table!];
    const [row, column] = s.key.split('\u0000');
    const rowIndex = Number(row);
    const term: CheckTerm = s.term ?? {
      table: s.result.table!,
      rowIndex,
      column: column!,
      page: s.result.page,
      code: s.result.row?.code ?? null,
      name: s.result.row?.name ?? '',
      value: s.result.found,
    };
    const value = amountText(tables, term);
    const diff = abs(s.result.difference).toFixed();
    // The wrong figure printed again from another row of the column (pt-01: the 款's 项目支出 on its first 项).
    const at = table ? table.columns.indexOf(column!) : -1;
    const from =
      table && at >= 0 && term.value !== null
        ? (table.rows
            .flatMap((r, j) => (j !== rowIndex && plainAmount(r[at] ?? '') === term.value ? [j] : []))
            .sort((x, y) => Math.abs(x - rowIndex) - Math.abs(y - rowIndex) || x - y)[0] ?? -1)
        : -1;
    const copy =
      from >= 0
        ? { zh: `,与第${from + 1}行同列的数相同`, en: `, the same figure as row ${from + 1}'s,` }
        : { zh: '', en: '' };
    const title = table?.title ?? '';
    out.push({
      key: ['cell', term.code, term.name, term.value, diff].join('\u0000'),
      members,
      text: (n: number) => ({
        zh: `一个单元格有误:第${rowIndex + 1}行 ${rowLabel(term)} [${column}] ${value}${copy.zh},使 ${members.length} 个等式以同一差额不成立(${title} p.${term.page ?? '?'})${also(n).zh}`,
        en: `one wrong cell: row ${rowIndex + 1} ${rowLabel(term)} [${column}] ${value}${copy.en} fails ${members.length} identities by the same difference (${title} p.${term.page ?? '?'})${also(n).en}`,
      }),
    });
  }
  return out;
}
