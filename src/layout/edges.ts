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
  return { horizontal: mergeEdges([...h, ...impliedClosings(v)]), vertical: mergeEdges(v) };
}

/** The widest gap between two neighbouring columns' lines that an implied closing line bridges. */
const MAX_COLUMN_WIDTH = 300;

/** Lines across the common ends of neighbouring lines of the other direction (at least two, at most a column apart). */
function impliedClosings(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  const emit = (group: Line[], end: 'from' | 'to'): void => {
    const byPosition = [...group].sort((a, b) => a.at - b.at);
    let run: Line[] = [];
    const flush = (): void => {
      if (run.length >= 2) {
        const at = run.reduce((s, l) => s + l[end], 0) / run.length;
        out.push({ at, from: run[0]!.at, to: run[run.length - 1]!.at });
      }
      run = [];
    };
    for (const l of byPosition) {
      if (run.length && l.at - run[run.length - 1]!.at > MAX_COLUMN_WIDTH) flush();
      run.push(l);
    }
    flush();
  };
  for (const end of ['from', 'to'] as const) {
    const sorted = [...lines].sort((a, b) => a[end] - b[end]);
    let group: Line[] = [];
    for (const l of sorted) {
      if (group.length && l[end] - group[0]![end] > SNAP_TOLERANCE) {
        emit(group, end);
        group = [];
      }
      group.push(l);
    }
    emit(group, end);
  }
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
