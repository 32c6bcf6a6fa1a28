#!/usr/bin/env node
// Bad and hostile inputs made at test time (never committed): the tests call these generators into a temp folder.
//
//   node scripts/make-bad-inputs.mjs DIR      writes every one of them into DIR (and 20 broken files into DIR/broken)
//
// Deterministic: fixed seeds, fixed dates.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { mulberry32 } from './prng.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'fixtures');
const DATE = new Date(Date.UTC(2025, 0, 15, 8, 0, 0));

async function newDoc() {
  const doc = await PDFDocument.create();
  doc.setCreationDate(DATE);
  doc.setModificationDate(DATE);
  doc.setProducer('budget-extract tests');
  return doc;
}

const save = async (doc) => Buffer.from(await doc.save({ useObjectStreams: false }));

/** `n` bytes from a seeded PRNG (not starting with %PDF-). */
export function randomBytes(n = 4096, seed = 1) {
  const r = mulberry32(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** A web page saved under a .pdf name (what a broken download link gives). */
export function htmlPage() {
  return Buffer.from(
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>404 Not Found</title></head>\n<body><h1>页面不存在</h1></body></html>\n',
  );
}

/** The first `fraction` of a fixture's bytes. */
export function truncated(name = 'sample-budget.pdf', fraction = 0.5) {
  const bytes = fs.readFileSync(path.join(FIXTURES, name));
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

/** `pages` pages of plain English text in Helvetica: a readable PDF with no budget table in it. */
export async function textOnly(pages = 1, lines = ['Annual report', 'This document has no tables.']) {
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    lines.forEach((text, i) =>
      page.drawText(`${text}${pages > 1 ? ` (page ${p + 1})` : ''}`, { x: 60, y: 780 - i * 20, size: 12, font }),
    );
  }
  return save(doc);
}

/** A 1000-page PDF (pages copied from one with pdf-lib): for `--max-pages`. */
export async function manyPages(pages = 1000) {
  const src = await PDFDocument.load(await textOnly(1, ['Page']));
  const doc = await newDoc();
  for (let done = 0; done < pages; ) {
    const n = Math.min(100, pages - done);
    const copies = await doc.copyPages(src, Array(n).fill(0));
    for (const c of copies) doc.addPage(c);
    done += n;
  }
  return save(doc);
}

/**
 * Text drawn with a Type3 font whose glyphs have made-up names (/q1 … /q5), a custom encoding and no ToUnicode: a
 * PDF viewer shows boxes, but no text can be recovered from it.
 */
export async function unmappedFont(pages = 2) {
  const doc = await newDoc();
  const ctx = doc.context;
  const names = ['q1', 'q2', 'q3', 'q4', 'q5'];
  const procs = Object.fromEntries(
    names.map((n, i) => [n, ctx.register(ctx.stream(`600 0 0 0 500 700 d1 0 0 ${300 + i * 40} 700 re f`, {}))]),
  );
  const font = ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'Type3',
      FontBBox: [0, 0, 600, 700],
      FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
      CharProcs: ctx.obj(procs),
      Encoding: ctx.obj({ Type: 'Encoding', Differences: [1, ...names.map((n) => PDFName.of(n))] }),
      FirstChar: 1,
      LastChar: names.length,
      Widths: names.map(() => 600),
      Resources: ctx.obj({}),
    }),
  );
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    page.node.setFontDictionary(PDFName.of('T3'), font);
    let ops = 'BT /T3 12 Tf\n';
    for (let y = 0; y < 30; y++) ops += `1 0 0 1 60 ${780 - y * 20} Tm <${'0102030405'.repeat(6)}> Tj\n`;
    ops += 'ET\n';
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(ops, {})));
  }
  return save(doc);
}

/**
 * `n` broken files, each a different way: the kinds above and mutations of the fixtures (truncated with and without
 * an end-of-file marker, the header damaged, every object deleted, streams zeroed, garbage after a header): files
 * pdf.js cannot repair, so every one is refused.
 * Returns [file name, bytes] pairs.
 */
export async function brokenSet(n = 20) {
  const sample = fs.readFileSync(path.join(FIXTURES, 'sample-budget.pdf'));
  const latin = sample.toString('latin1');
  const kinds = [
    ['html.pdf', htmlPage()],
    ['empty.pdf', Buffer.alloc(0)],
    ['random.pdf', randomBytes(8192, 2)],
    ['truncated-10.pdf', truncated('sample-budget.pdf', 0.1)],
    ['truncated-90.pdf', truncated('sample-budget.pdf', 0.9)],
    ['truncated-eof.pdf', Buffer.concat([truncated('sample-budget.pdf', 0.3), Buffer.from('\n%%EOF\n')])],
    ['encrypted.pdf', fs.readFileSync(path.join(FIXTURES, 'bad/encrypted.pdf'))],
    ['scanned.pdf', fs.readFileSync(path.join(FIXTURES, 'bad/scanned.pdf'))],
    ['unmapped-font.pdf', await unmappedFont()],
    ['header-only.pdf', Buffer.from('%PDF-1.7\n%%EOF\n')],
    ['no-header.pdf', Buffer.from(latin.replace('%PDF-', '%XYZ-'), 'latin1')],
    ['no-objects.pdf', Buffer.from(latin.replace(/\d+ 0 obj[\s\S]*?endobj/g, ''), 'latin1')],
    [
      'zero-streams.pdf',
      Buffer.from(
        latin.replace(/stream\n[\s\S]*?endstream/g, (m) =>
          m.replace(/[^\n]/g, (c, i) => (i < 7 || i > m.length - 10 ? c : '\0')),
        ),
        'latin1',
      ),
    ],
    ['garbage-body.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(20_000, 5), Buffer.from('\n%%EOF\n')])],
    ['png.pdf', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(512, 6)])],
    ['truncated-50.pdf', truncated('fill-rulings.pdf', 0.5)],
    ['gzip.pdf', Buffer.from([0x1f, 0x8b, 0x08, 0x00, ...randomBytes(512, 3)])],
    ['zip.pdf', Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(512, 4)])],
    ['text.pdf', Buffer.from('预算公开\n'.repeat(100))],
    ['binary-zeros.pdf', Buffer.alloc(100_000)],
  ];
  for (let i = kinds.length; i < n; i++) kinds.push([`random-${i}.pdf`, randomBytes(1000 + i * 37, 100 + i)]);
  return kinds.slice(0, n);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? 'bad-inputs');
  fs.mkdirSync(path.join(dir, 'broken'), { recursive: true });
  const one = {
    'html.pdf': htmlPage(),
    'empty.pdf': Buffer.alloc(0),
    'random.pdf': randomBytes(),
    'truncated.pdf': truncated(),
    'text-only.pdf': await textOnly(),
    'unmapped-font.pdf': await unmappedFont(),
    '1000-pages.pdf': await manyPages(),
  };
  for (const [name, bytes] of Object.entries(one)) fs.writeFileSync(path.join(dir, name), bytes);
  for (const [name, bytes] of await brokenSet()) fs.writeFileSync(path.join(dir, 'broken', name), bytes);
  process.stdout.write(`bad inputs in ${dir}\n`);
}
