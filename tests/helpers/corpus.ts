import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedDocument, Table } from '../../src/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS = path.resolve(here, '../../../shared/corpus');
export const hasCorpus = fs.existsSync(path.join(CORPUS, 'manifest.json'));
if (!hasCorpus) console.log(`corpus tests skipped: ${CORPUS} not found (a fresh clone without ../shared)`);

export const corpusPdf = (id: string): string => path.join(CORPUS, 'pdf', `${id}.pdf`);

export interface Fact {
  group?: string;
  table: string;
  row?: string[];
  col?: string;
  value?: string;
  unit?: string;
  nth?: number;
}

export function corpusFacts(id: string): Fact[] {
  const file = path.join(CORPUS, 'facts', `${id}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { facts: Fact[] }).facts : [];
}

const norm = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/[\s\u3000]+/gu, '');

/** An amount as an integer count of millionths, or null. */
export function amount(s: unknown): bigint | null {
  let t = norm(s).replace(/,/gu, '');
  if (t === '' || t === '-' || t === '—') return null;
  let neg = false;
  if (/^\(.*\)$/u.test(t)) {
    neg = true;
    t = t.slice(1, -1);
  }
  if (!/^\d+(\.\d+)?$/u.test(t)) return null;
  const [i, f = ''] = t.split('.');
  const v = BigInt(i!) * 1000000n + BigInt(`${f}000000`.slice(0, 6));
  return neg ? -v : v;
}

function sameValue(got: unknown, want: unknown): boolean {
  const b = amount(want);
  return b !== null ? amount(got) === b : norm(got) === norm(want);
}

/**
 * Whether a row is the one a fact's key names. A cell joined over a page break (`Table.joined`) holds the pieces
 * printed on both pages; a fact written from one page names the row by the piece printed there, the joined text's end.
 */
function rowMatches(row: string[], key: string[], joined: (col: number) => boolean = () => false): boolean {
  const cells = row.map(norm);
  const last = norm(key[key.length - 1]);
  return cells.some((c, ci) => {
    if (c !== last && !(joined(ci) && c.endsWith(last))) return false;
    const text = cells.slice(0, ci).join('');
    let at = 0;
    for (const k of key.slice(0, -1)) {
      const i = text.indexOf(norm(k), at);
      if (i < 0) return false;
      at = i + norm(k).length;
    }
    return true;
  });
}

/** Whether the document reproduces a verified fact: table by title, row by key, column by header path. */
export function factFound(doc: ExtractedDocument, fact: Fact): boolean {
  const tables = doc.tables.filter((t: Table) =>
    [t.title, t.label, ...t.titles].some((x) => norm(x).includes(norm(fact.table))),
  );
  return tables.some((t) => {
    if (fact.unit) return norm(t.unit) === norm(fact.unit);
    if (!fact.row || fact.col === undefined) return false;
    const cols = t.columns
      .map(norm)
      .map((c, i) => [c, i] as const)
      .filter(([c]) => c === norm(fact.col) || c.endsWith(`/${norm(fact.col)}`));
    if (cols.length !== 1) return false;
    const joinedAt = (r: number) => (c: number) =>
      (t.joined ?? []).some((j) => j.col === c && j.rows[0] <= r && r < j.rows[1]);
    const rows = t.rows.filter((r, i) => rowMatches(r, fact.row!, joinedAt(i)));
    const row = rows[fact.nth ?? 0];
    return !!row && sameValue(row[cols[0]![1]], fact.value);
  });
}
