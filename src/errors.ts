/** Why a file cannot be read: one reason each, with what the user can do about it. */
export type InputErrorCode =
  | 'not_pdf'
  | 'empty'
  | 'truncated'
  | 'encrypted'
  | 'no_text_layer'
  | 'unreadable_fonts'
  | 'too_large'
  | 'unreadable';

const ADVICE: Record<InputErrorCode, string> = {
  not_pdf: 'the file is not a PDF; check the download',
  empty: 'the file is empty; download it again',
  truncated: 'the PDF is truncated or corrupt; download it again',
  encrypted: 'the PDF is encrypted; pass its password with --password',
  no_text_layer: 'the PDF has no text layer (a scan); run OCR on it first',
  unreadable_fonts: 'the PDF fonts have no Unicode mapping, so its text cannot be read; run OCR on it first',
  too_large: 'the PDF is larger than the limits set',
  unreadable: 'the PDF could not be read',
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
