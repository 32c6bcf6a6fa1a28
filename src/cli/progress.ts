import cliProgress from 'cli-progress';

/** How a file ended, in the summary's words. */
export type Outcome = 'ok' | 'refused' | 'failed';

/** Where the bar is drawn: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/**
 * Files done / total, pages a second, time left, and the files ok / refused / failed (the summary's words), on
 * stderr; only when stderr is a terminal and there are several files.
 *
 * The time left is an estimate of bytes, not files: a file's page count is not known before it is read, so its
 * size stands in for the work it takes. The bar advances by each finished file's size, and cli-progress divides the
 * bytes left by the bytes a second of the last finished files. Files run largest first, so counting files would
 * promise the small ones' pace while the large ones run; bytes are still only a proxy (a scanned page weighs more
 * than a text page, and a file's size includes its fonts and images).
 */
export class Progress {
  private readonly bars?: cliProgress.MultiBar;
  private readonly bar?: cliProgress.SingleBar;
  private readonly started = Date.now();
  private readonly weights: number[];
  private pages = 0;
  private stopped = false;
  private files = 0;
  private readonly counts: Record<Outcome, number> = { ok: 0, refused: 0, failed: 0 };

  /**
   * `sizes`: each file's size in bytes, in task order (undefined when unknown, e.g. stdin: it weighs as much as the
   * average known file).
   */
  constructor(
    sizes: readonly (number | undefined)[],
    enabled: boolean,
    private readonly stream: ProgressStream = process.stderr,
  ) {
    const known = sizes.filter((s): s is number => s !== undefined && s > 0);
    const average = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
    this.weights = sizes.map((s) => (s !== undefined && s > 0 ? s : average));
    if (!enabled || sizes.length < 2) return;
    this.bars = new cliProgress.MultiBar(
      {
        stream: stream as NodeJS.WritableStream,
        // The counts before the rate and ETA, and the bar narrowed to leave them room: the line is cut to the width.
        format:
          '{bar} {files}/{total_files} files | {ok} ok, {refused} refused, {failed} failed | {rate} pages/s | ETA {eta_formatted}',
        barsize: Math.max(10, Math.min(40, (stream.columns ?? 80) - 72)),
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 20,
        // cli-progress's default (false) turns the terminal's line wrapping off while the bar runs, which cuts every
        // line written above the bar (an error with a long reason) at the terminal's width. With wrapping on, only
        // the bar line itself is cut to the width; the lines logged above it wrap and print whole.
        linewrap: true,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar = this.bars.create(this.total(), 0, this.payload());
  }

  private total(): number {
    return this.weights.reduce((a, b) => a + b, 0);
  }

  private payload(): Record<string, string | number> {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    return {
      files: this.files,
      total_files: this.weights.length,
      rate: (this.pages / seconds).toFixed(1),
      ...this.counts,
    };
  }

  /** Task `index` finished: `pages` read (0 unless ok). */
  done(index: number, pages: number, outcome: Outcome): void {
    this.pages += pages;
    this.files++;
    this.counts[outcome]++;
    this.bar?.increment(this.weights[index] ?? 0, this.payload());
  }

  /** A line on stderr above the bar, whole (never cut at the terminal's width). */
  log(line: string): void {
    if (this.bars) this.bars.log(`${line}\n`);
    else this.stream.write(`${line}\n`);
  }

  stop(): void {
    if (!this.bars || this.stopped) return;
    this.stopped = true;
    // Lines logged since the last redraw are still buffered, and stop() alone would drop them: write them first.
    this.bars.update();
    this.bars.stop();
  }
}
