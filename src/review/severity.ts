import type { Finding } from '../types.js';

/** A finding's severity in Chinese, as the report and the workbooks print it. */
export const SEVERITY_ZH: Readonly<Record<Finding['severity'], string>> = {
  error: '错误',
  warning: '警告',
  notice: '提示',
};

const ORDER: readonly Finding['severity'][] = ['error', 'warning', 'notice'];

/** The review's order of findings: errors first, then warnings, then notices; by page within each. */
export const bySeverity = (a: Finding, b: Finding): number =>
  ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || (a.page ?? 0) - (b.page ?? 0);
