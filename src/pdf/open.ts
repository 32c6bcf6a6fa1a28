import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError } from '../errors.js';
import { classifyPdfError } from './errors.js';
import { fontSinkDocument } from './font-sink.js';
import { pdfjs } from './pdfjs.js';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

export { pdfjs };
export { classifyPdfError, isPdfjsError } from './errors.js';
export type PdfDocument = PDFDocumentProxy;

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
// pdf.js on Node wants filesystem paths ending in a separator, not file:// URLs.
const CMAP_DIR = path.join(pdfjsRoot, 'cmaps') + path.sep;
const FONT_DIR = path.join(pdfjsRoot, 'standard_fonts') + path.sep;

export interface OpenOptions {
  password?: string;
}

/** Checks the bytes look like a complete PDF before pdf.js tries to repair them silently. */
export function checkPdfBytes(data: Uint8Array): void {
  if (data.length === 0) throw new InputError('empty');
  const head = Buffer.from(data.subarray(0, Math.min(data.length, 1024))).toString('latin1');
  if (!head.includes('%PDF-')) {
    const looksHtml = /<(!doctype|html|head|body)/i.test(head);
    throw new InputError('not_pdf', looksHtml ? 'it is an HTML page' : 'no %PDF header');
  }
  const tail = Buffer.from(data.subarray(Math.max(0, data.length - 4096))).toString('latin1');
  if (!tail.includes('%%EOF')) throw new InputError('truncated', 'no end-of-file marker');
}

/**
 * What pdf.js is told besides the data and password, for reading and for drawing alike. No `eval`
 * (`isEvalSupported: false`: fonts are never compiled to functions) and no network: CMaps and standard fonts are read
 * from the installed pdfjs-dist folder. Drawing on a canvas needs glyph outlines (`disableFontFace: true`).
 */
export const PDFJS_PARAMS = Object.freeze({
  cMapUrl: CMAP_DIR,
  cMapPacked: true,
  standardFontDataUrl: FONT_DIR,
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  // The document is in memory: never ask for ranges, never stream.
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
  verbosity: 0,
});

/** Reading only: no glyph outlines; the fonts pdf.js would install are dropped (see font-sink.ts). */
export const READING_PARAMS = Object.freeze({
  ...PDFJS_PARAMS,
  disableFontFace: false,
  ownerDocument: fontSinkDocument,
});

/** Opens a PDF for reading (`READING_PARAMS`). Throws `InputError` for a file pdf.js cannot open. */
export async function openPdf(data: Uint8Array, options: OpenOptions = {}): Promise<PdfDocument> {
  return openWith(data, options.password, READING_PARAMS);
}

/** Opens a PDF with the given pdf.js parameters (drawing adds its canvas factory to `PDFJS_PARAMS`). */
export async function openWith(data: Uint8Array, password: string | undefined, params: object): Promise<PdfDocument> {
  checkPdfBytes(data);
  const task = pdfjs.getDocument({
    // pdf.js transfers the buffer it is given: hand it a copy so the caller's bytes stay usable.
    data: new Uint8Array(data),
    password,
    ...params,
  } as Parameters<typeof pdfjs.getDocument>[0]);
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw classifyPdfError(err);
  }
}
