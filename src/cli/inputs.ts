import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors.js';

export interface Input {
  /** As named on the command line (or found in a folder / by a glob); `-` for stdin. */
  name: string;
  /** Path to read; undefined for stdin. */
  path?: string;
  /** Output file stem, safe inside -o DIR and unique within the run. */
  stem: string;
}

async function pdfsUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await pdfsUnder(p)));
    else if (e.isFile() && /\.pdf$/iu.test(e.name)) out.push(p);
  }
  return out.sort();
}

/**
 * Expands the command line inputs, in the order given: a folder gives every *.pdf below it, a glob pattern the
 * files it matches (both sorted); anything else is a file, read (and reported if unreadable) later. A folder or
 * pattern that finds no PDF is a usage error.
 */
export async function expandInputs(args: string[]): Promise<Input[]> {
  const names: string[] = [];
  let stdin = 0;
  for (const arg of args) {
    if (arg === '-') {
      if (++stdin > 1) throw new UsageError('- (stdin) can be given only once');
      names.push(arg);
      continue;
    }
    const st = await stat(arg).catch(() => null);
    let found: string[];
    if (st?.isDirectory()) found = await pdfsUnder(arg);
    else if (!st && isDynamicPattern(arg))
      found = (await glob(arg, { onlyFiles: true, expandDirectories: false })).sort();
    else found = [arg];
    if (!found.length) throw new UsageError(`no PDF found in ${arg}`);
    names.push(...found);
  }
  const unique = [...new Set(names)];
  const stems = new Map<string, number>();
  return unique.map((name) => {
    const base = name === '-' ? 'stdin' : safeStem(name);
    const n = (stems.get(base) ?? 0) + 1;
    stems.set(base, n);
    return { name, path: name === '-' ? undefined : name, stem: n === 1 ? base : `${base}-${n}` };
  });
}

/**
 * The file name without folders and without `.pdf`, made safe to use as a file name inside the output folder:
 * separators, control and reserved characters become `_`, leading dots are dropped (`../x.pdf` → `x`).
 */
export function safeStem(name: string): string {
  const base = name.split(/[\\/]/u).pop() ?? '';
  const stem = base
    .replace(/\.pdf$/iu, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*\\/]/gu, '_')
    .replace(/^[.\s]+/u, '')
    .replace(/[.\s]+$/u, '');
  return stem || 'document';
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
