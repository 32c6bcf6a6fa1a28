import { SEVERITY_ZH } from '../review/severity.js';
import { KINDS } from '../kinds/registry.js';
import { CODE_COLUMN, SERIAL_COLUMN, UNIT_CODE_COLUMN } from '../kinds/vocabulary.js';
import { compact } from '../pdf/normalize.js';
import { amountReader, type ParsedAmount } from '../records/amount.js';
import { columnRoles } from '../records/columns.js';
import { RECORD_SCHEMAS, type RecordKind } from '../records/schemas.js';
import type { CheckResult, ExtractedDocument, Table } from '../types.js';
import { SheetNamer } from './xlsx-cells.js';
import { type FlatValue, RecordFlattener } from './xlsx-records.js';
import {
  addSheet,
  amount,
  bool,
  int,
  measureWidths,
  type OutCell,
  type SheetSpec,
  text,
  workbookBytes,
  writeAtomically,
} from './xlsx-sheet.js';

import type { PlainSheet, SheetColumn, SheetValue } from './sheet.js';

export type { PlainSheet, SheetColumn, SheetValue };

/** Excel-safe, unique sheet names: ≤31 chars, none of []:*?/\ , not starting/ending with ', no duplicates
 * (case-insensitive) — a repeat gets ~2, ~3 … */
export function sheetNames(wanted: string[]): string[] {
  const namer = new SheetNamer();
  return wanted.map((w) => namer.next(w));
}

/**
 * Writes a workbook of plain sheets to a file, atomically (temp file + rename; nothing left behind on failure),
 * streaming (rows are committed as written), so 300k rows do not blow memory. Sheet names are made legal and unique.
 * An amount is written as an Excel number only when Excel shows the same digits (≤15 significant), else as text.
 */
export async function writeWorkbook(
  file: string,
  sheets: Iterable<PlainSheet> | AsyncIterable<PlainSheet>,
): Promise<void> {
  await writeAtomically(file, async (wb) => {
    const namer = new SheetNamer();
    let count = 0;
    for await (const sheet of sheets) {
      await addSheet(wb, plainSpec(sheet, namer.next(sheet.name)));
      count++;
    }
    // A workbook needs a sheet.
    if (count === 0) await addSheet(wb, { name: 'Sheet1', lines: [], header: [], widths: [], rows: [] });
  });
}

function plainCell(v: SheetValue | undefined, type: SheetColumn['type']): OutCell {
  if (v === null || v === undefined || v === '') return null;
  switch (type) {
    case 'text':
      return text(String(v));
    case 'amount':
      if (typeof v === 'number') return int(v);
      return typeof v === 'string' ? amount(v) : text(String(v));
    case 'integer':
      if (typeof v === 'number') return int(v);
      return typeof v === 'string' && /^-?\d{1,15}$/u.test(v) ? int(Number(v)) : text(String(v));
    case 'boolean':
      return typeof v === 'boolean' ? bool(v) : text(String(v));
  }
}

function plainSpec(sheet: PlainSheet, name: string): SheetSpec {
  const header = sheet.columns.map((c) => [c.header]);
  const toCells = (row: Record<string, SheetValue>): OutCell[] =>
    sheet.columns.map((c) => plainCell(row[c.key], c.type));
  const sample = function* () {
    for (const row of sheet.rows) yield toCells(row);
  };
  const measured = measureWidths(header, sample());
  return {
    name,
    lines: sheet.notes ?? [],
    header,
    widths: sheet.columns.map((c, i) => c.width ?? measured[i]!),
    rows: sample(),
  };
}

/**
 * One document as a workbook: 文档 (source, document info, warnings); each table as printed (title, unit, pages,
 * the multi-row header rebuilt with merged cells, amounts as numbers, codes and names as text); one sheet of records
 * per record kind; 检查 (check results, failed first). Table positions are 1-based throughout, as in sheet names.
 */
export async function documentWorkbook(
  doc: ExtractedDocument,
  options: { tables?: { table: Table; index: number }[] } = {},
): Promise<Uint8Array> {
  const tables = options.tables ?? doc.tables.map((table, index) => ({ table, index }));
  const namer = new SheetNamer();
  const specs: (() => SheetSpec)[] = [
    () => documentSheet(doc, namer),
    ...tables.map(
      ({ table, index }) =>
        () =>
          tableSheet(table, index, namer),
    ),
    ...recordSheets(tables).map((s) => () => s(namer)),
    () => checksSheet(doc, tables, namer),
    () => reviewSheet(doc, namer),
  ];
  return workbookBytes(async (wb) => {
    for (const spec of specs) await addSheet(wb, spec());
  });
}

const KIND_NAMES = { budget: '预算', final_account: '决算' } as const;
const SCOPE_NAMES = { department: '部门', unit: '单位' } as const;

/** Plain sheet rows made typed cells, widths measured. */
function spec(name: string, lines: string[], header: string[], rows: OutCell[][]): SheetSpec {
  const paths = header.map((h) => [h]);
  return { name, lines, header: paths, widths: measureWidths(paths, rows), rows };
}

function documentSheet(doc: ExtractedDocument, namer: SheetNamer): SheetSpec {
  const d = doc.document;
  const field = (label: string, value: OutCell): OutCell[] => [text(label), null, value];
  const rows: OutCell[][] = [
    field('文件', text(doc.source.file)),
    field('SHA-256', text(doc.source.sha256)),
    field('页数', int(doc.source.pages)),
    field('标题', text(d.title)),
    field('部门', text(d.department)),
    field('年度', int(d.year)),
    field('类型', text(d.kind ? KIND_NAMES[d.kind] : null)),
    field('范围', text(d.scope ? SCOPE_NAMES[d.scope] : null)),
  ];
  if (doc.unitConversion)
    rows.push(field('单位换算', text(`记录金额换算为${doc.unitConversion.to}：${doc.unitConversion.note}`)));
  rows.push(field('表格', int(doc.tables.length)));
  const s = doc.checks.summary;
  rows.push(field('检查', text(`共 ${s.total} 项：通过 ${s.passed}，未通过 ${s.failed}`)));
  for (const w of doc.warnings) rows.push([text('警告'), int(w.page ?? null), text(w.message)]);
  return spec(namer.next('文档'), [d.title || doc.source.file], ['项目', '页', '内容'], rows);
}

/** 3–5, 8 */
function pageRanges(pages: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    out.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  return out.join(', ');
}

const FUNDS_LABEL = /资金|金额/u;

const position = (index: number): string => String(index + 1).padStart(2, '0');

/** The columns whose cells are amounts: the record roles' for a table of a record kind; for another, a column whose
 * non-blank cells mostly read as numbers, unless its header or a leading zero shows it holds codes or serials. */
function amountColumns(table: Table, read: (cell: string) => ParsedAmount): Set<number> {
  if (table.kind !== 'other') return new Set(columnRoles(table, read).amounts.map((a) => a.index));
  const width = Math.max(table.columns.length, ...table.rows.map((r) => r.length));
  const out = new Set<number>();
  for (let c = 0; c < width; c++) {
    const head = compact(table.columns[c] ?? '');
    if (CODE_COLUMN.test(head) || UNIT_CODE_COLUMN.test(head) || SERIAL_COLUMN.test(head)) continue;
    let numbers = 0;
    let others = 0;
    let codeLike = false;
    for (const row of table.rows) {
      const p = read(row[c] ?? '');
      if (p.kind === 'number') {
        numbers++;
        if (/^0\d/u.test(compact(row[c] ?? ''))) codeLike = true;
      } else if (p.kind === 'text' || p.kind === 'unread') others++;
    }
    if (!codeLike && numbers > 0 && numbers > others) out.add(c);
  }
  return out;
}

function tableSheet(table: Table, index: number, namer: SheetNamer): SheetSpec {
  const read = amountReader(table);
  const amounts = amountColumns(table, read);
  const width = Math.max(table.columns.length, ...table.rows.map((r) => r.length));
  const header = Array.from({ length: width }, (_, i) =>
    (table.columns[i] ?? '')
      .split('/')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const rows = table.rows.map((row) => {
    // A form (部门整体绩效目标表) prints its funds in a row labelled 资金 / 金额, not in amount columns.
    const fundsRow = table.kind === 'overall_performance' && row.some((c) => FUNDS_LABEL.test(c));
    return Array.from({ length: width }, (_, c): OutCell => {
      const cell = row[c] ?? '';
      if (fundsRow || amounts.has(c)) {
        const p = read(cell);
        if (p.kind === 'number') return amount(p.value);
      }
      return text(cell);
    });
  });
  const name = table.title || table.label || KINDS[table.kind].name;
  const line = `${name}　单位：${table.unit || '未注明'}　第 ${pageRanges(table.pages)} 页`;
  return {
    name: namer.next(`${position(index)} ${name}`),
    lines: [line],
    header,
    mergeAcross: true,
    widths: measureWidths(header, rows),
    rows,
  };
}

function recordSheets(tables: { table: Table; index: number }[]): ((namer: SheetNamer) => SheetSpec)[] {
  const byKind = new Map<RecordKind, { table: Table; index: number }[]>();
  for (const t of tables) {
    if (t.table.kind === 'other' || !t.table.records?.length) continue;
    const kind = t.table.kind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), t]);
  }
  return [...byKind.entries()].map(([kind, members]) => (namer: SheetNamer) => {
    const flat = new RecordFlattener(RECORD_SCHEMAS[kind]);
    const rows: { index: number; page: number | null; unit: string; values: Map<string, FlatValue> }[] = [];
    for (const { table, index } of members)
      for (const record of table.records ?? []) {
        const row = (record as { row: number | null }).row;
        rows.push({
          index,
          page: (row === null ? undefined : table.rowPages[row]) ?? table.pages[0] ?? null,
          unit: table.recordsUnit ?? table.unit,
          values: flat.flatten(record),
        });
      }
    const columns = flat.columns();
    const cells = rows.map((r): OutCell[] => [
      int(r.index + 1),
      int(r.page),
      text(r.unit),
      ...columns.map(({ key }) => flatCell(r.values.get(key))),
    ]);
    const header = ['表', '页', '金额单位', ...columns.map((c) => c.key)];
    const note = `${KINDS[kind].name}（${kind}）：${rows.length} 条记录；“表”为表的序号（同表格页签）`;
    return spec(namer.next(`记录 ${KINDS[kind].name}`), [note], header, cells);
  });
}

function flatCell(v: FlatValue | undefined): OutCell {
  if (!v || v.value === null) return null;
  switch (v.type) {
    case 'amount':
      return amount(String(v.value));
    case 'integer':
      return typeof v.value === 'number' ? int(v.value) : text(String(v.value));
    case 'boolean':
      return bool(Boolean(v.value));
    case 'text':
      return text(String(v.value));
  }
}

function checksSheet(doc: ExtractedDocument, tables: { index: number }[], namer: SheetNamer): SheetSpec {
  const chosen = new Set(tables.map((t) => t.index));
  const results = doc.checks.results.filter((r) => r.table === null || chosen.has(r.table));
  const ordered = [...results.filter((r) => !r.passed), ...results.filter((r) => r.passed)];
  const failed = results.filter((r) => !r.passed).length;
  const rows = ordered.map((r: CheckResult): OutCell[] => [
    text(r.id),
    bool(r.passed),
    bool(r.rounding),
    int(r.table === null ? null : r.table + 1),
    text(r.tableTitle),
    int(r.page),
    text(r.row?.code),
    text(r.row?.name),
    text(r.column),
    amount(r.expected),
    amount(r.found),
    amount(r.difference),
    text(r.message.zh),
  ]);
  const header = ['检查', '通过', '尾差', '表', '表名', '页', '编码', '名称', '栏目', '应为', '实为', '差额', '说明'];
  const note = `共 ${results.length} 项：未通过 ${failed}（在前），通过 ${results.length - failed}`;
  return spec(namer.next('检查'), [note], header, rows);
}

const STATUS_NAMES = { present: '已列', empty: '空表', missing: '缺少' } as const;
const AGREEMENT_NAMES = { agrees: '一致', differs: '不一致', unmatched: '未比对' } as const;

/**
 * The review (审阅): each table the template requires and what the document prints of it, each figure the text
 * states against the table figure it states, each finding with the places it rests on.
 */
function reviewSheet(doc: ExtractedDocument, namer: SheetNamer): SheetSpec {
  const { completeness, narrative, findings } = doc.review;
  const at = (t: number | null | undefined) => int(t === null || t === undefined ? null : t + 1);
  const rows: OutCell[][] = [
    ...completeness.tables.map((t): OutCell[] => [
      text('必备表'),
      text(STATUS_NAMES[t.status]),
      text(pageRanges(t.pages) || null),
      at(t.tables[0]),
      text(t.name),
      text(t.reason ? `p.${t.reason.page} ${t.reason.text}` : null),
    ]),
    ...narrative.map((f): OutCell[] => [
      text('情况说明'),
      text(AGREEMENT_NAMES[f.status]),
      text(String(f.sentence.page)),
      at(f.cell?.table),
      text(
        `${f.topic}：${f.printed}${f.unit}${f.expected !== null ? `（表 ${f.expected}${f.unit}）` : ''}${f.note ? `；${f.note}` : ''}`,
      ),
      text(f.sentence.text),
    ]),
    ...findings.map((f): OutCell[] => [
      text('审阅'),
      text(SEVERITY_ZH[f.severity]),
      text(f.page === null ? null : String(f.page)),
      at(f.table),
      text(`${f.message.zh}（${f.id}）`),
      text(f.places.map((p) => `${p.page !== null ? `p.${p.page} ` : ''}${p.text}`).join('；')),
    ]),
  ];
  const template = completeness.template;
  const note = template ? `按${template.name}（${template.basis}）` : '文档类型不明：未判断必备表';
  return spec(namer.next('审阅'), [note], ['类别', '状态', '页', '表', '内容', '原文'], rows);
}
