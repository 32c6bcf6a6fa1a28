import { Decimal } from 'decimal.js';

/**
 * An exact decimal amount as a table prints it: thousands separators and the table's decimals (`129681094` with 2
 * decimals → `129,681,094.00`). A value finer than the table's decimals keeps its own digits (nothing is rounded).
 */
export function formatAmount(value: string, decimals: number): string {
  const d = new Decimal(value);
  const own = value.split('.')[1]?.length ?? 0;
  const fixed = d.abs().toFixed(Math.max(decimals, own));
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  return `${d.isNegative() && !d.isZero() ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
