import type { Box, CheckResult } from '../types.js';
import { COLORS, LEGEND, partLabel } from './draw.js';
import { sourceCell, type ShowModel } from './model.js';

/** A rendered page as the report embeds it (a data: URI of `data` in `mime`), `width` × `height` pixels. */
export interface PageImage {
  data: Buffer;
  mime: string;
  width: number;
  height: number;
}

const esc = (s: string): string => s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
/** Page-space coordinates to 0.1 pt (plenty for a box on a page image, and a tenth of the bytes of full ones). */
const n1 = (v: number): string => String(Math.round(v * 10) / 10);
const pct = (v: number, of: number): string => `${Math.round((v / of) * 10000) / 100}%`;
const box = (b: Box): string =>
  `x="${n1(b.x0)}" y="${n1(b.y0)}" width="${n1(b.x1 - b.x0)}" height="${n1(b.y1 - b.y0)}"`;

/** Element ids shared by the boxes and the grid cells that point at them. */
export const cellId = (page: number, grid: number, cell: number): string => `c-${page}-${grid}-${cell}`;
export const rowId = (table: number, row: number): string => `r-${table}-${row}`;
/** The grid cell (`td`) of table `table`, row `row`, column `col` (0-based), and the grid row (`tr`). */
export const tdId = (table: number, row: number, col: number): string => `t-${table}-${row}-${col}`;
export const trId = (table: number, row: number): string => `tr-${table}-${row}`;
/** The entry of the k-th failed check (0-based, in `doc.checks.results` order of the failed ones) in the list. */
export const failureId = (k: number): string => `f-${k}`;

/**
 * An exact decimal string as a table prints it: thousands separators, and at least `decimals` decimals (the printed
 * cell's): grouped('-4620993.3', 2) → -4,620,993.30. Anything not a plain decimal is returned as it is.
 */
export function grouped(value: string, decimals = 0): string {
  const m = /^([-+]?)(\d+)(?:\.(\d+))?$/u.exec(value.trim());
  if (!m) return value;
  const frac = (m[3] ?? '').padEnd(decimals, '0');
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/gu, ',')}${frac ? `.${frac}` : ''}`;
}

/** How many decimals a printed amount shows (0 for a blank or a word). */
const decimalsIn = (cell: string | undefined): number =>
  /^[-(]?[\d,]+\.(\d+)\)?$/u.exec(cell?.trim() ?? '')?.[1]?.length ?? 0;

/** A cell of a table the page points at; `col` null: the whole row (a result whose column is not one of the table's). */
interface Spot {
  table: number;
  row: number;
  col: number | null;
}

/** A failed check as the page lists it: the cells it is about (`spots`) and the cells it added up (`terms`). */
interface Failure {
  k: number;
  result: CheckResult;
  /** The table it is listed under (null: none found). */
  table: number | null;
  spots: Spot[];
  terms: Spot[];
}

const spotKey = (s: Spot): string => `${s.table}:${s.row}:${s.col ?? ''}`;

/**
 * The failed checks with the cells they point at: the result's own cell (`table`, `rowIndex`, `column`), else the
 * rows the model found for it (by name), and the cells of its `terms` when it has them.
 */
function failuresOf(model: ShowModel): Failure[] {
  const doc = model.doc;
  const rowsOf = new Map<CheckResult, { table: number; row: number }[]>();
  for (const f of model.failedRows)
    for (const c of f.checks) rowsOf.set(c, [...(rowsOf.get(c) ?? []), { table: f.table, row: f.row }]);
  const tableOf = new Map<CheckResult, number>();
  model.failedTableChecks.forEach((list, t) => {
    for (const c of list) if (!tableOf.has(c)) tableOf.set(c, t);
  });
  const colOf = (table: number, column: string | null): number | null => {
    const k = column == null ? -1 : (doc.tables[table]?.columns.indexOf(column) ?? -1);
    return k >= 0 ? k : null;
  };
  const valid = (s: Spot): boolean => {
    const t = doc.tables[s.table];
    return !!t && s.row >= 0 && s.row < t.rows.length;
  };
  return doc.checks.results
    .filter((r) => !r.passed)
    .map((result, k) => {
      const rows = rowsOf.get(result) ?? [];
      const spots = rows.map((p) => ({ ...p, col: colOf(p.table, result.column) })).filter(valid);
      const terms = (result.terms ?? [])
        .map((term) => ({ table: term.table, row: term.rowIndex, col: colOf(term.table, term.column) }))
        .filter(valid);
      const table =
        result.table != null && doc.tables[result.table]
          ? result.table
          : (rows[0]?.table ?? tableOf.get(result) ?? null);
      return { k, result, table, spots, terms };
    });
}

const STYLE = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;padding:12px 16px;color:#222;background:#f4f4f4}
h1{font-size:18px;margin:0 0 4px}h2{font-size:15px;margin:14px 0 6px}h3{font-size:13px;margin:8px 0 4px}
.en{color:#667;font-size:.92em}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:6px 0;font-size:12px}.legend span{display:inline-flex;align-items:center;gap:5px}
.legend i{display:inline-block;width:18px;height:10px;border:2px solid}
#failures{position:sticky;top:0;z-index:5;background:#fff;border:1px solid #e3c4c4;border-left:4px solid ${COLORS.failed};padding:4px 12px 6px;margin:8px 0 4px;max-height:34vh;overflow:auto;box-shadow:0 2px 6px #0002}
#failures summary{cursor:pointer}#failures h2{display:inline;margin:4px 0;color:${COLORS.failed};font-size:15px}#failures.ok{position:static;border-color:#bcd9c3;border-left-color:#1fa84f}#failures.ok h2{color:#1a7f3c}
#failures h3{margin:10px 0 2px;font-size:13px}#failures h3 a{color:inherit}
#failures ol,#failures ul{margin:0;padding-left:22px}
.failure{padding:3px 6px;margin:2px 0;border-radius:3px;cursor:pointer;border:1px solid transparent}
.failure:hover{background:#fff3f3}.failure.active{background:#fff6cc;border-color:#ff9d00}
.failure:focus{outline:2px solid #ff9d00}
.failure .nums{font-variant-numeric:tabular-nums}.failure .nums b{color:${COLORS.failed}}
.failure .where,.failure .terms{font-size:12px;color:#555}
.cause{display:inline-block;font-size:12px;background:#f3e8ff;color:#5b1f8f;border-radius:3px;padding:0 5px;margin-right:4px}
.causes li{margin:2px 0}
.page{margin-top:10px}
.row{display:grid;grid-template-columns:minmax(0,1fr);gap:12px;align-items:start}
@media (min-width:1200px){.row{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}.grids{max-height:calc(100vh - 24px)}}
.sheet{position:relative;width:100%;background:#fff;box-shadow:0 1px 4px #0003}
.sheet img{display:block;width:100%;height:auto}
.sheet svg{position:absolute;left:0;top:0;width:100%;height:100%}
.label{position:absolute;background:${COLORS.table};color:#fff;font-size:11px;padding:0 5px;white-space:nowrap;transform:translateY(-100%);pointer-events:none;max-width:100%;overflow:hidden;text-overflow:ellipsis}
svg .rule{fill:none;stroke-width:1.6px;vector-effect:non-scaling-stroke}svg .rule.stroke{stroke:${COLORS.strokeRule}}svg .rule.fill{stroke:${COLORS.fillRule}}
svg rect{fill:transparent;stroke:${COLORS.cell};stroke-opacity:.7;stroke-width:.8px;vector-effect:non-scaling-stroke;pointer-events:all;cursor:pointer}
svg rect.merged{fill:${COLORS.merged}22;stroke:${COLORS.merged};stroke-opacity:1;stroke-dasharray:5 3}
svg .table{fill:none;stroke:${COLORS.table};stroke-width:2px;vector-effect:non-scaling-stroke;pointer-events:none}
svg .line{fill:none;stroke:none;pointer-events:none}
svg rect.fail{fill:${COLORS.failed}30;stroke:${COLORS.failed};stroke-opacity:1;stroke-width:2px;stroke-dasharray:none;vector-effect:non-scaling-stroke}
svg .term{fill:#1e6bff40 !important;stroke:#1e6bff !important;stroke-width:2px !important;stroke-opacity:1 !important;stroke-dasharray:none !important}
svg .hl{fill:#ffd40090 !important;stroke:#ff7a00 !important;stroke-width:3px !important;stroke-opacity:1 !important;stroke-dasharray:none !important}
.grids{min-width:0;overflow:auto;max-height:85vh;background:#fafafa}
.grids table{border-collapse:collapse;background:#fff;font-size:12.5px;margin-bottom:10px}
.grids th,.grids td{border:1px solid #bbb;padding:2px 6px;white-space:nowrap}.grids th{background:#eef5f5;font-weight:600;white-space:normal;min-width:4em}
.grids td.num{text-align:right;font-variant-numeric:tabular-nums}.grids td[data-box]{cursor:pointer}.grids td[data-box]:hover{background:#eef}
.grids tr.fail td{background:#fde2e2}
.grids td.fail{background:#fde2e2;outline:2px solid ${COLORS.failed};outline-offset:-2px}
.grids td.term{background:#dfe9ff !important;outline:2px solid #1e6bff;outline-offset:-2px}
.grids td.hl,.grids tr.hl td{background:#ffe680 !important;outline:3px solid #ff7a00;outline-offset:-3px}
.checks{color:${COLORS.failed};font-size:12px;margin:2px 0 6px;padding-left:18px}
`;

const SCRIPT = `
(function(){
  var current=[];
  function clear(){current.forEach(function(e){e.classList.remove('hl','term','active')});current=[]}
  function mark(els,c){els.forEach(function(e){e.classList.add(c);current.push(e)})}
  function byIds(s){return (s||'').split(' ').filter(Boolean).map(function(id){return document.getElementById(id)}).filter(Boolean)}
  function inGrid(e){return !!(e.closest&&e.closest('.grids'))}
  function inView(e){var r=e.getBoundingClientRect();return r.top>=0&&r.bottom<=innerHeight&&r.left>=0&&r.right<=innerWidth}
  // Centre an element in its scrolling grid panel, without moving the window.
  function centreInPanel(e){
    var p=e.closest('.grids');if(!p)return;
    var b=p.getBoundingClientRect(),r=e.getBoundingClientRect();
    p.scrollTop+=r.top-b.top-(p.clientHeight-r.height)/2;
    p.scrollLeft+=r.left-b.left-(p.clientWidth-r.width)/2;
  }
  function select(item){
    clear();mark([item],'active');
    var hl=byIds(item.getAttribute('data-hl')),term=byIds(item.getAttribute('data-term'));
    mark(term,'term');mark(hl,'hl');
    var onPage=hl.filter(function(e){return !inGrid(e)}),grid=hl.filter(inGrid);
    var first=onPage[0]||grid[0]||term[0];
    if(first)first.scrollIntoView({block:'center',inline:'nearest'});
    if(grid[0]){centreInPanel(grid[0]);if(!inView(grid[0]))grid[0].scrollIntoView({block:'center',inline:'nearest'})}
    if(item.id&&history.replaceState)history.replaceState(null,'','#'+item.id);
  }
  var items=Array.prototype.slice.call(document.querySelectorAll('.failure'));
  document.addEventListener('click',function(ev){
    var t=ev.target;
    var f=t.closest&&t.closest('[data-hl]');
    if(f&&!(t.closest('a[href]')&&!t.closest('a[href]').hasAttribute('data-hl'))){ev.preventDefault();select(f);return}
    var td=t.closest&&t.closest('td[data-box]');
    if(td){clear();var b=document.getElementById(td.dataset.box);mark([td],'hl');if(b){mark([b],'hl')}return}
    if(t.tagName==='rect'&&/^c-/.test(t.id)){
      clear();mark([t],'hl');
      var cells=Array.prototype.slice.call(document.querySelectorAll('td[data-box="'+t.id+'"]'));
      mark(cells,'hl');if(cells[0])cells[0].scrollIntoView({block:'nearest',inline:'nearest'});
    }
  });
  document.addEventListener('keydown',function(ev){
    var t=ev.target;
    if(t.classList&&t.classList.contains('failure')&&(ev.key==='Enter'||ev.key===' ')){ev.preventDefault();select(t);return}
    if(ev.altKey||ev.ctrlKey||ev.metaKey||!items.length||/INPUT|TEXTAREA/.test(t.tagName))return;
    if(ev.key!=='n'&&ev.key!=='p')return;
    var at=items.indexOf(document.querySelector('.failure.active'));
    var next=items[(at+(ev.key==='n'?1:items.length-1)+(at<0&&ev.key==='p'?1:0))%items.length];
    next.focus({preventScroll:true});select(next);
  });
  var start=location.hash&&document.getElementById(location.hash.slice(1));
  if(start&&start.classList.contains('failure'))select(start);
})();
`;

/**
 * The review page: the failed checks listed at the top (by table, in Chinese and English, with their numbers and
 * where they are), each selecting its cell and the cells it added up; then per page the page image with the boxes as
 * SVG over it, and beside it (on a wide screen; below on a narrow one) the rows read from it, failing cells outlined.
 */
export function htmlReport(model: ShowModel, images: Map<number, PageImage>): string {
  const doc = model.doc;
  const failures = failuresOf(model);
  // Every cell a failure points at gets an id; the failing ones are outlined.
  const failing = new Set<string>();
  const targeted = new Set<string>();
  for (const f of failures) {
    for (const s of f.spots) {
      failing.add(spotKey(s));
      targeted.add(spotKey(s));
    }
    for (const s of f.terms) targeted.add(spotKey(s));
  }
  const failingBoxes = new Set<string>();
  for (const key of failing) {
    const [t, r, c] = key.split(':');
    const spot = { table: Number(t), row: Number(r), col: c === '' ? null : Number(c) };
    const id = boxId(model, spot);
    if (id) failingBoxes.add(id);
  }
  const sum = doc.checks.summary;
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
  );
  out.push(`<title>${esc(doc.source.file)} — 审阅 review</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>${esc(doc.source.file)}</h1>`);
  out.push(
    `<div>${esc(doc.document.title || '(无标题 no title)')} · ${doc.source.pages} 页 pages · ${doc.tables.length} 张表 tables · 检查 checks: ${sum.passed} 通过 passed, ${sum.failed} 未通过 failed</div>`,
  );
  out.push(failureList(model, failures));
  out.push(
    `<div class="legend">${LEGEND.map((l) => `<span><i style="border-color:${COLORS[l.key]}${l.key === 'failed' || l.key === 'merged' ? `;background:${COLORS[l.key]}33` : ''}"></i>${esc(l.key === 'failed' ? 'cell failing a check 未通过检查的单元格' : l.text)}</span>`).join('')}<span><i style="border-color:#ff7a00;background:#ffd400"></i>selected 选中</span><span><i style="border-color:#1e6bff;background:#dfe9ff"></i>term added up 加数</span><span>click a failure to find its cell; click a grid cell to find it on the page (and a box to find its cell); keys n / p: next / previous failure</span></div>`,
  );
  if (!images.size) out.push('<p>No tables found. 未找到表格。</p>');
  for (const [n, img] of images) {
    const page = model.pages[n - 1]!;
    const layout = page.layout;
    // The grids first: the rows whose cells point at their row's box (no cell box of their own) get one.
    const rowBoxes = new Set<string>();
    const grids = page.parts.map((part) =>
      gridTable(model, part.table, part.part, part.parts, n, failures, targeted, rowBoxes),
    );
    const svg: string[] = [];
    layout.grids.forEach((grid, gi) => {
      grid.cells.forEach((cell, ci) => {
        const merged = cell.rowSpan > 1 || cell.colSpan > 1;
        const id = cellId(n, gi, ci);
        // A cell's box is a bare rect (styled as `svg rect`): classes only for merged and failing ones.
        const cls = [merged ? 'merged' : '', failingBoxes.has(id) ? 'fail' : ''].filter(Boolean).join(' ');
        svg.push(`<rect${cls ? ` class="${cls}"` : ''} id="${id}" ${box(cell.box)}/>`);
      });
    });
    // The rulings of each source as one path (a line each: a fifth of the bytes of <line> elements).
    for (const source of ['stroke', 'fill'] as const) {
      const d = page.rulings
        .filter((r) => r.source === source)
        .map((r) => `M${n1(r.x0)} ${n1(r.y0)}L${n1(r.x1)} ${n1(r.y1)}`)
        .join('');
      if (d) svg.push(`<path class="rule ${source}" d="${d}"/>`);
    }
    const labels: string[] = [];
    for (const part of page.parts) {
      const pad = 3;
      const b = { x0: part.box.x0 - pad, y0: part.box.y0 - pad, x1: part.box.x1 + pad, y1: part.box.y1 + pad };
      svg.push(`<rect class="table" ${box(b)}/>`);
      labels.push(
        `<div class="label" style="left:${pct(b.x0, page.width)};top:${pct(b.y0, page.height)}">${esc(partLabel(model, part.table, part.part, part.parts))}</div>`,
      );
      model.rows[part.table]!.forEach((place, r) => {
        if (!place || place.page !== n) return;
        const id = rowId(part.table, r);
        if (!rowBoxes.has(id) && !failingBoxes.has(id)) return;
        svg.push(`<rect class="line${failingBoxes.has(id) ? ' fail' : ''}" id="${id}" ${box(place.box)}/>`);
      });
    }
    out.push(`<section class="page" id="page-${n}"><h2>第 ${n} 页 Page ${n}</h2><div class="row">`);
    out.push(`<div class="sheet" style="max-width:${img.width}px">`);
    out.push(
      `<img src="data:${img.mime};base64,${img.data.toString('base64')}" width="${img.width}" height="${img.height}" alt="page ${n}" decoding="async">`,
    );
    out.push(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${page.width} ${page.height}" preserveAspectRatio="none">${svg.join('')}</svg>`,
    );
    out.push(labels.join(''), '</div><div class="grids">');
    out.push(...grids);
    out.push('</div></div></section>');
  }
  out.push(`<script>${SCRIPT}</script></body></html>`);
  return out.join('\n');
}

/** The id of the box on the page image a spot points at: its grid cell, else its row. */
function boxId(model: ShowModel, s: Spot): string | null {
  if (s.col != null) {
    const src = sourceCell(model, s.table, s.row, s.col);
    if (src) return cellId(src.page, src.grid, src.cell);
  }
  return model.rows[s.table]?.[s.row] ? rowId(s.table, s.row) : null;
}

/** The ids of everything a spot points at: its grid cell (or row) and its box on the page image. */
function targetIds(model: ShowModel, s: Spot): string[] {
  const grid = s.col != null ? tdId(s.table, s.row, s.col) : trId(s.table, s.row);
  const b = boxId(model, s);
  return b ? [b, grid] : [grid];
}

const unitOf = (model: ShowModel, f: Failure): string =>
  f.result.unit ?? (f.table != null ? (model.doc.tables[f.table]?.unit ?? '') : '');

function failureItem(model: ShowModel, f: Failure): string {
  const r = f.result;
  const unit = unitOf(model, f);
  const u = unit ? ` ${esc(unit)}` : '';
  // Amounts with as many decimals as the failing cell prints.
  const own = f.spots.find((s) => s.col != null);
  const dp = own ? decimalsIn(model.doc.tables[own.table]?.rows[own.row]?.[own.col!]) : 0;
  const amount = (v: string): string => esc(grouped(v, dp));
  const hl = f.spots.length ? f.spots.flatMap((s) => targetIds(model, s)) : f.table != null ? [`g-${f.table}`] : [];
  const term = f.terms.flatMap((s) => targetIds(model, s));
  const table = f.table != null ? model.doc.tables[f.table] : undefined;
  const rowNo = r.rowIndex ?? f.spots[0]?.row;
  const where = [
    r.page != null ? `第 ${r.page} 页 p.${r.page}` : '',
    table ? `${esc(table.label || `表${f.table! + 1}`)} ${esc(table.title)}` : esc(r.tableTitle),
    rowNo != null || r.row
      ? `行 row ${rowNo != null ? rowNo + 1 : ''}${r.row ? ` ${esc([r.row.code, r.row.name].filter(Boolean).join(' '))}` : ''}`
      : '',
    r.column ? `列 column ${esc(r.column)}` : '',
  ].filter(Boolean);
  const terms = r.terms?.length
    ? `<div class="terms">加数 terms (${r.terms.length}): ${r.terms
        .slice(0, 12)
        .map(
          (t) =>
            `${esc([t.code, t.name].filter(Boolean).join(' ') || `row ${t.rowIndex + 1}`)} ${esc(t.value == null ? '—' : grouped(t.value))}`,
        )
        .join(' + ')}${r.terms.length > 12 ? ' + …' : ''}</div>`
    : '';
  return [
    `<li class="failure" id="${failureId(f.k)}" tabindex="0" role="button" data-hl="${esc(hl.join(' '))}" data-term="${esc(term.join(' '))}">`,
    `<div class="msg">${r.cause ? `<span class="cause" title="${esc(r.cause.en)}">${esc(r.cause.zh)}</span>` : ''}<b>${esc(r.message.zh)}</b> <span class="en">${esc(r.message.en)}</span></div>`,
    `<div class="nums">应为 <span class="en">expected</span> <b>${amount(r.expected)}</b>${u} · 实为 <span class="en">found</span> <b>${amount(r.found)}</b>${u} · 差额 <span class="en">difference</span> <b>${amount(r.difference)}</b>${u}</div>`,
    `<div class="where">${where.join(' · ')}</div>`,
    terms,
    '</li>',
  ].join('');
}

/** The failed checks, by table (in document order), and the causes several of them share. */
function failureList(model: ShowModel, failures: Failure[]): string {
  const total = model.doc.checks.summary.total;
  if (!failures.length) return `<div id="failures" class="ok"><h2>检查全部通过 All ${total} checks passed</h2></div>`;
  const out: string[] = [
    `<details id="failures" open><summary><h2>未通过的检查 ${failures.length} failed check${failures.length === 1 ? '' : 's'}</h2> <span class="en">(of ${total}; click one to find its cell · keys n / p)</span></summary>`,
  ];
  // Causes: one printed error behind several failures; selecting one selects the cells of all of them.
  const causes = new Map<string, Failure[]>();
  for (const f of failures)
    if (f.result.cause) causes.set(f.result.cause.id, [...(causes.get(f.result.cause.id) ?? []), f]);
  if (causes.size) {
    out.push('<h3>原因 <span class="en">causes</span></h3><ul class="causes">');
    for (const list of causes.values()) {
      const c = list[0]!.result.cause!;
      const hl = list.flatMap((f) => f.spots.flatMap((s) => targetIds(model, s)));
      const term = list.flatMap((f) => f.terms.flatMap((s) => targetIds(model, s)));
      out.push(
        `<li class="failure cause-item" tabindex="0" role="button" data-hl="${esc([...new Set(hl)].join(' '))}" data-term="${esc([...new Set(term)].join(' '))}"><span class="cause">${esc(c.zh)}</span> <span class="en">${esc(c.en)}</span> → ${list.map((f) => `<a href="#${failureId(f.k)}" data-hl="${esc(f.spots.flatMap((s) => targetIds(model, s)).join(' '))}" data-term="${esc(f.terms.flatMap((s) => targetIds(model, s)).join(' '))}">#${f.k + 1}</a>`).join(' ')}</li>`,
      );
    }
    out.push('</ul>');
  }
  const groups = new Map<number | null, Failure[]>();
  for (const f of failures) groups.set(f.table, [...(groups.get(f.table) ?? []), f]);
  const order = [...groups.keys()].sort((a, b) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER));
  for (const t of order) {
    const list = groups.get(t)!;
    const table = t != null ? model.doc.tables[t] : undefined;
    const head = table
      ? `<a href="#g-${t}">${esc([table.label || `表${t! + 1}`, table.title].filter(Boolean).join(' '))}</a> <span class="en">#${t! + 1} ${esc(table.kind)}${table.pages.length ? ` · 第 ${table.pages[0]}${table.pages.length > 1 ? `–${table.pages[table.pages.length - 1]}` : ''} 页` : ''}</span>`
      : `${esc(list[0]!.result.tableTitle || '(未知表 unknown table)')}`;
    out.push(`<h3>${head} · ${list.length} 项</h3><ol start="${list[0]!.k + 1}">`);
    list.sort((a, b) => a.k - b.k);
    for (const f of list) out.push(failureItem(model, f));
    out.push('</ol>');
  }
  out.push('</details>');
  return out.join('');
}

function gridTable(
  model: ShowModel,
  t: number,
  part: number,
  parts: number,
  page: number,
  failures: Failure[],
  targeted: Set<string>,
  rowBoxes: Set<string>,
): string {
  const table = model.doc.tables[t]!;
  const out: string[] = [
    `<h3${part === 1 ? ` id="g-${t}"` : ''}>${esc(partLabel(model, t, part, parts))}${table.unit ? ` · 单位:${esc(table.unit)}` : ''}</h3>`,
  ];
  const tableChecks = model.failedTableChecks[t]!;
  if (part === 1 && tableChecks.length)
    out.push(
      `<ul class="checks">${tableChecks.map((c) => `<li>${esc(c.message.zh)} <span class="en">${esc(c.message.en)}</span></li>`).join('')}</ul>`,
    );
  // Per cell (and per row, for results naming no column of the table): the failures there, for the cell's tooltip.
  const here = new Map<string, Failure[]>();
  for (const f of failures)
    for (const s of f.spots) if (s.table === t) here.set(spotKey(s), [...(here.get(spotKey(s)) ?? []), f]);
  const tip = (list: Failure[] | undefined): string =>
    list?.length
      ? ` title="${esc(list.map((f) => `${f.result.message.zh} / ${f.result.message.en}: 应为 ${grouped(f.result.expected)} 实为 ${grouped(f.result.found)} 差额 ${grouped(f.result.difference)}`).join('\n'))}"`
      : '';
  out.push(
    `<table data-table="${t + 1}"><thead><tr>${table.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>`,
  );
  table.rows.forEach((row, r) => {
    if (table.rowPages[r] !== page) return;
    const place = model.rows[t]![r];
    const whole = here.get(spotKey({ table: t, row: r, col: null }));
    const cells = row.map((v, c) => {
      const key = spotKey({ table: t, row: r, col: c });
      const src = sourceCell(model, t, r, c);
      const box = src ? cellId(src.page, src.grid, src.cell) : place ? rowId(t, r) : '';
      if (!src && place) rowBoxes.add(box);
      const cls = [
        /^[-(]?[\d,]+(\.\d+)?\)?%?$/u.test(v) && v.length > 3 ? 'num' : '',
        here.has(key) ? 'fail' : '',
      ].filter(Boolean);
      const id = targeted.has(key) ? ` id="${tdId(t, r, c)}"` : '';
      return `<td${id}${box ? ` data-box="${box}"` : ''}${cls.length ? ` class="${cls.join(' ')}"` : ''}${tip(here.get(key))}>${esc(v)}</td>`;
    });
    const trAttrs = whole ? ` id="${trId(t, r)}" class="fail"${tip(whole)}` : '';
    out.push(`<tr${trAttrs}>${cells.join('')}</tr>`);
  });
  out.push('</tbody></table>');
  return out.join('');
}
