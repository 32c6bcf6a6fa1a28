import type { Ruling } from '../types.js';

/** A merged ruling: horizontal lines have a fixed `at` (y) and run from `from` to `to` along x; vertical ones the reverse. */
export interface Edge {
  id: number;
  at: number;
  from: number;
  to: number;
}

/** Lines closer than this (points) are one line: double rules, fake-bold strokes, rounding. */
export const SNAP_TOLERANCE = 2;
/** Collinear pieces with a gap up to this are joined (WPS draws one rectangle per cell side). */
export const JOIN_TOLERANCE = 3;

interface Line {
  at: number;
  from: number;
  to: number;
}

/**
 * The page's rulings as merged horizontal and vertical edges. Where several vertical lines end at the same height
 * with no line across their ends — merged cells cut open by a page break — the missing closing line is implied.
 */
export function pageEdges(rulings: readonly Ruling[]): { horizontal: Edge[]; vertical: Edge[] } {
  const h: Line[] = rulings.filter((r) => r.y0 === r.y1).map((r) => ({ at: r.y0, from: r.x0, to: r.x1 }));
  const v: Line[] = rulings.filter((r) => r.x0 === r.x1 && r.y0 !== r.y1).map((r) => ({ at: r.x0, from: r.y0, to: r.y1 }));
  // Open ends are judged on whole lines: WPS draws a vertical line as one piece per row.
  const vertical = mergeEdges(v);
  return { horizontal: mergeEdges([...h, ...impliedClosings(vertical, h)]), vertical };
}

/** The widest gap between two neighbouring columns' lines that an implied closing line bridges. */
const MAX_COLUMN_WIDTH = 300;

/**
 * Closing lines for open ends: vertical lines ending at one height where no horizontal line passes. The closing
 * line runs across those ends and on to the nearest vertical on each side that reaches that height, so the cells
 * beside them close too.
 */
function impliedClosings(vertical: readonly Line[], horizontal: readonly Line[]): Line[] {
  const closed = (x: number, y: number): boolean =>
    horizontal.some((h) => Math.abs(h.at - y) <= SNAP_TOLERANCE && h.from - JOIN_TOLERANCE <= x && x <= h.to + JOIN_TOLERANCE);
  const out: Line[] = [];
  for (const end of ['from', 'to'] as const) {
    const open = vertical.filter((v) => !closed(v.at, v[end])).sort((a, b) => a[end] - b[end]);
    let group: Line[] = [];
    const flush = (): void => {
      if (group.length) out.push(...closeGroup(group, end, vertical));
      group = [];
    };
    for (const v of open) {
      if (group.length && v[end] - group[0]![end] > SNAP_TOLERANCE) flush();
      group.push(v);
    }
    flush();
  }
  return out;
}

function closeGroup(group: readonly Line[], end: 'from' | 'to', vertical: readonly Line[]): Line[] {
  const y = group.reduce((s, l) => s + l[end], 0) / group.length;
  const reaching = vertical.filter((v) => v.from - SNAP_TOLERANCE <= y && y <= v.to + SNAP_TOLERANCE).map((v) => v.at);
  const out: Line[] = [];
  const byX = [...group].sort((a, b) => a.at - b.at);
  let run: number[] = [];
  const flush = (): void => {
    if (!run.length) return;
    const left = Math.max(...reaching.filter((x) => x < run[0]! - SNAP_TOLERANCE && run[0]! - x <= MAX_COLUMN_WIDTH), -Infinity);
    const right = Math.min(...reaching.filter((x) => x > run[run.length - 1]! + SNAP_TOLERANCE && x - run[run.length - 1]! <= MAX_COLUMN_WIDTH), Infinity);
    const from = Number.isFinite(left) ? left : run[0]!;
    const to = Number.isFinite(right) ? right : run[run.length - 1]!;
    // One lone open end closes only between two neighbours; two or more close among themselves.
    if (run.length >= 2 || (Number.isFinite(left) && Number.isFinite(right))) out.push({ at: y, from, to });
    run = [];
  };
  for (const v of byX) {
    if (run.length && v.at - run[run.length - 1]! > MAX_COLUMN_WIDTH) flush();
    run.push(v.at);
  }
  flush();
  return out;
}

/** Snaps nearly collinear lines to one position, then joins overlapping or touching pieces (pdfplumber's merge_edges). */
function mergeEdges(lines: Line[]): Edge[] {
  lines.sort((a, b) => a.at - b.at);
  const snapped: Line[] = [];
  let cluster: typeof lines = [];
  const close = (): void => {
    if (!cluster.length) return;
    const at = cluster.reduce((s, l) => s + l.at, 0) / cluster.length;
    for (const l of cluster) snapped.push({ at, from: l.from, to: l.to });
    cluster = [];
  };
  for (const l of lines) {
    if (cluster.length && l.at - cluster[0]!.at > SNAP_TOLERANCE) close();
    cluster.push(l);
  }
  close();
  snapped.sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Edge[] = [];
  for (const l of snapped) {
    const last = out[out.length - 1];
    if (last && last.at === l.at && l.from <= last.to + JOIN_TOLERANCE) {
      last.to = Math.max(last.to, l.to);
    } else {
      out.push({ id: out.length, at: l.at, from: l.from, to: l.to });
    }
  }
  return out;
}
