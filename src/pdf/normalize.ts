import { RADICAL_TO_IDEOGRAPH } from './radicals.js';

const RADICAL_RANGE = /[\u2E80-\u2EFF\u2F00-\u2FDF]/gu;

/** NFKC (full-width digits/punctuation, Kangxi radicals) plus the radical-supplement map NFKC misses. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(RADICAL_RANGE, (c) => RADICAL_TO_IDEOGRAPH.get(c) ?? c);
}

/** Text without any whitespace (for headers, titles and comparisons). */
export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/gu, '');
}
