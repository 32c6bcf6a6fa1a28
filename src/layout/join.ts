import type { TextItem } from '../types.js';

/** A cell's text that is one printed amount: `1,234.50`, `(12.00)`, `-3`. */
export const AMOUNT_TEXT = /^[-(]?\d[\d,]*(\.\d+)?\)?$/u;

const ASCII_WORD_END = /[A-Za-z]$/u;
const ASCII_WORD_START = /^[A-Za-z]/u;

/**
 * Joins the pieces of one cell's text. CJK runs, and the pieces of a number or code broken over lines
 * (`931.7` + `9`, `21` + `3`), join with nothing between; only Latin words keep a space.
 */
export function joinPieces(pieces: readonly string[]): string {
  let out = '';
  for (const p of pieces) {
    if (!p) continue;
    out += out && ASCII_WORD_END.test(out) && ASCII_WORD_START.test(p) ? ' ' + p : p;
  }
  return out;
}

/** Items → lines: items whose vertical centres are within half a glyph of each other share a line. */
export function groupLines<T extends TextItem>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => centerY(a) - centerY(b) || a.x0 - b.x0);
  const lines: { y: number; size: number; items: T[] }[] = [];
  for (const it of sorted) {
    const cy = centerY(it);
    const line = lines[lines.length - 1];
    if (line && Math.abs(cy - line.y) <= Math.max(line.size, it.size) * 0.45) {
      line.items.push(it);
    } else {
      lines.push({ y: cy, size: it.size, items: [it] });
    }
  }
  return lines.map((l) => l.items.sort((a, b) => a.x0 - b.x0));
}

/** A cell's text: its lines top to bottom, each left to right, joined. */
export function cellText(items: readonly TextItem[]): string {
  return joinPieces(groupLines(items).flatMap((line) => line.map((it) => it.text)));
}

export function centerY(b: { y0: number; y1: number }): number {
  return (b.y0 + b.y1) / 2;
}

export function centerX(b: { x0: number; x1: number }): number {
  return (b.x0 + b.x1) / 2;
}
