import { plainAmount } from '../records/amount.js';

/** `raw`: cells as printed; `plain`: amounts without separators (`(1,200.50)` → `-1200.50`), other cells as printed. */
export type NumbersMode = 'raw' | 'plain';

export function formatCell(cell: string, mode: NumbersMode): string {
  return mode === 'plain' ? (plainAmount(cell) ?? cell) : cell;
}
