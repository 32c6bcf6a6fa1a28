import { DEFAULT_SETTINGS, type EdgeSettings } from '../settings.js';
import type { Ruling } from '../types.js';
import { clusterBy } from './cluster.js';

/** A merged ruling: horizontal lines have a fixed `at` (y) and run from `from` to `to` along x; vertical ones the reverse. */
export interface Edge {
  id: number;
  at: number;
  from: number;
  to: number;
}

interface Line {
  at: number;
  from: number;
  to: number;
}

/**
 * The page's rulings as merged horizontal and vertical edges. Where several vertical lines end at the same height
 * with no line across their ends — merged cells cut open by a page break — the missing closing line is implied.
 */
export function pageEdges(
  rulings: readonly Ruling[],
  settings: EdgeSettings = DEFAULT_SETTINGS.edges,
): { horizontal: Edge[]; vertical: Edge[] } {
  const h: Line[] = rulings.filter((r) => r.y0 === r.y1).map((r) => ({ at: r.y0, from: r.x0, to: r.x1 }));
  const v: Line[] = rulings
    .filter((r) => r.x0 === r.x1 && r.y0 !== r.y1)
    .map((r) => ({ at: r.x0, from: r.y0, to: r.y1 }));
  // Open ends are judged on whole lines: WPS draws a vertical line as one piece per row.
  const vertical = mergeEdges(v, settings);
  return { horizontal: mergeEdges([...h, ...impliedClosings(vertical, h, settings)], settings), vertical };
}

/**
 * Closing lines for open ends: vertical lines ending at one height where no horizontal line passes. The closing
 * line runs across those ends and on to the nearest vertical on each side that reaches that height, so the cells
 * beside them close too.
 */
function impliedClosings(vertical: readonly Line[], horizontal: readonly Line[], s: EdgeSettings): Line[] {
  const { snap, join } = s;
  const closed = (x: number, y: number): boolean =>
    horizontal.some((h) => Math.abs(h.at - y) <= snap && h.from - join <= x && x <= h.to + join);
  const out: Line[] = [];
  for (const end of ['from', 'to'] as const) {
    const open = vertical.filter((v) => !closed(v.at, v[end]));
    for (const group of clusterBy(open, (v) => v[end], snap)) out.push(...closeGroup(group, end, vertical, s));
  }
  return out;
}

function closeGroup(
  group: readonly Line[],
  end: 'from' | 'to',
  vertical: readonly Line[],
  { snap, maxColumnWidth }: EdgeSettings,
): Line[] {
  const y = group.reduce((s, l) => s + l[end], 0) / group.length;
  const reaching = vertical.filter((v) => v.from - snap <= y && y <= v.to + snap).map((v) => v.at);
  const out: Line[] = [];
  // Runs of open ends, each at most a column's width from the one before.
  for (const lines of clusterBy(group, (v) => v.at, maxColumnWidth, { from: 'last' })) {
    const run = lines.map((v) => v.at);
    const left = Math.max(...reaching.filter((x) => x < run[0]! - snap && run[0]! - x <= maxColumnWidth), -Infinity);
    const right = Math.min(
      ...reaching.filter((x) => x > run[run.length - 1]! + snap && x - run[run.length - 1]! <= maxColumnWidth),
      Infinity,
    );
    const from = Number.isFinite(left) ? left : run[0]!;
    const to = Number.isFinite(right) ? right : run[run.length - 1]!;
    // One lone open end closes only between two neighbours; two or more close among themselves.
    if (run.length >= 2 || (Number.isFinite(left) && Number.isFinite(right))) out.push({ at: y, from, to });
  }
  return out;
}

/** Snaps nearly collinear lines to one position, then joins overlapping or touching pieces (pdfplumber's merge_edges). */
function mergeEdges(lines: readonly Line[], { snap, join }: EdgeSettings): Edge[] {
  const snapped: Line[] = [];
  for (const cluster of clusterBy(lines, (l) => l.at, snap)) {
    const at = cluster.reduce((s, l) => s + l.at, 0) / cluster.length;
    for (const l of cluster) snapped.push({ at, from: l.from, to: l.to });
  }
  snapped.sort((a, b) => a.at - b.at || a.from - b.from);
  // Not clusterBy: pieces join per exact position (after snapping) and the test is `from <= to + join`, as
  // pdfplumber's join_edge_group; a subtraction (`from - to <= join`) may round the other way at the limit.
  const out: Edge[] = [];
  for (const l of snapped) {
    const last = out[out.length - 1];
    if (last && last.at === l.at && l.from <= last.to + join) {
      last.to = Math.max(last.to, l.to);
    } else {
      out.push({ id: out.length, at: l.at, from: l.from, to: l.to });
    }
  }
  return out;
}
