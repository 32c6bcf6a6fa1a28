import type { ExtractedDocument } from '../types.js';
import { EXIT } from './errors.js';
import type { ChalkInstance } from 'chalk';

/**
 * `ok` read and written; `refused` input the reader cannot use; `failed` anything else went wrong; `skipped` its
 * output was already there (--skip-existing); `interrupted` the run was stopped (Ctrl-C) before this file's output
 * was written: not read, or read but its output dropped (a single -o FILE stream is not written when interrupted).
 */
export type FileStatus = 'ok' | 'refused' | 'failed' | 'skipped' | 'interrupted';

/** One line of `--report`: what happened to one input. */
export interface FileReport {
  file: string;
  status: FileStatus;
  /** Why it was refused or failed (InputError code or `not_found`, `worker`, `no_table`…). */
  code?: string;
  reason?: string;
  pages?: number;
  /** Tables written (after --tables / --table). */
  tables: number;
  /** Failed consistency checks of this document (`doc.checks.summary.failed`), when the document has checks. */
  checksFailed?: number;
  outputs: string[];
}

export interface Summary {
  files: number;
  ok: number;
  refused: number;
  failed: number;
  skipped: number;
  /** Files not done because the run was interrupted (Ctrl-C; the exit code is then 130). */
  interrupted: number;
  tables: number;
  pages: number;
  seconds: number;
  /**
   * Checks failed, summed over the documents read: `doc.checks?.summary?.failed` where the checks stage put it on
   * the document, else 0. Under --strict any failed check makes the exit code 3.
   */
  checksFailed: number;
}

/** The document's failed-check count, if the checks stage has run on it (0 otherwise). */
export function failedChecks(doc: ExtractedDocument): number {
  const failed = (doc as { checks?: { summary?: { failed?: unknown } } }).checks?.summary?.failed;
  return typeof failed === 'number' && Number.isFinite(failed) ? failed : 0;
}

export function summarise(files: FileReport[], seconds: number): Summary {
  const count = (s: FileStatus) => files.filter((f) => f.status === s).length;
  return {
    files: files.length,
    ok: count('ok'),
    refused: count('refused'),
    failed: count('failed'),
    skipped: count('skipped'),
    interrupted: count('interrupted'),
    tables: files.reduce((n, f) => n + (f.status === 'ok' ? f.tables : 0), 0),
    pages: files.reduce((n, f) => n + (f.status === 'ok' ? (f.pages ?? 0) : 0), 0),
    seconds: Math.round(seconds * 10) / 10,
    checksFailed: files.reduce((n, f) => n + (f.checksFailed ?? 0), 0),
  };
}

export function summaryLine(s: Summary, c: ChalkInstance): string {
  const parts = [
    c.green(`${s.ok} ok`),
    s.refused ? c.yellow(`${s.refused} refused`) : `${s.refused} refused`,
    s.failed ? c.red(`${s.failed} failed`) : `${s.failed} failed`,
  ];
  if (s.skipped) parts.push(`${s.skipped} skipped`);
  if (s.interrupted) parts.push(c.yellow(`${s.interrupted} interrupted`));
  let line = `budget-extract: ${s.files} files: ${parts.join(', ')}; ${s.tables} tables, ${s.pages} pages in ${s.seconds.toFixed(1)} s`;
  if (s.checksFailed) line += `; ${c.red(`${s.checksFailed} checks failed`)}`;
  return line;
}

/** 0 all read; 1 some input refused or failed; 3 (--strict) all read but some checks failed. */
export function exitCode(s: Summary, strict: boolean): number {
  if (s.refused || s.failed) return EXIT.INPUT;
  if (strict && s.checksFailed > 0) return EXIT.CHECKS;
  return EXIT.OK;
}
