// The one place pdf.js is imported. Module order matters: native-builtins.js captures the engine's built-ins before
// pdf.js replaces some of them, and they are put back after pdf.js and its worker code have both loaded.
import { restoreNativeBuiltins } from './native-builtins.js';
// pdf.js 4.10.38 is the newest version that imports on Node 20 without a DOMMatrix polyfill or a canvas package.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// On Node pdf.js runs its "worker" on the calling thread; loaded here, it is found on globalThis.pdfjsWorker instead
// of being imported (and replacing the built-ins again) when the first document opens.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

restoreNativeBuiltins();

export { pdfjs };
