// Debug aid: prints a page's grids (cell text by row) and the text lines outside them.
//   node scripts/dump-layout.mjs FILE.pdf PAGE
import fs from 'node:fs';
import { openPdf } from '../dist/pdf/open.js';
import { readPage } from '../dist/pdf/page.js';
import { layoutPage } from '../dist/layout/page.js';

const [file, pageArg] = process.argv.slice(2);
const doc = await openPdf(new Uint8Array(fs.readFileSync(file)));
const layout = layoutPage(await readPage(doc, Number(pageArg ?? 1)));
for (const l of layout.lines)
  console.log(`L y=${l.y0.toFixed(0)} x=${l.x0.toFixed(0)} s=${l.size.toFixed(1)} ${l.text}`);
for (const g of layout.grids) {
  console.log(
    `GRID ${g.method} rows ${g.ys.length - 1} cols ${g.xs.length - 1} box ${[g.box.x0, g.box.y0, g.box.x1, g.box.y1].map((v) => v.toFixed(0))}`,
  );
  const rows = new Map();
  for (const c of g.cells)
    rows.set(c.row, [
      ...(rows.get(c.row) ?? []),
      `${c.col}${c.colSpan > 1 || c.rowSpan > 1 ? `[${c.rowSpan}x${c.colSpan}]` : ''}:${c.text}`,
    ]);
  for (const [r, cells] of [...rows].sort((a, b) => a[0] - b[0])) console.log(`  r${r} ${cells.join(' | ')}`);
}
await doc.destroy();
