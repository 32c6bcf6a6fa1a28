import type { Box } from '../types.js';
import { COLORS, LEGEND, partLabel } from './draw.js';
import { sourceCell, type ShowModel } from './model.js';

const esc = (s: string): string => s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
const n2 = (v: number): string => String(Math.round(v * 100) / 100);
const box = (b: Box): string =>
  `x="${n2(b.x0)}" y="${n2(b.y0)}" width="${n2(b.x1 - b.x0)}" height="${n2(b.y1 - b.y0)}"`;

/** Element ids shared by the boxes and the grid cells that point at them. */
export const cellId = (page: number, grid: number, cell: number): string => `c-${page}-${grid}-${cell}`;
export const rowId = (table: number, row: number): string => `r-${table}-${row}`;

const STYLE = `
body{font:14px/1.4 system-ui,"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:16px;color:#222;background:#f4f4f4}
h1{font-size:18px;margin:0 0 4px}h2{font-size:15px;margin:18px 0 6px}h3{font-size:13px;margin:8px 0 4px}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:6px 0;font-size:12px}.legend span{display:inline-flex;align-items:center;gap:5px}
.legend i{display:inline-block;width:18px;height:10px;border:2px solid}
.row{display:flex;gap:16px;align-items:flex-start}
.sheet{position:relative;flex:none;background:#fff;box-shadow:0 1px 4px #0003}
.sheet img,.sheet svg{position:absolute;left:0;top:0}
.label{position:absolute;background:${COLORS.table};color:#fff;font-size:11px;padding:0 5px;white-space:nowrap;transform:translateY(-100%);pointer-events:none}
svg .rule{stroke-width:1.6px;vector-effect:non-scaling-stroke}svg .rule.stroke{stroke:${COLORS.strokeRule}}svg .rule.fill{stroke:${COLORS.fillRule}}
svg .cell{fill:transparent;stroke:${COLORS.cell};stroke-opacity:.7;stroke-width:.8px;vector-effect:non-scaling-stroke;pointer-events:all;cursor:pointer}
svg .cell.merged{fill:${COLORS.merged}22;stroke:${COLORS.merged};stroke-opacity:1;stroke-dasharray:5 3}
svg .table{fill:none;stroke:${COLORS.table};stroke-width:2px;vector-effect:non-scaling-stroke;pointer-events:none}
svg .line{fill:none;stroke:none;pointer-events:none}
svg .line.fail{fill:${COLORS.failed}38;stroke:${COLORS.failed};stroke-width:1.5px;vector-effect:non-scaling-stroke}
svg .hl{fill:#ffd40080 !important;stroke:#ff9d00 !important;stroke-width:3px !important;stroke-opacity:1 !important}
.grids{flex:1;min-width:0;overflow:auto}
.grids table{border-collapse:collapse;background:#fff;font-size:12px;margin-bottom:10px}
.grids th,.grids td{border:1px solid #bbb;padding:2px 5px;white-space:nowrap}.grids th{background:#eef5f5;font-weight:600}
.grids td.num{text-align:right}.grids td[data-box]{cursor:pointer}.grids td[data-box]:hover{background:#eef}
.grids tr.fail td{background:#fde2e2}.grids td.hl{background:#ffe680 !important;outline:2px solid #ff9d00}
.checks{color:${COLORS.failed};font-size:12px;margin:2px 0 6px;padding-left:18px}
`;

const SCRIPT = `
(function(){
  var current=[];
  function clear(){current.forEach(function(e){e.classList.remove('hl')});current=[]}
  function mark(els){els.forEach(function(e){e.classList.add('hl');current.push(e)})}
  document.addEventListener('click',function(ev){
    var t=ev.target;
    var td=t.closest&&t.closest('td[data-box]');
    if(td){clear();var b=document.getElementById(td.dataset.box);mark([td]);if(b){mark([b]);}return}
    if(t.classList&&t.classList.contains('cell')&&t.id){
      clear();mark([t]);
      var cells=Array.prototype.slice.call(document.querySelectorAll('td[data-box="'+t.id+'"]'));
      mark(cells);if(cells[0])cells[0].scrollIntoView({block:'nearest',inline:'nearest'});
    }
  });
})();
`;

/** The HTML report: per page, the page image with the boxes as SVG over it, and beside it the rows read from it. */
export function htmlReport(
  model: ShowModel,
  images: Map<number, { png: Buffer; width: number; height: number }>,
): string {
  const doc = model.doc;
  const failedBy = new Map(model.failedRows.map((f) => [`${f.table}:${f.row}`, f]));
  const sum = doc.checks.summary;
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
  );
  out.push(`<title>${esc(doc.source.file)} — what was read</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>${esc(doc.source.file)}</h1>`);
  out.push(
    `<div>${esc(doc.document.title || '(no title)')} · ${doc.source.pages} pages · ${doc.tables.length} tables · checks: ${sum.passed} passed, ${sum.failed} failed</div>`,
  );
  out.push(
    `<div class="legend">${LEGEND.map((l) => `<span><i style="border-color:${COLORS[l.key]}${l.key === 'failed' || l.key === 'merged' ? `;background:${COLORS[l.key]}33` : ''}"></i>${esc(l.text)}</span>`).join('')}<span>click a grid cell to find it on the page (and a box to find its cell)</span></div>`,
  );
  if (!images.size) out.push('<p>No tables found.</p>');
  for (const [n, img] of images) {
    const page = model.pages[n - 1]!;
    const layout = page.layout;
    const svg: string[] = [];
    layout.grids.forEach((grid, gi) => {
      grid.cells.forEach((cell, ci) => {
        const merged = cell.rowSpan > 1 || cell.colSpan > 1;
        svg.push(
          `<rect class="cell${merged ? ' merged' : ''}" id="${cellId(n, gi, ci)}" ${box(cell.box)}><title>${esc(cell.text)}</title></rect>`,
        );
      });
    });
    for (const r of page.rulings) {
      svg.push(`<line class="rule ${r.source}" x1="${n2(r.x0)}" y1="${n2(r.y0)}" x2="${n2(r.x1)}" y2="${n2(r.y1)}"/>`);
    }
    const labels: string[] = [];
    for (const part of page.parts) {
      const pad = 3;
      const b = { x0: part.box.x0 - pad, y0: part.box.y0 - pad, x1: part.box.x1 + pad, y1: part.box.y1 + pad };
      svg.push(`<rect class="table" ${box(b)}/>`);
      const s = img.width / page.width;
      labels.push(
        `<div class="label" style="left:${n2(b.x0 * s)}px;top:${n2(b.y0 * s)}px">${esc(partLabel(model, part.table, part.part, part.parts))}</div>`,
      );
      model.rows[part.table]!.forEach((place, r) => {
        if (!place || place.page !== n) return;
        const fail = failedBy.has(`${part.table}:${r}`);
        svg.push(`<rect class="line${fail ? ' fail' : ''}" id="${rowId(part.table, r)}" ${box(place.box)}/>`);
      });
    }
    out.push(`<section class="page" id="page-${n}"><h2>Page ${n}</h2><div class="row">`);
    out.push(`<div class="sheet" style="width:${img.width}px;height:${img.height}px">`);
    out.push(
      `<img src="data:image/png;base64,${img.png.toString('base64')}" width="${img.width}" height="${img.height}" alt="page ${n}">`,
    );
    out.push(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${img.width}" height="${img.height}" viewBox="0 0 ${n2(page.width)} ${n2(page.height)}">${svg.join('')}</svg>`,
    );
    out.push(labels.join(''), '</div><div class="grids">');
    for (const part of page.parts) out.push(gridTable(model, part.table, part.part, part.parts, n, failedBy));
    out.push('</div></div></section>');
  }
  out.push(`<script>${SCRIPT}</script></body></html>`);
  return out.join('\n');
}

function gridTable(
  model: ShowModel,
  t: number,
  part: number,
  parts: number,
  page: number,
  failedBy: Map<string, { checks: { message: { en: string } }[] }>,
): string {
  const table = model.doc.tables[t]!;
  const out: string[] = [
    `<h3>${esc(partLabel(model, t, part, parts))}${table.unit ? ` · 单位:${esc(table.unit)}` : ''}</h3>`,
  ];
  const tableChecks = model.failedTableChecks[t]!;
  if (part === 1 && tableChecks.length)
    out.push(`<ul class="checks">${tableChecks.map((c) => `<li>${esc(c.message.en)}</li>`).join('')}</ul>`);
  out.push(
    `<table data-table="${t + 1}"><thead><tr>${table.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>`,
  );
  table.rows.forEach((row, r) => {
    if (table.rowPages[r] !== page) return;
    const fail = failedBy.get(`${t}:${r}`);
    const attrs = fail ? ` class="fail" title="${esc(fail.checks.map((c) => c.message.en).join('\n'))}"` : '';
    const place = model.rows[t]![r];
    const cells = row.map((v, c) => {
      const src = sourceCell(model, t, r, c);
      const id = src ? cellId(src.page, src.grid, src.cell) : place ? rowId(t, r) : '';
      const num = /^[-(]?[\d,]+(\.\d+)?\)?%?$/u.test(v) && v.length > 3 ? ' class="num"' : '';
      return `<td${id ? ` data-box="${id}"` : ''}${num}>${esc(v)}</td>`;
    });
    out.push(`<tr${attrs}>${cells.join('')}</tr>`);
  });
  out.push('</tbody></table>');
  return out.join('');
}
