/**
 * Limits on reading one file, so that no input can hang or exhaust a batch: a time limit per file (`--timeout`,
 * the file's worker thread is terminated when it is over) and a heap limit per worker thread (`--max-memory`, a
 * worker that runs out is replaced). `--max-pages` is checked by `extract()` itself.
 */
export interface Limits {
  /** Seconds one file may take; 0: no limit (and, for a single input, read in this thread). */
  timeoutSeconds: number;
  /** Old-generation heap of each worker thread, in MB. */
  maxMemoryMb: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({ timeoutSeconds: 300, maxMemoryMb: 2048 });
