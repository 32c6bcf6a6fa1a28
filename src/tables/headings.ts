import { compact } from '../pdf/normalize.js';
import { DEFAULT_SETTINGS, type HeadingSettings } from '../settings.js';
import type { TextLine } from '../types.js';
import { classifyTable } from '../kinds/registry.js';
import {
  CUT_UNIT,
  EMPTY_TABLE,
  LABEL_ONLY,
  META_LINE,
  NO_DATA,
  PAGE_NUMBER,
  SECTION_HEADING,
  TABLE_LABEL,
  TITLE_END,
  UNIT_STATEMENT,
} from '../kinds/vocabulary.js';

export interface Headings {
  title: string;
  label: string;
  unit: string;
  /** Every heading line, plus the whole block joined. */
  all: string[];
}

export function unitOf(text: string): string | null {
  const m = UNIT_STATEMENT.exec(text.replace(/[\s\u3000]+/gu, ' '));
  const unit = m?.[1] ?? m?.[2] ?? m?.[3];
  return unit ? compact(unit) : null;
}

export function labelOf(text: string): string | null {
  const m = TABLE_LABEL.exec(compact(text));
  return m ? m[1]!.replace(/^[(（]/u, '') : null;
}

/**
 * A heading statement printed as a cell of the table's top row, inside its rule (`预算单位：XX局 | 单位：万元`, as one
 * cell or several): a unit statement, a department line, a table label — heading, not column header.
 */
export function isHeadingStatement(text: string): boolean {
  const t = compact(text);
  return !!t && (unitOf(text) !== null || META_LINE.test(t) || LABEL_ONLY.test(t));
}

export function isNoData(text: string): boolean {
  return NO_DATA.test(compact(text));
}

/** A note (below or inside a table) saying the table has no data; a short note (`本部门无此项支出`) says the same. */
export function isEmptyStatement(text: string, maxNote = DEFAULT_SETTINGS.headings.maxNoDataNote): boolean {
  const t = compact(text);
  return EMPTY_TABLE.test(t) || (NO_DATA.test(t) && t.length <= maxNote);
}

/** Reads a table's title, label and unit from the text lines above it (nearest last). */
export function readHeadings(
  input: readonly TextLine[],
  settings: HeadingSettings = DEFAULT_SETTINGS.headings,
): Headings {
  const lines = joinCutUnits(input);
  let unit = '';
  let label = '';
  const candidates: TextLine[] = [];
  for (const line of lines) {
    const text = compact(line.text);
    if (!text || PAGE_NUMBER.test(text)) continue;
    // The line as printed: `单位:元 编制单位:…` compacted would run the unit into the next word.
    const u = unitOf(line.text);
    if (u && !unit) unit = u;
    if (LABEL_ONLY.test(text)) {
      label ||= text;
      continue;
    }
    if (u && text.length <= settings.maxUnitLineLength) continue;
    if (META_LINE.test(text)) continue;
    candidates.push(line);
  }
  const title = pickTitle(candidates, settings);
  if (!label) {
    for (const l of lines) {
      const found = labelOf(l.text);
      if (found) label = found;
    }
  }
  const all = lines.map((l) => compact(l.text)).filter(Boolean);
  if (all.length > 1) all.push(all.join(''));
  return { title, label, unit, all };
}

/** The title is the largest text above the table; a title wrapped over two lines of the same size is joined. */
function pickTitle(candidates: readonly TextLine[], { maxTitleLength, sizeSlack }: HeadingSettings): string {
  // Only a line that names a table is a title: text above a continuation part (a clipped cell's overflow, a
  // running header) is not.
  const named = candidates.filter((l) => TITLE_END.test(compact(l.text)) && compact(l.text).length <= maxTitleLength);
  // A section heading over the page (`2026年度部门预算表`, printed larger) names no table; the table's own title
  // (`收支总表(预算表1)`) on the same page does: the line naming a kind of table wins, the others stay in `titles`.
  const own = named.filter((l) => !SECTION_HEADING.test(compact(l.text)));
  const specific = own.filter((l) => classifyTable(compact(l.text)) !== 'other');
  const pool = specific.length ? specific : own.length ? own : named;
  if (!pool.length) return '';
  const maxSize = Math.max(...pool.map((l) => l.size));
  const big = pool.filter((l) => l.size >= maxSize - sizeSlack);
  const best = big[big.length - 1]!;
  const idx = candidates.indexOf(best);
  const prev = candidates[idx - 1];
  let text = compact(best.text);
  if (
    prev &&
    Math.abs(prev.size - best.size) < sizeSlack &&
    best.y0 - prev.y1 < best.size &&
    !/表$/u.test(compact(prev.text))
  ) {
    text = compact(prev.text) + text;
  }
  return text;
}

/** A unit line wrapped in a narrow spot (`金额单位:万` over `元`) is joined with the line right below it. */
function joinCutUnits(lines: readonly TextLine[]): TextLine[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    if (!CUT_UNIT.test(compact(line.text))) continue;
    const j = out.findIndex(
      (o, k) =>
        k !== i &&
        o.y0 > line.y0 &&
        o.y0 - line.y1 < line.size &&
        o.x0 < line.x1 + line.size &&
        o.x1 > line.x0 - line.size,
    );
    if (j < 0) continue;
    out[i] = { ...line, text: compact(line.text) + compact(out[j]!.text), y1: out[j]!.y1 };
    out.splice(j, 1);
  }
  return out;
}
