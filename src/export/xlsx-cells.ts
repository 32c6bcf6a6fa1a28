/**
 * Cell rules for Excel output: when an exact decimal may be an Excel number, the number format that prints its
 * decimals, display widths (CJK counts double), Excel-safe sheet names.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/u;

/** Excel keeps 15 significant digits: a decimal of at most 15 round-trips through a double to the same digits. */
const EXCEL_DIGITS = 15;

/**
 * The decimal as an Excel number when the double Excel stores shows the same digits (at most 15 significant ones),
 * else null: the value must then be written as text, never rounded. `-0` reads as 0.
 */
export function excelNumber(decimal: string): number | null {
  const m = DECIMAL.exec(decimal);
  if (!m) return null;
  const digits = `${m[2]!}${m[3] ?? ''}`.replace(/^0+/u, '').replace(/0+$/u, '');
  if (digits.length > EXCEL_DIGITS) return null;
  const n = Number(decimal);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n;
}

/** The number of decimals printed in an exact decimal string (`590242.670510` → 6). */
export function decimalsOf(decimal: string): number {
  const dot = decimal.indexOf('.');
  return dot < 0 ? 0 : decimal.length - dot - 1;
}

/** A number format with thousands separators showing exactly `decimals` decimals (Excel allows up to 30). */
export function amountFormat(decimals: number): string {
  const d = Math.min(decimals, 30);
  return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

/** East Asian wide and fullwidth characters: they take two columns of a monospaced width. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** How many character columns text takes, its widest line (CJK characters count double). */
export function displayWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line) w += WIDE.test(ch) ? 2 : 1;
    if (w > widest) widest = w;
  }
  return widest;
}

/** A column width (Excel character units) for content of the given display width. */
export function columnWidth(content: number): number {
  return Math.min(60, Math.max(6, content + 2));
}

/** The longest text a cell holds (Excel refuses a workbook with a longer one). */
export const MAX_CELL_TEXT = 32767;

/** Text cut to what a cell holds, marked with … when cut. */
export function cellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let cut = text.slice(0, MAX_CELL_TEXT - 1);
  if (/[\uD800-\uDBFF]$/u.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const MAX_SHEET_NAME = 31;
/** Characters Excel forbids in a sheet name, replaced by their fullwidth forms (legal, and read the same). */
const FORBIDDEN: Record<string, string> = {
  '[': '［',
  ']': '］',
  ':': '：',
  '*': '＊',
  '?': '？',
  '/': '／',
  '\\': '＼',
};
/** Names Excel reserves for itself. */
const RESERVED = new Set(['history']);

/** At most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const out = text.slice(0, max);
  return /[\uD800-\uDBFF]$/u.test(out) ? out.slice(0, -1) : out;
}

const stripQuotes = (s: string): string => s.replace(/^'+/u, '').replace(/'+$/u, '');

/** A legal sheet name for `wanted`, before making it unique. */
function legalName(wanted: string): string {
  const s = stripQuotes(
    wanted
      .replace(/[\u0000-\u001F\u007F]/gu, ' ')
      .replace(/[[\]:*?/\\]/gu, (c) => FORBIDDEN[c]!)
      .replace(/\s+/gu, ' ')
      .trim(),
  );
  const name = stripQuotes(cut(s, MAX_SHEET_NAME)).trim();
  return name || 'Sheet';
}

/** Hands out legal sheet names one by one, unique case-insensitively: a repeat gets `~2`, `~3` … within 31 chars. */
export class SheetNamer {
  private readonly used = new Set<string>(RESERVED);

  next(wanted: string): string {
    const base = legalName(wanted);
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) {
      const suffix = `~${n}`;
      name = `${stripQuotes(cut(base, MAX_SHEET_NAME - suffix.length)).trimEnd()}${suffix}`;
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}
