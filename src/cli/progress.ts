import cliProgress from 'cli-progress';

/** Files done / total, pages a second, ETA and failures, on stderr; only when stderr is a terminal. */
export class Progress {
  private readonly bars?: cliProgress.MultiBar;
  private readonly bar?: cliProgress.SingleBar;
  private readonly started = Date.now();
  private pages = 0;
  private failures = 0;

  constructor(total: number, enabled: boolean) {
    if (!enabled || total < 2) return;
    this.bars = new cliProgress.MultiBar(
      {
        stream: process.stderr,
        format: '{bar} {value}/{total} files | {rate} pages/s | ETA {eta_formatted} | {failures} failed',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar = this.bars.create(total, 0, { rate: '0.0', failures: 0 });
  }

  done(pages: number, failed: boolean): void {
    this.pages += pages;
    if (failed) this.failures++;
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    this.bar?.increment(1, { rate: (this.pages / seconds).toFixed(1), failures: this.failures });
  }

  /** A line on stderr above the bar. */
  log(line: string): void {
    if (this.bars) this.bars.log(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  }

  stop(): void {
    this.bars?.stop();
  }
}
