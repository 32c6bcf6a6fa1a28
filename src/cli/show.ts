import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { readStdin, safeStem } from './inputs.js';
import { EXIT, UsageError } from './errors.js';
import { styleFor } from './style.js';
import { failure } from './failure.js';
import { writeFileAtomic } from '../export/write.js';
import { checkOutputDir, checkOutputFile, isDirForm, outputPath } from './paths.js';
import { parsePages } from './pages.js';
import { COMMANDER_OUTPUT, withVersion } from './version.js';

export interface ShowOptions {
  command: 'show';
  input: string;
  page?: number;
  /** `--pages`: the pages drawn by --all or --html (instead of every page with a table). */
  pages?: number[];
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
  return withVersion(new Command('budget-extract show'))
    .description(
      'See what was read: a page rendered with the rulings (stroke / fill), cells, merged cells, tables (kind · title) and rows failing a check drawn over it, as PNG; or an HTML report of every page with a table beside its grids.',
    )
    .argument('<file>', 'the PDF, or - for stdin')
    .option('--page <n>', 'the page to draw (1-based)', positiveInt)
    .option(
      '--pages <list>',
      'the pages drawn by --all or --html, 1-based: 3-7,12 (default: pages with a table)',
      parsePages,
    )
    .option('--all', 'every page that has a table (or each of --pages): one PNG each into -o DIR/', false)
    .option(
      '--html',
      'one self-contained HTML report: page images with the boxes, grids beside (click a cell to find it)',
      false,
    )
    .option(
      '-o, --output <path>',
      'PNG file (default <stem>.p<N>.png here), HTML file with --html (default <stem>.html); a folder (DIR/, or one that exists) takes those names; --all needs a folder',
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
  budget-extract show report.pdf --html --pages 3-7,12    the HTML report of those pages only
  budget-extract show report.pdf --html -o report.html    open in a browser; click a grid cell to see its box
  budget-extract show report.pdf --html -o review/        review/report.html (missing folders are created)`,
    )
    .showHelpAfterError('(see --help)')
    .exitOverride()
    .configureOutput(COMMANDER_OUTPUT);
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
  if (o.pages && o.page !== undefined)
    throw new UsageError('--page N draws one page; --pages picks the pages of --all or --html');
  if (o.pages && !o.all && !o.html)
    throw new UsageError('--pages picks the pages drawn by --all or --html (one page: --page N)');
  const modes = [o.page !== undefined && !o.html, o.all, o.html].filter(Boolean).length;
  if (modes === 0) throw new UsageError('show needs --page N, --all or --html');
  if (o.all && (o.page !== undefined || o.html)) throw new UsageError('--all cannot be used with --page or --html');
  if (o.all && !o.output) throw new UsageError('--all needs -o DIR/');
  return {
    command: 'show',
    input: cmd.args[0]!,
    page: o.page,
    pages: o.pages,
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
  // Where the output goes, checked before the PDF is read: -o DIR/ (or an existing folder) takes the default name.
  const target = await showTarget(opts, stem);
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
    const has = `the document has ${pages} page${pages === 1 ? '' : 's'}`;
    if (opts.page !== undefined && opts.page > pages) throw new UsageError(`--page ${opts.page}: ${has}`);
    const beyond = opts.pages?.filter((n) => n > pages) ?? [];
    if (beyond.length) throw new UsageError(`--pages: no page ${beyond.join(', ')}; ${has}`);
    const written: string[] = [];
    if (target.kind === 'dir') {
      for (const n of opts.pages ?? pagesWithTables(session.model)) {
        const file = path.join(target.path, `${stem}.p${n}.png`);
        await writeFileAtomic(file, await pagePng(session, n, opts.scale ?? 2));
        written.push(file);
      }
      if (!written.length) process.stderr.write(`budget-extract: ${name}: no page has a table; nothing written\n`);
    } else if (opts.html) {
      const html = await pagesHtml(session, {
        scale: opts.scale ?? 1.5,
        pages: opts.page !== undefined ? [opts.page] : opts.pages,
      });
      await writeFileAtomic(target.path, html);
      written.push(target.path);
    } else {
      await writeFileAtomic(target.path, await pagePng(session, opts.page!, opts.scale ?? 2));
      written.push(target.path);
    }
    for (const f of written) process.stdout.write(`${f}\n`);
    return EXIT.OK;
  } finally {
    await session.close();
  }
}

/**
 * The file (--page, --html) or folder (--all) `show` writes: -o FILE; -o DIR/ or an existing folder, the default
 * name in it (<stem>.p<N>.png, <stem>.html); no -o, the default name here. Missing parent folders are created;
 * an output that cannot be written is refused (`OutputError`) before the PDF is read.
 */
export async function showTarget(
  opts: Pick<ShowOptions, 'all' | 'html' | 'page' | 'output'>,
  stem: string,
): Promise<{ kind: 'file' | 'dir'; path: string }> {
  if (opts.all) {
    const dir = opts.output!;
    if (!(await isDirForm(dir))) throw new UsageError('--all writes into a folder: give -o DIR/');
    await checkOutputDir('-o', dir);
    return { kind: 'dir', path: dir };
  }
  const name = opts.html ? `${stem}.html` : `${stem}.p${opts.page}.png`;
  const file = opts.output !== undefined ? await outputPath(opts.output, name) : name;
  await checkOutputFile('-o', file);
  return { kind: 'file', path: file };
}
