import path from 'node:path';
import { formatCheckReport } from '../checks/report.js';
import { extract } from '../extract.js';
import { readStdin } from './inputs.js';
import { EXIT, UsageError } from './errors.js';
import type { CheckOptions } from './options.js';
import { styleFor } from './style.js';
import { failure } from './failure.js';

/**
 * `budget-extract check FILE…`: runs the accounting checks and prints a readable report per file (JSON with
 * --json). Exit 1 when a file cannot be read, 3 under --strict when a check fails, else 0.
 */
export async function runCheck(opts: CheckOptions): Promise<number> {
  const out = styleFor(process.stdout);
  const err = styleFor(process.stderr);
  let unreadable = false;
  let failed = false;
  const json: unknown[] = [];
  for (const input of opts.inputs) {
    const name = input === '-' ? 'stdin.pdf' : input;
    try {
      if (input === '-' && process.stdin.isTTY)
        throw new UsageError('- reads a PDF from stdin, but stdin is a terminal');
      const source = input === '-' ? await readStdin() : input;
      const doc = await extract(source, {
        fileName: input === '-' ? 'stdin.pdf' : path.basename(input),
        password: opts.password,
        maxPages: opts.maxPages,
        ...(opts.pages ? { pages: opts.pages } : {}),
      });
      if (doc.checks.summary.failed > 0) failed = true;
      if (opts.json) json.push({ file: name, checks: doc.checks });
      else process.stdout.write(formatCheckReport(name, doc.checks, out));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      unreadable = true;
      process.stderr.write(`budget-extract: ${err.bold(name)}: ${failure(e).reason}\n`);
    }
  }
  if (opts.json)
    process.stdout.write(
      `${JSON.stringify(json.length === 1 ? json[0] : json, null, process.stdout.isTTY ? 2 : undefined)}\n`,
    );
  if (unreadable) return EXIT.INPUT;
  return opts.strict && failed ? EXIT.CHECKS : EXIT.OK;
}
