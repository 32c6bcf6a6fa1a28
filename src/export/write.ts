import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  path: string;
  /** Text (written as UTF-8) or bytes. */
  content: string | Uint8Array;
}

function tempPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function writeTemp(file: string, content: string | Uint8Array): Promise<string> {
  const tmp = tempPath(file);
  const fh = await open(tmp, 'wx');
  try {
    await fh.writeFile(content);
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await fh.close();
  return tmp;
}

/**
 * Writes a set of files atomically each: every file goes to a temp file beside it first, and only when all are
 * written are they renamed into place, so a failure (or a crash) leaves no partial output under the final names.
 */
export async function writeFilesAtomic(files: OutputFile[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const f of files) {
      await mkdir(path.dirname(f.path), { recursive: true });
      temps.push(await writeTemp(f.path, f.content));
    }
  } catch (err) {
    await Promise.all(temps.map((t) => unlink(t).catch(() => {})));
    throw err;
  }
  // A rename that fails (a folder in the way of a file) leaves no temp file behind: the ones not yet renamed go.
  let i = 0;
  try {
    for (; i < files.length; i++) await rename(temps[i]!, files[i]!.path);
  } catch (err) {
    await Promise.all(temps.slice(i).map((t) => unlink(t).catch(() => {})));
    throw err;
  }
}

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ path: file, content }]);
}

/** A file written piece by piece to a temp file and renamed into place by `commit` (or removed by `abort`). */
export class AtomicStream {
  private constructor(
    readonly path: string,
    private readonly tmp: string,
    private readonly fh: Awaited<ReturnType<typeof open>>,
  ) {}

  static async create(file: string): Promise<AtomicStream> {
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = tempPath(file);
    return new AtomicStream(file, tmp, await open(tmp, 'wx'));
  }

  async write(content: string | Uint8Array): Promise<void> {
    await this.fh.writeFile(content);
  }

  async commit(): Promise<void> {
    try {
      await this.fh.sync();
      await this.fh.close();
      await rename(this.tmp, this.path);
    } catch (err) {
      await this.abort();
      throw err;
    }
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => {});
    await unlink(this.tmp).catch(() => {});
  }
}
