import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { csvFileName, tableToCsv } from '../export/csv.js';
import { documentToJson } from '../export/json.js';
import { documentToNdjson } from '../export/ndjson.js';
import type { ExtractedDocument, Table } from '../types.js';
import type { Input } from './inputs.js';
import { UsageError } from './errors.js';
import type { ExtractOptions } from './options.js';

/** Where results go: stdout, one file (a single result, or an ndjson stream of all), or a file per input in a folder. */
export type Destination = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'dir'; path: string };

export async function destination(opts: ExtractOptions, inputs: number): Promise<Destination> {
  const several = inputs > 1;
  const oneTableCsv = opts.format === 'csv' && opts.table !== undefined;
  if (opts.output === undefined) {
    if (several && opts.format !== 'ndjson') {
      throw new UsageError(
        `${inputs} inputs: give -o DIR/ for ${opts.format} (one output per input), or use -f ndjson`,
      );
    }
    if (opts.format === 'csv' && !oneTableCsv) {
      throw new UsageError('csv writes one file per table: give -o DIR/, or --table KIND|N for one table on stdout');
    }
    return { kind: 'stdout' };
  }
  const isDir = /[\\/]$/u.test(opts.output) || (await stat(opts.output).catch(() => null))?.isDirectory() === true;
  if (isDir) return { kind: 'dir', path: opts.output };
  if (several && opts.format !== 'ndjson') {
    throw new UsageError(`${inputs} inputs need a folder for ${opts.format}: end -o with / (-o ${opts.output}/)`);
  }
  if (opts.format === 'csv' && !oneTableCsv) {
    throw new UsageError('csv writes one file per table: end -o with / for a folder, or pick one table with --table');
  }
  return { kind: 'file', path: opts.output };
}

/** Why a readable document still gives no output (e.g. `--table` names a table it does not have). */
export class RenderError extends Error {
  override name = 'RenderError';
}

export interface Selected {
  table: Table;
  /** Position in `doc.tables` (0-based), kept in CSV names and ndjson lines whatever is filtered out. */
  index: number;
}

export function selectTables(doc: ExtractedDocument, opts: Pick<ExtractOptions, 'table' | 'tables'>): Selected[] {
  const all = doc.tables.map((table, index) => ({ table, index }));
  const pick = opts.table;
  if (pick) {
    const one = 'index' in pick ? all[pick.index - 1] : all.find((s) => s.table.kind === pick.kind);
    if (!one) {
      const what = 'index' in pick ? `table ${pick.index}` : `table of kind ${pick.kind}`;
      const has = doc.tables.length ? doc.tables.map((t, i) => `${i + 1} ${t.kind}`).join(', ') : 'none';
      throw new RenderError(`no ${what} (tables found: ${has})`);
    }
    return [one];
  }
  return opts.tables ? all.filter((s) => opts.tables!.includes(s.table.kind)) : all;
}

/**
 * A document's output: named pieces (file names inside a folder) or, for one stream, `name` undefined. The content
 * is UTF-8, each piece in an ArrayBuffer of its own, so the reading thread hands it over without a copy.
 */
export interface Piece {
  name?: string;
  content: Uint8Array;
}

const utf8 = new TextEncoder();

/** Renders one document. `perFile`: CSV tables as separate named files (a folder); else one piece of text. */
export function render(
  doc: ExtractedDocument,
  input: Input,
  opts: ExtractOptions,
  dest: Destination,
  pretty: boolean,
): { pieces: Piece[]; tables: number } {
  const selected = selectTables(doc, opts);
  const inDir = dest.kind === 'dir';
  switch (opts.format) {
    case 'json': {
      const out = opts.table || opts.tables ? { ...doc, tables: selected.map((s) => s.table) } : doc;
      return {
        pieces: [{ name: inDir ? `${input.stem}.json` : undefined, content: utf8.encode(documentToJson(out, pretty)) }],
        tables: selected.length,
      };
    }
    case 'ndjson': {
      const content = documentToNdjson(doc, {
        file: input.name,
        records: opts.records,
        numbers: opts.numbers,
        tables: selected,
      });
      return {
        pieces: [{ name: inDir ? `${input.stem}.ndjson` : undefined, content: utf8.encode(content) }],
        tables: selected.length,
      };
    }
    case 'csv': {
      const pieces = selected.map((s) => ({
        name: inDir ? csvFileName(input.stem, s.index, s.table.kind) : undefined,
        content: utf8.encode(tableToCsv(s.table, { bom: opts.bom, numbers: opts.numbers })),
      }));
      return { pieces, tables: selected.length };
    }
  }
}

/** `name` inside `dir`, refusing anything that would land outside it. */
export function inside(dir: string, name: string): string {
  const root = path.resolve(dir);
  const file = path.resolve(root, name);
  if (path.dirname(file) !== root) throw new Error(`output name ${JSON.stringify(name)} leaves ${dir}`);
  return path.join(dir, name);
}

/** Outputs of this input already in the folder (for --skip-existing); empty when there are none. */
export async function existingOutputs(dir: string, input: Input, opts: ExtractOptions): Promise<string[]> {
  if (opts.format !== 'csv') {
    const file = inside(dir, `${input.stem}.${opts.format}`);
    return (await stat(file).catch(() => null))?.isFile() ? [file] : [];
  }
  const names = await readdir(dir).catch(() => [] as string[]);
  const prefix = `${input.stem}.`;
  return names
    .filter((n) => n.startsWith(prefix) && /^\d{2,}-[a-z_]+\.csv$/u.test(n.slice(prefix.length)))
    .sort()
    .map((n) => path.join(dir, n));
}
