import { failureMessage, InputError } from '../errors.js';
import { extract } from '../extract.js';
import { classifyPdfError, isPdfjsError } from '../pdf/open.js';
import type { ExtractedDocument } from '../types.js';

/** One file to read, as sent to a worker (plain data: it crosses a thread boundary). */
export interface Task {
  path?: string;
  bytes?: Uint8Array;
  fileName: string;
  password?: string;
  maxPages?: number;
  unit?: 'yuan' | 'wan';
}

/** `refused`: input the reader cannot use (not a PDF, scanned, encrypted…); `failed`: anything else went wrong. */
export type TaskResult =
  | { status: 'ok'; doc: ExtractedDocument }
  | { status: 'refused' | 'failed'; code: string; reason: string };

export async function runTask(task: Task): Promise<TaskResult> {
  try {
    const input = task.bytes ?? task.path;
    if (input === undefined) throw new Error('nothing to read');
    const doc = await extract(input, { fileName: task.fileName, password: task.password, maxPages: task.maxPages, unit: task.unit });
    return { status: 'ok', doc };
  } catch (err) {
    return failure(err);
  }
}

export function failure(err: unknown): Extract<TaskResult, { status: 'refused' | 'failed' }> {
  if (err instanceof InputError) return { status: 'refused', code: err.code, reason: err.message };
  // pdf.js giving up on a damaged file while reading its pages: the file's fault, not the reader's.
  if (isPdfjsError(err)) {
    const e = classifyPdfError(err);
    return { status: 'refused', code: e.code, reason: e.message };
  }
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code === 'ENOENT') return { status: 'failed', code: 'not_found', reason: failureMessage('not_found') };
  if (e?.code === 'EISDIR') return { status: 'failed', code: 'is_directory', reason: failureMessage('is_directory') };
  if (e?.code === 'EACCES') return { status: 'failed', code: 'permission', reason: failureMessage('permission') };
  const message = (e?.message ?? String(err)).replace(/\s+/gu, ' ').trim();
  return { status: 'failed', code: 'error', reason: failureMessage('error', message) };
}
