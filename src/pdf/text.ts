import { DEFAULT_SETTINGS, type TextSettings } from '../settings.js';
import type { TextItem } from '../types.js';
import { apply, multiply, type Matrix } from './matrix.js';
import { normalizeText } from './normalize.js';
import { PRINTED_AMOUNT } from '../kinds/vocabulary.js';

/** The parts of a pdf.js text item this stage reads. */
export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

const NUMERIC_TOKEN = /^[-+(]?[\d,]+(\.\d+)?\)?%?$/u;
/** A performance indicator's operator standing alone (its own cell): `项目验收及时率 =`. */
const OPERATOR_TOKEN = /^[=≥≤><]$/u;
const INNER_SPACES = /\s+/u;

/** pdf.js text items → clean items in page space: normalized, split into cells, fake-bold copies dropped. */
export function cleanTextItems(
  raw: readonly RawTextItem[],
  toPage: Matrix,
  settings: TextSettings = DEFAULT_SETTINGS.text,
): TextItem[] {
  const items: TextItem[] = [];
  for (const r of raw) {
    if (!r.str?.trim()) continue;
    const item = placeItem(r, toPage, settings);
    if (item) items.push(...splitCells(item));
  }
  return dropFakeBold(items, settings);
}

function placeItem(r: RawTextItem, toPage: Matrix, { glyphDescent, glyphAscent }: TextSettings): TextItem | null {
  const [a, b, c, d] = r.transform as Matrix;
  const along = Math.hypot(a, b);
  const up = Math.hypot(c, d);
  if (!along || !up) return null;
  const size = up;
  const ux = a / along,
    uy = b / along,
    vx = c / up,
    vy = d / up;
  const w = r.width,
    e = r.transform[4]!,
    f = r.transform[5]!;
  // Glyph box from `glyphDescent` below the baseline to `glyphAscent` above it.
  const lo = -glyphDescent * size,
    hi = glyphAscent * size;
  const pts = [
    [e + vx * lo, f + vy * lo],
    [e + ux * w + vx * lo, f + uy * w + vy * lo],
    [e + vx * hi, f + vy * hi],
    [e + ux * w + vx * hi, f + uy * w + vy * hi],
  ].map(([x, y]) => apply(toPage, x!, y!));
  const xs = pts.map((p) => p[0]),
    ys = pts.map((p) => p[1]);
  // The font size in page space: the text matrix may scale differently from the viewport.
  const scale = Math.hypot(...(multiply([c, d, 0, 0, 0, 0], toPage).slice(0, 2) as [number, number]));
  return {
    text: normalizeText(r.str),
    x0: Math.min(...xs),
    x1: Math.max(...xs),
    y0: Math.min(...ys),
    y1: Math.max(...ys),
    size: scale || size,
  };
}

/**
 * One text item can hold two cells (`82,096,797.42 82,096,797.42`, `98,880.78 一、一般公共服务支出`). Split where
 * spaces separate two numbers or an amount from anything, or where two or more spaces separate anything; the parts'
 * positions are estimated from their widths.
 */
export function splitCells(item: TextItem): TextItem[] {
  const text = item.text.trim();
  if (!INNER_SPACES.test(text)) return [{ ...item, text }];
  const tokens = text.split(/(\s+)/u);
  const parts: string[] = [];
  let current = tokens[0] ?? '';
  for (let i = 1; i + 1 < tokens.length; i += 2) {
    const gap = tokens[i]!;
    const next = tokens[i + 1]!;
    const lastWord = current.split(/\s+/u).pop() ?? '';
    const firstWord = next.split(/\s+/u)[0] ?? '';
    const split =
      gap.length >= 2 ||
      (NUMERIC_TOKEN.test(lastWord) && NUMERIC_TOKEN.test(firstWord)) ||
      PRINTED_AMOUNT.test(lastWord) ||
      PRINTED_AMOUNT.test(firstWord) ||
      OPERATOR_TOKEN.test(lastWord) ||
      OPERATOR_TOKEN.test(firstWord);
    if (split) {
      parts.push(current);
      current = next;
    } else {
      current += gap + next;
    }
  }
  parts.push(current);
  if (parts.length === 1) return [{ ...item, text }];
  const full = item.text;
  const totalWidth = textWidth(full) || 1;
  const out: TextItem[] = [];
  let searchFrom = 0;
  for (const part of parts) {
    const at = full.indexOf(part, searchFrom);
    searchFrom = at + part.length;
    const start = textWidth(full.slice(0, at)) / totalWidth;
    const end = textWidth(full.slice(0, searchFrom)) / totalWidth;
    const span = item.x1 - item.x0;
    out.push({ ...item, text: part, x0: item.x0 + span * start, x1: item.x0 + span * end });
  }
  return out;
}

/** Width in ems: CJK and full-width characters are one em, the rest half. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e7f ? 1 : 0.5;
  return w;
}

/** Fake bold draws the same text twice about 0.4 pt apart: keep the first copy. */
function dropFakeBold(items: TextItem[], { fakeBold, fakeBoldMin }: TextSettings): TextItem[] {
  const seen = new Map<string, TextItem[]>();
  const out: TextItem[] = [];
  for (const it of items) {
    const key = it.text;
    const same = seen.get(key);
    const tol = Math.max(fakeBoldMin, it.size * fakeBold);
    if (same?.some((o) => Math.abs(o.x0 - it.x0) < tol && Math.abs(o.y0 - it.y0) < tol)) continue;
    if (same) same.push(it);
    else seen.set(key, [it]);
    out.push(it);
  }
  return out;
}
