import { InvalidArgumentError } from 'commander';

/** Most pages a `--pages` range may span (a typo like `1-1000000000` is not a request to allocate a billion). */
const MAX_PAGE = 1_000_000;

/**
 * `--pages 3-7,12`: 1-based pages, ranges and lists, as sorted unique numbers. Throws commander's
 * `InvalidArgumentError` (a usage error) for `0`, a backward range (`7-3`), anything not a page number (`x`).
 * Pages beyond a document are found when it is opened (extract's `no_such_page`).
 */
export function parsePages(spec: string): number[] {
  const pages = new Set<number>();
  const parts = spec.split(',').map((s) => s.trim());
  for (const part of parts) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/u.exec(part);
    if (!m) {
      throw new InvalidArgumentError(
        `${part ? `"${part}" is not` : 'an empty item is not'} a page or a range: give 1-based pages like 3-7,12`,
      );
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < 1) throw new InvalidArgumentError(`pages count from 1: "${part}" has page 0`);
    if (to < from) throw new InvalidArgumentError(`"${part}" runs backwards: write ${to}-${from}`);
    if (to > MAX_PAGE) throw new InvalidArgumentError(`"${part}": page numbers go up to ${MAX_PAGE}`);
    for (let n = from; n <= to; n++) pages.add(n);
  }
  return [...pages].sort((a, b) => a - b);
}
