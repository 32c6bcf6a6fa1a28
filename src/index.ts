export { extract, type ExtractOptions } from './extract.js';
export { InputError, type InputErrorCode } from './errors.js';
export { runChecks, type CheckReport, type CheckResult } from './checks/index.js';
export { formatCheckReport } from './checks/report.js';
export * from './records/index.js';
export type * from './types.js';
