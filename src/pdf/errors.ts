// What pdf.js's errors mean to the user, apart from pdf.js itself: the command line classifies failures without
// loading pdf.js into its main thread.
import { InputError } from '../errors.js';

/** The exception classes pdf.js throws (or passes on from its worker) for a PDF it cannot parse. */
const PDFJS_ERRORS = new Set([
  'InvalidPDFException',
  'FormatError',
  'UnknownErrorException',
  'MissingPDFException',
  'UnexpectedResponseException',
  'PasswordException',
  'XRefEntryException',
  'XRefParseException',
  'ParserEOFException',
]);

/** True for an error pdf.js raised about the file (a damaged PDF), as opposed to a bug in the reader. */
export function isPdfjsError(err: unknown): boolean {
  const name = (err as { name?: unknown })?.name;
  return typeof name === 'string' && PDFJS_ERRORS.has(name);
}

/** A pdf.js error as the `InputError` the user sees. */
export function classifyPdfError(err: unknown): InputError {
  if (err instanceof InputError) return err;
  const name = (err as { name?: string })?.name ?? '';
  const message = oneLine((err as { message?: string })?.message ?? String(err));
  if (name === 'PasswordException') {
    return new InputError('encrypted', /incorrect/i.test(message) ? 'the password given is wrong' : undefined);
  }
  if (name === 'InvalidPDFException') return new InputError('truncated', message);
  return new InputError('unreadable', message);
}

function oneLine(s: string): string {
  const line = s.replace(/\s+/gu, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
