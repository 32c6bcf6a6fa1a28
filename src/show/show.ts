import { extractWithPages } from '../extract.js';
import type { PdfDocument } from '../pdf/open.js';
import { drawOverlay } from './draw.js';
import { htmlReport, type PageImage } from './html.js';
import { buildShowModel, type ShowModel } from './model.js';
import { openForRender, renderPage } from './render.js';

export interface ShowSource {
  data: Uint8Array;
  /** Name shown in the report (`source.file`). */
  fileName: string;
  password?: string;
  maxPages?: number;
}

/** An open document ready to be drawn: the extracted result, the geometry behind it, and the PDF to render. */
export interface ShowSession {
  model: ShowModel;
  pdf: PdfDocument;
  close(): Promise<void>;
}

/**
 * Opens the PDF once, for drawing, and extracts it from that open document (tables, checks, and each page's layout
 * and rulings, every page read once). Throws `InputError` like extract().
 */
export async function openShow(src: ShowSource): Promise<ShowSession> {
  return showDocument(await openForRender(src.data, src.password), src);
}

/**
 * A session on a document already open for drawing (`openForRender`); the session owns it from here (closing the
 * session, or a failure to extract, destroys it).
 */
export async function showDocument(pdf: PdfDocument, src: Omit<ShowSource, 'data' | 'password'>): Promise<ShowSession> {
  try {
    const read = await extractWithPages(pdf, { fileName: src.fileName, maxPages: src.maxPages });
    return { model: buildShowModel(read), pdf, close: () => pdf.destroy() };
  } catch (err) {
    await pdf.destroy();
    throw err;
  }
}

/** Pages with a part of some table. */
export function pagesWithTables(model: ShowModel): number[] {
  return model.pages.filter((p) => p.parts.length > 0).map((p) => p.number);
}

/** Page `n` rendered at `scale` with what was read drawn over it, as PNG bytes (page size × scale pixels). */
export async function pagePng(session: ShowSession, n: number, scale = 2): Promise<Buffer> {
  const page = session.model.pages[n - 1];
  if (!page) throw new RangeError(`no page ${n} (the document has ${session.model.pages.length})`);
  const { canvas } = await renderPage(session.pdf, n, scale);
  drawOverlay(canvas.getContext('2d'), session.model, page, scale);
  return canvas.encode('png');
}

/** Pages with a part of some table or a failed check: the pages of the review page. */
export function pagesToReview(model: ShowModel): number[] {
  const pages = new Set(pagesWithTables(model));
  for (const r of model.doc.checks.results)
    if (!r.passed && r.page != null && r.page >= 1 && r.page <= model.pages.length) pages.add(r.page);
  return [...pages].sort((a, b) => a - b);
}

/** The longest side, in pixels, of a page image in the HTML report: enough for a half-screen column (and zoom). */
export const HTML_MAX_SIDE = 1000;

/**
 * One self-contained HTML review page: the failed checks, then each page with a table or a failure (or the pages
 * given) as an image with the boxes over it, and the grids beside. Images are WebP (quality 65) at `scale` pixels per
 * point, at most `maxSide` pixels on their longest side, so a 200-page document stays in single-digit megabytes.
 */
export async function pagesHtml(
  session: ShowSession,
  options: { scale?: number; pages?: number[]; maxSide?: number; quality?: number } = {},
): Promise<string> {
  const scale = options.scale ?? 1.5;
  const maxSide = options.maxSide ?? HTML_MAX_SIDE;
  const numbers = options.pages ?? pagesToReview(session.model);
  const images = new Map<number, PageImage>();
  for (const n of numbers) {
    const page = session.model.pages[n - 1];
    const k = page ? Math.min(scale, maxSide / Math.max(page.width, page.height)) : scale;
    const { canvas } = await renderPage(session.pdf, n, k);
    const data = await canvas.encode('webp', options.quality ?? 65);
    images.set(n, { data, mime: 'image/webp', width: canvas.width, height: canvas.height });
  }
  return htmlReport(session.model, images);
}
