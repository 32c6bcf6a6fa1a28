// Expected grid values from the fixture data module (scripts/fixture-data.mjs), shared by the fixture tests.
import type { FixtureSlot, FixtureTable } from '../../scripts/fixture-data.mjs';

/**
 * Text as the extractor reports what is printed: Unicode NFKC, as src/pdf/normalize.ts applies to every text item
 * (full-width forms become ASCII: '（一）' -> '(一)'); everything else unchanged.
 */
export const printed = (s: string): string => s.normalize('NFKC');

export const slotText = (slot: FixtureSlot): string | null =>
  slot === null ? null : typeof slot === 'string' ? slot : slot.t;
export const span = (slot: FixtureSlot): { rs: number; cs: number } =>
  slot === null || typeof slot === 'string' ? { rs: 1, cs: 1 } : { rs: slot.rs ?? 1, cs: slot.cs ?? 1 };

/** The merged cell covering slot (r, c): its top-left position and text. */
export function owner(grid: FixtureSlot[][], r: number, c: number): { r: number; c: number; text: string } {
  for (let i = r; i >= 0; i--) {
    for (let j = c; j >= 0; j--) {
      const slot = grid[i]![j]!;
      if (slot === null) continue;
      const { rs, cs } = span(slot);
      if (i + rs > r && j + cs > c) return { r: i, c: j, text: slotText(slot)! };
    }
  }
  throw new Error(`no cell covers ${r},${c}`);
}

/**
 * Data rows: a vertically merged cell's text in every row it spans; a slot covered by a merged cell from the left
 * (a cell merged across columns) is ''.
 */
export function expectedRows(t: FixtureTable): string[][] {
  if (t.empty) return [];
  return t.body.map((row, r) =>
    row.map((_, c) => {
      const o = owner(t.body, r, c);
      return o.c === c ? printed(o.text) : '';
    }),
  );
}

/** Column names: the header texts above each column, top to bottom, '/'-joined, whitespace removed. */
export function expectedColumns(t: FixtureTable): string[] {
  return t.cols.map((_, c) => {
    const seen: string[] = [];
    let last = '';
    t.header.forEach((_, r) => {
      const o = owner(t.header, r, c);
      const key = `${o.r},${o.c}`;
      if (key !== last) seen.push(printed(o.text).replace(/\s+/gu, ''));
      last = key;
    });
    return seen.filter((s) => s !== '').join('/');
  });
}
