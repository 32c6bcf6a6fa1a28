import { compact } from '../pdf/normalize.js';

/** A budget classification code split into its levels: function (201 13 01) or economic (301 01). */
export interface ClassCode {
  system: 'function' | 'economic';
  class: string;
  item: string | null;
  entry: string | null;
  code: string;
  level: 1 | 2 | 3;
  parent: string | null;
}

const CODE = /^\d{3}(\d{2}){0,2}$/u;

/**
 * A classification code from one cell (`2011301`) or from 类/款/项 cells (`201`, `13`, `01`). Function codes start
 * with 2, economic ones with 3 or 5; `economicHint` decides for other digits (a column labelled 经济分类).
 */
export function parseClassCode(parts: readonly string[], economicHint = false): ClassCode | null {
  const cleaned = parts.map((p) => compact(p).replace(/[^\d]/gu, ''));
  // 款/项 printed with one digit beside a 类: read with its leading zero (see droppedZero).
  for (let i = 1; i < cleaned.length; i++) if (droppedZero(cleaned[0]!, cleaned[i]!)) cleaned[i] = `0${cleaned[i]}`;
  const code = cleaned.join('');
  if (!CODE.test(code)) return null;
  // Split cells must be 3 + 2 + 2 digits where present.
  if (parts.length > 1 && !cleaned.every((p, i) => p === '' || p.length === (i === 0 ? 3 : 2))) return null;
  const level = (code.length === 3 ? 1 : code.length === 5 ? 2 : 3) as 1 | 2 | 3;
  const system = code.startsWith('2')
    ? 'function'
    : code.startsWith('3') || code.startsWith('5')
      ? 'economic'
      : economicHint
        ? 'economic'
        : 'function';
  return {
    system,
    class: code.slice(0, 3),
    item: level >= 2 ? code.slice(3, 5) : null,
    entry: level === 3 ? code.slice(5, 7) : null,
    code,
    level,
    parent: level === 1 ? null : code.slice(0, code.length - 2),
  };
}

/** A name cell that carries its code in front (`2010101 行政运行`, `301工资福利支出`). */
export function splitCodedName(name: string): { code: string; name: string } | null {
  const m = /^(\d{3}(?:\d{2}){0,2})\s*(\D.*)$/u.exec(name.trim());
  return m ? { code: m[1]!, name: m[2]!.trim() } : null;
}

/**
 * A 款 or 项 cell printed with one digit beside its 类 (`301 | 2 | 津贴补贴` among `301 | 01`, `301 | 08`): the
 * spreadsheet stored the code as a number and dropped its leading zero. It is read as `02`, and said in a warning.
 */
export function droppedZero(classPart: string, part: string): boolean {
  return /^\d{3}$/u.test(classPart) && /^[1-9]$/u.test(part);
}
