import { compact } from '../pdf/normalize.js';
import type { PageLayout, Sentence, TextLine } from '../types.js';

/** A line that is only a page number (`3`, `- 3 -`, `第 3 页`, `3/24`): no part of any paragraph. */
const PAGE_NUMBER = /^(?:[-—–－·\s]*\d{1,4}[-—–－·\s]*|第\d{1,4}页(?:共\d{1,4}页)?|\d{1,4}\/\d{1,4})$/u;
/** A line that opens a heading or a numbered paragraph: 一、 (一) 1、 1. 第一部分 ①. */
const OPENS_PARAGRAPH =
  /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+部分|[①-⑳])/u;
/** Where a sentence ends. */
const SENTENCE_END = /[。！？!?]/u;

/** A text line as a paragraph sees it: its text, where it starts, how large it is. */
interface Line {
  page: number;
  text: string;
  x0: number;
  x1: number;
  size: number;
  /** The right edge of its page's text block: a line ending well short of it ends its paragraph. */
  right: number;
}

/**
 * The document's own text as sentences, in reading order: every page's lines outside its grids (情况说明, notes
 * under tables, the cover), joined into paragraphs — a line continues the one above unless it is indented, opens
 * a numbered heading, is printed larger, or the line above ends a sentence well short of the block's right edge —
 * and cut after each 。！？ outside parentheses (a ； keeps its clauses in one sentence: 其中…；…). A paragraph running over a page break continues on the next page. Page numbers are
 * left out. Each sentence keeps the page it starts on; its text is compacted (no spaces).
 */
export function documentSentences(pages: readonly PageLayout[]): Sentence[] {
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  const close = () => {
    if (current.length) paragraphs.push(current);
    current = [];
  };
  for (const page of pages) {
    const read = page.lines
      .map((l: TextLine) => ({ page: page.page, text: compact(l.text), x0: l.x0, x1: l.x1, size: l.size, right: 0 }))
      .filter((l) => l.text && !PAGE_NUMBER.test(l.text));
    if (!read.length) continue;
    // The text block's left and right edges: where most lines start, where the longest ends.
    const left = mode(read.map((l) => l.x0));
    const right = Math.max(...read.map((l) => l.x1));
    const lines = read.map((l) => ({ ...l, right }));
    const body = mode(lines.map((l) => l.size));
    for (const line of lines) {
      const prev = current[current.length - 1];
      const indented = line.x0 > left + line.size * 0.8;
      const larger = line.size > body * 1.15;
      // Across a page break too: the paragraph goes on only if the last line above ran to its block's edge.
      const prevShort = prev !== undefined && prev.x1 < prev.right - prev.size * 2;
      const prevEnded = prev !== undefined && SENTENCE_END.test(prev.text.slice(-1));
      const prevLarger = prev !== undefined && prev.size > body * 1.15;
      // A paragraph is printed in one size: a line of another size (a table's label over its title) starts anew.
      const otherSize = prev !== undefined && Math.abs(prev.size - line.size) > prev.size * 0.1;
      if (
        !prev ||
        indented ||
        larger ||
        prevLarger ||
        otherSize ||
        OPENS_PARAGRAPH.test(line.text) ||
        (prevShort && (prevEnded || !/[，,、：:（(]$/u.test(prev.text)))
      )
        close();
      current.push(line);
    }
  }
  close();
  const sentences: Sentence[] = [];
  for (const para of paragraphs) {
    let text = '';
    let page = para[0]!.page;
    // Open parentheses: a 。 inside (…74.1万元，比上年增加57.2万元。) does not end the sentence around it, unless
    // the parenthesis runs on unclosed (a stray 「(」 would join the paragraph into one sentence).
    let open = 0;
    let since = 0;
    for (const line of para) {
      for (const ch of line.text) {
        if (!text) page = line.page;
        text += ch;
        if (ch === '(' || ch === '（') {
          if (!open) since = text.length;
          open++;
        } else if ((ch === ')' || ch === '）') && open) open--;
        if (SENTENCE_END.test(ch) && (!open || text.length - since > 200)) {
          open = 0;
          sentences.push({ page, text });
          text = '';
        }
      }
    }
    if (text) sentences.push({ page, text });
  }
  return sentences;
}

/** The most common value, to the nearest point (where most lines of a page start). */
function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = values[0] ?? 0;
  let most = 0;
  for (const [v, n] of counts) if (n > most || (n === most && v < best)) [best, most] = [v, n];
  return best;
}
