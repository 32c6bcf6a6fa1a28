import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { readStdin, safeStem } from './inputs.js';
import { EXIT, UsageError } from './errors.js';
import { styleFor } from './style.js';
import { failure } from './failure.js';

export interface ShowOptions {
  command: 'show';
  input: string;
  page?: number;
  all: boolean;
  html: boolean;
  output?: string;
  scale?: number;
  password?: string;
  maxPages?: number;
}

function positiveInt(v: string): number {
  if (!/^\d+$/u.test(v) || Number(v) < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(v);
}

function scaleArg(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 8) throw new InvalidArgumentError('expected a number above 0, at most 8');
  return n;
}

export function showCommand(): Command {
  return new Command('budget-extract show')
    .description(
      'See what was read: a page rendered with the rulings (stroke / fill), cells, merged cells, tables (kind · title) and rows failing a check drawn over it, as PNG; or an HTML report of every page with a table beside its grids.',
    )
    .argument('<file>', 'the PDF, or - for stdin')
    .option('--page <n>', 'the page to draw (1-based)', positiveInt)
    .option('--all', 'every page that has a table: one PNG each into -o DIR/', false)
    .option(
      '--html',
      'one self-contained HTML report: page images with the boxes, grids beside (click a cell to find it)',
      false,
    )
    .option(
      '-o, --output <path>',
      'PNG file (default <stem>.p<N>.png here), folder with --all, HTML file with --html (default <stem>.html)',
    )
    .option('--scale <k>', 'pixels per PDF point (default 2 for PNG, 1.5 for HTML)', scaleArg)
    .option('--password <password>', 'password of an encrypted PDF')
    .option('--max-pages <n>', 'refuse documents with more pages than this', positiveInt)
    .addHelpText(
      'after',
      `
Examples:
  budget-extract show report.pdf --page 3                 report.p3.png in the current folder
  budget-extract show report.pdf --page 3 -o p3.png --scale 3
  budget-extract show report.pdf --all -o pictures/       pictures/report.p<N>.png for each page with a table
  budget-extract show report.pdf --html -o report.html    open in a browser; click a grid cell to see its box`,
    )
    .showHelpAfterError('(see --help)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
}

/** Parses `show`'s arguments (after the word `show`); null when it only printed help. Throws `UsageError`. */
export function parseShowArgs(args: string[]): ShowOptions | null {
  const cmd = showCommand();
  try {
    cmd.parse(args, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return null;
      throw new UsageError('');
    }
    throw err;
  }
  const o = cmd.opts();
  const modes = [o.page !== undefined && !o.html, o.all, o.html].filter(Boolean).length;
  if (modes === 0) throw new UsageError('show needs --page N, --all or --html');
  if (o.all && (o.page !== undefined || o.html)) throw new UsageError('--all cannot be used with --page or --html');
  if (o.all && !o.output) throw new UsageError('--all needs -o DIR/');
  return {
    command: 'show',
    input: cmd.args[0]!,
    page: o.page,
    all: o.all,
    html: o.html,
    output: o.output,
    scale: o.scale,
    password: o.password,
    maxPages: o.maxPages,
  };
}

/** `budget-extract show`: writes the PNG(s) or the HTML report and prints their paths. Exit 0, 1 unreadable input, 2 usage. */
export async function runShow(opts: ShowOptions): Promise<number> {
  const err = styleFor(process.stderr);
  const name = opts.input === '-' ? 'stdin.pdf' : opts.input;
  const stem = safeStem(name);
  // Loaded here: the canvas package is only needed by this command.
  const { openShow, pagePng, pagesHtml, pagesWithTables } = await import('../show/show.js');
  let session: Awaited<ReturnType<typeof openShow>>;
  try {
    if (opts.input === '-' && process.stdin.isTTY)
      throw new UsageError('- reads a PDF from stdin, but stdin is a terminal');
    const data = opts.input === '-' ? await readStdin() : new Uint8Array(await readFile(opts.input));
    session = await openShow({ data, fileName: path.basename(name), password: opts.password, maxPages: opts.maxPages });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    process.stderr.write(`budget-extract: ${err.bold(name)}: ${failure(e).reason}\n`);
    return EXIT.INPUT;
  }
  try {
    const pages = session.model.pages.length;
    if (opts.page !== undefined && opts.page > pages)
      throw new UsageError(`--page ${opts.page}: the document has ${pages} page${pages === 1 ? '' : 's'}`);
    const written: string[] = [];
    if (opts.html) {
      const file = opts.output ?? `${stem}.html`;
      const html = await pagesHtml(session, {
        scale: opts.scale ?? 1.5,
        pages: opts.page !== undefined ? [opts.page] : undefined,
      });
      await writeOut(file, html);
      written.push(file);
    } else if (opts.all) {
      const dir = opts.output!;
      if (!dir.endsWith('/') && !dir.endsWith(path.sep) && !(await isDir(dir)))
        throw new UsageError('--all writes into a folder: give -o DIR/');
      await mkdir(dir, { recursive: true });
      for (const n of pagesWithTables(session.model)) {
        const file = path.join(dir, `${stem}.p${n}.png`);
        await writeOut(file, await pagePng(session, n, opts.scale ?? 2));
        written.push(file);
      }
      if (!written.length) process.stderr.write(`budget-extract: ${name}: no page has a table; nothing written\n`);
    } else {
      const n = opts.page!;
      const file = opts.output ?? `${stem}.p${n}.png`;
      await writeOut(file, await pagePng(session, n, opts.scale ?? 2));
      written.push(file);
    }
    for (const f of written) process.stdout.write(`${f}\n`);
    return EXIT.OK;
  } finally {
    await session.close();
  }
}

async function isDir(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null))?.isDirectory() ?? false;
}

async function writeOut(file: string, data: string | Buffer): Promise<void> {
  const dir = path.dirname(file);
  if (dir && dir !== '.') await mkdir(dir, { recursive: true });
  await writeFile(file, data);
}
