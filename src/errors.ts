/**
 * What can go wrong with one input, each with one message: the reason and what the user can do about it. The CLI
 * prints `budget-extract: FILE: MESSAGE` (one line on stderr) and goes on with the other inputs.
 */

/** Why a file cannot be read: input the reader cannot use (the file's fault). A `refused` file in the report. */
export type InputErrorCode =
  | 'not_pdf'
  | 'empty'
  | 'truncated'
  | 'encrypted'
  | 'no_text_layer'
  | 'unreadable_fonts'
  | 'too_large'
  | 'no_such_page'
  | 'unreadable';

const ADVICE: Record<InputErrorCode, string> = {
  not_pdf: 'the file is not a PDF; check the download',
  empty: 'the file is empty; download it again',
  truncated: 'the PDF is truncated or corrupt; download it again',
  encrypted: 'the PDF is encrypted; pass its password with --password',
  no_text_layer: 'the PDF has no text layer (a scan); run OCR on it first',
  unreadable_fonts: 'the PDF fonts have no Unicode mapping, so its text cannot be read; run OCR on it first',
  too_large: 'the PDF is larger than the limits set; raise --max-pages, or split it',
  no_such_page: 'the document does not have the pages asked for; check --pages against its page count',
  unreadable: 'the PDF is damaged and could not be read; download it again, or repair it (e.g. qpdf)',
};

export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    detail?: string,
  ) {
    super(detail ? `${ADVICE[code]} (${detail})` : ADVICE[code]);
    this.name = 'InputError';
  }
}

/**
 * Why reading a file failed for a reason other than its content being unusable: a `failed` file in the report.
 * `timeout` and `out_of_memory` are limits (`--timeout`, `--max-memory`); `worker` is a reader thread that died
 * (it is replaced, the others go on); `error` is a bug in the reader: please report it with the file.
 */
export type FailureCode =
  | 'not_found'
  | 'is_directory'
  | 'permission'
  | 'timeout'
  | 'out_of_memory'
  | 'worker'
  | 'no_table'
  | 'error';

/** The message of a failure (`detail` in parentheses). */
export function failureMessage(code: FailureCode, detail?: string): string {
  const base: Record<FailureCode, string> = {
    not_found: 'no such file',
    is_directory: 'is a directory, not a PDF',
    permission: 'permission denied',
    timeout: 'reading it took too long and was stopped; raise --timeout, or check the file',
    out_of_memory: 'reading it ran out of memory and was stopped; raise --max-memory, or split the file',
    worker: 'the worker reading it failed',
    no_table: 'the table asked for is not in this document',
    error: 'could not be read',
  };
  return detail ? `${base[code]} (${detail})` : base[code];
}

/** Every code a file's report can carry, refused or failed, for documentation and tests. */
export const INPUT_ERROR_CODES: readonly InputErrorCode[] = Object.keys(ADVICE) as InputErrorCode[];
