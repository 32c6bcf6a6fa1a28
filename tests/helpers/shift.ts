/**
 * An exact decimal string times 10^shift (+4: 万元 → 元, -4: 元 → 万元) by moving the decimal point; written
 * without trailing fraction zeros or leading zeros (`9389913.00` → `938.9913`, `931.79` → `9317900`, `0.00` → `0`).
 */
export function shift(value: string, by: number): string {
  const neg = value.startsWith('-');
  const [int, frac = ''] = value.replace(/^-/u, '').split('.');
  let digits = int! + frac;
  let point = int!.length + by;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const i = digits.slice(0, point).replace(/^0+(?=\d)/u, '') || '0';
  const f = digits.slice(point).replace(/0+$/u, '');
  const out = f ? `${i}.${f}` : i;
  return neg && /[1-9]/u.test(out) ? `-${out}` : out;
}
