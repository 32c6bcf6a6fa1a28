#!/usr/bin/env node
// Writes the test PDFs in fixtures/ (and fixtures/bad/) from the data in scripts/fixture-data.mjs.
//
//   npm run fixtures                      all fixtures into fixtures/
//   node scripts/make-fixtures.mjs --out DIR [name.pdf ...]   into DIR instead (tests compare)
//
// Output is deterministic: fixed CreationDate, fixed document ID, fixed encryption key, and
// fonts chosen per character from the Noto Sans SC subsets in @fontsource/noto-sans-sc.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import * as D from './fixture-data.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outAt = argv.indexOf('--out');
const OUT = outAt >= 0 ? path.resolve(argv.splice(outAt, 2)[1]) : path.join(ROOT, 'fixtures');
const BAD = path.join(OUT, 'bad');
const FONT_DIR = path.join(path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files');
const CREATED = new Date(Date.UTC(2025, 0, 15, 8, 0, 0));

// pdfkit draws the encryption key and the owner key's salt from CryptoJS's random source; make it
// a fixed byte stream so encrypted.pdf is reproducible too. (Same module instance pdfkit requires.)
{
  const CryptoJS = require(require.resolve('crypto-js', { paths: [path.dirname(require.resolve('pdfkit'))] }));
  let counter = 0;
  CryptoJS.lib.WordArray.random = (nBytes) => {
    const words = [];
    for (let i = 0; i < nBytes; i += 4) words.push((Math.imul(++counter, 0x9e3779b1) ^ 0x5bd1e995) | 0);
    return CryptoJS.lib.WordArray.create(words, nBytes);
  };
}

// ---------------------------------------------------------------------------------------------
// Fonts: per character, the first Noto Sans SC 400 subset (WOFF) that has the glyph.

const FONT_FILES = (() => {
  const all = fs.readdirSync(FONT_DIR).filter((f) => /^noto-sans-sc-.*-400-normal\.woff$/.test(f));
  const rank = (f) => {
    if (f.includes('-latin-400')) return [0, 0];
    if (f.includes('chinese-simplified')) return [1, 0];
    const n = /^noto-sans-sc-(\d+)-400/.exec(f);
    if (n) return [2, Number(n[1])];
    return [3, 0];
  };
  return all.sort((a, b) => {
    const [ra, na] = rank(a);
    const [rb, nb] = rank(b);
    return ra - rb || na - nb || a.localeCompare(b);
  });
})();

/**
 * WOFF -> plain sfnt (TrueType) bytes, inflating the tables with node's zlib. fontkit reads WOFF
 * itself, but with a pure-JS inflate that takes seconds for the large chinese-simplified subset
 * (and pdfkit would redo it for every document); the glyphs are the same either way.
 */
const sfntCache = new Map(); // file -> Buffer
function sfnt(file) {
  if (sfntCache.has(file)) return sfntCache.get(file);
  const woff = fs.readFileSync(path.join(FONT_DIR, file));
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error(`${file}: not WOFF`);
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = woff.toString('latin1', e, e + 4);
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const checksum = woff.readUInt32BE(e + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(raw) : raw;
    if (data.length !== origLength)
      throw new Error(`${file}: table ${tag} inflates to ${data.length}, want ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  let pow = 1;
  let log = 0;
  while (pow * 2 <= numTables) {
    pow *= 2;
    log++;
  }
  const head = Buffer.alloc(12 + 16 * numTables);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(pow * 16, 6);
  head.writeUInt16BE(log, 8);
  head.writeUInt16BE(numTables * 16 - pow * 16, 10);
  const bodies = [];
  let offset = head.length;
  tables.forEach((t, i) => {
    const e = 12 + i * 16;
    head.write(t.tag, e, 'latin1');
    head.writeUInt32BE(t.checksum, e + 4);
    head.writeUInt32BE(offset, e + 8);
    head.writeUInt32BE(t.data.length, e + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  const out = Buffer.concat([head, ...bodies]);
  sfntCache.set(file, out);
  return out;
}

const fontCache = new Map(); // file -> fontkit font
const charFont = new Map(); // code point -> font key

function fontkitFont(file) {
  if (!fontCache.has(file)) fontCache.set(file, fontkit.create(sfnt(file)));
  return fontCache.get(file);
}

function fontKeyFor(cp) {
  if (charFont.has(cp)) return charFont.get(cp);
  for (const file of FONT_FILES) {
    let has = false;
    try {
      has = fontkitFont(file).hasGlyphForCodePoint(cp);
    } catch {
      has = false; // a subset or two carry a cmap fontkit cannot read
    }
    if (has) {
      const key = file.replace(/^noto-sans-sc-/, 'NotoSansSC-').replace(/-400-normal\.woff$/, '');
      charFont.set(cp, key);
      return key;
    }
  }
  throw new Error(`no Noto Sans SC subset has U+${cp.toString(16).toUpperCase()}`);
}

const keyFile = (key) => `${key.replace(/^NotoSansSC-/, 'noto-sans-sc-')}-400-normal.woff`;

/** Split text into runs of characters drawn with the same subset font. */
function runs(text) {
  const out = [];
  for (const ch of text) {
    const key = fontKeyFor(ch.codePointAt(0));
    const last = out[out.length - 1];
    if (last && last.key === key) last.text += ch;
    else out.push({ key, text: ch });
  }
  return out;
}

function useFont(doc, key, size) {
  if (!doc._fixtureFonts) doc._fixtureFonts = new Set();
  if (!doc._fixtureFonts.has(key)) {
    doc.registerFont(key, sfnt(keyFile(key)));
    doc._fixtureFonts.add(key);
  }
  doc.font(key).fontSize(size);
}

// Measure each run once per document. (Not across documents: pdfkit numbers fonts in the order a
// document first uses them, so each file's bytes must not depend on which files were made before.)
function runWidth(doc, run, size) {
  doc._fixtureWidths ??= new Map();
  const k = `${run.key}\u0000${size}\u0000${run.text}`;
  if (!doc._fixtureWidths.has(k)) {
    useFont(doc, run.key, size);
    doc._fixtureWidths.set(k, doc.widthOfString(run.text));
  }
  return doc._fixtureWidths.get(k);
}

function textWidth(doc, text, size) {
  let w = 0;
  for (const r of runs(text)) w += runWidth(doc, r, size);
  return w;
}

/** Draw text with its baseline at y, run by run. */
function drawText(doc, text, x, y, size) {
  let cx = x;
  for (const r of runs(text)) {
    useFont(doc, r.key, size);
    doc.fillColor('black').text(r.text, cx, y, { lineBreak: false, baseline: 'alphabetic' });
    cx += runWidth(doc, r, size);
  }
}

// ---------------------------------------------------------------------------------------------
// Documents

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = { top: 46, bottom: 46, side: 40 };
const SIZE = 9; // table text
const PAD = 4; // cell padding
const LINE = SIZE * 1.3; // line pitch inside a cell
const MIN_ROW = 20;

function newDoc(title, extra = {}) {
  return new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    info: {
      Title: title,
      Author: '示例市财政局',
      Creator: 'budget-extract fixtures',
      Producer: 'PDFKit',
      CreationDate: CREATED,
    },
    ...extra,
  });
}

/** Page in display orientation; `rotate: 90` stores it as portrait with /Rotate 90. */
function addPage(doc, { landscape = false, rotate = 0 } = {}) {
  if (rotate === 90) {
    doc.addPage({ size: [A4.w, A4.h], margin: 0 });
    doc.page.dictionary.data.Rotate = 90;
    // Display point (dx, dy) of the landscape page = user-space point (dy, dx) of the portrait
    // page; in pdfkit's top-down coordinates that is (dy, H - dx).
    doc.transform(0, -1, 1, 0, 0, A4.h);
    return { w: A4.h, h: A4.w };
  }
  const size = landscape ? [A4.h, A4.w] : [A4.w, A4.h];
  doc.addPage({ size, margin: 0 });
  return { w: size[0], h: size[1] };
}

function save(doc, file) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => {
      const bytes = Buffer.concat(chunks);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      resolve(bytes);
    });
    doc.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Table layout

const cellObj = (c) => (c === null ? null : typeof c === 'string' ? { t: c } : c);
const isNumeric = (s) => /^[-\d,.%]+$/.test(s);

/** Greedy character wrap into lines no wider than `width`. */
function wrap(doc, text, width, size) {
  if (text === '') return [];
  const lines = [];
  let cur = '';
  for (const ch of text) {
    if (cur && textWidth(doc, cur + ch, size) > width) {
      lines.push(cur);
      cur = ch;
    } else cur += ch;
  }
  lines.push(cur);
  return lines;
}

/** Lines a cell is drawn with; explicit `lines` must be what a greedy wrap at this width gives. */
function cellLines(doc, cell, width, numCol, where) {
  if (cell.drawn) return cell.drawn; // faults/: drawn wrong on purpose
  const greedy = wrap(doc, cell.t, width, SIZE);
  if (cell.lines) {
    if (cell.lines.join('') !== cell.t) throw new Error(`${where}: lines ${cell.lines} do not spell ${cell.t}`);
    if (JSON.stringify(cell.lines) !== JSON.stringify(greedy)) {
      throw new Error(
        `${where}: explicit lines ${JSON.stringify(cell.lines)} but width ${width.toFixed(1)} wraps as ${JSON.stringify(greedy)}`,
      );
    }
    return cell.lines;
  }
  if (greedy.length > 1 && numCol && isNumeric(cell.t)) {
    throw new Error(`${where}: number ${cell.t} does not fit in ${width.toFixed(1)}pt; widen the column`);
  }
  return greedy;
}

/** Resolve spans into cells with row/col, compute lines and row heights. */
function layoutGrid(doc, rowsSpec, cols, { header, where }) {
  const cells = [];
  rowsSpec.forEach((row, r) => {
    if (row.length !== cols.length) throw new Error(`${where}: row ${r} has ${row.length} cells, want ${cols.length}`);
    row.forEach((raw, c) => {
      const cell = cellObj(raw);
      if (!cell) return;
      const rs = cell.rs ?? 1;
      const cs = cell.cs ?? 1;
      for (let i = r; i < r + rs; i++)
        for (let j = c; j < c + cs; j++)
          if ((i !== r || j !== c) && rowsSpec[i]?.[j] !== null)
            throw new Error(`${where}: slot ${i},${j} under span must be null`);
      const w = cols.slice(c, c + cs).reduce((a, k) => a + k.w, 0);
      const align = header ? 'center' : (cell.align ?? cols[c].align);
      const lines = cellLines(doc, cell, w - 2 * PAD, !header && cols[c].num && cs === 1, `${where} r${r}c${c}`);
      cells.push({ r, c, rs, cs, w, align, lines, text: cell.t });
    });
  });
  const heights = rowsSpec.map(() => MIN_ROW);
  const need = (cell) => cell.lines.length * LINE + 2 * PAD;
  for (const cell of cells) if (cell.rs === 1) heights[cell.r] = Math.max(heights[cell.r], need(cell));
  for (const cell of cells.filter((x) => x.rs > 1)) {
    const have = heights.slice(cell.r, cell.r + cell.rs).reduce((a, b) => a + b, 0);
    if (have < need(cell)) heights[cell.r + cell.rs - 1] += need(cell) - have;
  }
  return { cells, heights: heights.map((h) => Math.round(h * 100) / 100) };
}

function drawCellText(doc, lines, box, align, valign) {
  const n = lines.length;
  if (!n) return;
  const blockTop = valign === 'top' ? box.y0 + PAD : box.y0 + (box.y1 - box.y0 - n * LINE) / 2;
  lines.forEach((line, k) => {
    const lw = textWidth(doc, line, SIZE);
    const x = align === 'right' ? box.x1 - PAD - lw : align === 'center' ? (box.x0 + box.x1 - lw) / 2 : box.x0 + PAD;
    const baseline = blockTop + k * LINE + LINE / 2 + 0.36 * SIZE;
    drawText(doc, line, x, baseline, SIZE);
  });
}

/** Rulings of one table part: every cell's edges, drawn once. */
function drawRulings(doc, boxes, style) {
  if (style === 'none') return;
  const right = Math.max(...boxes.map((b) => b.x1));
  const bottom = Math.max(...boxes.map((b) => b.y1));
  const segs = []; // {h: bool, at, from, to}
  for (const b of boxes) {
    segs.push({ h: true, at: b.y0, from: b.x0, to: b.x1 });
    segs.push({ h: false, at: b.x0, from: b.y0, to: b.y1 });
    if (Math.abs(b.x1 - right) < 0.01) segs.push({ h: false, at: b.x1, from: b.y0, to: b.y1 });
    if (Math.abs(b.y1 - bottom) < 0.01) segs.push({ h: true, at: b.y1, from: b.x0, to: b.x1 });
  }
  const T = 0.5;
  if (style === 'fill') {
    // Like WPS exports: every cell edge a thin filled rectangle.
    for (const s of segs) {
      if (s.h) doc.rect(s.from - T / 2, s.at - T / 2, s.to - s.from + T, T);
      else doc.rect(s.at - T / 2, s.from - T / 2, T, s.to - s.from + T);
      doc.fillColor('black').fill();
    }
    return;
  }
  // 'stroke': join touching collinear edges into whole lines, each stroked on its own.
  const key = (s) => `${s.h ? 'h' : 'v'}${s.at.toFixed(2)}`;
  const groups = new Map();
  for (const s of segs) {
    if (!groups.has(key(s))) groups.set(key(s), []);
    groups.get(key(s)).push(s);
  }
  doc.lineWidth(T).strokeColor('black');
  for (const list of groups.values()) {
    list.sort((a, b) => a.from - b.from);
    const merged = [];
    for (const s of list) {
      const last = merged[merged.length - 1];
      if (last && s.from <= last.to + 0.01) last.to = Math.max(last.to, s.to);
      else merged.push({ ...s });
    }
    for (const s of merged) {
      if (s.h) doc.moveTo(s.from, s.at).lineTo(s.to, s.at);
      else doc.moveTo(s.at, s.from).lineTo(s.at, s.to);
      doc.stroke();
    }
  }
}

/** Label at top-left, title centred, unit at the right just above the table. Returns table top. */
function drawHeading(doc, table, page, x0, x1, top, { label = true, unit = true } = {}) {
  if (label && table.label) drawText(doc, table.label, x0, top + 10, 10);
  const tw = textWidth(doc, table.title, 16);
  drawText(doc, table.title, (page.w - tw) / 2, top + 36, 16);
  const unitText = `单位：${table.unit}`;
  if (unit) drawText(doc, unitText, x1 - textWidth(doc, unitText, SIZE), top + 56, SIZE);
  // The header line naming who compiled the table, where the table says (编制单位：…).
  if (table.department) drawText(doc, `编制单位：${table.department}`, x0, top + 56, SIZE);
  return top + 62;
}

/**
 * Draw a table starting at `top` on the current page, breaking onto new pages as needed.
 * opts: rules 'fill'|'stroke'|'none'; repeatTitle / repeatHeader on continuation pages;
 * pageOpts for addPage; breaks: body row indices forced to start a page; clipSplit: a merged cell cut by a page
 * break is drawn whole on every page it reaches, top-aligned from its first part, clipped to its part there (as a
 * spreadsheet prints: the text layer keeps the clipped lines).
 * Returns { pages: number of pages used, bottom: y after the table, parts }.
 */
function drawTable(doc, table, page, top, opts = {}) {
  const {
    rules = 'stroke',
    repeatTitle = false,
    repeatHeader = false,
    pageOpts = {},
    breaks = [],
    clipSplit = false,
  } = opts;
  const where = table.title;
  const totalW = table.cols.reduce((a, c) => a + c.w, 0);
  const x0 = Math.round(((page.w - totalW) / 2) * 100) / 100;
  const xs = [x0];
  for (const c of table.cols) xs.push(xs[xs.length - 1] + c.w);
  const head = layoutGrid(doc, table.header, table.cols, { header: true, where: `${where} header` });
  const body = layoutGrid(doc, table.body, table.cols, { header: false, where: `${where} body` });
  const headH = head.heights.reduce((a, b) => a + b, 0);

  // Paginate body rows.
  const parts = []; // { rows: [r...], ys: Map r -> y, headerTop, page: 0-based offset, index }
  const range = doc.bufferedPageRange();
  let pageIndex = range.start + range.count - 1;
  let pageNo = 0;
  let y = drawHeading(doc, table, page, xs[0], xs[xs.length - 1], top);
  let part = { rows: [], ys: new Map(), headerTop: y, page: pageNo, index: pageIndex };
  y += headH;
  const limit = () => page.h - MARGIN.bottom;
  body.heights.forEach((h, r) => {
    if ((y + h > limit() || breaks.includes(r)) && part.rows.length) {
      parts.push(part);
      pageNo++;
      page = addPage(doc, pageOpts);
      pageIndex++;
      let t = MARGIN.top;
      if (repeatTitle) t = drawHeading(doc, table, page, xs[0], xs[xs.length - 1], t);
      part = { rows: [], ys: new Map(), headerTop: repeatHeader ? t : null, page: pageNo, index: pageIndex };
      y = t + (repeatHeader ? headH : 0);
    }
    if (y + h > limit()) throw new Error(`${where}: row ${r} does not fit on an empty page`);
    part.rows.push(r);
    part.ys.set(r, y);
    y += h;
  });
  parts.push(part);

  // Draw: the pages were added while paginating, so switch to each page's buffer in turn.
  parts.forEach((p) => {
    doc.switchToPage(p.index);
    const boxes = [];
    if (p.headerTop !== null) {
      const hy = [p.headerTop];
      for (const h of head.heights) hy.push(hy[hy.length - 1] + h);
      for (const cell of head.cells) {
        const box = { x0: xs[cell.c], x1: xs[cell.c + cell.cs], y0: hy[cell.r], y1: hy[cell.r + cell.rs] };
        boxes.push(box);
        drawCellText(doc, cell.lines, box, 'center', 'center');
      }
    }
    const first = p.rows[0];
    const last = p.rows[p.rows.length - 1];
    for (const cell of body.cells) {
      const r0 = Math.max(cell.r, first);
      const r1 = Math.min(cell.r + cell.rs - 1, last);
      if (r0 > r1) continue;
      const box = {
        x0: xs[cell.c],
        x1: xs[cell.c + cell.cs],
        y0: p.ys.get(r0),
        y1: p.ys.get(r1) + body.heights[r1],
      };
      boxes.push(box);
      // A merged cell over a page break: lines fill the first part, the rest go to the next.
      const split = cell.r < first || cell.r + cell.rs - 1 > last;
      if (!split) {
        drawCellText(doc, cell.lines, box, cell.align, 'center');
        continue;
      }
      cell.partsDrawn ??= 0;
      if (clipSplit) {
        // The whole cell, its top where it started on the first page: the parts before this one are above.
        const top = box.y0 - (cell.heightDrawn ?? 0);
        const full = { ...box, y0: top, y1: top + 2 * PAD + cell.lines.length * LINE };
        doc.save();
        doc.rect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0).clip();
        drawCellText(doc, cell.lines, full, cell.align, 'top');
        doc.restore();
        // The lines whose middle falls inside this part are the ones a reader sees here.
        const mine = cell.lines.filter((_, k) => {
          const mid = top + PAD + k * LINE + LINE / 2;
          return mid >= box.y0 && mid < box.y1;
        });
        cell.heightDrawn = (cell.heightDrawn ?? 0) + (box.y1 - box.y0);
        cell.partsDrawn++;
        table._splits ??= [];
        table._splits.push({ r: cell.r, c: cell.c, part: cell.partsDrawn - 1, lines: mine });
        continue;
      }
      cell.linesLeft ??= [...cell.lines];
      const isLast = cell.r + cell.rs - 1 <= last;
      const cap = Math.floor((box.y1 - box.y0 - 2 * PAD) / LINE + 1e-6);
      const mine = isLast ? cell.linesLeft.splice(0) : cell.linesLeft.splice(0, cap);
      if (mine.length > cap) throw new Error(`${where}: split cell r${cell.r}c${cell.c} overflows its last part`);
      drawCellText(doc, mine, box, cell.align, cell.partsDrawn === 0 ? 'center' : 'top');
      cell.partsDrawn++;
      table._splits ??= [];
      table._splits.push({ r: cell.r, c: cell.c, part: cell.partsDrawn - 1, lines: mine });
    }
    drawRulings(doc, boxes, rules);
  });
  const lastPart = parts[parts.length - 1];
  const lastRow = lastPart.rows[lastPart.rows.length - 1];
  return {
    pages: parts.length,
    bottom: lastPart.ys.get(lastRow) + body.heights[lastRow],
    page,
    parts: parts.map((p) => ({ page: p.page, rows: [p.rows[0], p.rows[p.rows.length - 1]] })),
  };
}

/** A one-table document. */
async function oneTable(file, table, opts = {}) {
  const doc = newDoc(table.title, { bufferPages: true });
  const page = addPage(doc, opts.pageOpts);
  const res = drawTable(doc, table, page, MARGIN.top, opts);
  await save(doc, path.join(OUT, file));
  return res;
}

/** A 部门预算 booklet: a cover (department, year) and then one table a page; returns the saved bytes. */
async function budgetBooklet(file, department, year, tables) {
  const doc = newDoc(`${department}${year}年部门预算`, { bufferPages: true });
  const cover = addPage(doc);
  for (const [text, size, y] of [
    [department, 28, 300],
    [`${year}年部门预算`, 24, 350],
  ]) {
    drawText(doc, text, (cover.w - textWidth(doc, text, size)) / 2, y, size);
  }
  for (const t of tables) {
    const page = addPage(doc);
    const res = drawTable(doc, t, page, MARGIN.top, { rules: 'stroke' });
    if (res.pages !== 1) throw new Error(`${file}: ${t.title} must fit on one page`);
  }
  return save(doc, path.join(OUT, file));
}

// ---------------------------------------------------------------------------------------------
// Scanned page: a PNG of a table built by hand (grayscale, zlib), no text layer.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(width, height, gray) {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    gray.copy(raw, y * (width + 1) + 1, y * width, (y + 1) * width);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 150 dpi scan of a ruled table: grid lines and blotchy glyph-like marks, slightly grey paper. */
function scannedTablePng(seed) {
  const W = 1240;
  const H = 1754;
  const img = Buffer.alloc(W * H, 250);
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const fill = (x0, y0, w, h, v) => {
    for (let y = Math.max(0, y0); y < Math.min(H, y0 + h); y++)
      img.fill(v, y * W + Math.max(0, x0), y * W + Math.min(W, x0 + w));
  };
  const glyphs = (x, y, n, size) => {
    for (let i = 0; i < n; i++) {
      const gx = x + i * (size + 3);
      for (let k = 0; k < 4; k++) {
        if (rnd() < 0.5) fill(gx + Math.floor(rnd() * size), y, 2, size, 40);
        else fill(gx, y + Math.floor(rnd() * size), size, 2, 40);
      }
    }
  };
  glyphs(430, 130, 12, 30); // title
  glyphs(1020, 215, 5, 16); // unit line
  const colW = [150, 360, 190, 190, 190];
  const x0 = Math.floor((W - colW.reduce((a, b) => a + b)) / 2);
  const rows = 28;
  const rowH = 44;
  const y0 = 250;
  for (let r = 0; r <= rows; r++)
    fill(
      x0,
      y0 + r * rowH,
      colW.reduce((a, b) => a + b),
      3,
      30,
    );
  let x = x0;
  for (let c = 0; c <= colW.length; c++) {
    fill(x, y0, 3, rows * rowH + 3, 30);
    x += colW[c] ?? 0;
  }
  for (let r = 0; r < rows; r++) {
    let cx = x0;
    colW.forEach((w, c) => {
      const n = c === 0 ? 3 + Math.floor(rnd() * 5) : c === 1 ? 3 + Math.floor(rnd() * 8) : 5 + Math.floor(rnd() * 4);
      const gw = 19;
      const start = c >= 2 ? cx + w - 12 - n * gw : cx + 12;
      glyphs(start, y0 + r * rowH + 14, n, 16);
      cx += w;
    });
  }
  return encodePng(W, H, img);
}

// ---------------------------------------------------------------------------------------------
// Fixtures

const fixtures = {
  async 'fill-rulings.pdf'() {
    return oneTable('fill-rulings.pdf', D.fillRulings, { rules: 'fill' });
  },
  async 'stroke-rulings.pdf'() {
    return oneTable('stroke-rulings.pdf', D.strokeRulings, { rules: 'stroke' });
  },
  async 'wrapped-cells.pdf'() {
    return oneTable('wrapped-cells.pdf', D.wrappedCells, { rules: 'fill' });
  },
  async 'three-pages-repeated.pdf'() {
    const res = await oneTable('three-pages-repeated.pdf', D.longTable, {
      rules: 'stroke',
      repeatTitle: true,
      repeatHeader: true,
    });
    if (res.pages !== 3) throw new Error(`three-pages-repeated: ${res.pages} pages`);
    return res;
  },
  async 'three-pages-bare.pdf'() {
    const res = await oneTable('three-pages-bare.pdf', D.longTable, { rules: 'stroke' });
    if (res.pages !== 3) throw new Error(`three-pages-bare: ${res.pages} pages`);
    return res;
  },
  async 'merged-across-pages.pdf'() {
    const t = D.performanceTable;
    t._splits = [];
    const res = await oneTable('merged-across-pages.pdf', t, { rules: 'fill', repeatHeader: true });
    if (res.pages !== 2) throw new Error(`merged-across-pages: ${res.pages} pages`);
    // The page break must fall inside the chosen project, with its goal text on both pages.
    const firstRow = D.performanceProjects
      .slice(0, D.performanceSplitProject)
      .reduce((a, p) => a + p.indicators.length, 0);
    const goal = t._splits.filter((s) => s.r === firstRow && s.c === 2);
    if (goal.length !== 2 || !goal[0].lines.length || !goal[1].lines.length) {
      throw new Error(
        `merged-across-pages: goal of project ${D.performanceSplitProject} not split over the break: ${JSON.stringify(res.parts)} ${JSON.stringify(t._splits)}`,
      );
    }
    const name = t._splits.filter((s) => s.r === firstRow && s.c === 0);
    if (!name[0]?.lines.length || name[1]?.lines.length)
      throw new Error('merged-across-pages: project name must be on the first part only');
    return res;
  },
  async 'spreadsheet-print.pdf'() {
    const t = D.spreadsheetPerformanceTable;
    t._splits = [];
    const res = await oneTable('spreadsheet-print.pdf', t, { rules: 'fill', repeatHeader: true, clipSplit: true });
    // The second project must run over two page breaks with its name and goal seen on more than one page.
    const start = D.spreadsheetProjects[0].indicators.length;
    const parts = (c) => t._splits.filter((s) => s.r === start && s.c === c);
    if (parts(2).length !== 3)
      throw new Error(
        `spreadsheet-print: project 2 over ${parts(2).length} parts, want 3: ${JSON.stringify(res.parts)}`,
      );
    for (const c of [0, 2]) {
      if (parts(c).filter((p) => p.lines.length).length < 2)
        throw new Error(`spreadsheet-print: column ${c} of project 2 seen on one page only`);
    }
    return res;
  },
  async 'borderless.pdf'() {
    return oneTable('borderless.pdf', D.borderlessTable, { rules: 'none' });
  },
  async 'empty-table.pdf'() {
    const doc = newDoc(D.emptyFundTable.title, { bufferPages: true });
    const page = addPage(doc);
    const a = drawTable(doc, D.emptyFundTable, page, MARGIN.top, { rules: 'stroke' });
    const b = drawTable(doc, D.stateCapitalTable, page, a.bottom + 40, { rules: 'stroke' });
    if (a.pages !== 1 || b.pages !== 1) throw new Error('empty-table: both tables must fit on one page');
    await save(doc, path.join(OUT, 'empty-table.pdf'));
    return { pages: 1 };
  },
  async 'rotated.pdf'() {
    return oneTable('rotated.pdf', D.fiscalSummaryTable, { rules: 'stroke', pageOpts: { rotate: 90 } });
  },
  async 'sample-budget.pdf'() {
    const tables = [D.sampleSummaryTable, D.sampleIncomeTable, D.sampleExpenditureTable, D.sampleThreePublicTable];
    const bytes = await budgetBooklet('sample-budget.pdf', D.sampleDepartment, D.sampleYear, tables);
    // bad/truncated.pdf: the first 40% of it.
    fs.mkdirSync(BAD, { recursive: true });
    fs.writeFileSync(path.join(BAD, 'truncated.pdf'), bytes.subarray(0, Math.floor(bytes.length * 0.4)));
    return { pages: 5 };
  },
  async 'bad/not-a-pdf.pdf'() {
    const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>示例市财政局 - 信息公开</title>
</head>
<body>
<div class="header">示例市人民政府门户网站</div>
<div class="content">
<h1>示例市财政局2025年部门预算</h1>
<p>您访问的文件正在审核中，请稍后再试。</p>
<p><a href="/xxgk/czyjs/">返回预决算公开栏目</a></p>
</div>
</body>
</html>
`;
    fs.mkdirSync(BAD, { recursive: true });
    fs.writeFileSync(path.join(BAD, 'not-a-pdf.pdf'), html);
  },
  async 'bad/empty.pdf'() {
    fs.mkdirSync(BAD, { recursive: true });
    fs.writeFileSync(path.join(BAD, 'empty.pdf'), Buffer.alloc(0));
  },
  async 'bad/encrypted.pdf'() {
    const doc = newDoc(D.sampleThreePublicTable.title, {
      bufferPages: true,
      userPassword: 'secret',
      ownerPassword: 'owner-secret',
      pdfVersion: '1.7',
    });
    const page = addPage(doc);
    drawTable(doc, D.sampleThreePublicTable, page, MARGIN.top, { rules: 'stroke' });
    await save(doc, path.join(BAD, 'encrypted.pdf'));
  },
  async 'bad/scanned.pdf'() {
    const doc = newDoc('扫描件', { bufferPages: true });
    for (const seed of [1, 2]) {
      const page = addPage(doc);
      doc.image(scannedTablePng(seed), 0, 0, { width: page.w, height: page.h });
    }
    await save(doc, path.join(BAD, 'scanned.pdf'));
  },
  async 'records-kinds.pdf'() {
    const tables = [
      D.fiscalEconomicTable,
      D.projectExpenditureTable,
      D.fundThreePublicTable,
      D.overallPerformanceTable,
      D.procurementTable,
      D.gridPerformanceTable,
    ];
    await budgetBooklet('records-kinds.pdf', D.recordsDepartment, D.recordsYear, tables);
    return { pages: 1 + tables.length };
  },
  async 'final-account.pdf'() {
    const doc = newDoc(D.finalCover, { bufferPages: true });
    // Page 1 (landscape): the cover line above the “三公” 决算表, with 预算数 and 决算数 side by side.
    const first = addPage(doc, { landscape: true });
    drawText(doc, D.finalCover, (first.w - textWidth(doc, D.finalCover, 20)) / 2, MARGIN.top + 10, 20);
    const a = drawTable(doc, D.finalThreePublicTable, first, MARGIN.top + 30, { rules: 'stroke' });
    const second = addPage(doc);
    const b = drawTable(doc, D.finalSummaryTable, second, MARGIN.top, { rules: 'stroke' });
    if (a.pages !== 1 || b.pages !== 1) throw new Error('final-account: each table must fit on its page');
    await save(doc, path.join(OUT, 'final-account.pdf'));
    return { pages: 2 };
  },
};

// review/*.pdf: the whole 部门预算 an auditor reads (scripts/fixture-data.mjs, reviewDocument): a cover, the 情况说明
// page (one paragraph a sentence, wrapped at the text width, the first line indented), then a table a page; an
// empty table's reason printed under it.
for (const name of D.reviewNames) {
  fixtures[`review/${name}.pdf`] = async () => {
    const { narrative, tables } = D.reviewDocument(name);
    const title = `${D.reviewDepartment}${D.reviewYear}年部门预算`;
    const doc = newDoc(title, { bufferPages: true });
    const cover = addPage(doc);
    for (const [text, size, y] of [
      [D.reviewDepartment, 28, 300],
      [`${D.reviewYear}年部门预算`, 24, 350],
    ])
      drawText(doc, text, (cover.w - textWidth(doc, text, size)) / 2, y, size);
    const page = addPage(doc);
    const size = 12;
    const x0 = MARGIN.side + 20;
    const width = page.w - 2 * x0;
    drawText(doc, '一、部门预算情况说明', x0, MARGIN.top + 20, 16);
    let y = MARGIN.top + 56;
    for (const paragraph of narrative) {
      const lines = wrap(doc, paragraph, width - 2 * size, size);
      lines.forEach((line, i) => {
        drawText(doc, line, x0 + (i === 0 ? 2 * size : 0), y, size);
        y += size * 1.8;
      });
    }
    for (const t of tables) {
      const res = drawTable(doc, t, addPage(doc), MARGIN.top, { rules: 'stroke' });
      if (res.pages !== 1) throw new Error(`review/${name}: ${t.title} must fit on one page`);
      if (t.note) drawText(doc, t.note, MARGIN.side + 20, res.bottom + 14, SIZE);
    }
    await save(doc, path.join(OUT, 'review', `${name}.pdf`));
    return { pages: 2 + tables.length };
  };
}

// faults/*.pdf: the clean 部门预算 and its copies with one injected fault each (see faultInjections in
// scripts/fixture-data.mjs). 支出总表 over two pages, the continuation without title or header.
for (const name of D.faultNames) {
  fixtures[`faults/${name}.pdf`] = async () => {
    const { tables, continuesAt } = D.faultDocument(name);
    const [summary, expenditure, basic, threePublic] = tables;
    const doc = newDoc(`${D.faultDepartment}${D.faultYear}年部门预算`, { bufferPages: true });
    const s = drawTable(doc, summary, addPage(doc), MARGIN.top, { rules: 'stroke' });
    const e = drawTable(doc, expenditure, addPage(doc), MARGIN.top, {
      rules: 'stroke',
      breaks: continuesAt === null ? [] : [continuesAt],
    });
    const page = addPage(doc);
    const b = drawTable(doc, basic, page, MARGIN.top, { rules: 'stroke' });
    const t = drawTable(doc, threePublic, page, b.bottom + 40, { rules: 'stroke' });
    const wantE = continuesAt === null ? 1 : 2;
    if (s.pages !== 1 || e.pages !== wantE || b.pages !== 1 || t.pages !== 1) {
      throw new Error(`faults/${name}: pages ${[s.pages, e.pages, b.pages, t.pages]}, want 1, ${wantE}, 1, 1`);
    }
    if (continuesAt !== null && e.parts[1].rows[0] !== continuesAt)
      throw new Error(`faults/${name}: continuation starts at ${e.parts[1].rows[0]}`);
    await save(doc, path.join(OUT, 'faults', `${name}.pdf`));
    return { pages: 2 + wantE, parts: e.parts };
  };
}

// faults/narrow-*.pdf: the Sichuan narrow print (scripts/fixture-data.mjs, narrowDocument): 支出总表 on pp.1–2 and
// 基本支出表 on pp.3–4, each broken at its `narrowBreaks` row with the header rows repeated on the continuation.
for (const name of D.narrowNames) {
  fixtures[`faults/${name}.pdf`] = async () => {
    const { tables, breaks } = D.narrowDocument(name);
    const doc = newDoc(`${D.narrowDepartment}${D.narrowYear}年部门预算`, { bufferPages: true });
    const parts = [];
    for (const table of tables) {
      const at = breaks[table.kind];
      const res = drawTable(doc, table, addPage(doc), MARGIN.top, {
        rules: 'stroke',
        repeatHeader: true,
        breaks: [at],
      });
      if (res.pages !== 2 || res.parts[1].rows[0] !== at)
        throw new Error(`faults/${name}: ${table.title} parts ${JSON.stringify(res.parts)}, want a break at ${at}`);
      parts.push(...res.parts);
    }
    await save(doc, path.join(OUT, 'faults', `${name}.pdf`));
    return { pages: 4, parts };
  };
}

// ---------------------------------------------------------------------------------------------
// tables-wide: layouts of the wider sample (D.wide*), each grid drawn cell by cell at a chosen place, so that a
// part can lose its first column's rules or a total row its code columns' boundaries as real exports do.

const WIDE_ROW = 20;

/** Draws a grid of slot rows at (x0, top); cells in `unruled` columns get their text but no rules. Returns its bottom. */
function wideGrid(doc, { x0, top, cols, rows, unruled = [] }) {
  const xs = [x0];
  for (const w of cols) xs.push(xs[xs.length - 1] + w);
  const boxes = [];
  rows.forEach((row, r) => {
    if (row.length !== cols.length) throw new Error(`wide grid: row ${r} has ${row.length} cells, want ${cols.length}`);
    row.forEach((slot, c) => {
      const cell = cellObj(slot);
      if (!cell) return;
      const cs = cell.cs ?? 1,
        rs = cell.rs ?? 1;
      const box = { x0: xs[c], x1: xs[c + cs], y0: top + r * WIDE_ROW, y1: top + (r + rs) * WIDE_ROW };
      if (cell.t && textWidth(doc, cell.t, SIZE) > box.x1 - box.x0 - 2 * PAD)
        throw new Error(`wide grid: ${cell.t} does not fit`);
      drawCellText(doc, cell.t ? [cell.t] : [], box, isNumeric(cell.t) ? 'right' : 'center', 'center');
      if (!unruled.includes(c)) boxes.push(box);
    });
  });
  drawRulings(doc, boxes, 'stroke');
  return top + rows.length * WIDE_ROW;
}

const wideX0 = (page, cols) => Math.round(((page.w - cols.reduce((a, b) => a + b, 0)) / 2) * 100) / 100;

/** Title centred at `top`, unit statement at the right below it; returns where the grid starts. */
function wideHeading(doc, page, cols, top, title, unit) {
  drawText(doc, title, (page.w - textWidth(doc, title, 16)) / 2, top + 16, 16);
  if (unit) {
    const text = `单位：${unit}`;
    const x1 = wideX0(page, cols) + cols.reduce((a, b) => a + b, 0);
    drawText(doc, text, x1 - textWidth(doc, text, SIZE), top + 34, SIZE);
  }
  return top + 40;
}

function wideTable(doc, page, top, t) {
  return wideGrid(doc, {
    x0: wideX0(page, t.cols),
    top: wideHeading(doc, page, t.cols, top, t.title, t.unit),
    cols: t.cols,
    rows: t.rows,
  });
}

async function wideDoc(file, draw) {
  const doc = newDoc(file, { bufferPages: true });
  const pages = await draw(doc);
  await save(doc, path.join(OUT, file));
  return { pages };
}

Object.assign(fixtures, {
  'empty-statement.pdf': () =>
    wideDoc('empty-statement.pdf', (doc) => {
      const page = addPage(doc, { landscape: true });
      const bottom = wideTable(doc, page, MARGIN.top, D.wideEmpty);
      drawText(doc, D.wideEmpty.note, wideX0(page, D.wideEmpty.cols), bottom + 16, 10);
      wideTable(doc, page, bottom + 50, D.wideAfterEmpty);
      wideTable(doc, addPage(doc), MARGIN.top, D.wideEmptyCell);
      return 2;
    }),
  'spilled-total.pdf': () =>
    wideDoc('spilled-total.pdf', (doc) => {
      const t = D.wideSpilled;
      const first = addPage(doc, { landscape: true });
      wideTable(doc, first, MARGIN.top, { ...t, rows: [...t.header, ...t.body] });
      const second = addPage(doc, { landscape: true });
      const bottom = wideGrid(doc, { x0: wideX0(second, t.cols), top: MARGIN.top, cols: t.cols, rows: [t.total] });
      wideTable(doc, second, bottom + 40, D.wideAfterSpilled);
      return 2;
    }),
  'foot-title.pdf': () =>
    wideDoc('foot-title.pdf', (doc) => {
      const a = D.wideFootFirst,
        b = D.wideFootSecond;
      const first = addPage(doc);
      wideTable(doc, first, MARGIN.top, a);
      // The next table's title alone at the foot of the page, its unit and grid on the next page.
      drawText(doc, b.title, (first.w - textWidth(doc, b.title, 16)) / 2, first.h - MARGIN.bottom - 20, 16);
      const second = addPage(doc);
      const unit = `单位：${b.unit}`;
      const x0 = wideX0(second, b.cols);
      drawText(doc, unit, x0 + b.cols.reduce((s, w) => s + w, 0) - textWidth(doc, unit, SIZE), MARGIN.top + 10, SIZE);
      wideGrid(doc, { x0, top: MARGIN.top + 20, cols: b.cols, rows: b.rows });
      return 2;
    }),
  'lost-column.pdf': () =>
    wideDoc('lost-column.pdf', (doc) => {
      const t = D.wideLost;
      const first = addPage(doc);
      wideTable(doc, first, MARGIN.top, { ...t, rows: [t.header, ...t.page1] });
      const second = addPage(doc);
      wideGrid(doc, { x0: wideX0(second, t.cols), top: MARGIN.top, cols: t.cols, rows: t.page2, unruled: [0] });
      return 2;
    }),
  'unit-in-rule.pdf': () =>
    wideDoc('unit-in-rule.pdf', (doc) => {
      const first = addPage(doc);
      drawText(doc, D.wideSection, (first.w - textWidth(doc, D.wideSection, 22)) / 2, MARGIN.top + 22, 22);
      wideTable(doc, first, MARGIN.top + 40, D.wideUnitRule);
      const second = addPage(doc);
      drawText(doc, D.wideSection, (second.w - textWidth(doc, D.wideSection, 22)) / 2, MARGIN.top + 22, 22);
      const x0 = wideX0(second, D.wideNoUnit.cols);
      D.wideProse.forEach((line, i) => drawText(doc, line, x0, MARGIN.top + 44 + i * 16, 11));
      wideTable(doc, second, MARGIN.top + 100, D.wideNoUnit);
      return 2;
    }),
  'amount-block-form.pdf': () =>
    wideDoc('amount-block-form.pdf', (doc) => {
      wideTable(doc, addPage(doc), MARGIN.top, D.wideForm);
      return 1;
    }),
});
// ---------------------------------------------------------------------------------------------
// Layout cases seen on real disclosures (tests/layout-wide.test.ts): amounts printed glyph by glyph across narrow
// columns, rows too low for their wrapped text, a total's amount in a merged span, double closing rules, charts.

/** Draws `text` with its baseline at y, one call, with character spacing `tc` (pdf.js reads it as one item). */
function drawSpaced(doc, text, x, y, size, tc) {
  const [run, ...more] = runs(text);
  if (more.length) throw new Error(`drawSpaced: ${text} needs one font`);
  useFont(doc, run.key, size);
  doc.fillColor('black').text(text, x, y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: tc });
}

/** Stroked lines: [x0, y0, x1, y1] each. */
function strokeLines(doc, lines, width = 0.5) {
  doc.lineWidth(width).strokeColor('black');
  for (const [x0, y0, x1, y1] of lines) doc.moveTo(x0, y0).lineTo(x1, y1).stroke();
}

/** Full-width digits (one em wide each) for an ASCII amount: `244,895.02` → `２４４，８９５．０２`. */
const fullWidth = (s) => [...s].map((ch) => String.fromCodePoint(ch.codePointAt(0) + 0xfee0)).join('');

// Narrow amount columns printed glyph by glyph (a 部门收入总体情况表 in 8 narrow columns): full-width digits one em
// wide placed half an em apart, right-aligned; a ten-character amount in a column of eleven half-ems overflows it, its
// first glyph one em after the last glyph of the cell before, and the two are shown by one text operator (`２１`), so
// the text layer runs them into one item across the rule.
const NARROW = {
  title: '2026年部门收入总体情况表',
  cols: [60, 110, 49.5, 49.5, 49.5, 49.5],
  header: ['科目编码', '科目名称', '总计', '一般公共预算', '事业收入', '其他收入'],
  rows: [
    ['合计', '', '244,895.02', '192,446.79', '18,308.57', '34,139.66'],
    ['205', '教育支出', '64,945.40', '32,368.57', '11,476.19', '21,100.64'],
    ['20503', '职业教育', '64,926.28', '32,349.45', '11,476.19', '21,100.64'],
    ['2050302', '中等职业教育', '19.12', '19.12', '', ''],
    ['215', '资源勘探工业信息等支出', '179,949.62', '160,078.22', '6,832.38', '13,039.02'],
  ],
};

function drawNarrowAmounts(doc, page) {
  const size = 9,
    pitch = size / 2,
    rowH = 20;
  const x0 = 60,
    xs = [x0];
  for (const w of NARROW.cols) xs.push(xs[xs.length - 1] + w);
  let top = MARGIN.top;
  drawText(doc, NARROW.title, (page.w - textWidth(doc, NARROW.title, 16)) / 2, top + 20, 16);
  drawText(doc, '单位：万元', xs[xs.length - 1] - textWidth(doc, '单位：万元', size), top + 40, size);
  top += 46;
  const ys = [top];
  for (let r = 0; r <= NARROW.rows.length; r++) ys.push(ys[ys.length - 1] + rowH);
  const base = (r) => ys[r] + rowH / 2 + 0.36 * size;
  NARROW.header.forEach((t, c) => drawText(doc, t, (xs[c] + xs[c + 1] - textWidth(doc, t, size)) / 2, base(0), size));
  NARROW.rows.forEach((row, k) => {
    const r = k + 1;
    drawText(doc, row[0], xs[0] + PAD, base(r), size);
    if (row[1]) drawText(doc, row[1], xs[1] + PAD, base(r), size);
    // Glyph origins of every amount: right-aligned a quarter em before the rule, half an em apart.
    const glyphs = []; // { ch, x, col }
    for (let c = 2; c < row.length; c++) {
      const chars = [...fullWidth(row[c])];
      chars.forEach((ch, i) =>
        glyphs.push({ ch, x: xs[c + 1] - size / 4 - pitch * (chars.length - i) - size / 4, col: c }),
      );
    }
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i],
        next = glyphs[i + 1];
      // Two glyphs of neighbouring cells whose one-em boxes touch: shown together.
      if (next && next.col !== g.col && Math.abs(next.x - g.x - size) < 0.01) {
        drawSpaced(doc, g.ch + next.ch, g.x, base(r), size, 0);
        i++;
        continue;
      }
      drawText(doc, g.ch, g.x, base(r), size);
    }
  });
  const lines = ys.map((y) => [xs[0], y, xs[xs.length - 1], y]);
  xs.forEach((x) => lines.push([x, ys[0], x, ys[ys.length - 1]]));
  strokeLines(doc, lines);
}

fixtures['layout-narrow-amounts.pdf'] = async () => {
  const doc = newDoc(NARROW.title, { bufferPages: true });
  drawNarrowAmounts(doc, addPage(doc, { landscape: true }));
  await save(doc, path.join(OUT, 'layout-narrow-amounts.pdf'));
  return { pages: 1 };
};

// Rows too low for their wrapped names (a Beijing 支出总表 of fixed row height, continued page after page): the
// second line is printed anyway, clipped at the cell's bottom rule, and stands half in the row below, or half under
// the table when the row is a page's last; the total's amount is printed right-aligned in a span merging
// 部门经济分类科目 with 合计; the closing rule is drawn heavy, as three hairlines 1.2 pt apart, which read as two
// edges closer than a row (the sliver between them is no cell).
const CLIPPED = {
  title: '2026年支出总表',
  cols: [120, 120, 120, 90, 90, 90],
  header: ['支出功能分类科目', '政府支出经济分类科目', '部门支出经济分类科目', '合计', '基本支出', '项目支出'],
  pages: [
    [
      ['2130313-水文测报', '50601-资本性支出', '31007-信息网络及软件购置更新', '1,722.364000', '', '1,722.364000'],
      [
        '2130313-水文测报',
        '50999-其他对个人和家庭的补助',
        '30399-其他对个人和家庭的补助',
        '33.150000',
        '33.150000',
        '',
      ],
      ['2130314-防汛', '50201-办公经费', '30202-印刷费', '0.760000', '', '0.760000'],
      [
        '2130306-水利工程运行与维护',
        '50502-商品和服务支出',
        '30239-其他交通费用',
        '557.106354',
        '25.190000',
        '531.916354',
      ],
    ],
    [
      [
        '2130336-南水北调工程建设',
        '50602-资本性支出（基本建设）',
        '30905-基础设施建设',
        '8,700.000000',
        '',
        '8,700.000000',
      ],
      ['2130399-其他水利支出', '50502-商品和服务支出', '30213-维修（护）费', '91.253379', '', '91.253379'],
    ],
  ],
  total: ['合    计', '', '11,104.633733', '58.340000', '11,046.293733'],
};

/** One page of the table: title and header on the first, the total and the heavy closing rule on the last. */
function drawClippedRows(doc, page, rows, { first: isFirst, last: isLast }) {
  const size = 9,
    rowH = 15.5,
    first = 9.4,
    pitch = 11.2;
  const x0 = 60,
    xs = [x0];
  for (const w of CLIPPED.cols) xs.push(xs[xs.length - 1] + w);
  let top = MARGIN.top;
  if (isFirst) {
    drawText(doc, CLIPPED.title, (page.w - textWidth(doc, CLIPPED.title, 16)) / 2, top + 20, 16);
    drawText(doc, '单位：万元', xs[xs.length - 1] - textWidth(doc, '单位：万元', size), top + 40, size);
    top += 46;
  }
  const ys = isFirst ? [top, top + 24] : [top];
  for (let r = 0; r < rows.length + (isLast ? 1 : 0); r++) ys.push(ys[ys.length - 1] + rowH);
  if (isFirst)
    CLIPPED.header.forEach((t, c) =>
      drawText(doc, t, (xs[c] + xs[c + 1] - textWidth(doc, t, size)) / 2, ys[0] + 12 + 0.36 * size, size),
    );
  const cell = (text, c0, c1, r, align) => {
    const box = { x0: xs[c0], x1: xs[c1], y0: ys[r], y1: ys[r + 1] };
    const lines = align === 'right' ? [text] : wrap(doc, text, box.x1 - box.x0 - 2 * PAD, size);
    doc.save();
    doc.rect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0).clip();
    lines.forEach((line, k) => {
      const x = align === 'right' ? box.x1 - PAD - textWidth(doc, line, size) : box.x0 + PAD;
      drawText(doc, line, x, box.y0 + first + k * pitch, size);
    });
    doc.restore();
  };
  const r0 = isFirst ? 1 : 0;
  rows.forEach((row, k) => row.forEach((t, c) => t && cell(t, c, c + 1, r0 + k, c >= 3 ? 'right' : 'left')));
  const bottom = ys[ys.length - 1];
  const lines = ys.map((y) => [xs[0], y, xs[xs.length - 1], y]);
  if (!isLast) {
    xs.forEach((x) => lines.push([x, ys[0], x, bottom]));
    strokeLines(doc, lines);
    return;
  }
  const last = r0 + rows.length;
  const [label, , amount, ...rest] = CLIPPED.total;
  drawText(doc, label, (xs[0] + xs[1] - textWidth(doc, label, size)) / 2, ys[last] + first, size);
  cell(amount, 2, 4, last, 'right');
  rest.forEach((t, k) => cell(t, 4 + k, 5 + k, last, 'right'));
  const heavy = bottom + 2.4;
  lines.push([xs[0], bottom + 1.2, xs[xs.length - 1], bottom + 1.2], [xs[0], heavy, xs[xs.length - 1], heavy]);
  xs.forEach((x, c) => {
    // The merged total cell has no rule between 部门支出经济分类科目 and 合计.
    if (c === 3) lines.push([x, ys[0], x, ys[last]], [x, ys[last + 1], x, heavy]);
    else lines.push([x, ys[0], x, heavy]);
  });
  strokeLines(doc, lines);
}

fixtures['layout-clipped-rows.pdf'] = async () => {
  const doc = newDoc(CLIPPED.title, { bufferPages: true });
  CLIPPED.pages.forEach((rows, k) =>
    drawClippedRows(doc, addPage(doc, { landscape: true }), rows, {
      first: k === 0,
      last: k === CLIPPED.pages.length - 1,
    }),
  );
  await save(doc, path.join(OUT, 'layout-clipped-rows.pdf'));
  return { pages: CLIPPED.pages.length };
};

// Charts in a report's text (a 部门预算 说明 with a bar chart of 支出功能分类 and a pie chart of 支出结构), then a
// table. The bar chart's frame, axis and tick marks close boxes around its value labels, which stand side by side
// on one line; the pie chart's frame and legend band close boxes holding no text (its labels stand outside).
const CHART = {
  bars: [
    ['技校教育', '1009.61'],
    ['培训支出', '31.66'],
    ['其他教育支出', '378.47'],
    ['养老保险缴费', '303.12'],
    ['职业年金缴费', '151.56'],
    ['就业补助', '3.52'],
    ['行政单位医疗', '79.06'],
    ['事业单位医疗', '61.62'],
  ],
  axis: ['1200', '1000', '800', '600', '400', '200', '0'],
  pie: [
    ['基本支出', '55.98%', 0.5598],
    ['项目支出', '34.20%', 0.342],
    ['预留机动经费', '9.82%', 0.0982],
  ],
  table: {
    title: '2026年部门支出总表',
    label: '表3',
    unit: '万元',
    cols: [
      { w: 200, align: 'left' },
      { w: 100, align: 'right', num: true },
      { w: 100, align: 'right', num: true },
      { w: 100, align: 'right', num: true },
    ],
    header: [['科目名称', '合计', '基本支出', '项目支出']],
    body: [
      ['合计', '2,018.50', '1,040.29', '978.21'],
      ['教育支出', '1,419.27', '1,009.61', '409.66'],
      ['社会保障和就业支出', '599.23', '30.68', '568.55'],
    ],
  },
};

function drawCharts(doc, _page) {
  const size = 8;
  drawText(doc, '二、支出预算情况说明', 60, MARGIN.top + 14, 14);
  // Bar chart: frame, title, gridlines inside the plot area, axis across the frame, tick marks, bars, labels.
  const f = { x0: 60, x1: 535, y0: MARGIN.top + 30, y1: MARGIN.top + 250 };
  const plot = { x0: 110, x1: 520, y0: f.y0 + 50, y1: f.y0 + 170 };
  const lines = [
    [f.x0, f.y0, f.x1, f.y0],
    [f.x0, f.y1, f.x1, f.y1],
    [f.x0, f.y0, f.x0, f.y1],
    [f.x1, f.y0, f.x1, f.y1],
  ];
  drawText(doc, '支出功能分类明细', (f.x0 + f.x1 - textWidth(doc, '支出功能分类明细', 14)) / 2, f.y0 + 22, 14);
  drawText(doc, '单位：万元', (f.x0 + f.x1 - textWidth(doc, '单位：万元', size)) / 2, f.y0 + 36, size);
  CHART.axis.forEach((t, k) => {
    const y = plot.y0 + (k * (plot.y1 - plot.y0)) / (CHART.axis.length - 1);
    drawText(doc, t, plot.x0 - 6 - textWidth(doc, t, size), y + 3, size);
    if (k < CHART.axis.length - 1) lines.push([plot.x0, y, plot.x1, y]);
  });
  lines.push([f.x0, plot.y1, f.x1, plot.y1]); // the category axis, drawn across the frame
  const step = (plot.x1 - plot.x0) / CHART.bars.length;
  CHART.bars.forEach(([name, value], k) => {
    const cx = plot.x0 + step * (k + 0.5);
    const h = (Number(value) / 1200) * (plot.y1 - plot.y0);
    doc
      .rect(cx - 8, plot.y1 - h, 16, h)
      .fillColor('#4f81bd')
      .fill();
    drawText(doc, value, cx - textWidth(doc, value, size) / 2, plot.y1 - h - 3, size);
    drawText(doc, name, cx - textWidth(doc, name, size) / 2, plot.y1 + 18, size);
    lines.push([plot.x0 + step * k, plot.y1, plot.x0 + step * k, plot.y1 + 4]);
  });
  lines.push([plot.x1, plot.y1, plot.x1, plot.y1 + 4]);
  strokeLines(doc, lines);
  // Pie chart: frame with a legend band below a line; slice labels outside the frame, legend text under it.
  const p = { x0: 160, x1: 435, y0: f.y1 + 20, y1: f.y1 + 170 };
  const band = p.y1 - 24;
  const centre = [(p.x0 + p.x1) / 2, (p.y0 + band) / 2],
    radius = 50;
  let angle = -Math.PI / 2;
  CHART.pie.forEach(([, , share], k) => {
    const next = angle + share * 2 * Math.PI;
    const pts = [];
    for (let a = angle; a < next; a += 0.05)
      pts.push([centre[0] + radius * Math.cos(a), centre[1] + radius * Math.sin(a)]);
    pts.push([centre[0] + radius * Math.cos(next), centre[1] + radius * Math.sin(next)]);
    doc.moveTo(centre[0], centre[1]);
    for (const [x, y] of pts) doc.lineTo(x, y);
    doc.closePath().fillColor(['#9999ff', '#993366', '#ffffcc'][k]).fill();
    angle = next;
  });
  drawText(doc, `${CHART.pie[0][0]}, ${CHART.pie[0][1]}`, p.x1 + 6, centre[1], size);
  drawText(
    doc,
    `${CHART.pie[1][0]}, ${CHART.pie[1][1]}`,
    p.x0 - 6 - textWidth(doc, `${CHART.pie[1][0]}, ${CHART.pie[1][1]}`, size),
    centre[1],
    size,
  );
  drawText(doc, `${CHART.pie[2][0]}, ${CHART.pie[2][1]}`, centre[0] - 20, p.y0 - 4, size);
  drawText(doc, CHART.pie.map(([name]) => name).join('  '), p.x0 + 20, p.y1 + 12, size);
  strokeLines(doc, [
    [p.x0, p.y0, p.x1, p.y0],
    [p.x0, band, p.x1, band],
    [p.x0, p.y1, p.x1, p.y1],
    [p.x0, p.y0, p.x0, p.y1],
    [p.x1, p.y0, p.x1, p.y1],
  ]);
  return p.y1 + 24;
}

fixtures['layout-chart-page.pdf'] = async () => {
  const doc = newDoc('部门预算说明', { bufferPages: true });
  const page = addPage(doc);
  const bottom = drawCharts(doc, page);
  const res = drawTable(doc, CHART.table, page, bottom, { rules: 'stroke' });
  if (res.pages !== 1) throw new Error('layout-chart-page: the table must fit under the charts');
  await save(doc, path.join(OUT, 'layout-chart-page.pdf'));
  return { pages: 1 };
};

const only = argv;
fs.mkdirSync(BAD, { recursive: true });
for (const [name, make] of Object.entries(fixtures)) {
  if (only.length && !only.includes(name)) continue;
  const res = await make();
  const file = path.join(OUT, name);
  const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  console.log(
    `${name.padEnd(28)} ${String(size).padStart(8)} bytes${res?.parts ? `  parts ${JSON.stringify(res.parts)}` : ''}`,
  );
}
