// The pdf.js floor: getTextContent + getOperatorList of every page, nothing else, opened by the project's own openPdf
// (so with the very same loading options). Kept apart from child.mjs so a thread measuring it loads no other code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { openPdf } = await import(path.join(root, 'dist/pdf/open.js'));

/** Reads one document at the floor; returns its page count (0 when pdf.js cannot open it). */
export async function floor(file) {
  const data = new Uint8Array(fs.readFileSync(file));
  let doc;
  try {
    doc = await openPdf(data);
  } catch {
    return 0;
  }
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      await page.getOperatorList();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
