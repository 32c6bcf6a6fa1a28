// Debug aid: prints a page's clean text items and rulings as read by the PDF stage.
//   node scripts/dump-page.mjs FILE.pdf PAGE
import fs from 'node:fs';
import { openPdf } from '../dist/pdf/open.js';
import { readPage } from '../dist/pdf/page.js';

const [file, pageArg] = process.argv.slice(2);
const doc = await openPdf(new Uint8Array(fs.readFileSync(file)));
const page = await readPage(doc, Number(pageArg ?? 1));
console.log(
  `page ${page.number} ${page.width.toFixed(0)}x${page.height.toFixed(0)} items ${page.items.length} rulings ${page.rulings.length}`,
);
for (const it of page.items)
  console.log(
    `T ${it.x0.toFixed(1)} ${it.y0.toFixed(1)} ${it.x1.toFixed(1)} ${it.y1.toFixed(1)} ${JSON.stringify(it.text)}`,
  );
for (const r of page.rulings)
  console.log(`R ${r.source} ${r.x0.toFixed(1)} ${r.y0.toFixed(1)} ${r.x1.toFixed(1)} ${r.y1.toFixed(1)}`);
await doc.destroy();
