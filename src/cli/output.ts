import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { csvFileName, sheetHeaderCsv, sheetRowsCsv, tableToCsv } from '../export/csv.js';
import type { CombinedPart } from '../export/combined.js';
import { documentColumns, LONG_COLUMNS, longRows } from '../export/long.js';
import { WIDE_COLUMNS, type WideKind, wideKindOf, wideRow } from '../export/wide.js';
import { documentWorkbook } from '../export/xlsx.js';
import { headline } from '../records/headline.js';
import { documentToJson } from '../export/json.js';
import { documentToNdjson } from '../export/ndjson.js';
import type { ExtractedDocument, Table } from '../types.js';
import type { Input } from './inputs.js';
import { checkOutputDir, checkOutputFile, isDirForm } from './paths.js';
import { UsageError } from './errors.js';
import type { ExtractOptions, Format } from './options.js';

/**
 * Where results go: stdout, one file (a single result, or a stream of all: ndjson, long, wide), a file per input in a
 * folder, or nowhere but the `--combine` workbook.
 */
export type Destination =
  | { kind: 'stdout' }
  | { kind: 'file'; path: string }
  | { kind: 'dir'; path: string }
  | { kind: 'none' };

/** Formats whose outputs of many inputs make one stream (one file, or stdout), in input order. */
export const STREAM_FORMATS: readonly Format[] = ['ndjson', 'long', 'wide'];

/**
 * Where the results go, with every output the command line names checked before anything is read (`-o`, `--report`,
 * `--combine`: see paths.ts; missing parent folders are created when written). Throws `UsageError`, `OutputError`.
 */
export async function destination(opts: ExtractOptions, inputs: number): Promise<Destination> {
  const dest = await whereTo(opts, inputs);
  if (dest.kind === 'dir') await checkOutputDir('-o', dest.path);
  if (dest.kind === 'file') await checkOutputFile('-o', dest.path);
  if (opts.report !== undefined) await checkOutputFile('--report', opts.report);
  if (opts.combine !== undefined) await checkOutputFile('--combine', opts.combine);
  return dest;
}

async function whereTo(opts: ExtractOptions, inputs: number): Promise<Destination> {
  const several = inputs > 1;
  const oneTableCsv = opts.format === 'csv' && opts.table !== undefined;
  const stream = STREAM_FORMATS.includes(opts.format);
  if (opts.output === undefined) {
    // `--combine all.xlsx` alone: the workbook is the output.
    if (opts.combine !== undefined && opts.format === 'json') return { kind: 'none' };
    if (opts.format === 'xlsx' && (several || process.stdout.isTTY)) {
      throw new UsageError(
        several
          ? `${inputs} inputs: give -o DIR/ for xlsx (one workbook per input), or --combine FILE.xlsx for one workbook`
          : 'xlsx is a binary file: give -o FILE.xlsx (or redirect stdout)',
      );
    }
    if (several && !stream && opts.format !== 'xlsx') {
      throw new UsageError(
        `${inputs} inputs: give -o DIR/ for ${opts.format} (one output per input), or use -f ndjson / -f long (one stream), or --combine FILE.xlsx`,
      );
    }
    if (opts.format === 'csv' && !oneTableCsv) {
      throw new UsageError('csv writes one file per table: give -o DIR/, or --table KIND|N for one table on stdout');
    }
    return { kind: 'stdout' };
  }
  if (await isDirForm(opts.output)) return { kind: 'dir', path: opts.output };
  if (several && !stream) {
    throw new UsageError(
      `${inputs} inputs need a folder for ${opts.format}: end -o with / (-o ${opts.output}/)${opts.format === 'xlsx' ? ', or --combine FILE.xlsx for one workbook' : ''}`,
    );
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

/** The wide sheet `-f wide` writes: the one `--tables KIND` names, else every headline figure. */
export function wideKind(opts: Pick<ExtractOptions, 'tables'>): WideKind {
  return (opts.tables?.length === 1 ? wideKindOf(opts.tables[0]) : null) ?? 'headline';
}

/** The header line of a stream format (long, wide) written once before every input's lines; none for others. */
export function streamHeader(opts: ExtractOptions): Uint8Array | undefined {
  if (opts.format === 'long') return utf8.encode(sheetHeaderCsv(LONG_COLUMNS, opts.bom));
  if (opts.format === 'wide') return utf8.encode(sheetHeaderCsv(WIDE_COLUMNS[wideKind(opts)], opts.bom));
  return undefined;
}

/** Renders one document. `perFile`: CSV tables as separate named files (a folder); else one piece of text. */
export async function render(
  doc: ExtractedDocument,
  input: Input,
  opts: ExtractOptions,
  dest: Destination,
  pretty: boolean,
  /** The document's `--combine` part when already made (its long lines of every table, its headline): not made
   * again. */
  made?: Pick<CombinedPart, 'long' | 'headline'>,
): Promise<{ pieces: Piece[]; tables: number }> {
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
      const document = documentColumns(input.name, doc);
      const pieces = selected.map((s) => ({
        name: inDir ? csvFileName(input.stem, s.index, s.table.kind) : undefined,
        content: utf8.encode(tableToCsv(s.table, { bom: opts.bom, numbers: opts.numbers, document })),
      }));
      return { pieces, tables: selected.length };
    }
    case 'long': {
      // In a folder each input's file has its own header; in a stream the header is written once (streamHeader).
      const all = !opts.table && !opts.tables;
      const rows = sheetRowsCsv(LONG_COLUMNS, all && made ? made.long : longRows(doc, input.name, selected));
      const text = inDir ? sheetHeaderCsv(LONG_COLUMNS, opts.bom) + rows : rows;
      return {
        pieces: [{ name: inDir ? `${input.stem}.long.csv` : undefined, content: utf8.encode(text) }],
        tables: selected.length,
      };
    }
    case 'wide': {
      const kind = wideKind(opts);
      const row = wideRow(kind, documentColumns(input.name, doc), made?.headline ?? headline(doc));
      const rows = row ? sheetRowsCsv(WIDE_COLUMNS[kind], [row]) : '';
      const text = inDir ? sheetHeaderCsv(WIDE_COLUMNS[kind], opts.bom) + rows : rows;
      return {
        pieces: [{ name: inDir ? `${input.stem}.wide.csv` : undefined, content: utf8.encode(text) }],
        tables: selected.length,
      };
    }
    case 'xlsx': {
      const bytes = await documentWorkbook(doc, { tables: selected });
      return { pieces: [{ name: inDir ? `${input.stem}.xlsx` : undefined, content: bytes }], tables: selected.length };
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
    const ext = opts.format === 'long' || opts.format === 'wide' ? `${opts.format}.csv` : opts.format;
    const file = inside(dir, `${input.stem}.${ext}`);
    return (await stat(file).catch(() => null))?.isFile() ? [file] : [];
  }
  const names = await readdir(dir).catch(() => [] as string[]);
  const prefix = `${input.stem}.`;
  return names
    .filter((n) => n.startsWith(prefix) && /^\d{2,}-[a-z_]+\.csv$/u.test(n.slice(prefix.length)))
    .sort()
    .map((n) => path.join(dir, n));
}
