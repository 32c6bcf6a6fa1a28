import { failureMessage, InputError } from '../errors.js';
import { classifyPdfError, isPdfjsError } from '../pdf/errors.js';
import { writeErrorMessage } from './paths.js';

/** A document not read: `refused` input the reader cannot use (not a PDF, scanned, encrypted…), `failed` anything else. */
export interface Failure {
  status: 'refused' | 'failed';
  code: string;
  reason: string;
}

/** What went wrong with a document, as the batch summary and the per-file error line report it. */
export function failure(err: unknown): Failure {
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

/** Why a document read could not be written (its output path): `cannot write PATH: why`, a `failed` file. */
export function writeFailure(err: unknown): Failure {
  const reason = writeErrorMessage(err);
  return reason ? { status: 'failed', code: 'write', reason } : failure(err);
}
