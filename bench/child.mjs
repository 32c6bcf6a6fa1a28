// One measurement in a fresh process: `node bench/child.mjs floor|e2e <pdf>` prints {ms, pages, maxRssMb} as JSON.
// floor: pdf.js getTextContent + getOperatorList of every page, nothing else (floor.mjs). e2e: extract() +
// JSON.stringify.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { extract } = await import(path.join(root, 'dist/index.js'));
import { floor } from './floor.mjs';
import { peakRssMb } from './peak-rss.mjs';

export { floor };

/** budget-extract end to end for one document; returns its page count (0 when it is refused). */
export async function endToEnd(file) {
  try {
    const doc = await extract(file);
    JSON.stringify(doc);
    return doc.source.pages;
  } catch (err) {
    if (err?.name === 'InputError' || err?.code) return 0;
    throw err;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [mode, file] = process.argv.slice(2);
  // Warm up (module init, JIT) on the small fixture first, so per-page times compare pages, not start-up.
  await (mode === 'floor' ? floor : endToEnd)(path.join(root, 'fixtures/sample-budget.pdf'));
  const t0 = performance.now();
  const pages = mode === 'floor' ? await floor(file) : await endToEnd(file);
  const ms = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ ms, pages, maxRssMb: peakRssMb() })}\n`);
}
