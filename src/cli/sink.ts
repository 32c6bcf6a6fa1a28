import { AtomicStream } from '../export/write.js';

function writeStdout(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(e) : resolve())));
}

/**
 * One stream of results (stdout or a single -o FILE) written in input order whatever order files finish in, so the
 * output is the same for any --jobs. A file is written to a temp file and renamed into place by `close` (removed
 * when nothing was read).
 */
export class OrderedSink {
  private readonly pending = new Map<number, Uint8Array[] | null>();
  private next = 0;
  private chain: Promise<void> = Promise.resolve();
  private wrote = false;

  /** How many inputs, from the first, have had their output handed to the stream (the others wait for them). */
  get done(): number {
    return this.next;
  }

  private constructor(private readonly file?: AtomicStream) {}

  /** `header`: written once before every input's output (the CSV header of a long or wide stream). */
  static async open(file?: string, header?: Uint8Array): Promise<OrderedSink> {
    const sink = new OrderedSink(file ? await AtomicStream.create(file) : undefined);
    if (header) {
      const out = sink.file;
      sink.chain = out ? out.write(header) : writeStdout(header);
    }
    return sink;
  }

  /** The output of input `index`, in pieces (null: it gave none). */
  put(index: number, output: Uint8Array[] | null): Promise<void> {
    this.pending.set(index, output);
    let ready: Uint8Array[] | null = null;
    while (this.pending.has(this.next)) {
      const t = this.pending.get(this.next);
      this.pending.delete(this.next++);
      if (t) {
        ready ??= [];
        ready.push(...t);
      }
    }
    if (ready) {
      this.wrote = true;
      const bytes = ready.length === 1 ? ready[0]! : Buffer.concat(ready);
      this.chain = this.chain.then(() => (this.file ? this.file.write(bytes) : writeStdout(bytes)));
    }
    return this.chain;
  }

  async close(): Promise<void> {
    await this.chain;
    if (!this.file) return;
    if (this.wrote) await this.file.commit();
    else await this.file.abort();
  }

  async abort(): Promise<void> {
    await this.chain.catch(() => {});
    await this.file?.abort();
  }
}
