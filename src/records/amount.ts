import { Decimal } from 'decimal.js';
import { compact } from '../pdf/normalize.js';

/** What a printed amount cell holds: a number, a blank, a dash (nothing / zero), or text that is not an amount. */
export type ParsedAmount =
  | { kind: 'number'; value: string }
  | { kind: 'blank' }
  | { kind: 'dash' }
  | { kind: 'text'; text: string };

const NUMBER = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/u;
const DASHES = /^[-—–－~～]+$/u;

/**
 * Parses an amount exactly as printed: separators removed, `(12.00)` → `-12.00`, decimals kept as printed (never
 * rounded, never a float).
 */
export function parseAmount(cell: string): ParsedAmount {
  let t = compact(cell);
  if (!t) return { kind: 'blank' };
  if (DASHES.test(t)) return { kind: 'dash' };
  let negative = false;
  const paren = /^[(（](.*)[)）]$/u.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!;
  }
  const m = NUMBER.exec(t);
  if (!m) return { kind: 'text', text: cell };
  if (m[1]) negative = !negative;
  const digits = m[2]!.replace(/,/gu, '') + (m[3] ?? '');
  const isZero = /^[0.]+$/u.test(digits);
  return { kind: 'number', value: negative && !isZero ? '-' + digits : digits };
}

/** The amount as a plain decimal string without separators, or null for blanks, dashes and text. */
export function plainAmount(cell: string): string | null {
  const p = parseAmount(cell);
  return p.kind === 'number' ? p.value : null;
}

export type AmountUnit = '元' | '万元';

/** Converts an exact decimal string between 元 and 万元 (×/÷ 10000, exact: no digits lost). */
export function convertAmount(value: string, from: AmountUnit, to: AmountUnit): string {
  if (from === to) return value;
  const d = new Decimal(value);
  const out = from === '万元' ? d.times(10000) : d.dividedBy(10000);
  return out.toFixed();
}
