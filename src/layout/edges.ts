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

export function horizontalEdges(rulings: readonly Ruling[]): Edge[] {
  return mergeEdges(rulings.filter((r) => r.y0 === r.y1).map((r) => ({ at: r.y0, from: r.x0, to: r.x1 })));
}

export function verticalEdges(rulings: readonly Ruling[]): Edge[] {
  return mergeEdges(rulings.filter((r) => r.x0 === r.x1 && r.y0 !== r.y1).map((r) => ({ at: r.x0, from: r.y0, to: r.y1 })));
}

/** Snaps nearly collinear lines to one position, then joins overlapping or touching pieces (pdfplumber's merge_edges). */
function mergeEdges(lines: { at: number; from: number; to: number }[]): Edge[] {
  lines.sort((a, b) => a.at - b.at);
  const snapped: { at: number; from: number; to: number }[] = [];
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
