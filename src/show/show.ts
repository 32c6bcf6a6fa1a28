import { extractWithPages } from '../extract.js';
import type { PdfDocument } from '../pdf/open.js';
import { drawOverlay } from './draw.js';
import { htmlReport } from './html.js';
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

/** One self-contained HTML page: each page with a table (or the pages given) as an image with the boxes over it, and the grids beside. */
export async function pagesHtml(
  session: ShowSession,
  options: { scale?: number; pages?: number[] } = {},
): Promise<string> {
  const scale = options.scale ?? 1.5;
  const numbers = options.pages ?? pagesWithTables(session.model);
  const images = new Map<number, { png: Buffer; width: number; height: number }>();
  for (const n of numbers) {
    const { canvas } = await renderPage(session.pdf, n, scale);
    images.set(n, { png: await canvas.encode('png'), width: canvas.width, height: canvas.height });
  }
  return htmlReport(session.model, images);
}
