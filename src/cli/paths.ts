import { constants } from 'node:fs';
import { access, mkdtemp, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from './errors.js';

/**
 * Output paths, the same for every command:
 * - `-o DIR/` (ending with a separator) or `-o` an existing folder: the outputs go into that folder, under their
 *   default names (`<stem>.json`, `<stem>.p<N>.png`, `<stem>.html` …);
 * - else `-o FILE` is the file written;
 * - missing parent folders (and a missing `DIR/`) are created;
 * - an output that cannot be written (a file where a folder is needed, a folder where a file is needed, a folder
 *   not writable) is refused before anything is read: `OutputError`, exit 2.
 */
export async function isDirForm(p: string): Promise<boolean> {
  return /[\\/]$/u.test(p) || (await stat(p).catch(() => null))?.isDirectory() === true;
}

/** `-o` resolved: the folder form gives `dir/name`, else the path itself. */
export async function outputPath(output: string, defaultName: string): Promise<string> {
  return (await isDirForm(output)) ? path.join(output, defaultName) : output;
}

const canWrite = (p: string): Promise<boolean> =>
  access(p, constants.W_OK).then(
    () => true,
    () => false,
  );

/**
 * Whether a folder takes new entries: a probe folder is made in it and removed (permission bits alone do not say:
 * root writes past them, and /proc refuses every name).
 */
async function writable(dir: string): Promise<boolean> {
  if (!(await canWrite(dir))) return false;
  try {
    await rmdir(await mkdtemp(path.join(dir, '.budget-extract-probe-')));
    return true;
  } catch {
    return false;
  }
}

/** The nearest folder above `p` (itself excluded) that exists, and what it is. */
async function nearestExisting(p: string): Promise<{ path: string; dir: boolean }> {
  let at = path.resolve(p);
  for (;;) {
    const up = path.dirname(at);
    const st = await stat(up).catch(() => null);
    if (st) return { path: up, dir: st.isDirectory() };
    if (up === at) return { path: up, dir: true };
    at = up;
  }
}

/** Refuses a file output that cannot be written: `what` names it in the message (`-o`, `--report`, `--combine`). */
export async function checkOutputFile(what: string, file: string): Promise<void> {
  if (/[\\/]$/u.test(file)) throw new OutputError(`${what} ${file}: names a folder; give a file name`);
  const st = await stat(file).catch(() => null);
  if (st?.isDirectory()) throw new OutputError(`${what} ${file}: is a folder; give a file name`);
  const up = await nearestExisting(file);
  if (!up.dir) throw new OutputError(`${what} ${file}: ${up.path} is a file, not a folder`);
  if (!(await writable(up.path)))
    throw new OutputError(`${what} ${file}: cannot write in ${up.path} (the folder is not writable)`);
  if (st && !(await canWrite(file))) throw new OutputError(`${what} ${file}: the file is read-only`);
}

/** Refuses a folder output that cannot be written into (created later, with its parents, when missing). */
export async function checkOutputDir(what: string, dir: string): Promise<void> {
  // `file/` does not stat (ENOTDIR): the path without its separator does.
  const st = await stat(trimSep(dir)).catch(() => null);
  if (st && !st.isDirectory()) throw new OutputError(`${what} ${dir}: ${trimSep(dir)} is a file, not a folder`);
  const target = st ? { path: dir, dir: true } : await nearestExisting(dir);
  if (!target.dir) throw new OutputError(`${what} ${dir}: ${target.path} is a file, not a folder`);
  if (!(await writable(target.path)))
    throw new OutputError(`${what} ${dir}: cannot write in ${trimSep(target.path)} (the folder is not writable)`);
}

const trimSep = (p: string): string => (p.length > 1 ? p.replace(/[\\/]+$/u, '') : p);

const WHY: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file is in the way of a folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
};

/** A file system error of a write, as one line: `cannot write PATH: why`; null for an error that is not one. */
export function writeErrorMessage(err: unknown, fallbackPath?: string): string | null {
  const e = err as (NodeJS.ErrnoException & { dest?: string }) | undefined;
  if (!e || typeof e.code !== 'string' || !(e.code in WHY)) return null;
  const where = e.dest ?? e.path ?? fallbackPath;
  return `cannot write${where ? ` ${where}` : ''}: ${WHY[e.code]}`;
}
