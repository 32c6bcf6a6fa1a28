import { extract, type ExtractedDocument, type ExtractOptions } from '../../src/index.js';

const cache = new Map<string, Promise<ExtractedDocument>>();

/**
 * Extracts a file once per test file (module), however many tests read it. A failure is reported by the tests
 * that await it, not as an unhandled rejection.
 */
export function readOnce(file: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const key = `${file}\u0000${JSON.stringify(options)}`;
  let p = cache.get(key);
  if (!p) {
    p = extract(file, options);
    p.catch(() => {});
    cache.set(key, p);
  }
  return p;
}
