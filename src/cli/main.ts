import { runExtract } from './commands.js';
import { EXIT, OutputError, UsageError } from './errors.js';
import { parseArgs } from './options.js';
import { writeErrorMessage } from './paths.js';
import { runShow } from './show.js';

/**
 * The command line: parses, runs, and returns the exit code (0 ok, 1 input failed, 2 usage or an output that cannot be written, 3 --strict checks, 130
 * interrupted). An unexpected error is one line on stderr (exit 1), never a stack trace.
 */
export async function main(argv: string[]): Promise<number> {
  // `| head` closing the pipe early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    const opts = parseArgs(argv);
    if (!opts) return EXIT.OK;
    // `check` and `inspect` read in this thread; the extract command's main thread never loads the reader itself.
    if (opts.command === 'check') return await (await import('./check.js')).runCheck(opts);
    if (opts.command === 'inspect') return await (await import('./inspect.js')).runInspect(opts);
    if (opts.command === 'show') return await runShow(opts);
    return await runExtract(opts);
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.message) process.stderr.write(`budget-extract: ${err.message} (see --help)\n`);
      return EXIT.USAGE;
    }
    if (err instanceof OutputError) {
      process.stderr.write(`budget-extract: ${err.message}\n`);
      return EXIT.USAGE;
    }
    const message = writeErrorMessage(err) ?? (err instanceof Error ? err.message : String(err));
    process.stderr.write(`budget-extract: ${message.replace(/\s+/gu, ' ').trim()}\n`);
    return EXIT.INPUT;
  }
}
