/**
 * The built-ins pdf.js's legacy bundle replaces for the whole process, as they were before it loaded.
 *
 * The bundle carries core-js, which on Node 20 "fixes" `Array.prototype.push` (a spec corner: pushing past 2^53
 * elements, or onto an array with a frozen length) and `JSON.parse` (a proposal: the source text in revivers) with
 * JavaScript versions of them, for every caller in the process. That push alone cost about 15 % of reading the
 * corpus, in pdf.js and in this project's code alike. pdf.js needs neither corner, and a library should not change
 * the built-ins of the program that imports it; `restore()` puts the engine's own back once pdf.js has loaded.
 *
 * This module must be evaluated before pdf.js: it is imported first by pdfjs.ts, the one place pdf.js is imported.
 */
const push = Array.prototype.push;
const parse = JSON.parse;

export function restoreNativeBuiltins(): void {
  if (Array.prototype.push !== push) {
    Object.defineProperty(Array.prototype, 'push', {
      value: push,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
  if (JSON.parse !== parse) {
    Object.defineProperty(JSON, 'parse', { value: parse, writable: true, enumerable: false, configurable: true });
  }
}

/** True when both are the engine's own (a test checks this after pdf.js has loaded). */
export function nativeBuiltinsInPlace(): boolean {
  return Array.prototype.push === push && JSON.parse === parse;
}
