import path from 'node:path';
import { extract } from '../extract.js';
import type { ExtractedDocument } from '../types.js';
import { readStdin } from './inputs.js';
import { EXIT, UsageError } from './errors.js';
import type { InspectOptions } from './options.js';
import { displayWidth, padEnd, styleFor } from './style.js';
import { failure } from './failure.js';

export interface InspectResult {
  file: string;
  pages: number;
  document: ExtractedDocument['document'];
  tables: {
    n: number;
    kind: string;
    title: string;
    label: string;
    pages: number[];
    rows: number;
    unit: string;
    empty: boolean;
  }[];
  warnings: ExtractedDocument['warnings'];
}

export function inspectDocument(doc: ExtractedDocument, opts: Pick<InspectOptions, 'tables'>): InspectResult {
  return {
    file: doc.source.file,
    pages: doc.source.pages,
    document: doc.document,
    tables: doc.tables
      .map((t, i) => ({
        n: i + 1,
        kind: t.kind,
        title: t.title,
        label: t.label,
        pages: t.pages,
        rows: t.rows.length,
        unit: t.unit,
        empty: t.empty,
      }))
      .filter((t) => !opts.tables || opts.tables.includes(t.kind as never)),
    warnings: doc.warnings,
  };
}

function pageRange(pages: number[]): string {
  if (!pages.length) return '';
  const first = pages[0]!,
    last = pages[pages.length - 1]!;
  return first === last ? String(first) : `${first}-${last}`;
}

/** The inspect result as an aligned table for a terminal. */
export function inspectTable(r: InspectResult, stream: { isTTY?: boolean }): string {
  const c = styleFor(stream);
  const d = r.document;
  const lines = [
    `${c.bold(r.file)}: ${r.pages} pages, ${r.tables.length} tables` +
      (d.department || d.year ? ` — ${[d.department, d.year, d.kind, d.scope].filter((x) => x).join(', ')}` : ''),
  ];
  const head = ['#', 'kind', 'title', 'pages', 'rows', 'unit'];
  const body = r.tables.map((t) => [
    String(t.n),
    t.kind,
    t.title || '(no title)',
    pageRange(t.pages),
    t.empty ? 'empty' : String(t.rows),
    t.unit,
  ]);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[i]!))));
  const fmt = (row: string[]) =>
    row
      .map((cell, i) => padEnd(cell, widths[i]!))
      .join('  ')
      .trimEnd();
  lines.push(c.dim(fmt(head)), ...body.map((row) => fmt(row)));
  if (r.warnings.length) {
    lines.push('', c.yellow(`${r.warnings.length} warnings:`));
    for (const w of r.warnings) lines.push(`  ${w.page !== undefined ? `p${w.page}: ` : ''}${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `budget-extract inspect FILE`: a table on a terminal, JSON otherwise. */
export async function runInspect(opts: InspectOptions): Promise<number> {
  try {
    let doc: ExtractedDocument;
    const extractOpts = {
      password: opts.password,
      maxPages: opts.maxPages,
      ...(opts.pages ? { pages: opts.pages } : {}),
    };
    if (opts.input === '-') {
      if (process.stdin.isTTY) throw new UsageError('- reads a PDF from stdin, but stdin is a terminal');
      doc = await extract(await readStdin(), { ...extractOpts, fileName: 'stdin.pdf' });
    } else {
      doc = await extract(opts.input, { ...extractOpts, fileName: path.basename(opts.input) });
    }
    const result = inspectDocument(doc, opts);
    const text = process.stdout.isTTY ? inspectTable(result, process.stdout) : `${JSON.stringify(result)}\n`;
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
    return EXIT.OK;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    process.stderr.write(`budget-extract: ${styleFor(process.stderr).bold(opts.input)}: ${failure(e).reason}\n`);
    return EXIT.INPUT;
  }
}
