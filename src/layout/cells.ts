import { DEFAULT_SETTINGS, type EdgeSettings } from '../settings.js';
import type { Box } from '../types.js';
import type { Edge } from './edges.js';

interface Intersection {
  x: number;
  y: number;
  h: number;
  v: number;
}

/**
 * Edges → intersections → cells, as pdfplumber's table.py: a cell is the smallest rectangle whose four corners are
 * intersections joined by edges. Returns the cells' boxes.
 */
export function findCellBoxes(
  horizontal: readonly Edge[],
  vertical: readonly Edge[],
  settings: EdgeSettings = DEFAULT_SETTINGS.edges,
): Box[] {
  const points = intersections(horizontal, vertical, settings.join);
  const byKey = new Map<string, Intersection>();
  const onH = new Map<number, Intersection[]>();
  const onV = new Map<number, Intersection[]>();
  for (const p of points) {
    byKey.set(key(p.x, p.y), p);
    push(onH, p.h, p);
    push(onV, p.v, p);
  }
  for (const list of onH.values()) list.sort((a, b) => a.x - b.x);
  for (const list of onV.values()) list.sort((a, b) => a.y - b.y);

  const boxes: Box[] = [];
  for (const p of points) {
    const below = (onV.get(p.v) ?? []).filter((q) => q.y > p.y);
    const right = (onH.get(p.h) ?? []).filter((q) => q.x > p.x);
    found: for (const d of below) {
      for (const r of right) {
        const corner = byKey.get(key(r.x, d.y));
        if (corner && corner.v === r.v && corner.h === d.h) {
          boxes.push({ x0: p.x, y0: p.y, x1: corner.x, y1: corner.y });
          break found;
        }
      }
    }
  }
  return boxes;
}

/** Where a horizontal and a vertical edge cross, or come within `join` of crossing (pdfplumber's intersection_tolerance). */
function intersections(horizontal: readonly Edge[], vertical: readonly Edge[], join: number): Intersection[] {
  const vs = [...vertical].sort((a, b) => a.at - b.at);
  const out: Intersection[] = [];
  for (const h of horizontal) {
    let lo = lowerBound(vs, h.from - join);
    for (; lo < vs.length && vs[lo]!.at <= h.to + join; lo++) {
      const v = vs[lo]!;
      if (h.at >= v.from - join && h.at <= v.to + join) out.push({ x: v.at, y: h.at, h: h.id, v: v.id });
    }
  }
  return out.sort((a, b) => a.y - b.y || a.x - b.x);
}

function lowerBound(edges: readonly Edge[], at: number): number {
  let lo = 0,
    hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An intersection's identity (to 0.01 pt, not a tolerance: snapped edges share exact positions). */
function key(x: number, y: number): string {
  return `${x.toFixed(2)},${y.toFixed(2)}`;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Groups cells that share a corner into tables; returns each group's boxes. */
export function groupCells(boxes: readonly Box[]): Box[][] {
  const parent = boxes.map((_, i) => i);
  const find = (i: number): number => {
    if (parent[i] !== i) parent[i] = find(parent[i]!);
    return parent[i]!;
  };
  const cornerOwner = new Map<string, number>();
  boxes.forEach((b, i) => {
    for (const k of [key(b.x0, b.y0), key(b.x1, b.y0), key(b.x0, b.y1), key(b.x1, b.y1)]) {
      const other = cornerOwner.get(k);
      if (other === undefined) cornerOwner.set(k, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, Box[]>();
  boxes.forEach((b, i) => {
    push(groups, find(i), b);
  });
  return [...groups.values()];
}
