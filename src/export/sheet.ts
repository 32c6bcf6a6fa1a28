/** A value of a plain sheet cell: amounts are exact decimal strings, typed by their column. */
export type SheetValue = string | number | boolean | null;

/** A column of a plain sheet: `key` names it in CSV and code, `header` in a workbook. */
export interface SheetColumn {
  key: string;
  header: string;
  /** `amount`: an exact decimal string (a number in a workbook when exact); `text` stays text (codes: `02`). */
  type: 'text' | 'amount' | 'integer' | 'boolean';
  width?: number;
}

/** A sheet of plain rows: one CSV file, or one sheet of a workbook. */
export interface PlainSheet {
  name: string;
  columns: SheetColumn[];
  rows: Record<string, SheetValue>[];
  /** Lines printed above the header in a workbook (e.g. 单位：万元). */
  notes?: string[];
}

/**
 * A column headed `中文 key` (the Chinese name for a reader, the key for a script and for reading the sheet back):
 * every combined, long and wide sheet names its columns so.
 */
export function sheetColumn(key: string, chinese: string, type: SheetColumn['type'] = 'text'): SheetColumn {
  return { key, header: `${chinese} ${key}`, type };
}
