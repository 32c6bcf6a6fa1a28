import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import type { PageContent } from '../types.js';
import type { Matrix } from './matrix.js';
import { pdfjs, type PdfDocument } from './open.js';
import { extractRulings } from './rulings.js';
import { cleanTextItems, type RawTextItem } from './text.js';

/** Reads one page: its clean text items and rulings, in rotated page space. Frees the page's resources after. */
export async function readPage(
  doc: PdfDocument,
  pageNumber: number,
  settings: Settings = DEFAULT_SETTINGS,
): Promise<PageContent> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const toPage = viewport.transform as Matrix;
    const content = await page.getTextContent();
    const ops = await page.getOperatorList();
    const raw = content.items.filter((it): it is RawTextItem & typeof it => 'str' in it);
    return {
      number: pageNumber,
      width: viewport.width,
      height: viewport.height,
      items: cleanTextItems(raw, toPage, settings.text),
      rulings: extractRulings(ops.fnArray, ops.argsArray as unknown[][], toPage, settings.rulings),
      textRuns: countTextRuns(ops.fnArray),
    };
  } finally {
    page.cleanup();
  }
}

const TEXT_OPS = new Set([
  pdfjs.OPS.showText,
  pdfjs.OPS.showSpacedText,
  pdfjs.OPS.nextLineShowText,
  pdfjs.OPS.nextLineSetSpacingShowText,
]);

function countTextRuns(fnArray: readonly number[]): number {
  let n = 0;
  for (const fn of fnArray) if (TEXT_OPS.has(fn)) n++;
  return n;
}
