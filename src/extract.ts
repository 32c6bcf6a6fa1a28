import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.js';
import { layoutPage } from './layout/page.js';
import { runChecks } from './checks/index.js';
import { openPdf } from './pdf/open.js';
import { attachRecords, convertTables } from './records/index.js';
import { readPage } from './pdf/page.js';
import { assembleTables } from './tables/assemble.js';
import { readDocumentInfo } from './tables/document-info.js';
import type { ExtractedDocument, PageContent, PageLayout, Warning } from './types.js';

export interface ExtractOptions {
  /** Name reported as `source.file` when bytes are passed. */
  fileName?: string;
  password?: string;
  /** Refuse documents with more pages than this. */
  maxPages?: number;
  /** Convert every record amount to 元 (`yuan`) or 万元 (`wan`), exactly; the grid keeps what is printed. */
  unit?: 'yuan' | 'wan';
}

// U+FFFD, private use, and C0 controls (a font without Unicode mapping read as raw character codes).
// eslint-disable-next-line no-control-regex
const UNREADABLE_CHAR = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000B\u000C\u000E-\u001F]/gu;

/**
 * One page's layout. A page whose layout fails (a drawing whose lines no table rule prepared for) is read as a page
 * without grids or text lines, with a warning: one page never costs the document. Only the layout is guarded; an
 * `InputError` still ends the document.
 */
function layoutOrWarn(content: PageContent, warnings: Warning[]): PageLayout {
  try {
    return layoutPage(content);
  } catch (err) {
    if (err instanceof InputError) throw err;
    warnings.push({ page: content.number, message: `page layout failed, page skipped: ${err instanceof Error ? err.message : String(err)}` });
    return { page: content.number, width: content.width, height: content.height, grids: [], lines: [] };
  }
}

/** Reads a budget disclosure PDF (a path or its bytes) into its tables. Throws `InputError` for unusable input. */
export async function extract(input: string | Uint8Array, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const data = typeof input === 'string' ? new Uint8Array(await readFile(input)) : input;
  const file = options.fileName ?? (typeof input === 'string' ? path.basename(input) : 'document.pdf');
  const sha256 = createHash('sha256').update(data).digest('hex');
  const doc = await openPdf(data, { password: options.password });
  try {
    if (options.maxPages !== undefined && doc.numPages > options.maxPages) {
      throw new InputError('too_large', `${doc.numPages} pages, more than --max-pages ${options.maxPages}`);
    }
    const layouts: PageLayout[] = [];
    const warnings: Warning[] = [];
    let chars = 0, unreadable = 0, unreadablePages = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await readPage(doc, n);
      for (const it of content.items) {
        chars += it.text.length;
        unreadable += it.text.match(UNREADABLE_CHAR)?.length ?? 0;
      }
      if (content.textRuns > 0 && content.items.length === 0) {
        unreadablePages++;
        warnings.push({ page: n, message: 'text is drawn on this page but cannot be read (a font without Unicode mapping or a missing CMap)' });
      }
      layouts.push(layoutOrWarn(content, warnings));
    }
    if (chars === 0 && unreadablePages > 0) throw new InputError('unreadable_fonts', `${unreadablePages} pages`);
    if (chars === 0) throw new InputError('no_text_layer', `${doc.numPages} pages without text`);
    if (unreadable / chars > 0.3) throw new InputError('unreadable_fonts');
    const tables = assembleTables(layouts, warnings);
    // The document's year resolves the 上年/本年 columns of its records.
    const document = readDocumentInfo(layouts);
    warnings.push(...attachRecords(tables, { year: document.year }));
    // Checks read the records in the printed unit (their rounding is the printed digits'); conversion comes after.
    const checks = runChecks(tables);
    const target = options.unit === 'yuan' ? '元' : options.unit === 'wan' ? '万元' : null;
    if (target) warnings.push(...convertTables(tables, target));
    if (!tables.length) warnings.push({ message: 'no tables found in this document' });
    for (const t of tables) if (!t.title) warnings.push({ page: t.pages[0], message: 'table without a title' });
    return {
      source: { file, sha256, pages: doc.numPages },
      ...(target ? { unitConversion: { to: target, note: `record amounts converted exactly to ${target}; rows keep the printed values` } } : {}),
      document,
      tables,
      checks,
      warnings,
    };
  } finally {
    await doc.destroy();
  }
}
