export interface ClusterOptions<T> {
  /**
   * What the next item's gap is measured from: the group's `first` member (default; a cluster never grows wider than
   * the gap), its `last` member (a chain: each step at most the gap), or its `extent` (the furthest `end` of any member
   * so far: intervals that overlap or nearly touch).
   */
  from?: 'first' | 'last' | 'extent';
  /** Where a member ends, measured from by `last` and `extent` (default: its key). */
  end?: (item: T) => number;
  /** Join only when the gap is strictly less than the tolerance (default: at most the tolerance). */
  strict?: boolean;
  /** Order of items with equal keys (default: input order). */
  tieBreak?: (a: T, b: T) => number;
}

/**
 * Sorts items by `key` and groups them, in order, while each next item's gap — `key(item)` less the group's
 * `first`/`last`/`extent` position — is at most `gap` (or less, with `strict`). `gap` may depend on the item and the
 * group member it is measured from (the first, or the last for `last` and `extent`). Groups and their members come out
 * in key order.
 */
export function clusterBy<T>(
  items: readonly T[],
  key: (item: T) => number,
  gap: number | ((anchor: T, item: T) => number),
  options: ClusterOptions<T> = {},
): T[][] {
  const { from = 'first', end, strict = false, tieBreak } = options;
  // Each item's key (and end) computed once, not in every comparison of the sort: the layout clusters every text item
  // of every page. Equal keys keep their input order (or the tie-break's), as a stable sort of the items would.
  const keyed = items.map((item) => {
    const k = key(item);
    return { item, k, e: end ? end(item) : k };
  });
  keyed.sort(tieBreak ? (a, b) => a.k - b.k || tieBreak(a.item, b.item) : (a, b) => a.k - b.k);
  const groups: (typeof keyed)[] = [];
  let group: typeof keyed | undefined;
  let reach = 0;
  for (const entry of keyed) {
    if (group) {
      const anchor = from === 'first' ? group[0]! : group[group.length - 1]!;
      const at = from === 'first' ? anchor.k : from === 'last' ? anchor.e : reach;
      const d = entry.k - at;
      const tol = typeof gap === 'number' ? gap : gap(anchor.item, entry.item);
      if (strict ? d < tol : d <= tol) {
        group.push(entry);
        if (from === 'extent') reach = Math.max(reach, entry.e);
        continue;
      }
    }
    group = [entry];
    groups.push(group);
    reach = entry.e;
  }
  return groups.map((g) => g.map((x) => x.item));
}

/** Plain numbers grouped while the gap (from each group's first value) is at most `gap`: `[1, 2, 5]`, gap 1 → `[[1, 2], [5]]`. */
export function clusterValues(
  values: readonly number[],
  gap: number,
  options: Omit<ClusterOptions<number>, 'end' | 'tieBreak'> = {},
): number[][] {
  return clusterBy(values, (v) => v, gap, options);
}
