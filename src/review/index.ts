import type { CheckResult, DocumentInfo, PageLayout, Review, Table } from '../types.js';
import { completeness } from './completeness.js';
import { narrative } from './narrative.js';
import { nameFindings } from './names.js';
import { documentSentences } from './sentences.js';
import { bySeverity } from './severity.js';
import { unitFindings } from './units.js';

export { documentSentences } from './sentences.js';

/** What reviewing a document gives: the review, and a check result per figure its text states that was matched. */
export interface ReviewResult {
  review: Review;
  /** `narrative.*` results (passed or failed), each citing its sentence: they join the document's checks. */
  checks: CheckResult[];
}

/**
 * A disclosure read as an auditor reads it, beyond its tables' arithmetic: the tables its template requires
 * (completeness.ts), the figures its text states against its tables (narrative.ts), the department and each code
 * named one way (names.ts), a table's unit proven by its figures (units.ts). Reads the tables with their records in
 * their printed units, and the pages' text outside the grids; changes nothing. `partial`: only some pages were read
 * (`--pages`), so a table not seen is not missing — completeness is not judged.
 */
export function reviewDocument(
  info: DocumentInfo,
  tables: readonly Table[],
  layouts: readonly PageLayout[],
  partial = false,
): ReviewResult {
  const sentences = documentSentences(layouts);
  const required = partial
    ? { completeness: { template: null, tables: [] }, findings: [] }
    : completeness(info, tables, sentences, layouts);
  const stated = narrative(info, tables, sentences);
  const findings = [
    ...required.findings,
    ...nameFindings(info, tables, sentences, layouts),
    ...unitFindings(tables),
  ].sort(bySeverity);
  return {
    review: { completeness: required.completeness, narrative: stated.figures, findings },
    checks: stated.checks,
  };
}
