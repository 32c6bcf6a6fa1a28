import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { openWith, PDFJS_PARAMS, type PdfDocument } from '../pdf/open.js';

interface CanvasAndContext {
  canvas: Canvas | null;
  context: SKRSContext2D | null;
}

/** pdf.js's canvas factory (for its scratch canvases: patterns, masks, groups) on @napi-rs/canvas. */
export class NapiCanvasFactory {
  constructor(_options?: unknown) {}
  create(width: number, height: number): CanvasAndContext {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = createCanvas(Math.ceil(width), Math.ceil(height));
    return { canvas, context: canvas.getContext('2d') };
  }
  reset(entry: CanvasAndContext, width: number, height: number): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    entry.canvas.width = Math.ceil(width);
    entry.canvas.height = Math.ceil(height);
  }
  destroy(entry: CanvasAndContext): void {
    if (entry.canvas) {
      entry.canvas.width = 0;
      entry.canvas.height = 0;
    }
    entry.canvas = null;
    entry.context = null;
  }
}

/** Opens a PDF for drawing: same settings as the reader (CMaps, standard fonts, no eval), plus a canvas factory. */
export function openForRender(data: Uint8Array, password?: string): Promise<PdfDocument> {
  return openWith(data, password, { ...PDFJS_PARAMS, CanvasFactory: NapiCanvasFactory });
}

/**
 * Draws page `n` at `scale` on a white canvas. The viewport carries the page's /Rotate, so canvas pixel = page-space
 * point × scale, the same page space readPage() reports rulings and text in.
 */
export async function renderPage(
  doc: PdfDocument,
  n: number,
  scale: number,
): Promise<{ canvas: Canvas; width: number; height: number }> {
  const page = await doc.getPage(n);
  try {
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(
      Math.max(1, Math.round(base.width * scale)),
      Math.max(1, Math.round(base.height * scale)),
    );
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const params = { canvasContext: ctx, viewport, background: 'rgba(0,0,0,0)' };
    await page.render(params as unknown as Parameters<typeof page.render>[0]).promise;
    return { canvas, width: base.width, height: base.height };
  } finally {
    page.cleanup();
  }
}
