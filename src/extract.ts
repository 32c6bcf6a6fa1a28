import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.js';
import { layoutPage } from './layout/page.js';
import { runChecks } from './checks/index.js';
import { checkReport } from './checks/result.js';
import { openPdf, type PdfDocument } from './pdf/open.js';
import { attachRecords, convertTables } from './records/index.js';
import { SCHEMA_VERSION } from './records/document-schema.js';
import { readPage } from './pdf/page.js';
import { assembleTables } from './tables/assemble.js';
import { readDocumentInfo } from './tables/document-info.js';
import { reviewDocument } from './review/index.js';
import { resolveSettings, type Settings, type SettingsOverrides } from './settings.js';
import type { Box, ExtractedDocument, PageContent, PageLayout, Ruling, Warning } from './types.js';

export interface ExtractOptions {
  /** Name reported as `source.file` when bytes are passed. */
  fileName?: string;
  password?: string;
  /** Refuse documents with more pages than this. */
  maxPages?: number;
  /**
   * Read only these pages (1-based, any order, duplicates ignored); the others are skipped before their text is
   * read. The document gets a warning naming the pages read: a table running past them is cut. A page beyond the
   * document is an `InputError` (`no_such_page`). Default: every page.
   */
  pages?: readonly number[];
  /** Convert every record amount to 元 (`yuan`) or 万元 (`wan`), exactly; the grid keeps what is printed. */
  unit?: 'yuan' | 'wan';
  /**
   * Layout and assembly tolerances laid over the defaults (`DEFAULT_SETTINGS`, each with the case that set it), for
   * a print the defaults misread: `{ text: { sameLine: 0.3 } }`.
   */
  settings?: SettingsOverrides;
}

// U+FFFD, private use, and C0 controls (a font without Unicode mapping read as raw character codes).
// eslint-disable-next-line no-control-regex
const UNREADABLE_CHAR = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000B\u000C\u000E-\u001F]/gu;

/**
 * One page's layout. A page whose layout fails (a drawing whose lines no table rule prepared for) is read as a page
 * without grids or text lines, with a warning: one page never costs the document. Only the layout is guarded; an
 * `InputError` still ends the document.
 */
function layoutOrWarn(content: PageContent, warnings: Warning[], settings: Settings): PageLayout {
  try {
    return layoutPage(content, settings);
  } catch (err) {
    if (err instanceof InputError) throw err;
    warnings.push({
      page: content.number,
      message: `page layout failed, page skipped: ${err instanceof Error ? err.message : String(err)}`,
    });
    return { page: content.number, width: content.width, height: content.height, grids: [], lines: [] };
  }
}

/**
 * A PDF document open in pdf.js (pdfjs-dist's `PDFDocumentProxy`), described by what extract() asks of it, so the
 * package's declarations do not pull in pdf.js's own (DOM-typed) ones.
 */
export interface OpenDocument {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<unknown>;
  /** The document's bytes (for `source.sha256`). */
  getData(): Promise<Uint8Array>;
}

/**
 * Reads a budget disclosure PDF — a path, its bytes, or a document already open in pdf.js — into its tables. A
 * document passed open stays open (the caller closes it). Throws `InputError` for unusable input.
 */
export async function extract(
  input: string | Uint8Array | OpenDocument,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  return (await run(input, options, false)).doc;
}

/** What a page is drawn from besides its picture: its size and rulings as read, and the layout the tables came from. */
export interface PageGeometry {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  rulings: Ruling[];
  layout: PageLayout;
  /** The boxes of the page's text items (all printed text, in the grids or not): what an overlay must not cover. */
  text?: Box[];
}

/**
 * The extracted document and, per page read, the geometry it was read from (`pages[n - 1]` is page n when every
 * page is read, i.e. without the `pages` option).
 */
export interface ExtractionWithPages {
  doc: ExtractedDocument;
  pages: PageGeometry[];
}

/**
 * extract(), keeping every page's layout and rulings for drawing (`show`): each page is read once, for both.
 * Internal (not exported from the package).
 */
export async function extractWithPages(
  input: string | Uint8Array | OpenDocument,
  options: ExtractOptions = {},
): Promise<ExtractionWithPages> {
  return run(input, options, true);
}

/** Page numbers as a short list: `3-7, 12`. */
export function formatPageList(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i ? `${pages[i]}-${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

/** The pages option checked and sorted (duplicates dropped); every page when not given. */
function pagesToRead(pages: readonly number[] | undefined, numPages: number): number[] {
  if (pages === undefined) return Array.from({ length: numPages }, (_, i) => i + 1);
  const bad = pages.filter((n) => !Number.isInteger(n) || n < 1);
  if (bad.length || !pages.length)
    throw new RangeError(`pages: expected 1-based page numbers, got ${pages.length ? bad.join(', ') : 'none'}`);
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const beyond = sorted.filter((n) => n > numPages);
  if (beyond.length) {
    throw new InputError(
      'no_such_page',
      `page${beyond.length === 1 ? '' : 's'} ${formatPageList(beyond)} asked for; it has ${numPages} page${numPages === 1 ? '' : 's'}`,
    );
  }
  return sorted;
}

const isOpenDocument = (input: string | Uint8Array | OpenDocument): input is OpenDocument =>
  typeof input !== 'string' && !(input instanceof Uint8Array);

async function run(
  input: string | Uint8Array | OpenDocument,
  options: ExtractOptions,
  keepPages: boolean,
): Promise<ExtractionWithPages> {
  const open = isOpenDocument(input);
  const data = typeof input === 'string' ? new Uint8Array(await readFile(input)) : open ? await input.getData() : input;
  const file = options.fileName ?? (typeof input === 'string' ? path.basename(input) : 'document.pdf');
  const sha256 = createHash('sha256').update(data).digest('hex');
  // Only pdf.js makes documents of this shape.
  const doc = open ? (input as unknown as PdfDocument) : await openPdf(data, { password: options.password });
  const settings = resolveSettings(options.settings);
  try {
    if (options.maxPages !== undefined && doc.numPages > options.maxPages) {
      throw new InputError('too_large', `${doc.numPages} pages, more than --max-pages ${options.maxPages}`);
    }
    const numbers = pagesToRead(options.pages, doc.numPages);
    const layouts: PageLayout[] = [];
    const pages: PageGeometry[] = [];
    const warnings: Warning[] = [];
    if (options.pages !== undefined) {
      warnings.push({
        message: `only page${numbers.length === 1 ? '' : 's'} ${formatPageList(numbers)} of ${doc.numPages} ${numbers.length === 1 ? 'was' : 'were'} read: a table running past ${numbers.length === 1 ? 'it' : 'them'} is cut`,
      });
    }
    let chars = 0,
      unreadable = 0,
      unreadablePages = 0;
    for (const n of numbers) {
      const content = await readPage(doc, n, settings);
      for (const it of content.items) {
        chars += it.text.length;
        unreadable += it.text.match(UNREADABLE_CHAR)?.length ?? 0;
      }
      if (content.textRuns > 0 && content.items.length === 0) {
        unreadablePages++;
        warnings.push({
          page: n,
          message: 'text is drawn on this page but cannot be read (a font without Unicode mapping or a missing CMap)',
        });
      }
      const layout = layoutOrWarn(content, warnings, settings);
      layouts.push(layout);
      if (keepPages)
        pages.push({
          number: n,
          width: content.width,
          height: content.height,
          rulings: content.rulings,
          layout,
          text: content.items.map(({ x0, y0, x1, y1 }) => ({ x0, y0, x1, y1 })),
        });
    }
    if (chars === 0 && unreadablePages > 0) throw new InputError('unreadable_fonts', `${unreadablePages} pages`);
    if (chars === 0) throw new InputError('no_text_layer', `${numbers.length} pages without text`);
    if (unreadable / chars > 0.3) throw new InputError('unreadable_fonts');
    const tables = assembleTables(layouts, warnings, settings);
    // The document's year resolves the 上年/本年 columns of its records.
    const document = readDocumentInfo(layouts, settings.headings);
    warnings.push(...attachRecords(tables, { year: document.year }));
    // Checks read the records in the printed unit (their rounding is the printed digits'); conversion comes after.
    const arithmetic = runChecks(tables);
    // The review reads the same records in their printed units; the figures its text states join the checks.
    const reviewed = reviewDocument(document, tables, layouts, options.pages !== undefined);
    const checks = checkReport([...arithmetic.results, ...reviewed.checks]);
    const target = options.unit === 'yuan' ? '元' : options.unit === 'wan' ? '万元' : null;
    if (target) warnings.push(...convertTables(tables, target));
    if (!tables.length) warnings.push({ message: 'no tables found in this document' });
    for (const t of tables) if (!t.title) warnings.push({ page: t.pages[0], message: 'table without a title' });
    const extracted: ExtractedDocument = {
      schemaVersion: SCHEMA_VERSION,
      source: { file, sha256, pages: doc.numPages },
      ...(target
        ? {
            unitConversion: {
              to: target,
              note: `record amounts converted exactly to ${target}; rows keep the printed values`,
            },
          }
        : {}),
      document,
      tables,
      checks,
      review: reviewed.review,
      warnings,
    };
    return { doc: extracted, pages };
  } finally {
    if (!open) await doc.destroy();
  }
}
