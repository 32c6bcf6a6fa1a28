import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { amountFormat, cellText, columnWidth, decimalsOf, displayWidth, excelNumber } from './xlsx-cells.js';

/** A cell to write, typed: text stays text whatever it looks like; an amount is an exact decimal string. */
export type OutCell =
  | { t: 'text'; v: string }
  | { t: 'amount'; v: string }
  | { t: 'number'; v: number }
  | { t: 'boolean'; v: boolean }
  | null;

export const text = (v: string | null | undefined): OutCell =>
  v === null || v === undefined || v === '' ? null : { t: 'text', v };
export const amount = (v: string | null | undefined): OutCell =>
  v === null || v === undefined ? null : { t: 'amount', v };
export const int = (v: number | null | undefined): OutCell =>
  v === null || v === undefined ? null : { t: 'number', v };
export const bool = (v: boolean | null | undefined): OutCell =>
  v === null || v === undefined ? null : { t: 'boolean', v };

/** A sheet as the writer takes it: lines above the header, the header as column paths, typed rows. */
export interface SheetSpec {
  /** Already legal and unique (SheetNamer). */
  name: string;
  lines: string[];
  /** Each column's header path (one segment per header row): a shorter path's last segment is merged down. */
  header: string[][];
  /** Merge equal adjacent header cells across (a printed table's header); a plain sheet's columns stay apart. */
  mergeAcross?: boolean;
  widths: number[];
  rows: Iterable<OutCell[]> | AsyncIterable<OutCell[]>;
}

/** Column widths from the header's last segments and the first rows (CJK characters count double). */
export function measureWidths(header: string[][], rows: Iterable<OutCell[]>, sample = 2000): number[] {
  const w = header.map((p) => displayWidth(p[p.length - 1] ?? ''));
  let n = 0;
  for (const row of rows) {
    if (n++ >= sample) break;
    row.forEach((c, i) => {
      if (!c) return;
      const s =
        c.t === 'amount'
          ? formatted(c.v)
          : c.t === 'text'
            ? c.v
            : c.t === 'number'
              ? c.v.toLocaleString('en-US')
              : String(c.v).toUpperCase();
      const d = displayWidth(s);
      if (d > (w[i] ?? 0)) w[i] = d;
    });
  }
  return w.map(columnWidth);
}

/** An amount as Excel shows it with its format: thousands separators added. */
function formatted(decimal: string): string {
  const [i = '', f] = decimal.split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  return f === undefined ? grouped : `${grouped}.${f}`;
}

interface HeaderCell {
  text: string;
  top: number;
  bottom: number;
}

/**
 * The header grid: for each column, one cell per path segment, the last merged down to the header's bottom row;
 * adjacent columns whose cells have the same text under the same parents and span the same rows are merged across.
 */
export function headerLayout(
  paths: string[][],
  mergeAcross = true,
): {
  depth: number;
  grid: (string | null)[][];
  merges: [number, number, number, number][];
} {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const cells: HeaderCell[][] = paths.map((p) => {
    const segs = p.length ? p : [''];
    return segs.map((text, level) => ({ text, top: level, bottom: level === segs.length - 1 ? depth - 1 : level }));
  });
  const grid: (string | null)[][] = Array.from({ length: depth }, () => Array<string | null>(paths.length).fill(null));
  const merges: [number, number, number, number][] = [];
  const same = (a: number, b: number, level: number): boolean => {
    const x = cells[a]![level];
    const y = cells[b]?.[level];
    if (!mergeAcross || !x || !y || x.text === '' || x.text !== y.text || x.bottom !== y.bottom) return false;
    for (let l = 0; l < level; l++) if (cells[a]![l]!.text !== cells[b]![l]!.text) return false;
    return true;
  };
  for (let level = 0; level < depth; level++) {
    for (let c = 0; c < paths.length; ) {
      const cell = cells[c]![level];
      if (!cell) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < paths.length && same(c, end + 1, level)) end++;
      grid[level]![c] = cell.text;
      if (end > c || cell.bottom > cell.top) merges.push([cell.top, c, cell.bottom, end]);
      c = end + 1;
    }
  }
  return { depth, grid, merges };
}

const BOLD = { bold: true };

/**
 * One style object per number format, shared by every cell that has it, and one (PLAIN) for every other cell:
 * exceljs recognises a style object it has seen (a WeakMap) instead of serialising each cell's own fresh copy —
 * which took two thirds of the time of writing a long sheet (47k rows: 5 s → 1.7 s).
 */
const PLAIN: Partial<ExcelJS.Style> = {};
const STYLES = new Map<string, Partial<ExcelJS.Style>>();
function styleOf(numFmt: string): Partial<ExcelJS.Style> {
  let style = STYLES.get(numFmt);
  if (!style) {
    style = { numFmt };
    STYLES.set(numFmt, style);
  }
  return style;
}
const HEADER_ALIGNMENT = { vertical: 'middle', horizontal: 'center', wrapText: true } as const;
const YIELD_EVERY = 1000;

function cellValue(c: OutCell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (!c) return { value: null };
  switch (c.t) {
    case 'text':
      return { value: cellText(c.v) };
    case 'number':
      return { value: c.v };
    case 'boolean':
      return { value: c.v };
    case 'amount': {
      const n = excelNumber(c.v);
      return n === null ? { value: c.v } : { value: n, numFmt: amountFormat(decimalsOf(c.v)) };
    }
  }
}

/** Writes one sheet to a streaming workbook, row by row (rows committed as written, so memory stays flat). */
export async function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): Promise<void> {
  const { depth, grid, merges } = headerLayout(spec.header, spec.mergeAcross ?? false);
  const top = spec.lines.length + 1;
  const bottom = top + depth - 1;
  const ws = wb.addWorksheet(spec.name, {
    views: [
      { state: 'frozen', xSplit: 0, ySplit: bottom, topLeftCell: `A${bottom + 1}`, activeCell: `A${bottom + 1}` },
    ],
  });
  ws.columns = spec.widths.map((width) => ({ width }));
  spec.lines.forEach((line, i) => {
    const row = ws.addRow([cellText(line)]);
    if (i === 0) row.font = BOLD;
    row.commit();
  });
  const rows = grid.map((values) => ws.addRow(values.map((v) => (v === null ? null : cellText(v)))));
  for (const [r0, c0, r1, c1] of merges) ws.mergeCells(top + r0, c0 + 1, top + r1, c1 + 1);
  for (const row of rows) {
    for (let c = 1; c <= spec.header.length; c++) {
      const cell = row.getCell(c);
      cell.font = BOLD;
      cell.alignment = HEADER_ALIGNMENT;
    }
    row.commit();
  }
  if (spec.header.length > 0)
    ws.autoFilter = { from: { row: bottom, column: 1 }, to: { row: bottom, column: spec.header.length } };
  let n = 0;
  for await (const cells of spec.rows) {
    const out = cells.map(cellValue);
    const row = ws.addRow(out.map((o) => o.value));
    out.forEach((o, i) => {
      row.getCell(i + 1).style = o.numFmt ? styleOf(o.numFmt) : PLAIN;
    });
    row.commit();
    // Let the zip stream drain: rows are written synchronously, and nothing else would push back.
    if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  ws.commit();
}

/** A streaming workbook writer on `stream`. exceljs is loaded on first use: importing the package (or the CLI) does
 * not pay for it. */
async function workbookWriter(stream: Writable): Promise<ExcelJS.stream.xlsx.WorkbookWriter> {
  const { default: exceljs } = await import('exceljs');
  const wb = new exceljs.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = 'budget-extract';
  wb.lastModifiedBy = 'budget-extract';
  return wb;
}

/** A streaming workbook written to `file` atomically: a temp file beside it, renamed into place on success. */
export async function writeAtomically(
  file: string,
  fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>,
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const out = createWriteStream(tmp, { flags: 'wx' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  // A write the zip stream still makes after a failure destroyed the file must not surface as an unhandled error.
  out.on('error', () => {});
  try {
    await Promise.race([once(out, 'open'), failed]);
    const wb = await workbookWriter(out);
    await Promise.race([
      (async () => {
        await fill(wb);
        await wb.commit();
      })(),
      failed,
    ]);
    if (!out.closed) await once(out, 'close');
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (err) {
    out.destroy();
    if (!out.closed) await once(out, 'close').catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

/** A streaming workbook written to memory. */
export async function workbookBytes(
  fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const wb = await workbookWriter(sink);
  await fill(wb);
  await wb.commit();
  const all = Buffer.concat(chunks);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}
