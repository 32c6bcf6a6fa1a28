export { extract, type ExtractOptions } from './extract.js';
export { InputError, type InputErrorCode } from './errors.js';
export type * from './types.js';
