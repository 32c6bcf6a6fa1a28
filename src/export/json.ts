import type { ExtractedDocument } from '../types.js';

/** The document as JSON with a closing newline: indented for a reader, compact for a pipe or a file. */
export function documentToJson(doc: ExtractedDocument, pretty: boolean): string {
  return `${pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc)}\n`;
}
