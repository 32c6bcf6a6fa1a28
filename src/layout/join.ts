import { DEFAULT_SETTINGS } from '../settings.js';
import type { TextItem } from '../types.js';
import { clusterBy } from './cluster.js';

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
    out += out && ASCII_WORD_END.test(out) && ASCII_WORD_START.test(p) ? ` ${p}` : p;
  }
  return out;
}

/**
 * Items → lines: items whose vertical centres are within `sameLine` em (of the larger glyph) of the line's first item
 * share a line. Lines top to bottom, each left to right.
 */
export function groupLines<T extends TextItem>(items: readonly T[], sameLine = DEFAULT_SETTINGS.text.sameLine): T[][] {
  const lines = clusterBy(items, centerY, (first, it) => Math.max(first.size, it.size) * sameLine, {
    tieBreak: (a, b) => a.x0 - b.x0,
  });
  return lines.map((l) => l.sort((a, b) => a.x0 - b.x0));
}

/** A cell's text: its lines top to bottom, each left to right, joined. */
export function cellText(items: readonly TextItem[], sameLine = DEFAULT_SETTINGS.text.sameLine): string {
  return joinPieces(groupLines(items, sameLine).flatMap((line) => line.map((it) => it.text)));
}

export function centerY(b: { y0: number; y1: number }): number {
  return (b.y0 + b.y1) / 2;
}

export function centerX(b: { x0: number; x1: number }): number {
  return (b.x0 + b.x1) / 2;
}
